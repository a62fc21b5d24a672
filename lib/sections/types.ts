/** channel 栏目, topic 专题, disclosure 信息公开 (政府信息公开 fields on its articles). */
export const SECTION_KINDS = ["channel", "topic", "disclosure"] as const;
export type SectionKind = (typeof SECTION_KINDS)[number];
export const SECTION_KIND_LABELS: Record<SectionKind, string> = { channel: "栏目", topic: "专题", disclosure: "信息公开" };

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
