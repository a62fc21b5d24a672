import { db } from "../db";
import type { SectionDto, SectionKind } from "./types";

export { buildTree } from "./tree";

type SectionRow = Awaited<ReturnType<typeof db.section.findFirstOrThrow>>;

function toDto(s: SectionRow): SectionDto {
  return {
    id: s.id,
    parentId: s.parentId,
    slug: s.slug,
    path: s.path,
    name: s.name,
    kind: s.kind as SectionKind,
    position: s.position,
    description: s.description,
    showOnHome: s.showOnHome,
  };
}

export async function listSections(): Promise<SectionDto[]> {
  const rows = await db.section.findMany({ orderBy: [{ position: "asc" }, { id: "asc" }] });
  return rows.map(toDto);
}

/** Ancestors first, the section itself last; derived from the slug path. */
export function trailOf(path: string, sections: SectionDto[]): SectionDto[] {
  const byPath = new Map(sections.map((s) => [s.path, s]));
  const parts = path.split("/");
  return parts.map((_, i) => byPath.get(parts.slice(0, i + 1).join("/"))).filter((s): s is SectionDto => !!s);
}

/** The section and every section below it, for lists that roll sub-topics up. */
export function subtreeIds(section: SectionDto, sections: SectionDto[]): number[] {
  return sections.filter((s) => s.path === section.path || s.path.startsWith(section.path + "/")).map((s) => s.id);
}

/** Articles per section (any state), for the 栏目管理 page. */
export async function articleCountsBySection(): Promise<Map<number, number>> {
  const counts = await db.article.groupBy({ by: ["sectionId"], _count: { _all: true } });
  return new Map(counts.map((c) => [c.sectionId, c._count._all]));
}
