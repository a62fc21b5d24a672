import { NextResponse, type NextRequest } from "next/server";
import { getToken } from "next-auth/jwt";
import { adminCsp, HSTS, newNonce } from "@/lib/security/headers";
import { refuseOversizedAction } from "@/lib/http/action-body-limit";

/**
 * For the admin and the sign-in page only (public pages stay cached, see
 * next.config.ts):
 *   - a fresh CSP nonce per request: Next.js reads it from the request's
 *     Content-Security-Policy header and puts it on its own scripts;
 *   - server-action posts over the size limit answer 413 before Next reads
 *     them (lib/http/action-body-limit.ts), here and on 网站建议;
 *   - a first gate: anonymous visitors of /admin are sent to sign in. Every
 *     admin page, server action and route handler checks the session and
 *     role itself (lib/auth/guard.ts), against the database.
 */
function isHttps(req: NextRequest): boolean {
  const proto = req.headers.get("x-forwarded-proto")?.split(",")[0].trim().toLowerCase();
  return proto ? proto === "https" : req.nextUrl.protocol === "https:";
}

export async function proxy(req: NextRequest) {
  const refused = refuseOversizedAction(req);
  if (refused) return refused;
  const { pathname, search } = req.nextUrl;
  if (pathname === "/feedback" || pathname.startsWith("/feedback/")) return NextResponse.next();
  const https = isHttps(req);
  if (pathname === "/admin" || pathname.startsWith("/admin/")) {
    const token = await getToken({ req, secureCookie: https });
    if (!token) {
      // req.url carries the Host the browser used, so this stays on its origin.
      return NextResponse.redirect(new URL(`/login?callbackUrl=${encodeURIComponent(pathname + search)}`, req.url));
    }
  }
  const nonce = newNonce();
  const csp = adminCsp(nonce, { https, dev: process.env.NODE_ENV !== "production" });
  const requestHeaders = new Headers(req.headers);
  requestHeaders.set("content-security-policy", csp);
  requestHeaders.set("x-nonce", nonce);
  const res = NextResponse.next({ request: { headers: requestHeaders } });
  res.headers.set("Content-Security-Policy", csp);
  if (https) res.headers.set("Strict-Transport-Security", HSTS);
  return res;
}

export const config = { matcher: ["/admin/:path*", "/login", "/feedback", "/feedback/:path*"] };
