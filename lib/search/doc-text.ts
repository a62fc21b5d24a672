import { htmlToText } from "../content/sanitize";
import { indexTokens } from "./tokenize";

/** 政府信息公开 fields that are searched with an article (absent for other articles and pages). */
export interface DocMeta {
  docNumber?: string | null;
  issuer?: string | null;
}

const join = (...parts: (string | null | undefined)[]) => parts.filter((p) => p).join(" ");

/**
 * The title and body token streams of one document, for both engines. A 文号
 * is indexed with the title (searching for it puts the document itself above
 * articles that merely cite it), the 发文机关 with the body.
 */
export function docTokens(title: string, bodyHtml: string, meta: DocMeta = {}): [string, string] {
  const [t, b] = docText(title, bodyHtml, meta);
  return [indexTokens(t), indexTokens(b)];
}

/** The plain title and body text that docTokens tokenizes. */
export function docText(title: string, bodyHtml: string, meta: DocMeta = {}): [string, string] {
  return [join(title, meta.docNumber), join(htmlToText(bodyHtml), meta.issuer)];
}
