import { db } from "../db";
import { audit } from "../audit/log";
import type { Actor } from "../auth/session";
import { DomainError } from "../errors";
import { isPubliclyVisible } from "../articles/access";
import { formatDateTime } from "../format/date";
import { isPlacementActive } from "./active";
import { PLACEMENT_KINDS, PLACEMENT_LABELS, type PlacementKind } from "./kinds";
import type { PlacementInput } from "./schema";

/** Staff side of 首页与置顶: the editor's fieldset and the 首页编排 page. */

export interface PlacementState {
  on: boolean;
  position: number | null;
  /** ISO; null = no end date. */
  until: string | null;
  /** Set and its end date has passed. */
  lapsed: boolean;
}
export type ArticlePlacements = Record<PlacementKind, PlacementState>;

/** What the pages that show a placement need to regenerate (lib/cache/revalidate.ts). */
export interface PlacementChange {
  articleId: number;
  sectionIds: number[];
  kinds: PlacementKind[];
  /** The article is publicly visible: only then did a public page change. */
  public: boolean;
}

export async function placementsOf(articleId: number, now = new Date()): Promise<ArticlePlacements> {
  const rows = await db.articlePlacement.findMany({ where: { articleId } });
  const state = (kind: PlacementKind): PlacementState => {
    const r = rows.find((x) => x.kind === kind);
    return r
      ? { on: true, position: r.position, until: r.until?.toISOString() ?? null, lapsed: !isPlacementActive(r, now) }
      : { on: false, position: null, until: null, lapsed: false };
  };
  return { headline: state("headline"), pinned: state("pinned"), featured: state("featured") };
}

/** Sets or clears the three flags of one article; a blank order puts it after the others of its kind. */
export async function setPlacements(input: PlacementInput, actor: Actor): Promise<PlacementChange> {
  const article = await db.article.findUnique({ where: { id: input.articleId }, select: { id: true, title: true, sectionId: true, isLive: true, publishedAt: true } });
  if (!article) throw new DomainError("文章不存在或已删除");
  const changed: PlacementKind[] = [];
  const notes: string[] = [];
  await db.$transaction(async (tx) => {
    for (const kind of PLACEMENT_KINDS) {
      const want = input[kind];
      const have = await tx.articlePlacement.findUnique({ where: { articleId_kind: { articleId: article.id, kind } } });
      if (!want.on) {
        if (have) {
          await tx.articlePlacement.delete({ where: { id: have.id } });
          changed.push(kind);
          notes.push(`取消${PLACEMENT_LABELS[kind]}`);
        }
        continue;
      }
      let position = want.position ?? have?.position;
      if (position === undefined) {
        const last = await tx.articlePlacement.aggregate({ where: { kind }, _max: { position: true } });
        position = (last._max.position ?? 0) + 1;
      }
      const until = want.until;
      if (have && have.position === position && (have.until?.getTime() ?? null) === (until?.getTime() ?? null)) continue;
      await tx.articlePlacement.upsert({
        where: { articleId_kind: { articleId: article.id, kind } },
        create: { articleId: article.id, kind, position, until },
        update: { position, until, lapseHandledAt: null },
      });
      changed.push(kind);
      notes.push(`${have ? "修改" : "设为"}${PLACEMENT_LABELS[kind]}（顺序 ${position}${until ? `，截止 ${formatDateTime(until)}` : ""}）`);
    }
  });
  if (changed.length) {
    await audit(actor, { action: "article.place", targetType: "article", targetId: article.id, summary: `《${article.title}》${notes.join("；")}` });
  }
  return { articleId: article.id, sectionIds: [article.sectionId], kinds: changed, public: isPubliclyVisible(article) };
}

export interface BoardItem {
  articleId: number;
  title: string;
  sectionId: number;
  sectionName: string;
  position: number;
  until: string | null;
  /** Shown on the site now: flag active, article public (and, for 推荐, a cover). */
  showing: boolean;
  /** Why not, in the editor's words. */
  note: string;
}

/** 首页编排: every current placement of each kind, in display order. */
export async function placementBoard(now = new Date()): Promise<Record<PlacementKind, BoardItem[]>> {
  const rows = await db.articlePlacement.findMany({
    orderBy: [{ position: "asc" }, { article: { publishedAt: "desc" } }, { id: "asc" }],
    select: {
      kind: true,
      position: true,
      until: true,
      article: { select: { id: true, title: true, isLive: true, publishedAt: true, coverId: true, sectionId: true, section: { select: { name: true } } } },
    },
  });
  const board: Record<PlacementKind, BoardItem[]> = { headline: [], pinned: [], featured: [] };
  for (const r of rows) {
    if (!(PLACEMENT_KINDS as readonly string[]).includes(r.kind)) continue;
    const kind = r.kind as PlacementKind;
    const note = !isPlacementActive(r, now)
      ? "已过截止时间"
      : !isPubliclyVisible(r.article, now)
        ? "文章未发布"
        : kind === "featured" && r.article.coverId === null
          ? "没有封面图"
          : "";
    board[kind].push({
      articleId: r.article.id,
      title: r.article.title,
      sectionId: r.article.sectionId,
      sectionName: r.article.section.name,
      position: r.position,
      until: r.until?.toISOString() ?? null,
      showing: note === "",
      note,
    });
  }
  return board;
}

/** The new order of some of one kind's articles (the others keep theirs). */
export async function reorderPlacements(kind: PlacementKind, articleIds: number[], actor: Actor): Promise<PlacementChange[]> {
  const rows = await db.articlePlacement.findMany({
    where: { kind, articleId: { in: articleIds } },
    select: { articleId: true, article: { select: { sectionId: true, isLive: true, publishedAt: true } } },
  });
  if (rows.length !== new Set(articleIds).size) throw new DomainError("列表已被他人修改，请刷新页面后重试");
  await db.$transaction(async (tx) => {
    for (const [i, articleId] of articleIds.entries()) {
      await tx.articlePlacement.update({ where: { articleId_kind: { articleId, kind } }, data: { position: i + 1 } });
    }
  });
  await audit(actor, { action: "article.place.order", targetType: "article", targetId: articleIds.join(","), summary: `${PLACEMENT_LABELS[kind]}顺序调整为文章 ${articleIds.join("、")}` });
  return rows.map((r) => ({ articleId: r.articleId, sectionIds: [r.article.sectionId], kinds: [kind], public: isPubliclyVisible(r.article) }));
}

export async function removePlacement(kind: PlacementKind, articleId: number, actor: Actor): Promise<PlacementChange> {
  const row = await db.articlePlacement.findUnique({
    where: { articleId_kind: { articleId, kind } },
    select: { id: true, article: { select: { title: true, sectionId: true, isLive: true, publishedAt: true } } },
  });
  if (!row) throw new DomainError("该文章已不在此列表中，请刷新页面");
  await db.articlePlacement.delete({ where: { id: row.id } });
  await audit(actor, { action: "article.place", targetType: "article", targetId: articleId, summary: `《${row.article.title}》取消${PLACEMENT_LABELS[kind]}` });
  return { articleId, sectionIds: [row.article.sectionId], kinds: [kind], public: isPubliclyVisible(row.article) };
}
