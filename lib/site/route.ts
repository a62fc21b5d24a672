/**
 * Public URLs under the catch-all route:
 *   /news                 section list, page 1
 *   /news/page/3          section list, page 3
 *   /topics/congress-19/47  article 47
 * Section slugs are therefore never purely numeric and never "page"
 * (enforced where sections are edited).
 */
export type SiteRoute =
  | { kind: "section"; path: string; page: number }
  | { kind: "article"; sectionPath: string; id: number }
  | { kind: "none" };

// A slug has at least one letter, so it can never be mistaken for an article id or page number.
const SLUG = /^(?=[a-z0-9-]*[a-z])[a-z0-9][a-z0-9-]*$/;
const INT = /^[1-9][0-9]{0,8}$/;

export function parseSiteRoute(segments: string[]): SiteRoute {
  const parts = segments;
  if (parts.length === 0) return { kind: "none" };
  const last = parts[parts.length - 1];
  if (parts.length >= 2 && INT.test(last) && parts[parts.length - 2] === "page") {
    const path = parts.slice(0, -2);
    return path.length && path.every((p) => SLUG.test(p)) ? { kind: "section", path: path.join("/"), page: Number(last) } : { kind: "none" };
  }
  if (INT.test(last)) {
    const path = parts.slice(0, -1);
    return path.length && path.every((p) => SLUG.test(p)) ? { kind: "article", sectionPath: path.join("/"), id: Number(last) } : { kind: "none" };
  }
  return parts.every((p) => SLUG.test(p)) ? { kind: "section", path: parts.join("/"), page: 1 } : { kind: "none" };
}
