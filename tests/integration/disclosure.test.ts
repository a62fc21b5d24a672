import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { articleInputSchema } from "@/lib/articles/schema";
import * as wf from "@/lib/articles/workflow";
import { findPublishedArticle } from "@/lib/articles/queries";
import { loadArticlePreview } from "@/lib/articles/preview";
import { diffRevisions } from "@/lib/articles/revisions";
import { pageOfDisclosure } from "@/lib/disclosure/queries";
import { setPlacements } from "@/lib/placement/manage";
import { placementInputSchema } from "@/lib/placement/schema";
import { beijingParts } from "@/lib/format/date";
import { rebuildIndex } from "@/lib/search/index";
import { search, searchParamsSchema } from "@/lib/search/search";
import { REPEALED_DEMO_TITLE } from "@/lib/seed/demo-disclosure";
import { DomainError } from "@/lib/errors";
import type { DisclosureInput } from "@/lib/disclosure/fields";
import { makeActor } from "../support/actors";

const find = (params: Record<string, unknown>) => search(searchParamsSchema.parse(params), null);
const policies = () => db.section.findFirstOrThrow({ where: { path: "policies" } });
const YEAR = beijingParts(new Date()).y;

async function draft(title: string, disclosure: DisclosureInput | null, sectionId?: number) {
  const reviewer = await makeActor("reviewer");
  const input = articleInputSchema.parse({
    title,
    sectionId: sectionId ?? (await policies()).id,
    bodyHtml: `<p>${title}的正文。</p>`,
    disclosure,
  });
  const { id } = await wf.createArticle(input, reviewer);
  return { id, reviewer, input };
}

const fields = (docNumber: string): DisclosureInput => ({ issuer: "安庆市地方税务局", docNumber, writtenOn: "2026-01-05", topic: "税务", validity: "valid", repealedOn: "" });
const sequenceOf = (indexNumber: string) => Number(indexNumber.split("-").pop());

