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

/** Plain text of stored HTML, for summaries, meta descriptions and search. */
export function htmlToText(html: string): string {
  // Block ends become spaces so "…</p><p>Next" does not glue two words together.
  const spaced = html.replace(/<\/(p|h[1-6]|li|td|th|figcaption|caption|blockquote|tr)>|<br\s*\/?>/gi, "$& ");
  // One pass of a maintained decoder: replacing &amp; first (as a chain of replaces does) turns the text "&lt;" into "<".
  return decodeHTML(sanitizeHtml(spaced, { allowedTags: [], allowedAttributes: {} }))
    .replace(/\s+/g, " ")
    .trim();
}
