import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { clientIp } from "../http/client-ip";
import { audit } from "../audit/log";
import { isRole } from "./permissions";
import { signIn, SignInError } from "./sign-in";

export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60; // one working day

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/login" },
  providers: [
    CredentialsProvider({
      name: "credentials",
      credentials: { email: { label: "邮箱", type: "email" }, password: { label: "密码", type: "password" } },
      async authorize(credentials, req) {
        const headers = new Headers(req?.headers as Record<string, string> | undefined);
        try {
          return await signIn(credentials, clientIp(headers));
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
      if (token?.uid) await audit({ id: Number(token.uid), email: token.email ?? "", ip: "" }, { action: "auth.signout", targetType: "user", targetId: token.uid });
    },
  },
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = Number(user.id);
        token.role = user.role;
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
  },
};
