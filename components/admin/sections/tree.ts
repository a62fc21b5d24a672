import type { SectionDto, SectionNode } from "@/lib/sections/types";

/** A section in tree (display) order, with what a table row needs to draw it. */
export interface FlatSection extends SectionDto {
  depth: number;
  /** first / last among its siblings: 上移 / 下移 are pointless there */
  first: boolean;
  last: boolean;
}

/** Depth-first walk of the tree built by buildTree (siblings already ordered by position). */
export function flattenTree(nodes: SectionNode[], depth = 0, out: FlatSection[] = []): FlatSection[] {
  nodes.forEach((node, i) => {
    const { children, ...dto } = node;
    out.push({ ...dto, depth, first: i === 0, last: i === nodes.length - 1 });
    flattenTree(children, depth + 1, out);
  });
  return out;
}

/** Option for the 上级栏目 select. */
export interface ParentOption {
  id: number;
  name: string;
  path: string;
  depth: number;
}

export function parentOptions(flat: FlatSection[]): ParentOption[] {
  return flat.map(({ id, name, path, depth }) => ({ id, name, path, depth }));
}
