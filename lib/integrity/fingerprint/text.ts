import { createHash } from "node:crypto";
import { parse, type HTMLElement } from "node-html-parser";

/**
 * One way to turn HTML into comparable text, used both for what the CMS
 * published (stored HTML) and for what a visitor receives (fetched page):
 * entities decoded, all whitespace dropped (the renderer's line breaks and
 * indentation are not content; a Chinese page has no meaningful spaces).
 */
export function compactText(text: string): string {
  return text.replace(/[\s\u200b-\u200d\u2060\ufeff]+/g, "");
}

export function elementText(el: HTMLElement | null | undefined): string {
  return el ? compactText(el.textContent) : "";
}

export function htmlText(html: string): string {
  return elementText(parse(html));
}

export function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}
