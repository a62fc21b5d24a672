import { diffChars, diffLines, type Change } from "diff";
import { db } from "../db";
import { DomainError } from "../errors";
import { htmlToText } from "../content/sanitize";
import { formatDateTime } from "../format/date";
import { parseSnapshot, type ArticleSnapshot } from "./snapshot";
import { VALIDITY_LABELS } from "../disclosure/fields";

/**
 * Revision history of one article: the list shown on the 版本记录 page and
 * a field-by-field comparison of any two revisions. Everything returned is
 * plain data (no Dates, no Prisma rows) so it can cross into client code.
 */

export interface RevisionListItem {
  number: number;
  /** ISO */
  createdAt: string;
  authorName: string;
  note: string;
  /** The revision visitors currently see. */
  isLive: boolean;
  /** The working copy editors see. */
  isHead: boolean;
}

export async function listRevisions(articleId: number): Promise<RevisionListItem[]> {
  const article = await db.article.findUnique({ where: { id: articleId }, select: { liveRevisionId: true, headRevisionId: true } });
  if (!article) return [];
  const rows = await db.articleRevision.findMany({
    where: { articleId },
    orderBy: { number: "desc" },
    select: { id: true, number: true, createdAt: true, note: true, authorId: true, author: { select: { name: true } } },
  });
  return rows.map((r) => ({
    number: r.number,
    createdAt: r.createdAt.toISOString(),
    authorName: r.author?.name ?? (r.authorId === null ? "系统" : "（已删除的用户）"),
    note: r.note,
    isLive: article.liveRevisionId === r.id,
    isHead: article.headRevisionId === r.id,
  }));
}

export type DiffFieldKey = "title" | "section" | "summary" | "keywords" | "source" | "author" | "publishedAt" | "cover" | "attachments" | "disclosure" | "body";

export interface FieldDiff {
  key: DiffFieldKey;
  label: string;
  changed: boolean;
  /** Display text of the field in revision A / B (for 正文: a character count; the parts carry the detail). */
  a: string;
  b: string;
}

export interface BodyPart {
  kind: "same" | "added" | "removed";
  text: string;
}

export interface RevisionDiff {
  a: number;
  b: number;
  fields: FieldDiff[];
  body: {
    changed: boolean;
    /** "chars" normally; "lines" when a body was too large (or too different) for a character diff. */
    granularity: "chars" | "lines";
    parts: BodyPart[];
  };
}

/** Above this many characters (either side) the body is compared line by line. */
export const CHAR_DIFF_LIMIT = 20_000;
/** Unchanged runs longer than this are shortened in the middle … */
export const SAME_RUN_LIMIT = 200;
/** … keeping this many characters at each end. */
export const SAME_RUN_KEEP = 60;
export const ELLIPSIS = "……";
/** A character diff that takes longer than this falls back to lines (very different bodies). */
const CHAR_DIFF_TIMEOUT_MS = 1_000;

const BLOCK_END = /<\/(?:p|h[1-6]|li|blockquote|figure|figcaption|caption|tr|pre|table|ul|ol)>|<br\s*\/?>|<hr\s*\/?>/gi;

/** The body as plain text: one line per paragraph (block), tags removed, entities decoded. */
export function bodyToText(html: string): string {
  return html
    .split(BLOCK_END)
    .map((chunk) => htmlToText(chunk))
    .filter((line) => line.length > 0)
    .join("\n");
}

/** Shortens a long unchanged run in the middle; counts code points so no surrogate pair is split. */
export function shortenSame(text: string): string {
  const chars = Array.from(text);
  if (chars.length <= SAME_RUN_LIMIT) return text;
  return chars.slice(0, SAME_RUN_KEEP).join("") + ELLIPSIS + chars.slice(-SAME_RUN_KEEP).join("");
}

function toParts(changes: Change[]): BodyPart[] {
  const parts: BodyPart[] = [];
  for (const c of changes) {
    if (!c.value) continue;
    const kind: BodyPart["kind"] = c.added ? "added" : c.removed ? "removed" : "same";
    const last = parts[parts.length - 1];
    if (last && last.kind === kind) last.text += c.value;
    else parts.push({ kind, text: c.value });
  }
  return parts.map((p) => (p.kind === "same" ? { kind: p.kind, text: shortenSame(p.text) } : p));
}

/** Diffs two plain texts: by characters (Chinese has no word spaces), by lines when large. */
export function diffBodyText(oldText: string, newText: string): RevisionDiff["body"] {
  const changed = oldText !== newText;
  let granularity: "chars" | "lines" = "lines";
  let changes: Change[] | undefined;
  if (oldText.length <= CHAR_DIFF_LIMIT && newText.length <= CHAR_DIFF_LIMIT) {
    changes = diffChars(oldText, newText, { timeout: CHAR_DIFF_TIMEOUT_MS });
    if (changes) granularity = "chars";
  }
  changes ??= diffLines(oldText, newText);
  return { changed, granularity, parts: toParts(changes) };
}

