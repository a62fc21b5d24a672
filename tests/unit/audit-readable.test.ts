import { describe, expect, it } from "vitest";
import { readableSummary } from "@/lib/audit/readable";
import { AUDIT_ACTION_LABELS } from "@/lib/audit/log";
import { AUDIT_TARGET_LABELS } from "@/lib/audit/query";

describe("audit entries read in Chinese", () => {
  it("translates the English phrases older entries carry", () => {
    expect(readableSummary("auth.signin.failed", "rate limited")).toBe("尝试次数过多，已暂时禁止登录");
    expect(readableSummary("auth.signin.failed", "throttled")).toBe("失败次数过多，登录已放慢");
    expect(readableSummary("media.upload", "通知.pdf (same file as before, reused)")).toBe("通知.pdf（与此前上传的文件相同，已复用）");
  });

  it("names settings fields and roles as the forms do", () => {
    expect(readableSummary("settings.update", "修改：siteName、owner")).toBe("修改：网站名称、版权所有单位");
    expect(readableSummary("user.create", "a@b.cn（reviewer）")).toBe("a@b.cn（审核员）");
    expect(readableSummary("user.update", "a@b.cn：角色 editor→admin、停用")).toBe("a@b.cn：角色 编辑→管理员、停用");
  });

  it("shows times in Beijing time, not UTC ISO", () => {
    expect(readableSummary("article.schedule", "通知 @ 2026-12-03T02:30:00.000Z")).toBe("通知，定时于 2026-12-03 10:30（北京时间）");
  });

  it("leaves Chinese summaries alone", () => {
    expect(readableSummary("article.save", "关于开展纳税服务的通知（第3版）")).toBe("关于开展纳税服务的通知（第3版）");
  });

  it("every label is Chinese; 留言 is a target to filter by", () => {
    for (const label of [...Object.values(AUDIT_ACTION_LABELS), ...Object.values(AUDIT_TARGET_LABELS)]) expect(label).not.toMatch(/[A-Za-z]{2,}/);
    expect(AUDIT_TARGET_LABELS.suggestion).toBe("留言");
  });
});
