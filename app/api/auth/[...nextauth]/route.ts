import NextAuth from "next-auth";
import { NextRequest } from "next/server";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { authOptions } from "@/lib/auth/options";

const nextAuth = NextAuth(authOptions);

// next-auth answers a callbackUrl it cannot parse (http://localhost:3000.evil.example/)
// with a 500; hand it this site's own path instead (lib/auth/callback-url.ts).
function handler(req: NextRequest, ctx: unknown) {
  const cb = req.nextUrl.searchParams.get("callbackUrl");
  if (cb !== null && req.method === "GET") {
    const url = req.nextUrl.clone();
    url.searchParams.set("callbackUrl", safeCallbackPath(cb));
    return nextAuth(new NextRequest(url, { headers: req.headers }), ctx);
  }
  return nextAuth(req, ctx);
}

export { handler as GET, handler as POST };
