"use server";

import { after } from "next/server";
import { audit } from "@/lib/audit/log";
import { guardedAction } from "@/lib/auth/guard";
import { DomainError } from "@/lib/errors";
import { purgeTarget } from "@/lib/integrity/inspection/purge";
import { runInspection, startRun } from "@/lib/integrity/inspection/run";
import { selfBaseUrl } from "@/lib/integrity/inspection/schedule";
import { fingerprintEverything } from "@/lib/integrity/fingerprint/store";
import { z } from "@/lib/validation/zod";

// Both take an explicit input, so nothing runs by accident (an empty call is refused as invalid).
const runSchema = z.object({ scope: z.enum(["full", "quick"], { message: "未知的检查范围" }) });
const confirmSchema = z.object({ confirm: z.literal(true, { message: "请确认" }) });

/** 立即全面检查: the run goes on after the response; the page polls its progress. */
export const runInspectionAction = guardedAction("inspection.run", runSchema, async ({ scope }, actor) => {
  const runId = await startRun("button", scope);
  if (runId === null) throw new DomainError("已有一次检查正在进行，请等它完成");
  await audit(actor, { action: "inspection.run", targetType: "inspection", targetId: runId, summary: scope === "full" ? "立即全面检查" : "立即检查（不含链接扫描）" });
  after(() =>
    runInspection({ trigger: "button", scope, baseUrl: selfBaseUrl(), runId }).catch((err) => {
      console.error("[inspection] run failed:", err);
    }),
  );
  return { ok: true, data: { runId }, message: "检查已开始" };
});

const purgeSchema = z.object({
  targetType: z.enum(["article", "page", "settings", "section"], { message: "未知的内容类型" }),
  targetId: z.string().regex(/^\d{1,9}$/, "编号无效"),
});

/** 清除缓存并重新生成: the cached or proxied copy differs while the database still matches its fingerprint. */
export const purgePageAction = guardedAction("inspection.run", purgeSchema, async (input, actor) => {
  const label = await purgeTarget(input.targetType, Number(input.targetId));
  await audit(actor, { action: "integrity.purge", targetType: input.targetType, targetId: input.targetId, summary: `清除缓存并重新生成：${label}` });
  return { ok: true, message: `已清除“${label}”的缓存，下次访问将重新生成；请重新检查确认` };
});

/** 确认当前内容为基准: re-sign everything public now (after an upgrade, or once a tampering has been repaired by other means). */
export const baselineAction = guardedAction("inspection.baseline", confirmSchema, async (_input, actor) => {
  const n = await fingerprintEverything();
  await audit(actor, { action: "integrity.baseline", targetType: "inspection", summary: `重新签名 ${n} 项公开内容` });
  return { ok: true, message: `已重新签名 ${n} 项公开内容` };
});
