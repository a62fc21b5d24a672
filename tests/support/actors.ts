import { db } from "@/lib/db";
import type { Role } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/session";

/** A real user row (audit entries and revisions reference it) and the actor for it. */
export async function makeActor(role: Role, tag = Math.random().toString(36).slice(2, 8)): Promise<Actor> {
  const email = `${role}-${tag}@test.local`;
  const u = await db.user.create({ data: { email, name: `${role}-${tag}`, role, passwordHash: "x" } });
  return { id: u.id, email, name: u.name, role, ip: "127.0.0.1" };
}
