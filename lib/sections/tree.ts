import type { SectionDto, SectionNode } from "./types";

/**
 * The section tree as every list, select and filter shows it: children under their real
 * parent (by parentId), siblings in their position order. One place, so the admin list,
 * the editor's 栏目 select and the search filter cannot disagree.
 */

const byPosition = (a: SectionDto, b: SectionDto) => a.position - b.position || a.id - b.id;

/** The tree from a flat list (one query, no recursion in SQL); any input order. */
export function buildTree(sections: SectionDto[]): SectionNode[] {
  const ordered = [...sections].sort(byPosition);
  const nodes = new Map<number, SectionNode>(ordered.map((s) => [s.id, { ...s, children: [] }]));
  const roots: SectionNode[] = [];
  for (const s of ordered) {
    const node = nodes.get(s.id)!;
    const parent = s.parentId === null ? undefined : nodes.get(s.parentId);
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}

/** A section in tree (display) order, with what a table row needs to draw it. */
export interface FlatSection extends SectionDto {
  depth: number;
  /** first / last among its siblings: 上移 / 下移 are pointless there */
  first: boolean;
  last: boolean;
}

/** Depth-first walk of the tree built by buildTree. */
export function flattenTree(nodes: SectionNode[], depth = 0, out: FlatSection[] = []): FlatSection[] {
  nodes.forEach((node, i) => {
    const { children, ...dto } = node;
    out.push({ ...dto, depth, first: i === 0, last: i === nodes.length - 1 });
    flattenTree(children, depth + 1, out);
  });
  return out;
}

/** One <option> of a section select: indented by depth with ideographic spaces (no markup inside <option>). */
export interface SectionOption {
  id: number;
  name: string;
  path: string;
  depth: number;
  label: string;
}

export function sectionOptions(sections: SectionDto[] | FlatSection[]): SectionOption[] {
  const flat = sections.length && "depth" in sections[0] ? (sections as FlatSection[]) : flattenTree(buildTree(sections));
  return flat.map(({ id, name, path, depth }) => ({ id, name, path, depth, label: `${"　".repeat(depth)}${name}` }));
}
