import type { DOMOutputSpec } from "@tiptap/pm/model";
import { Node } from "@tiptap/react";

/**
 * Block image with optional caption, stored as the one shape the sanitizer
 * and the public stylesheet expect:
 *
 *   <figure class="photo"><img src srcset sizes alt width height><figcaption>说明 <span class="photo-credit">署名</span></figcaption></figure>
 *
 * It is an atom: alt text and caption are edited in a dialog, never inline,
 * so the structure cannot be broken by typing.
 */

export const DEFAULT_SIZES = "(max-width: 800px) 100vw, 800px";

export interface FigureAttrs {
  src: string;
  srcset: string | null;
  sizes: string | null;
  alt: string;
  width: string | null;
  height: string | null;
  caption: string;
  /** Text of <span class="photo-credit"> inside the caption (photographer / source). */
  credit: string;
  mediaId: string | null;
}

export interface FigureOptions {
  /** Called when the user asks to edit the figure at `pos` (button or double click). */
  onEdit: ((pos: number) => void) | null;
}

declare module "@tiptap/core" {
  interface Commands<ReturnType> {
    figure: {
      /** Inserts a figure at the selection (replacing a selected node). */
      insertFigure: (attrs: Partial<FigureAttrs> & { src: string }) => ReturnType;
      /** Changes attributes of the figure at `pos`. */
      updateFigure: (pos: number, attrs: Partial<FigureAttrs>) => ReturnType;
    };
  }
}

/** Sources an image may have in stored content (same rule as the sanitizer: http(s) or site-relative). */
export function isAllowedImageSrc(src: string | null | undefined): src is string {
  if (!src) return false;
  const s = src.trim();
  return /^https?:\/\//i.test(s) || (s.startsWith("/") && !s.startsWith("//"));
}

/** Collapses source-formatting whitespace (ASCII only: full-width spaces are text) and trims it. */
function tidy(text: string | null | undefined): string {
  return (text ?? "").replace(/[ \t\r\n\f]+/g, " ").replace(/^ | $/g, "");
}

function imgOf(el: HTMLElement): HTMLImageElement | null {
  return el.tagName === "IMG" ? (el as HTMLImageElement) : el.querySelector("img");
}

function captionParts(el: HTMLElement): { caption: string; credit: string } {
  if (el.tagName !== "FIGURE") return { caption: "", credit: "" };
  const cap = el.querySelector("figcaption");
  if (!cap) return { caption: "", credit: "" };
  const copy = cap.cloneNode(true) as HTMLElement;
  const creditEls = Array.from(copy.querySelectorAll(".photo-credit"));
  const credit = tidy(creditEls.map((c) => c.textContent ?? "").join(" "));
  creditEls.forEach((c) => c.remove());
  return { caption: tidy(copy.textContent), credit };
}

function imgAttr(name: string) {
  return (el: HTMLElement) => {
    const v = imgOf(el)?.getAttribute(name);
    return v == null || v === "" ? null : v;
  };
}

/** The stored HTML of a figure, attributes in a fixed order. */
export function figureOutputSpec(attrs: FigureAttrs): DOMOutputSpec {
  const img: Record<string, string> = { src: attrs.src };
  if (attrs.srcset) img.srcset = attrs.srcset;
  if (attrs.sizes) img.sizes = attrs.sizes;
  img.alt = attrs.alt ?? "";
  if (attrs.width) img.width = attrs.width;
  if (attrs.height) img.height = attrs.height;
  if (attrs.mediaId) img["data-media-id"] = attrs.mediaId;
  const caption = tidy(attrs.caption);
  const credit = tidy(attrs.credit);
  if (!caption && !credit) return ["figure", { class: "photo" }, ["img", img]];
  // Strings become text nodes (DOMSerializer.renderSpec).
  const cap: (string | DOMOutputSpec)[] = [];
  if (caption) cap.push(caption);
  if (caption && credit) cap.push(" ");
  if (credit) cap.push(["span", { class: "photo-credit" }, credit]);
  return ["figure", { class: "photo" }, ["img", img], ["figcaption", {}, ...cap]];
}

function parseAttrsOrReject(el: HTMLElement): false | null {
  return isAllowedImageSrc(imgOf(el)?.getAttribute("src")) ? null : false;
}

