/**
 * Link targets the editor accepts: http(s), mailto and tel, plus site-relative
 * paths ("/news/1"). Anything else (javascript:, data:, file:…) is refused here
 * and again by the server-side sanitizer.
 */
export function isAllowedHref(href: string): boolean {
  const s = href.trim();
  if (/^(?:mailto|tel):\S/i.test(s)) return !/[\s<>"]/.test(s);
  if (s.startsWith("/") && !s.startsWith("//")) return !/[\s<>"\\]/.test(s);
  if (!/^https?:\/\//i.test(s)) return false;
  try {
    const url = new URL(s);
    return (url.protocol === "http:" || url.protocol === "https:") && !!url.hostname;
  } catch {
    return false;
  }
}

/**
 * What the user typed in the link dialog → the href to store.
 * "" means "remove the link"; null means "not acceptable".
 * A bare domain ("www.gov.cn/xxgk") is taken as https.
 */
export function normalizeHref(input: string): string | null {
  const s = input.trim();
  if (s === "") return "";
  if (isAllowedHref(s)) return s;
  if (/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+(?::\d+)?(?:[/?#]\S*)?$/i.test(s)) {
    const withScheme = `https://${s}`;
    return isAllowedHref(withScheme) ? withScheme : null;
  }
  return null;
}
