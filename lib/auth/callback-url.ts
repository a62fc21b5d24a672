/**
 * Where to go after signing in. The target is resolved the way the browser
 * will resolve it (`new URL(target, origin)`: backslashes, tabs, "/\/",
 * "//host" all count) and accepted only when it stays on this site; the
 * result is an absolute path with a single leading slash, so no later
 * resolution can turn it into a protocol-relative URL.
 */
export const AFTER_SIGN_IN = "/admin";

// Any fixed origin works as the base: only "did it stay on the base's origin" is asked.
const BASE = "http://site.invalid";

export function safeCallbackPath(target: string | string[] | null | undefined, ownOrigin?: string | null): string {
  const raw = Array.isArray(target) ? target[0] : target;
  if (!raw || raw.length > 2000) return AFTER_SIGN_IN;
  let url: URL;
  try {
    url = new URL(raw, BASE);
  } catch {
    return AFTER_SIGN_IN;
  }
  // An absolute URL naming this site itself (e.g. next-auth's own callbackUrl) is fine too.
  const own = url.origin === BASE || (!!ownOrigin && url.origin === ownOrigin);
  if (!own || (url.protocol !== "http:" && url.protocol !== "https:")) return AFTER_SIGN_IN;
  const path = url.pathname.replace(/^\/+/, "/");
  return `${path}${url.search}${url.hash}`;
}
