export type SectionKind = "channel" | "topic";

export interface SectionDto {
  id: number;
  parentId: number | null;
  slug: string;
  path: string;
  name: string;
  kind: SectionKind;
  position: number;
  description: string;
  showOnHome: boolean;
}

export interface SectionNode extends SectionDto {
  children: SectionNode[];
}

/** URL of a section list page. */
export function sectionHref(path: string, page = 1): string {
  return page > 1 ? `/${path}/page/${page}` : `/${path}`;
}