/** Older snapshots may lack a field; read them as empty rather than crash the page. */
function normalize(s: Partial<ArticleSnapshot>): ArticleSnapshot {
  return {
    title: s.title ?? "",
    sectionId: s.sectionId ?? 0,
    summary: s.summary ?? "",
    keywords: s.keywords ?? "",
    bodyHtml: s.bodyHtml ?? "",
    source: s.source ?? "",
    author: s.author ?? "",
    publishedAt: s.publishedAt ?? null,
    coverId: s.coverId ?? null,
    attachments: s.attachments ?? [],
    disclosure: s.disclosure ?? null,
  };
}

function disclosureText(d: ArticleSnapshot["disclosure"]): string {
  if (!d) return "无";
  const validity = VALIDITY_LABELS[d.validity] + (d.repealedOn ? `（${d.repealedOn}）` : "");
  return [`发文机关：${d.issuer}`, `文号：${d.docNumber || "无"}`, `成文日期：${d.writtenOn || "无"}`, `主题分类：${d.topic}`, `有效性：${validity}`].join("；");
}

function attachmentsText(list: ArticleSnapshot["attachments"]): string {
  if (list.length === 0) return "无";
  return `${list.length} 个：${list.map((x) => x.title || `文件 #${x.mediaId}`).join("、")}`;
}

export async function diffRevisions(articleId: number, a: number, b: number): Promise<RevisionDiff> {
  const rows = await db.articleRevision.findMany({
    where: { articleId, number: { in: [a, b] } },
    select: { number: true, snapshot: true },
  });
  const rowA = rows.find((r) => r.number === a);
  const rowB = rows.find((r) => r.number === b);
  if (!rowA || !rowB) throw new DomainError("版本不存在");
  const sa = normalize(parseSnapshot(rowA.snapshot));
  const sb = normalize(parseSnapshot(rowB.snapshot));

  const sectionIds = [...new Set([sa.sectionId, sb.sectionId])];
  const coverIds = [sa.coverId, sb.coverId].filter((x): x is number => x !== null);
  const [sections, covers] = await Promise.all([
    db.section.findMany({ where: { id: { in: sectionIds } }, select: { id: true, name: true } }),
    coverIds.length ? db.media.findMany({ where: { id: { in: coverIds } }, select: { id: true, originalName: true } }) : Promise.resolve([]),
  ]);
  const sectionName = (id: number) => sections.find((s) => s.id === id)?.name ?? `（已删除的栏目 #${id}）`;
  const coverText = (id: number | null) => {
    if (id === null) return "无";
    const m = covers.find((c) => c.id === id);
    return m ? `${m.originalName}（#${id}）` : `（已删除的图片 #${id}）`;
  };
  const dateText = (iso: string | null) => (iso ? formatDateTime(iso) : "发布时自动填写");

  const textA = bodyToText(sa.bodyHtml);
  const textB = bodyToText(sb.bodyHtml);
  const body = diffBodyText(textA, textB);
  const sameAttachments =
    sa.attachments.length === sb.attachments.length &&
    sa.attachments.every((x, i) => x.mediaId === sb.attachments[i].mediaId && x.title === sb.attachments[i].title);

  const field = (key: DiffFieldKey, label: string, changed: boolean, va: string, vb: string): FieldDiff => ({ key, label, changed, a: va, b: vb });
  const fields: FieldDiff[] = [
    field("title", "标题", sa.title !== sb.title, sa.title, sb.title),
    field("section", "栏目", sa.sectionId !== sb.sectionId, sectionName(sa.sectionId), sectionName(sb.sectionId)),
    field("summary", "摘要", sa.summary !== sb.summary, sa.summary, sb.summary),
    field("keywords", "关键词", sa.keywords !== sb.keywords, sa.keywords, sb.keywords),
    field("source", "来源", sa.source !== sb.source, sa.source, sb.source),
    field("author", "作者", sa.author !== sb.author, sa.author, sb.author),
    field("publishedAt", "发布日期", sa.publishedAt !== sb.publishedAt, dateText(sa.publishedAt), dateText(sb.publishedAt)),
    field("cover", "封面", sa.coverId !== sb.coverId, coverText(sa.coverId), coverText(sb.coverId)),
    field("attachments", "附件", !sameAttachments, attachmentsText(sa.attachments), attachmentsText(sb.attachments)),
    field("disclosure", "信息公开", disclosureText(sa.disclosure) !== disclosureText(sb.disclosure), disclosureText(sa.disclosure), disclosureText(sb.disclosure)),
    // The HTML may differ (formatting, images) while the text does not: compare the stored HTML.
    field("body", "正文", sa.bodyHtml !== sb.bodyHtml, `${Array.from(textA).length} 字`, `${Array.from(textB).length} 字`),
  ];
  return { a, b, fields, body: { ...body, changed: sa.bodyHtml !== sb.bodyHtml } };
}
