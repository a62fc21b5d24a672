import { parse, HTMLElement, NodeType, type Node } from "node-html-parser";
import type { ContentLink } from "../links/check";

/**
 * A piece of text a visitor will read, with where it is (in the words an
 * editor uses: 标题, 正文第2段, 页脚 版权所有) and, when it comes from a form,
 * the form field to mark.
 */
export type PolicyField = { where: string; text: string; field?: string };
export type PolicyLink = ContentLink & { where: string; field?: string };
export type PolicyInput = { fields: PolicyField[]; links: PolicyLink[] };

const BLOCKS = new Set([
  "p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "td", "th", "dd", "dt", "div",
  "section", "article", "ul", "ol", "table", "thead", "tbody", "tr", "figure", "figcaption", "caption", "dl",
]);

function isBlock(node: Node): node is HTMLElement {
  return node.nodeType === NodeType.ELEMENT_NODE && BLOCKS.has((node as HTMLElement).rawTagName?.toLowerCase() ?? "");
}

function hasBlockChild(el: HTMLElement): boolean {
  return el.childNodes.some((c) => isBlock(c) || (c.nodeType === NodeType.ELEMENT_NODE && hasBlockChild(c as HTMLElement)));
}

/**
 * Splits rich-text HTML into what the policy checks: each paragraph (counted
 * as a reader counts them: 第1段, 第2段 …, headings, list items and table cells
 * included), image alt texts and captions, and every link with its text.
 */
export function htmlPolicyInput(html: string, label = "正文", field?: string): PolicyInput {
  const fields: PolicyField[] = [];
  const links: PolicyLink[] = [];
  let paragraph = 0;
  let image = 0;
  const root = parse(html, { comment: false });

  const collectLinks = (el: HTMLElement, where: string) => {
    for (const a of el.querySelectorAll("a")) {
      const href = a.getAttribute("href");
      if (href) links.push({ href, text: a.text.trim(), where: `${where}的链接“${a.text.trim().slice(0, 30)}”`, field });
    }
  };
  const collectImages = (el: HTMLElement) => {
    for (const img of el.querySelectorAll("img")) {
      image++;
      const alt = img.getAttribute("alt") ?? "";
      const title = img.getAttribute("title") ?? "";
      if (alt.trim()) fields.push({ where: `${label}第${image}张图片的替代文字`, text: alt, field });
      if (title.trim()) fields.push({ where: `${label}第${image}张图片的标题`, text: title, field });
    }
  };
  const emitParagraph = (el: HTMLElement | null, text: string) => {
    if (!text.trim()) return;
    paragraph++;
    const where = `${label}第${paragraph}段`;
    fields.push({ where, text, field });
    if (el) collectLinks(el, where);
  };

  const visit = (el: HTMLElement) => {
    let inline: Node[] = [];
    const flushInline = () => {
      if (!inline.length) return;
      const wrapper = new HTMLElement("span", {}, "");
      for (const n of inline) wrapper.appendChild(n.clone());
      emitParagraph(wrapper, wrapper.text);
      collectImages(wrapper);
      inline = [];
    };
    for (const child of [...el.childNodes]) {
      if (!isBlock(child)) {
        inline.push(child);
        continue;
      }
      flushInline();
      const tag = child.rawTagName.toLowerCase();
      if (tag === "figure") {
        collectImages(child);
        const caption = child.querySelector("figcaption");
        if (caption?.text.trim()) fields.push({ where: `${label}第${image}张图片的说明`, text: caption.text, field });
        if (caption) collectLinks(caption, `${label}第${image}张图片的说明`);
        continue;
      }
      if (hasBlockChild(child)) visit(child);
      else {
        emitParagraph(child, child.text);
        collectImages(child);
      }
    }
    flushInline();
  };
  visit(root);
  return { fields, links };
}

/** Plain fields (title, summary, settings …) with no links. */
export function textFields(entries: readonly (PolicyField | null | undefined | false)[]): PolicyInput {
  return { fields: entries.filter((e): e is PolicyField => !!e && !!e.text.trim()), links: [] };
}

export function mergeInputs(...inputs: PolicyInput[]): PolicyInput {
  return { fields: inputs.flatMap((i) => i.fields), links: inputs.flatMap((i) => i.links) };
}