describe("the demo's 政府信息公开 sections", () => {
  it("通知公告 and 政策法规 are 信息公开 sections whose items all carry plausible fields and unique 索引号", async () => {
    const sections = await db.section.findMany({ where: { kind: "disclosure" }, orderBy: { path: "asc" } });
    expect(sections.map((s) => s.path)).toEqual(["notices", "policies"]);
    const articles = await db.article.findMany({ where: { sectionId: { in: sections.map((s) => s.id) } }, include: { disclosure: true } });
    expect(articles.length).toBeGreaterThanOrEqual(10);
    for (const a of articles) {
      expect(a.disclosure, a.title).not.toBeNull();
      expect(a.disclosure!.indexNumber).toMatch(/^3408000031\/\d{4}-\d{5}$/);
      expect(a.disclosure!.issuer).toMatch(/税务/);
      expect(a.disclosure!.docNumber).toMatch(/^[\u4e00-\u9fff]+〔\d{4}〕\d+号$/);
      expect(a.disclosure!.writtenOn <= a.publishedAt!.toISOString().slice(0, 10)).toBe(true);
    }
    expect(new Set(articles.map((a) => a.disclosure!.indexNumber)).size).toBe(articles.length);
    const repealed = articles.find((a) => a.title === REPEALED_DEMO_TITLE)!;
    expect(repealed.disclosure).toMatchObject({ validity: "repealed", repealedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
  });

  it("the section list shows 索引号, 文号 and 成文日期", async () => {
    const s = await policies();
    const page = await pageOfDisclosure([s.id], 1);
    expect(page.total).toBeGreaterThan(0);
    expect(page.items[0]).toMatchObject({ indexNumber: expect.stringContaining("/"), docNumber: expect.stringContaining("〔") });
  });

  it("puts a 置顶 document first in the catalogue, marked, with its fields, like every section list", async () => {
    const s = await policies();
    const before = await pageOfDisclosure([s.id], 1);
    const oldest = await db.article.findFirstOrThrow({ where: { sectionId: s.id, isLive: true }, orderBy: { publishedAt: "asc" }, include: { disclosure: true } });
    expect(before.items[0].id).not.toBe(oldest.id);
    const off = { on: false, position: "0", until: "" };
    const flags = (on: boolean) => placementInputSchema.parse({ articleId: oldest.id, headline: off, featured: off, pinned: { on, position: "0", until: "" } });
    const reviewer = await makeActor("reviewer");
    await setPlacements(flags(true), reviewer);
    try {
      const after = await pageOfDisclosure([s.id], 1);
      expect(after.total).toBe(before.total);
      expect(after.items[0]).toMatchObject({ id: oldest.id, pinned: true, indexNumber: oldest.disclosure!.indexNumber, docNumber: oldest.disclosure!.docNumber });
      expect(after.items.filter((a) => a.id === oldest.id)).toHaveLength(1);
    } finally {
      await setPlacements(flags(false), reviewer);
    }
  });
});

describe("索引号 on first publish", () => {
  it("is assigned from the pattern on the first publish, in sequence for the year, and never changes", async () => {
    const a = await draft("信息公开测试一", fields("安地税发〔2026〕101号"));
    const b = await draft("信息公开测试二", fields("安地税发【2026】102号"));
    expect(await db.articleDisclosure.findUnique({ where: { articleId: a.id } })).toBeNull(); // drafts have no public copy
    await wf.publishArticle(a.id, null, a.reviewer);
    await wf.publishArticle(b.id, null, b.reviewer);
    const ra = await db.articleDisclosure.findUniqueOrThrow({ where: { articleId: a.id } });
    const rb = await db.articleDisclosure.findUniqueOrThrow({ where: { articleId: b.id } });
    expect(ra.indexNumber).toMatch(new RegExp(`^3408000031/${YEAR}-\\d{5}$`));
    expect(sequenceOf(rb.indexNumber)).toBe(sequenceOf(ra.indexNumber) + 1);
    expect(rb.docNumber).toBe("安地税发〔2026〕102号"); // 【】 normalised

    // An edit (another 文号, 废止) and a re-publish keep the number.
    await wf.saveArticle(a.id, { ...a.input, disclosure: { ...fields("安地税发〔2026〕109号"), validity: "repealed", repealedOn: "2026-06-01" } }, a.reviewer);
    await wf.publishArticle(a.id, null, a.reviewer);
    const again = await db.articleDisclosure.findUniqueOrThrow({ where: { articleId: a.id } });
    expect(again).toMatchObject({ indexNumber: ra.indexNumber, docNumber: "安地税发〔2026〕109号", validity: "repealed", repealedOn: "2026-06-01" });

    // The pattern changes only numbers given afterwards.
    await db.siteSettings.update({ where: { id: 1 }, data: { indexNumberPattern: "AQ-<年>-<序号>" } });
    const c = await draft("信息公开测试三", fields(""));
    await wf.publishArticle(c.id, null, c.reviewer);
    const rc = await db.articleDisclosure.findUniqueOrThrow({ where: { articleId: c.id } });
    expect(rc.indexNumber).toBe(`AQ-${YEAR}-${String(sequenceOf(rb.indexNumber) + 1).padStart(5, "0")}`);
    expect((await db.articleDisclosure.findUniqueOrThrow({ where: { articleId: a.id } })).indexNumber).toBe(ra.indexNumber);
  });

  it("concurrent first publishes get distinct numbers", async () => {
    const drafts = await Promise.all([1, 2, 3, 4].map((n) => draft(`并发发布${n}`, fields(`安地税发〔2026〕${200 + n}号`))));
    await Promise.all(drafts.map((d) => wf.publishArticle(d.id, null, d.reviewer)));
    const rows = await db.articleDisclosure.findMany({ where: { articleId: { in: drafts.map((d) => d.id) } } });
    expect(rows).toHaveLength(4);
    const seqs = rows.map((r) => sequenceOf(r.indexNumber)).sort((x, y) => x - y);
    expect(new Set(seqs).size).toBe(4);
    expect(seqs[3] - seqs[0]).toBe(3); // no gaps, no duplicates
  });

  it("a 信息公开 section's article must carry the fields; another section's stores none", async () => {
    await expect(draft("缺少信息公开字段", null)).rejects.toThrow(DomainError);
    const news = await db.section.findFirstOrThrow({ where: { path: "news" } });
    const n = await draft("普通新闻", fields("安地税发〔2026〕300号"), news.id);
    await wf.publishArticle(n.id, null, n.reviewer);
    expect(await db.articleDisclosure.findUnique({ where: { articleId: n.id } })).toBeNull();
    expect((await findPublishedArticle(n.id))!.disclosure).toBeNull();
  });

  it("preview, public page and revision diff carry the fields", async () => {
    const d = await draft("预览信息公开", fields("安地税发〔2026〕400号"));
    const preview = await loadArticlePreview(d.id, d.reviewer);
    expect(preview !== "forbidden" && preview?.disclosure).toMatchObject({ indexNumber: null, docNumber: "安地税发〔2026〕400号" });
    await wf.saveArticle(d.id, { ...d.input, disclosure: { ...fields("安地税发〔2026〕401号"), topic: "综合政务" } }, d.reviewer);
    const diff = await diffRevisions(d.id, 1, 2);
    expect(diff.fields.find((f) => f.key === "disclosure")).toMatchObject({ changed: true, a: expect.stringContaining("400号"), b: expect.stringContaining("综合政务") });
    await wf.publishArticle(d.id, null, d.reviewer);
    const pub = await findPublishedArticle(d.id);
    expect(pub!.disclosure).toMatchObject({ indexNumber: expect.stringMatching(/-\d{5}$/), docNumber: "安地税发〔2026〕401号", topic: "综合政务" });
  });
});

describe("search by 文号 and 发文机关", () => {
  it("finds a document by its 文号 typed as a query, first, and through the filters", async () => {
    const d = await draft("关于测试检索的通知", { ...fields("安地税发〔2026〕512号"), issuer: "安庆市测试检索局" });
    await wf.publishArticle(d.id, null, d.reviewer);
    const byQuery = await find({ q: "安地税发〔2026〕512号" });
    expect(byQuery.hits[0]?.refId).toBe(String(d.id));
    expect((await find({ q: "安地税发[2026]512号" })).hits[0]?.refId).toBe(String(d.id));
    expect((await find({ q: "测试检索局" })).hits.map((h) => h.refId)).toContain(String(d.id));

    const byDoc = await find({ doc: "安地税发【2026】512" });
    expect(byDoc.hits.map((h) => h.refId)).toEqual([String(d.id)]);
    const byIssuer = await find({ issuer: "安庆市测试检索局" });
    expect(byIssuer.hits.map((h) => h.refId)).toEqual([String(d.id)]);
    expect((await find({ issuer: "安庆市测试检索局", q: "不存在的词语" })).total).toBe(0);
    expect((await find({ issuer: "安庆市地方税务局", q: "清明节" })).total).toBeGreaterThan(0);

    // A rebuilt index indexes the same fields.
    await rebuildIndex();
    expect((await find({ q: "安地税发〔2026〕512号" })).hits[0]?.refId).toBe(String(d.id));
    await wf.unpublishArticle(d.id, "测试撤稿", d.reviewer);
    expect((await find({ doc: "安地税发〔2026〕512号" })).total).toBe(0);
  });
});
