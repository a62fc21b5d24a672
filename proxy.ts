import { NextResponse, type NextFetchEvent, type NextRequest } from "next/server";
import { withAuth, type NextRequestWithAuth } from "next-auth/middleware";
import { refuseOversizedAction } from "./lib/http/action-body-limit";

// A first gate only: anonymous visitors of /admin are sent to sign in. Every
// admin page, server action and route handler checks the role itself
// (lib/auth/guard.ts) against the permission table.
const adminGate = withAuth({ pages: { signIn: "/login" } });

export async function proxy(req: NextRequest, event: NextFetchEvent) {
  const refused = refuseOversizedAction(req);
  if (refused) return refused;
  if (req.nextUrl.pathname.startsWith("/admin")) return adminGate(req as NextRequestWithAuth, event);
  return NextResponse.next();
}

export const config = { matcher: ["/admin/:path*", "/feedback", "/feedback/:path*"] };
