import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { tags } from "@/lib/cache/tags";
import { latestInSections, latestWithCover, pageOfSections, PAGE_SIZE } from "@/lib/articles/queries";
import { featuredArticles, headlineArticle } from "@/lib/placement/queries";
import { placementBoard, placementsOf, setPlacements } from "@/lib/placement/manage";
import { placementInputSchema } from "@/lib/placement/schema";
import { claimLapsedPlacements, revalidateLapsedPlacements } from "@/lib/placement/expiry";
import { DEMO_HEADLINE, DEMO_PINNED } from "@/lib/seed/seed";
import { removePlacementAction, reorderPlacementAction, savePlacementAction } from "@/lib/placement/actions";
import type { Actor } from "@/lib/auth/session";
import { makeActor } from "../support/actors";

/** 头条/置顶/推荐 (lib/placement): which articles the home page and section lists show, in which order, until when. */

// Server actions run as this actor (the session is next-auth's; here it is set by the test).
const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/auth/session", () => ({ currentActor: async () => session.actor }));
const revalidated = vi.hoisted(() => ({ tags: [] as string[] }));
vi.mock("next/cache", () => ({
  revalidateTag: (tag: string) => void revalidated.tags.push(tag),
  revalidatePath: () => undefined,
  unstable_cache: (fn: () => unknown) => fn,
}));
afterEach(() => {
  revalidated.tags.length = 0;
});

const created: number[] = [];
afterAll(async () => {
  session.actor = null;
  await db.article.deleteMany({ where: { id: { in: created } } });
});

const sectionId = async (path: string) => (await db.section.findUniqueOrThrow({ where: { path } })).id;
const off = { on: false };
const flags = (articleId: number, over: Partial<Record<"headline" | "pinned" | "featured", { on: boolean; position?: string; until?: string }>>) =>
  placementInputSchema.parse({ headline: off, pinned: off, featured: off, ...over, articleId });

async function article(path: string, title: string, publishedAt: Date, extra: { isLive?: boolean; coverId?: number | null } = {}) {
  const a = await db.article.create({
    data: { sectionId: await sectionId(path), title, bodyHtml: "<p>x</p>", status: "published", isLive: extra.isLive ?? true, publishedAt, coverId: extra.coverId ?? null },
  });
  created.push(a.id);
  return a.id;
}

describe("the demo seed's placements", () => {
  it("shows the chosen 头条, four 推荐 slides with covers in their order, and the office hours pinned in 纳税服务", async () => {
    expect((await headlineArticle())?.title).toBe(DEMO_HEADLINE);
    // Not what the home page showed before 头条 existed: the newest article with a cover.
    expect((await latestWithCover(1))[0].title).not.toBe(DEMO_HEADLINE);
    const slides = await featuredArticles();
    expect(slides).toHaveLength(4);
    expect(slides.every((s) => s.coverUrl && s.coverWidth && s.coverHeight)).toBe(true);
    const dates = slides.map((s) => s.publishedAt);
    expect(dates, "seeded in order newest first").toEqual([...dates].sort().reverse());
    const service = await pageOfSections([await sectionId("service")], 1);
    expect(service.items[0]).toMatchObject({ title: DEMO_PINNED, pinned: true });
    expect(service.items.slice(1).some((i) => i.pinned)).toBe(false);
  });
});

