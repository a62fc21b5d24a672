import { withAuth } from "next-auth/middleware";

// A first gate only: anonymous visitors of /admin are sent to sign in. Every
// admin page, server action and route handler checks the role itself
// (lib/auth/guard.ts) against the permission table.
export const proxy = withAuth({ pages: { signIn: "/login" } });

export const config = { matcher: ["/admin/:path*"] };
