import { Extension } from "@tiptap/react";
import type { Node as PmNode } from "@tiptap/pm/model";
import { Plugin, PluginKey } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";

/**
 * Marks the content-policy matches found by the server (lib/integrity) inside
 * the editing area: decorations only, never part of the document or of the
 * saved HTML. The server sends the characters as typed ("365 赛 事 投 注"),
 * so each is found again per paragraph, across bold/link boundaries; the
 * marks follow edits and disappear where the text is changed.
 */
export type PolicyHighlight = { text: string; blocking: boolean; label: string };

export const policyHighlightsKey = new PluginKey<{ highlights: PolicyHighlight[]; set: DecorationSet }>("policyHighlights");

function build(doc: PmNode, highlights: readonly PolicyHighlight[]): DecorationSet {
  if (!highlights.length) return DecorationSet.empty;
  const decorations: Decoration[] = [];
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true;
    let text = "";
    const at: number[] = [];
    node.descendants((child, childPos) => {
      if (child.isText && child.text) {
        for (let i = 0; i < child.text.length; i++) at.push(pos + 1 + childPos + i);
        text += child.text;
      }
      return true;
    });
    const flat = text.replace(/\u00a0/g, " ");
    for (const h of highlights) {
      const needle = h.text.replace(/\u00a0/g, " ");
      if (!needle) continue;
      for (let i = flat.indexOf(needle); i !== -1; i = flat.indexOf(needle, i + needle.length)) {
        decorations.push(
          Decoration.inline(at[i], at[i + needle.length - 1] + 1, {
            nodeName: "mark",
            class: h.blocking ? "policy-hit" : "policy-hit policy-warn",
            title: h.label,
            "data-policy": h.label,
          }),
        );
      }
    }
    return false;
  });
  return DecorationSet.create(doc, decorations);
}

export const PolicyHighlights = Extension.create({
  name: "policyHighlights",
  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: policyHighlightsKey,
        state: {
          init: () => ({ highlights: [] as PolicyHighlight[], set: DecorationSet.empty }),
          apply(tr, value) {
            const next = tr.getMeta(policyHighlightsKey) as PolicyHighlight[] | undefined;
            if (next) return { highlights: next, set: build(tr.doc, next) };
            if (tr.docChanged) return { highlights: value.highlights, set: build(tr.doc, value.highlights) };
            return value;
          },
        },
        props: {
          decorations: (state) => policyHighlightsKey.getState(state)?.set,
        },
      }),
    ];
  },
});
