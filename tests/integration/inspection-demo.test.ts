import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { checkFeedback, checkHomeFresh, checkImagesAndMeta, checkSections } from "@/lib/integrity/inspection/check-content";
import { checkTamper } from "@/lib/integrity/inspection/check-tamper";
import { checkWords } from "@/lib/integrity/inspection/check-words";
import { fingerprintEverything } from "@/lib/integrity/fingerprint/store";
import { publishArticle, saveArticle, createArticle } from "@/lib/articles/workflow";
import { updateSettings } from "@/lib/settings/manage";
import { getSiteSettings } from "@/lib/settings/queries";
import type { Actor } from "@/lib/auth/session";

// The seeded demo site must pass its own inspection (the HTTP side is
// covered by the e2e suite against the real pages), and what the CMS
// publishes must never look like tampering.

let actor: Actor;

beforeAll(async () => {
  // Other test files restore rows they changed by writing them directly; sign the demo as the seed does.
  await fingerprintEverything();
  const u = await db.user.upsert({
    where: { email: "inspection-demo@example.test" },
    create: { email: "inspection-demo@example.test", name: "检查测试", role: "admin", passwordHash: "x" },
    update: {},
  });
  actor = { id: u.id, email: u.email, name: u.name, role: "admin", ip: "127.0.0.1" };
});

describe("the demo site", () => {
  it("passes the database-side items: fresh home and sections, no empty section, alt texts, dates and sources, no word hit, untampered", async () => {
    const now = new Date();
    expect((await checkHomeFresh(now)).status).toBe("pass");
    const sections = await checkSections(now);
    expect(sections.fresh).toMatchObject({ status: "pass", findings: [] });
    expect(sections.empty).toMatchObject({ status: "pass", findings: [] });
    const media = await checkImagesAndMeta(now);
    expect(media.alt.findings).toEqual([]);
    expect(media.meta.findings).toEqual([]);
    // Messages: the demo has none, but other files of this suite leave overdue ones in the shared database
    // (the fresh demo's 留言办理 is checked by the e2e check:site run, an overdue one by the bad-site test).
    expect((await checkFeedback(now)).summary).toMatch(/答复期限 5 个工作日/);
    const words = await checkWords(now, []);
    expect(words.findings).toEqual([]);
    expect(words.summary).toMatch(/扫描了 \d+ 项已发布内容/);
    expect(await db.article.count({ where: { isLive: true } })).toBeGreaterThanOrEqual(46);
    const tamper = await checkTamper({ baseUrl: "http://127.0.0.1:1", now, fetchPages: false });
    expect(tamper.item.findings).toEqual([]);
  });

  it("keeps the 2017 seed article's date while the newest demo item is from the last days", async () => {
    const seed = await db.article.findFirstOrThrow({ where: { title: { startsWith: "上下一盘棋" } } });
    expect(seed.publishedAt!.toISOString()).toBe("2017-11-20T00:30:00.000Z");
    const newest = await db.article.findFirstOrThrow({ where: { isLive: true }, orderBy: { publishedAt: "desc" } });
    expect(Date.now() - newest.publishedAt!.getTime()).toBeLessThan(3 * 86_400_000);
  });

  it("treats what the CMS publishes as legitimate and a direct write as tampering", async () => {
    const section = await db.section.findFirstOrThrow({ where: { path: "news" } });
    const input = { sectionId: section.id, title: "检查测试文章", summary: "", keywords: "", bodyHtml: "<p>正文</p>", source: "本局", author: "", coverId: null, publishedAt: null, attachments: [] };
    const { id } = await createArticle(input, actor);
    try {
      await publishArticle(id, null, actor);
      await saveArticle(id, { ...input, title: "检查测试文章（修改）" }, actor);
      await publishArticle(id, null, actor);
      const settings = await getSiteSettings();
      await updateSettings({ ...settings, phone: "0556-0000000" }, actor);
      await updateSettings(settings, actor);
      let t = await checkTamper({ baseUrl: "http://127.0.0.1:1", now: new Date(), fetchPages: false });
      expect(t.item.findings).toEqual([]);

      await db.article.update({ where: { id }, data: { bodyHtml: "<p>正文</p><p>请访问博彩网站</p>" } });
      t = await checkTamper({ baseUrl: "http://127.0.0.1:1", now: new Date(), fetchPages: false });
      expect(t.item.findings.map((f) => f.text)).toEqual(["文章“检查测试文章（修改）”的数据库内容与发布时不一致（正文）：未经本系统发布被改写"]);

      // Forging the fingerprint row too does not help without the server's key.
      const fp = await db.contentFingerprint.findUniqueOrThrow({ where: { targetType_targetId: { targetType: "article", targetId: String(id) } } });
      const fields = JSON.parse(fp.fields);
      await db.contentFingerprint.update({ where: { id: fp.id }, data: { fields: JSON.stringify({ ...fields, bodyHash: "0".repeat(64) }) } });
      t = await checkTamper({ baseUrl: "http://127.0.0.1:1", now: new Date(), fetchPages: false });
      expect(t.item.findings.map((f) => f.text)).toEqual(["文章“检查测试文章（修改）”的发布指纹签名无效：指纹记录被绕过本系统改写"]);
    } finally {
      await db.article.delete({ where: { id } });
      await db.contentFingerprint.deleteMany({ where: { targetType: "article", targetId: String(id) } });
    }
  });
});