describe("头条", () => {
  it("takes the headline at once, by manual order; an ended or withdrawn one gives way; none falls back to the newest cover", async () => {
    const reviewer = await makeActor("reviewer");
    const cover = (await db.article.findFirstOrThrow({ where: { coverId: { not: null } } })).coverId;
    const chosen = await article("notices", "头条测试：置于首位的公告", new Date(Date.UTC(2015, 0, 1)));
    session.actor = await makeActor("editor");
    const input = { articleId: chosen, headline: { on: true, position: "0", until: "" }, pinned: off, featured: off };
    expect(await savePlacementAction(input), "editors do not place articles").toMatchObject({ ok: false, code: "forbidden" });
    expect(revalidated.tags).toEqual([]);
    session.actor = reviewer;
    expect(await savePlacementAction(input)).toEqual({ ok: true, message: "首页与置顶设置已保存，网站已更新" });
    expect((await headlineArticle())?.id, "an old, coverless article is the headline when chosen").toBe(chosen);
    expect(new Set(revalidated.tags)).toEqual(new Set([tags.home]));
    expect((await placementsOf(chosen)).headline).toMatchObject({ on: true, position: 0, until: null, lapsed: false });

    // Its end date passes (set in the past directly: the form refuses a past date).
    await db.articlePlacement.update({ where: { articleId_kind: { articleId: chosen, kind: "headline" } }, data: { until: new Date(Date.now() - 1000) } });
    expect((await headlineArticle())?.title).toBe(DEMO_HEADLINE);
    expect((await placementsOf(chosen)).headline.lapsed).toBe(true);

    // A withdrawn article is no headline either.
    await db.articlePlacement.update({ where: { articleId_kind: { articleId: chosen, kind: "headline" } }, data: { until: null } });
    expect((await headlineArticle())?.id).toBe(chosen);
    await db.article.update({ where: { id: chosen }, data: { isLive: false } });
    expect((await headlineArticle())?.title).toBe(DEMO_HEADLINE);
    await db.article.update({ where: { id: chosen }, data: { isLive: true, coverId: cover } });

    // No 头条 at all: today's behaviour, the newest article with a cover.
    const saved = await db.articlePlacement.findMany({ where: { kind: "headline" } });
    await db.articlePlacement.deleteMany({ where: { kind: "headline" } });
    try {
      expect((await headlineArticle())?.id).toBe((await latestWithCover(1))[0].id);
    } finally {
      await db.articlePlacement.createMany({ data: saved.map(({ id: _id, ...p }) => p) });
    }
    await setPlacements(flags(chosen, {}), reviewer);
    expect((await headlineArticle())?.title).toBe(DEMO_HEADLINE);
  });

  it("refuses an end date in the past and an order that is not a small whole number, in Chinese", () => {
    const messages = (flag: object) =>
      placementInputSchema.safeParse({ articleId: 1, headline: flag, pinned: off, featured: off }).error?.issues.map((i) => `${i.path.join(".")}:${i.message}`);
    expect(messages({ on: true, position: "1.5" })).toEqual(["headline.position:顺序请填写 0–999 的整数"]);
    expect(messages({ on: true, until: "2001-01-01T08:00" })).toEqual(["headline.until:截止时间须晚于现在"]);
    expect(messages({ on: false, until: "2001-01-01T08:00" }), "an unset flag's old date does not matter").toBeUndefined();
    // A date far ahead, typed in Beijing time.
    const ok = placementInputSchema.parse({ articleId: 1, headline: { on: true, position: "", until: "2099-01-01T08:00" }, pinned: off, featured: off });
    expect(ok.headline.until?.toISOString()).toBe("2099-01-01T00:00:00.000Z");
  });
});

describe("置顶", () => {
  it("puts pinned articles first in their section and its ancestors, in manual order, and pages stay complete", async () => {
    const reviewer = await makeActor("reviewer");
    const path = "topics/reform";
    const ids: number[] = [];
    for (let i = 0; i < PAGE_SIZE + 5; i++) ids.push(await article(path, `置顶分页测试 ${i}`, new Date(Date.UTC(2014, 0, 1 + i))));
    const [oldest, second] = ids;
    session.actor = reviewer;
    for (const [id, position] of [[oldest, "2"], [second, "1"]] as const) {
      expect((await savePlacementAction({ articleId: id, headline: off, pinned: { on: true, position }, featured: off })).ok).toBe(true);
    }
    // The section, its parent 税收专题 and the home page (its channel panels) regenerate.
    expect(new Set(revalidated.tags)).toEqual(new Set([tags.home, tags.section(await sectionId(path)), tags.section(await sectionId("topics"))]));

    const sectionIds = [await sectionId(path)];
    const p1 = await pageOfSections(sectionIds, 1);
    const p2 = await pageOfSections(sectionIds, 2);
    expect(p1.items.slice(0, 2).map((i) => [i.id, i.pinned])).toEqual([
      [second, true],
      [oldest, true],
    ]);
    const all = [...p1.items, ...p2.items].map((i) => i.id);
    expect(all.length).toBe(p1.total);
    expect(new Set(all).size, "no article twice, none skipped").toBe(p1.total);
    const rest = [...p1.items, ...p2.items].slice(2).map((i) => i.publishedAt);
    expect(rest).toEqual([...rest].sort().reverse());
    // The parent topic's list rolls the pin up; the home panel shows it first too.
    const topics = await db.section.findMany({ where: { path: { startsWith: "topics" } }, select: { id: true } });
    expect((await latestInSections(topics.map((t) => t.id), 3))[0].id).toBe(second);

    // Reordered on the 首页编排 page.
    expect((await reorderPlacementAction({ kind: "pinned", articleIds: [oldest, second] })).ok).toBe(true);
    expect((await pageOfSections(sectionIds, 1)).items[0].id).toBe(oldest);

    // An ended pin no longer applies: the list is by date again.
    await db.articlePlacement.updateMany({ where: { articleId: { in: [oldest, second] }, kind: "pinned" }, data: { until: new Date(Date.now() - 1000) } });
    const plain = await pageOfSections(sectionIds, 1);
    expect(plain.items.some((i) => i.pinned)).toBe(false);
    expect(plain.items.map((i) => i.publishedAt)).toEqual(plain.items.map((i) => i.publishedAt).sort().reverse());
  });
});

