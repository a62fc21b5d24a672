import { db } from "../db";

export interface PageDto {
  slug: string;
  title: string;
  bodyHtml: string;
  updatedAt: string;
}

export async function findPage(slug: string): Promise<PageDto | null> {
  const p = await db.page.findUnique({ where: { slug } });
  return p && { slug: p.slug, title: p.title, bodyHtml: p.bodyHtml, updatedAt: p.updatedAt.toISOString() };
}

export async function listPages(): Promise<Pick<PageDto, "slug" | "title">[]> {
  return db.page.findMany({ orderBy: [{ position: "asc" }, { id: "asc" }], select: { slug: true, title: true } });
}

/** The 单页管理 list, in menu order. */
export function listPagesForAdmin() {
  return db.page.findMany({ orderBy: [{ position: "asc" }, { id: "asc" }], select: { id: true, slug: true, title: true, updatedAt: true } });
}

export function findPageForAdmin(id: number) {
  return db.page.findUnique({ where: { id } });
}
