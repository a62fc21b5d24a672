import { NextResponse, type NextRequest } from "next/server";
import { getToken } from "next-auth/jwt";
import { adminCsp, HSTS, newNonce } from "@/lib/security/headers";

/**
 * For the admin and the sign-in page only (public pages stay cached, see
 * next.config.ts):
 *   - a fresh CSP nonce per request: Next.js reads it from the request's
 *     Content-Security-Policy header and puts it on its own scripts;
 *   - a first gate: anonymous visitors of /admin are sent to sign in. Every
 *     admin page, server action and route handler checks the session and
 *     role itself (lib/auth/guard.ts), against the database.
 */
function isHttps(req: NextRequest): boolean {
  const proto = req.headers.get("x-forwarded-proto")?.split(",")[0].trim().toLowerCase();
  return proto ? proto === "https" : req.nextUrl.protocol === "https:";
}

export async function proxy(req: NextRequest) {
  const https = isHttps(req);
  const { pathname, search } = req.nextUrl;
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

export const config = { matcher: ["/admin/:path*", "/login"] };
