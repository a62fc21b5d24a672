import type { Role } from "@/lib/auth/permissions";

declare module "next-auth" {
  interface User {
    role: Role;
    sessionEpoch: number;
    deviceToken: string;
  }
  interface Session {
    user: { id: number; role: Role; name?: string | null; email?: string | null; image?: string | null };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid?: number;
    role?: Role;
    /** The user's sessionEpoch at sign-in; a sign-out bumps the user's, ending this session. */
    epoch?: number;
  }
}