export const Figure = Node.create<FigureOptions>({
  name: "figure",
  group: "block",
  atom: true,
  draggable: true,
  selectable: true,

  addOptions() {
    return { onEdit: null };
  },

  addAttributes() {
    return {
      src: { default: "", parseHTML: (el) => imgOf(el)?.getAttribute("src")?.trim() ?? "", rendered: false },
      srcset: { default: null, parseHTML: imgAttr("srcset"), rendered: false },
      sizes: { default: null, parseHTML: imgAttr("sizes"), rendered: false },
      alt: { default: "", parseHTML: (el) => imgOf(el)?.getAttribute("alt") ?? "", rendered: false },
      width: { default: null, parseHTML: imgAttr("width"), rendered: false },
      height: { default: null, parseHTML: imgAttr("height"), rendered: false },
      caption: { default: "", parseHTML: (el) => captionParts(el).caption, rendered: false },
      credit: { default: "", parseHTML: (el) => captionParts(el).credit, rendered: false },
      mediaId: { default: null, parseHTML: imgAttr("data-media-id"), rendered: false },
    };
  },

  parseHTML() {
    return [
      // figure.photo and any plain <figure> that holds an image
      { tag: "figure", priority: 60, getAttrs: (el) => parseAttrsOrReject(el as HTMLElement) },
      // A bare <img> (older content, pasted web pages) becomes a figure rather than being lost.
      { tag: "img[src]", getAttrs: (el) => parseAttrsOrReject(el as HTMLElement) },
    ];
  },

  renderHTML({ node }) {
    return figureOutputSpec(node.attrs as FigureAttrs);
  },

  renderText({ node }) {
    const a = node.attrs as FigureAttrs;
    return [a.caption, a.credit].filter(Boolean).join(" ");
  },

  addCommands() {
    return {
      insertFigure:
        (attrs) =>
        ({ commands }) =>
          commands.insertContent({ type: this.name, attrs }),
      updateFigure:
        (pos, attrs) =>
        ({ tr, state, dispatch }) => {
          const node = state.doc.nodeAt(pos);
          if (!node || node.type.name !== this.name) return false;
          if (dispatch) tr.setNodeMarkup(pos, undefined, { ...node.attrs, ...attrs });
          return true;
        },
    };
  },

  addNodeView() {
    return ({ node: initialNode, getPos }) => {
      let node = initialNode;
      const dom = document.createElement("figure");
      dom.className = "photo rte-figure";
      const img = document.createElement("img");
      img.draggable = false;
      const cap = document.createElement("figcaption");
      const warn = document.createElement("span");
      warn.className = "rte-figure-warn";
      warn.textContent = "缺少替代文字";
      const edit = document.createElement("button");
      edit.type = "button";
      edit.className = "rte-figure-edit";
      edit.textContent = "编辑图片";
      // Keyboard users select the figure with the arrow keys and use the toolbar's 编辑图片 button;
      // this one is a pointer shortcut and stays out of the tab order inside the editing area.
      edit.tabIndex = -1;
      dom.append(img, cap, warn, edit);

      const requestEdit = () => {
        const pos = typeof getPos === "function" ? getPos() : undefined;
        if (typeof pos === "number") this.options.onEdit?.(pos);
      };
      edit.addEventListener("mousedown", (e) => e.preventDefault());
      edit.addEventListener("click", (e) => {
        e.preventDefault();
        e.stopPropagation();
        requestEdit();
      });
      dom.addEventListener("dblclick", (e) => {
        e.preventDefault();
        requestEdit();
      });

      const render = () => {
        const a = node.attrs as FigureAttrs;
        const set = (name: string, value: string | null) => (value ? img.setAttribute(name, value) : img.removeAttribute(name));
        set("src", a.src);
        set("srcset", a.srcset);
        set("sizes", a.sizes);
        img.setAttribute("alt", a.alt ?? "");
        set("width", a.width);
        set("height", a.height);
        const caption = tidy(a.caption);
        const credit = tidy(a.credit);
        cap.replaceChildren();
        if (caption) cap.append(caption);
        if (caption && credit) cap.append(" ");
        if (credit) {
          const span = document.createElement("span");
          span.className = "photo-credit";
          span.textContent = credit;
          cap.append(span);
        }
        cap.hidden = !caption && !credit;
        warn.hidden = !!(a.alt ?? "").trim();
        edit.setAttribute("aria-label", a.alt ? `编辑图片：${a.alt}` : "编辑图片");
        edit.title = "编辑替代文字和图片说明（也可双击图片）";
      };
      render();

      return {
        dom,
        update: (updated) => {
          if (updated.type !== node.type) return false;
          node = updated;
          render();
          return true;
        },
        // Clicks on the edit button are ours, not ProseMirror's.
        stopEvent: (event) => event.target instanceof Element && edit.contains(event.target),
        ignoreMutation: () => true,
      };
    };
  },
});
