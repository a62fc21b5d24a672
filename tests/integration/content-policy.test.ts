import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { articleInputSchema } from "@/lib/articles/schema";
import { parseSnapshot } from "@/lib/articles/snapshot";
import * as wf from "@/lib/articles/workflow";
import { replyToSuggestion } from "@/lib/feedback/manage";
import { runPolicy, loadPolicyContext } from "@/lib/integrity/policy/enforce";
import { articlePolicyInput, pagePolicyInput, sectionPolicyInput, settingsPolicyInput } from "@/lib/integrity/policy/sources";
import { scanText } from "@/lib/integrity/words/scan";
import { savePage } from "@/lib/pages/manage";
import { createSection } from "@/lib/sections/manage";
import { settingsSchema, updateSettings } from "@/lib/settings/manage";
import { getSiteSettings } from "@/lib/settings/queries";
import { makeActor } from "../support/actors";

// Articles made here carry forbidden words: removed afterwards, so other suites
// sharing the database (seed, search) never meet them.
const created: number[] = [];
afterAll(async () => {
  const admin = await makeActor("admin");
  for (const id of created) await wf.deleteArticle(id, admin).catch(() => undefined);
});

async function create(input: Parameters<typeof wf.createArticle>[0], actor: Parameters<typeof wf.createArticle>[1]) {
  const r = await wf.createArticle(input, actor);
  created.push(r.id);
  return r;
}

async function articleInput(over: Record<string, unknown> = {}) {
  const section = await db.section.findFirstOrThrow({ where: { path: "news" } });
  return articleInputSchema.parse({ title: "内容检查测试文章", sectionId: section.id, bodyHtml: "<p>第一段正文。</p>", source: "测试", ...over });
}

describe("the demo site is clean", () => {
  it("the 46 demo articles, static pages, sections and settings produce no word or link hits", async () => {
    const ctx = await loadPolicyContext();
    expect(ctx.lists.words.size).toBeGreaterThan(100);
    const articles = await db.article.findMany({ include: { attachments: { include: { media: true } }, cover: true } });
    expect(articles.length).toBeGreaterThanOrEqual(46);
    const found: string[] = [];
    for (const a of articles) {
      const media = [...a.attachments.map((x) => x.media), ...(a.cover ? [a.cover] : [])];
      const snapshot = { ...a, attachments: a.attachments.map((x) => ({ mediaId: x.mediaId, title: x.title })) };
      const r = runPolicy(articlePolicyInput(snapshot, media), ctx);
      found.push(...r.words.map((w) => `${a.title} ${w.where} ${w.word}`), ...r.links.map((l) => `${a.title} ${l.where} ${l.reason}`));
    }
    for (const p of await db.page.findMany()) {
      const r = runPolicy(pagePolicyInput(p), ctx);
      found.push(...r.words.map((w) => `${p.title} ${w.where} ${w.word}`), ...r.links.map((l) => `${p.title} ${l.reason}`));
    }
    for (const s of await db.section.findMany()) found.push(...runPolicy(sectionPolicyInput(s), ctx).words.map((w) => `${s.name} ${w.word}`));
    found.push(...runPolicy(settingsPolicyInput(await getSiteSettings()), ctx).words.map((w) => `${w.where} ${w.word}`));
    expect(found).toEqual([]);
  });
});

describe("publishing is blocked while a blocking word matches", () => {
  it("refuses with the word and where it is; the typed revision is kept; fixed, it publishes", async () => {
    const editor = await makeActor("editor");
    const reviewer = await makeActor("reviewer");
    const body = "<p>第一段正文。</p><p>欢迎访问 365 赛 事 投 注 官网。</p>";
    const { id } = await create(await articleInput({ bodyHtml: body }), editor);
    await expect(wf.publishArticle(id, null, reviewer)).rejects.toThrow(
      "不能发布：正文第2段含有“365 赛 事 投 注”（即“365赛事投注”，博彩/赌博）。请删除或修改后再发布。",
    );
    const a = await db.article.findUniqueOrThrow({ where: { id } });
    expect(a.isLive).toBe(false);
    expect(a.status).toBe("draft");
    // Nothing typed is lost: the working copy still holds the text as saved.
    const head = await db.articleRevision.findUniqueOrThrow({ where: { id: a.headRevisionId! } });
    expect(parseSnapshot(head.snapshot).bodyHtml).toContain("365 赛 事 投 注");

    // Scheduling is refused the same way.
    await expect(wf.publishArticle(id, new Date(Date.now() + 3600_000), reviewer)).rejects.toThrow(/不能定时发布：正文第2段/);

    await wf.saveArticle(id, await articleInput({ bodyHtml: "<p>第一段正文。</p><p>欢迎访问本局官网。</p>" }), editor);
    await wf.publishArticle(id, null, reviewer);
    expect((await db.article.findUniqueOrThrow({ where: { id } })).isLive).toBe(true);
  });

  it.each([
    ["title", { title: "３６５赛事投注开业" }, /标题含有“３６５赛事投注”/],
    ["traditional", { summary: "歡迎參與賽事投注" }, /摘要含有“賽事投注”（即“赛事投注”，博彩\/赌博）/],
    ["zero-width", { bodyHtml: "<p>在\u200b线\u200d赌\ufeff场</p>" }, /正文第1段含有/],
    ["blocked link", { bodyHtml: '<p>详见<a href="https://www.bet365.com/zh">这里</a></p>' }, /正文第1段的链接“这里”：链接指向违规网址 bet365\.com/],
    ["gov.cn look-alike", { bodyHtml: '<p><a href="https://www.gov.cn.evil.com/">中国政府网</a></p>' }, /冒充政府网站域名/],
    ["text showing another domain", { bodyHtml: '<p><a href="https://example.org/">www.gov.cn</a></p>' }, /链接文字显示 www\.gov\.cn，实际指向 example\.org/],
  ])("%s", async (_name, over, message) => {
    const editor = await makeActor("editor");
    const reviewer = await makeActor("reviewer");
    const { id } = await create(await articleInput(over), editor);
    await expect(wf.publishArticle(id, null, reviewer)).rejects.toThrow(message);
    expect((await db.article.findUniqueOrThrow({ where: { id } })).isLive).toBe(false);
  });

  it("wrong wording does not block publishing", async () => {
    const editor = await makeActor("editor");
    const reviewer = await makeActor("reviewer");
    const { id } = await create(await articleInput({ title: "国家卫计委发布通知" }), editor);
    await wf.publishArticle(id, null, reviewer);
    expect((await db.article.findUniqueOrThrow({ where: { id } })).isLive).toBe(true);
  });

  it("a scheduled article whose text became forbidden goes back to draft with the reason", async () => {
    const editor = await makeActor("editor");
    const reviewer = await makeActor("reviewer");
    const admin = await makeActor("admin");
    const word = `测试禁词${Date.now().toString(36)}`;
    const { id } = await create(await articleInput({ title: `关于${word}的通知` }), editor);
    await wf.publishArticle(id, new Date(Date.now() + 60_000), reviewer);
    const { addWord, deleteWord } = await import("@/lib/integrity/words/manage");
    const { id: wordId } = await addWord({ word, category: "ads", suggestion: "" }, admin);
    try {
      await wf.publishDue(new Date(Date.now() + 120_000));
      const a = await db.article.findUniqueOrThrow({ where: { id } });
      expect(a.isLive).toBe(false);
      expect(a.status).toBe("draft");
      expect(a.reviewComment).toMatch(`不能发布：标题含有“${word}”（违规广告）`);
    } finally {
      await deleteWord(wordId, admin);
    }
  });
});

