import { decodeHTML } from "entities";
import sanitizeHtml from "sanitize-html";

/**
 * The one allow-list for stored rich text (articles, static pages). Applied
 * when HTML is written and again when it is rendered, so a row edited
 * outside the CMS cannot smuggle script into a page either.
 */
const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    "p", "br", "h2", "h3", "h4", "strong", "b", "em", "i", "u", "s", "sub", "sup",
    "blockquote", "ul", "ol", "li", "a", "img", "figure", "figcaption", "hr",
    "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td", "span", "pre", "code",
  ],
  allowedAttributes: {
    a: ["href", "title", "target", "rel"],
    // srcset URLs are checked against the same schemes as src by sanitize-html.
    img: ["src", "srcset", "sizes", "alt", "width", "height", "loading", "data-media-id"],
    th: ["colspan", "rowspan", "scope"],
    td: ["colspan", "rowspan"],
    ol: ["start"],
    p: ["class"],
    figure: ["class"],
    span: ["class"],
  },
  allowedClasses: {
    p: ["align-center", "align-right", "photo-credit"],
    figure: ["photo"],
    span: ["photo-credit"],
  },
  allowedSchemes: ["http", "https", "mailto", "tel"],
  allowedSchemesByTag: { img: ["http", "https"] },
  allowProtocolRelative: false,
  transformTags: {
    a: (tagName, attribs) => {
      const out = { ...attribs };
      // New-window links must not hand window.opener to the target site.
      if (out.target === "_blank") out.rel = "noopener noreferrer";
      else delete out.target;
      return { tagName, attribs: out };
    },
    // Every image carries an alt attribute and loads lazily.
    img: (tagName, attribs) => ({
      tagName,
      attribs: { ...attribs, alt: attribs.alt ?? "", loading: "lazy" },
    }),
  },
  exclusiveFilter: (frame) => frame.tag === "img" && !frame.attribs.src,
};

export function sanitizeRichText(html: string): string {
  return sanitizeHtml(html, OPTIONS);
}

/** A body image's rendered width: the whole screen on phones, at most a figure's 800 px (globals.css) above that. */
export const BODY_IMAGE_SIZES = "(max-width: 840px) 100vw, 800px";
/** An image with less text than this before it is on the first screen of a phone: it may be the page's LCP. */
const ABOVE_THE_FOLD_TEXT = 120;

/**
 * Stored rich text as a public page renders it (articles, static pages), under the page's own h1:
 *   - headings nest without skipping a level: the body's outermost heading becomes h2 and each deeper
 *     one sits exactly one level below the heading it follows (editors often start at h3, and axe and
 *     Lighthouse flag the skip). Only the rendered tags change; what editors wrote is stored as written.
 *   - images: the first one, when little text comes before it (on a phone's first screen, so it can
 *     be the LCP element), loads eagerly with fetchpriority="high"; every other one loads lazily.
 *     All decode asynchronously and, unless the editor set one, get the column's `sizes`.
 *   - `opts.image` may then rewrite an image's source (the site passes lib/media/responsive.ts).
 * Sanitized with the same allow-list as on write.
 */
export function renderRichText(html: string, opts: { image?: (attribs: sanitizeHtml.Attributes) => sanitizeHtml.Attributes } = {}): string {
  const open: { written: number; shown: number }[] = [];
  const heading: sanitizeHtml.Transformer = (tagName, attribs) => {
    const written = Number(tagName.slice(1));
    while (open.length && open[open.length - 1].written >= written) open.pop();
    const shown = open.length ? open[open.length - 1].shown + 1 : 2;
    open.push({ written, shown });
    return { tagName: `h${Math.min(shown, 4)}`, attribs };
  };
  let textBefore = 0;
  let images = 0;
  return sanitizeHtml(html, {
    ...OPTIONS,
    allowedAttributes: { ...OPTIONS.allowedAttributes, img: [...(OPTIONS.allowedAttributes as Record<string, string[]>).img, "fetchpriority", "decoding"] },
    textFilter: (text) => {
      textBefore += text.trim().length;
      return text;
    },
    transformTags: {
      ...OPTIONS.transformTags,
      h2: heading,
      h3: heading,
      h4: heading,
      img: (tagName, attribs) => {
        const first = images++ === 0 && textBefore < ABOVE_THE_FOLD_TEXT;
        const { loading: _stored, fetchpriority: _priority, ...rest } = attribs;
        const out: sanitizeHtml.Attributes = { ...rest, alt: attribs.alt ?? "", decoding: "async" };
        if (!out.sizes) out.sizes = BODY_IMAGE_SIZES;
        if (first) out.fetchpriority = "high";
        else out.loading = "lazy";
        return { tagName, attribs: opts.image ? opts.image(out) : out };
      },
    },
  });
}

/** Plain text of stored HTML, for summaries, meta descriptions and search. */
export function htmlToText(html: string): string {
  // Block ends become spaces so "…</p><p>Next" does not glue two words together.
  const spaced = html.replace(/<\/(p|h[1-6]|li|td|th|figcaption|caption|blockquote|tr)>|<br\s*\/?>/gi, "$& ");
  // One pass of a maintained decoder: replacing &amp; first (as a chain of replaces does) turns the text "&lt;" into "<".
  return decodeHTML(sanitizeHtml(spaced, { allowedTags: [], allowedAttributes: {} }))
    .replace(/\s+/g, " ")
    .trim();
}
