import { beijingParts } from "../format/date";
/**
 * Text → XML. Everything an editor typed (titles with & < > and quotes,
 * summaries) is escaped as character data, never spliced in as markup, and
 * characters XML 1.0 forbids (control characters pasted from Word, lone
 * surrogates) are dropped — one of them would make the whole document
 * unparseable for every reader.
 */

// Allowed: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]
const INVALID_XML_CHARS = /[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

export function escapeXml(text: string): string {
  return text.replace(INVALID_XML_CHARS, "").replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

/** <name>escaped text</name> */
export function element(name: string, text: string): string {
  return `<${name}>${escapeXml(text)}</${name}>`;
}

const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const pad = (n: number) => String(n).padStart(2, "0");

/**
 * RFC 822 date as RSS 2.0 wants it, in Beijing time ("Mon, 20 Nov 2017 08:30:00 +0800").
 * China has one zone and no daylight saving, so a fixed offset is exact.
 */
export function rfc822Beijing(value: string | Date): string {
  const b = beijingParts(new Date(value));
  return `${DAYS[b.wd]}, ${pad(b.d)} ${MONTHS[b.m - 1]} ${b.y} ${pad(b.h)}:${pad(b.min)}:${pad(b.s)} +0800`;
}