describe("settings, pages, sections and feedback replies", () => {
  it("a settings save with 365赛事投注 in the footer's 版权所有 is refused and changes nothing", async () => {
    const admin = await makeActor("admin");
    const before = await getSiteSettings();
    for (const owner of ["365赛事投注", "365 赛 事 投 注", "３６５赛事投注", "賽事投注"]) {
      const input = settingsSchema.parse({ ...before, owner });
      await expect(updateSettings(input, admin)).rejects.toThrow(/^不能保存：页脚 版权所有含有“.+”（.*博彩\/赌博）/);
    }
    expect((await getSiteSettings()).owner).toBe(before.owner);
  });

  it("a settings save with wrong wording is saved with a suggestion", async () => {
    const admin = await makeActor("admin");
    const before = await getSiteSettings();
    try {
      const r = await updateSettings(settingsSchema.parse({ ...before, techSupport: "市国土资源局信息中心" }), admin);
      expect(r.warnings).toEqual(["页脚 技术支持：“国土资源局”应为“自然资源和规划局”"]);
    } finally {
      await updateSettings(settingsSchema.parse(before), admin);
    }
  });

  it("static pages, section names and feedback replies are checked", async () => {
    const admin = await makeActor("admin");
    await expect(savePage(null, { slug: `p${Date.now().toString(36)}`, title: "联系我们", bodyHtml: "<p>电话</p><p>代开发票请联系</p>" }, admin)).rejects.toThrow(
      "不能保存：页面正文第2段含有“代开发票”（诈骗）。请删除或修改后再保存。",
    );
    await expect(
      createSection({ name: "百家乐专区", slug: `s${Date.now().toString(36)}`, kind: "channel", parentId: null, description: "", showOnHome: false, updateRule: "auto", staleDays: null, closed: false } as Parameters<typeof createSection>[0], admin),
    ).rejects.toThrow(/栏目名称含有“百家乐”/);
    const s = await db.suggestion.create({
      data: { code: `WORDS${Date.now().toString(36).toUpperCase()}`.slice(0, 12), subject: "答复检查", content: "内容内容内容", contact: "13800138000" },
    });
    await expect(replyToSuggestion({ id: s.id, reply: "请添加微信了解刷单返利", replyPublic: true }, admin)).rejects.toThrow(/答复内容含有“刷单返利”（诈骗）/);
    const after = await db.suggestion.findUniqueOrThrow({ where: { id: s.id } });
    expect([after.reply, after.status]).toEqual(["", "new"]);
    // A citizen's spam subject is not made public by publishing the reply; a private reply is fine.
    await db.suggestion.update({ where: { id: s.id }, data: { subject: "百家乐平台代理" } });
    await expect(replyToSuggestion({ id: s.id, reply: "已转交有关部门处理。", replyPublic: true }, admin)).rejects.toThrow(/留言标题（公开后显示在留言选登中）含有“百家乐平台”/);
    await replyToSuggestion({ id: s.id, reply: "已转交有关部门处理。", replyPublic: false }, admin);
    await db.suggestion.delete({ where: { id: s.id } });
  });

  it("scanText reads the list from the database and sees edits at once", async () => {
    const admin = await makeActor("admin");
    const { addWord, deleteWord } = await import("@/lib/integrity/words/manage");
    const word = `新增禁词${Date.now().toString(36)}`;
    expect(await scanText(`这里有${word}`)).toEqual([]);
    const { id } = await addWord({ word, category: "porn", suggestion: "" }, admin);
    const hits = await scanText(`这里有${word}`);
    expect(hits.map((h) => [h.word, h.category, h.blocking, h.index])).toEqual([[word, "porn", true, 3]]);
    await deleteWord(id, admin);
    expect(await scanText(`这里有${word}`)).toEqual([]);
  });
});