describe("推荐", () => {
  it("adds articles with a cover to the carousel in manual order; a draft or a coverless one is not shown; the board says why", async () => {
    const reviewer = await makeActor("admin");
    const cover = (await db.article.findFirstOrThrow({ where: { coverId: { not: null } } })).coverId;
    const first = await article("news", "推荐测试：排在第一", new Date(Date.UTC(2013, 0, 1)), { coverId: cover });
    const coverless = await article("news", "推荐测试：没有封面", new Date(), {});
    const draft = await article("news", "推荐测试：草稿", new Date(), { coverId: cover, isLive: false });
    for (const id of [first, coverless, draft]) await setPlacements(flags(id, { featured: { on: true, position: "0" } }), reviewer);
    const slides = await featuredArticles();
    expect(slides[0].id).toBe(first);
    expect(slides.map((s) => s.id)).not.toContain(coverless);
    expect(slides.map((s) => s.id)).not.toContain(draft);
    expect(slides).toHaveLength(5);

    const board = await placementBoard();
    const note = (id: number) => board.featured.find((b) => b.articleId === id);
    expect(note(first)).toMatchObject({ showing: true, note: "" });
    expect(note(coverless)).toMatchObject({ showing: false, note: "没有封面图" });
    expect(note(draft)).toMatchObject({ showing: false, note: "文章未发布" });

    // A draft's flag changes no public page.
    revalidated.tags.length = 0;
    session.actor = reviewer;
    expect((await removePlacementAction({ kind: "featured", articleId: draft })).ok).toBe(true);
    expect(revalidated.tags).toEqual([]);
    expect((await removePlacementAction({ kind: "featured", articleId: first })).ok).toBe(true);
    expect(revalidated.tags).toEqual([tags.home]);
    expect((await featuredArticles()).map((s) => s.id)).not.toContain(first);
    const audit = await db.auditLog.findMany({ where: { action: "article.place", targetId: String(first) } });
    expect(audit.map((a) => a.summary)).toEqual(["《推荐测试：排在第一》设为推荐（顺序 0）", "《推荐测试：排在第一》取消推荐"]);
  });
});

describe("an end date passing", () => {
  it("is claimed once by the cron tick, which regenerates the home page", async () => {
    const reviewer = await makeActor("reviewer");
    await claimLapsedPlacements(); // what earlier tests left lapsed
    const id = await article("news", "到期测试：短期头条", new Date(Date.UTC(2012, 0, 1)));
    await setPlacements(flags(id, { headline: { on: true, position: "0", until: "2099-01-01T08:00" } }), reviewer);
    expect(await claimLapsedPlacements()).toEqual([]);
    await db.articlePlacement.update({ where: { articleId_kind: { articleId: id, kind: "headline" } }, data: { until: new Date(Date.now() - 1000) } });
    revalidated.tags.length = 0;
    expect(await revalidateLapsedPlacements()).toBe(1);
    expect(revalidated.tags).toEqual([tags.home]);
    expect(await revalidateLapsedPlacements(), "claimed once").toBe(0);
    // Saving a new end date arms it again.
    await setPlacements(flags(id, { headline: { on: true, position: "0", until: "2099-01-01T08:00" } }), reviewer);
    const row = await db.articlePlacement.findUniqueOrThrow({ where: { articleId_kind: { articleId: id, kind: "headline" } } });
    expect(row.lapseHandledAt).toBeNull();
    await setPlacements(flags(id, {}), reviewer);
  });
});
