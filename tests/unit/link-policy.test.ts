import { describe, expect, it } from "vitest";
import { checkLink } from "@/lib/integrity/links/check";
import { officialLookalike } from "@/lib/integrity/links/lookalike";
import { htmlPolicyInput } from "@/lib/integrity/policy/fields";

const ctx = { blockedDomains: ["bet365.com", "pornhub.com"], ownDomain: "www.aqfgw.gov.cn" };

describe("link policy", () => {
  it.each([
    ["https://g0v.cn/notice", "gov-cn"],
    ["https://www.gov-cn.com/", "gov-cn"],
    ["http://govcn.net/a", "gov-cn"],
    ["https://www.gov.cn.evil.com/zhengce", "gov-cn"],
    ["https://xn--gv-jbc.cn/", "gov-cn"], // gοv.cn with a Greek ο
    ["https://xn--gv-fmc.cn/", "gov-cn"], // gоv.cn with a Cyrillic о
    ["https://xn--pple-43d.com/", "homograph"], // аpple.com with a Cyrillic а
    ["https://aqfgw-gov.com/", "own-domain"],
  ])("%s imitates an official domain (%s)", (href, reason) => {
    expect(officialLookalike(new URL(href).hostname, ctx.ownDomain)).toBe(reason);
    const p = checkLink({ href, text: "点击查看" }, ctx);
    expect(p?.kind).toBe("lookalike");
    expect(p?.reason).toMatch(/冒充|同形字/);
  });

  it.each(["https://www.gov.cn/zhengce/", "http://anqing.gov.cn", "https://www.aqfgw.gov.cn/x", "https://www.people.com.cn/", "https://中国政府.网/", "/news/1", "mailto:a@b.cn"])(
    "%s is fine",
    (href) => {
      expect(checkLink({ href, text: "链接" }, ctx)).toBeNull();
    },
  );

  it("blocked domains and their subdomains", () => {
    expect(checkLink({ href: "https://m.bet365.com/zh", text: "体育" }, ctx)).toMatchObject({ kind: "blocked-domain", reason: "链接指向违规网址 bet365.com" });
    expect(checkLink({ href: "https://notbet365.com/", text: "x" }, ctx)).toBeNull();
  });

  it("link text showing another domain than the target", () => {
    expect(checkLink({ href: "https://evil.example.com/", text: "www.gov.cn" }, ctx)).toMatchObject({
      kind: "text-mismatch",
      reason: "链接文字显示 www.gov.cn，实际指向 evil.example.com",
    });
    expect(checkLink({ href: "https://evil.example.com/", text: "ｗｗｗ．ｇｏｖ．ｃｎ" }, ctx)?.kind).toBe("text-mismatch");
    expect(checkLink({ href: "https://www.gov.cn/index.htm", text: "中国政府网 www.gov.cn" }, ctx)).toBeNull();
    expect(checkLink({ href: "https://gov.cn/", text: "https://www.gov.cn" }, ctx)).toBeNull();
    expect(checkLink({ href: "https://example.org/", text: "增长1.5亿元，版本v2.0" }, ctx)).toBeNull();
  });

  it("finds links, paragraphs, image alt texts and captions in rich text", () => {
    const input = htmlPolicyInput(
      `<h2>小标题</h2><p>第一段</p><p>第二段 <a href="https://g0v.cn/x">通知</a></p><figure><img src="/a.jpg" alt="替代文字"><figcaption>图片说明</figcaption></figure>`,
    );
    expect(input.fields.map((f) => `${f.where}=${f.text}`)).toEqual([
      "正文第1段=小标题",
      "正文第2段=第一段",
      "正文第3段=第二段 通知",
      "正文第1张图片的替代文字=替代文字",
      "正文第1张图片的说明=图片说明",
    ]);
    expect(input.links).toEqual([{ href: "https://g0v.cn/x", text: "通知", where: "正文第3段的链接“通知”", field: undefined }]);
  });
});
