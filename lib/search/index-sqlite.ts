import { db } from "../db";
import { htmlToText } from "../content/sanitize";
import type { Prisma } from "../generated/prisma/client";
import { indexTokens } from "./tokenize";

/**
 * Keeps the FTS5 table in step with what visitors can see. Called inside
 * the same transaction as publish / edit / unpublish / delete, so an
 * unpublished item is never found and a published one is found at once.
 * With search.ts, the only code that knows the table.
 */

type Client = Prisma.TransactionClient | typeof db;

export interface SearchDoc {
  kind: "article" | "page";
  /** Article id, or page id (pages are stored under negative rowids). */
  id: number;
  refId: number | string;
  title: string;
  bodyHtml: string;
  sectionId: number | null;
  publishedAt: Date | null;
}

// The FTS rowid identifies the document (articles: id, pages: -id): deleting by an
// UNINDEXED column would scan the whole table on every save.
const rowid = (kind: SearchDoc["kind"], id: number) => (kind === "article" ? id : -id);
const key = (kind: string, refId: number | string) => `${kind}:${refId}`;

export async function indexDoc(client: Client, doc: SearchDoc): Promise<void> {
  await removeDoc(client, doc.kind, doc.id);
  await insertDoc(client, doc);
}

async function insertDoc(client: Client, doc: SearchDoc): Promise<void> {
  const body = htmlToText(doc.bodyHtml);
  await client.$executeRawUnsafe(
    `INSERT INTO "SearchFts" ("rowid", "docKey", "kind", "refId", "sectionId", "publishedAt", "title", "body", "titleTokens", "bodyTokens") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    rowid(doc.kind, doc.id),
    key(doc.kind, doc.refId),
    doc.kind,
    String(doc.refId),
    doc.sectionId,
    doc.publishedAt ? doc.publishedAt.toISOString() : null,
    doc.title,
    body,
    indexTokens(doc.title),
    indexTokens(body),
  );
}

export async function removeDoc(client: Client, kind: SearchDoc["kind"], id: number): Promise<void> {
  await client.$executeRawUnsafe(`DELETE FROM "SearchFts" WHERE "rowid" = ?`, rowid(kind, id));
}

/** Indexes a live article from its row (the public copy), or removes it when it is not live. */
export async function syncArticle(client: Client, articleId: number): Promise<void> {
  const a = await client.article.findUnique({ where: { id: articleId } });
  if (!a || !a.isLive) return removeDoc(client, "article", articleId);
  await indexDoc(client, { kind: "article", id: a.id, refId: a.id, title: a.title, bodyHtml: a.bodyHtml, sectionId: a.sectionId, publishedAt: a.publishedAt });
}

export async function syncPage(client: Client, id: number): Promise<void> {
  const p = await client.page.findUnique({ where: { id } });
  if (!p) return removeDoc(client, "page", id);
  await indexDoc(client, { kind: "page", id: p.id, refId: p.slug, title: p.title, bodyHtml: p.bodyHtml, sectionId: null, publishedAt: p.updatedAt });
}

/**
 * Rebuilds the whole index; reports progress as (done, total). Reads the
 * live articles in batches and inserts each batch in one transaction (no
 * per-document lookups or deletes: the table was emptied first).
 */
export async function rebuildIndex(onProgress?: (done: number, total: number) => void): Promise<number> {
  const total = (await db.article.count({ where: { isLive: true } })) + (await db.page.count());
  await db.$executeRawUnsafe(`DELETE FROM "SearchFts"`);
  let done = 0;
  const BATCH = 500;
  for (let after = 0; ; ) {
    const rows = await db.article.findMany({
      where: { isLive: true, id: { gt: after } },
      orderBy: { id: "asc" },
      take: BATCH,
      select: { id: true, title: true, bodyHtml: true, sectionId: true, publishedAt: true },
    });
    if (rows.length === 0) break;
    await db.$transaction(async (tx) => {
      for (const a of rows) await insertDoc(tx, { kind: "article", id: a.id, refId: a.id, title: a.title, bodyHtml: a.bodyHtml, sectionId: a.sectionId, publishedAt: a.publishedAt });
    });
    after = rows[rows.length - 1].id;
    done += rows.length;
    onProgress?.(done, total);
  }
  for (const p of await db.page.findMany()) {
    await insertDoc(db, { kind: "page", id: p.id, refId: p.slug, title: p.title, bodyHtml: p.bodyHtml, sectionId: null, publishedAt: p.updatedAt });
  }
  onProgress?.(total, total);
  await db.$executeRawUnsafe(`INSERT INTO "SearchFts"("SearchFts") VALUES ('optimize')`);
  return total;
}
