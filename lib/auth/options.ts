import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { cookies, headers } from "next/headers";
import { db } from "../db";
import { audit } from "../audit/log";
import { env } from "../env";
import { safeCallbackPath } from "./callback-url";
import { clientIp } from "../http/client-ip";
import { DEVICE_MAX_AGE_SECONDS, deviceCookieName, isHttpsRequest } from "./device";
import { isRole } from "./permissions";
import { signIn, SignInError } from "./sign-in";

export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60; // one working day

// next-auth builds its redirects and decides on Secure / __Secure- cookies
// from NEXTAUTH_URL, and without it from "http://localhost:3000" — unless it
// may trust the request's own (X-Forwarded-)Host and -Proto. Unset, the site's
// origin is whatever the browser (through the proxy) reached: any port, proxy
// or domain. next-auth reads both variables on every request.
if (!env().NEXTAUTH_URL && !env().AUTH_TRUST_HOST) process.env.AUTH_TRUST_HOST = "true";

/** Thrown by the jwt callback for a signed-out (or deactivated) session: next-auth then clears the cookie. */
export const SESSION_ENDED = "session ended";

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/login" },
  providers: [
    CredentialsProvider({
      name: "credentials",
      credentials: { email: { label: "邮箱", type: "email" }, password: { label: "密码", type: "password" } },
      async authorize(credentials) {
        const h = await headers();
        const jar = await cookies();
        const https = isHttpsRequest(h);
        try {
          const user = await signIn(credentials, clientIp(h), jar.get(deviceCookieName(https))?.value ?? null);
          // Route handler context: Next adds this to next-auth's response.
          jar.set(deviceCookieName(https), user.deviceToken, { httpOnly: true, secure: https, sameSite: "lax", path: "/api/auth", maxAge: DEVICE_MAX_AGE_SECONDS });
          return user;
        } catch (err) {
          // next-auth passes the message to the sign-in form as `error`.
          if (err instanceof SignInError) throw new Error(err.message);
          throw err;
        }
      },
    }),
  ],
  events: {
    async signOut({ token }) {
      if (!token?.uid) return;
      // Server-side sign-out: every session token issued before now stops working, a saved copy included.
      await db.user.updateMany({ where: { id: Number(token.uid) }, data: { sessionEpoch: { increment: 1 } } });
      await audit({ id: Number(token.uid), email: token.email ?? "", ip: "" }, { action: "auth.signout", targetType: "user", targetId: token.uid });
    },
  },
  logger: {
    error(code, metadata) {
      // An ended session is the expected answer to a signed-out cookie, not an error.
      if (code === "JWT_SESSION_ERROR" && metadata instanceof Error && metadata.message === SESSION_ENDED) return;
      console.error(`[next-auth][error][${code}]`, metadata);
    },
  },
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        token.uid = Number(user.id);
        token.role = user.role;
        token.epoch = user.sessionEpoch;
        return token;
      }
      if (token.uid) {
        const row = await db.user.findUnique({ where: { id: Number(token.uid) }, select: { sessionEpoch: true, active: true } });
        if (!row || !row.active || row.sessionEpoch !== (token.epoch ?? 0)) throw new Error(SESSION_ENDED);
      }
      return token;
    },
    session({ session, token }) {
      if (session.user && isRole(token.role)) {
        session.user.id = Number(token.uid);
        session.user.role = token.role;
      }
      return session;
    },
    // Only this site's own pages, at the origin the request came in on.
    redirect({ url, baseUrl }) {
      return `${baseUrl}${safeCallbackPath(url, baseUrl)}`;
    },
  },
};
