import { getServerSession } from "next-auth";
import { headers } from "next/headers";
import { db } from "../db";
import { clientIp } from "../http/client-ip";
import { authOptions } from "./options";
import { isRole, type Role } from "./permissions";

export interface Actor {
  id: number;
  email: string;
  name: string;
  role: Role;
  ip: string;
}

/**
 * The signed-in user, re-read from the database on every call: a
 * deactivated account or a changed role takes effect at once, not when the
 * session cookie expires.
 */
export async function currentActor(): Promise<Actor | null> {
  const session = await getServerSession(authOptions);
  const id = session?.user?.id;
  if (!id) return null;
  const user = await db.user.findUnique({ where: { id } });
  if (!user || !user.active || !isRole(user.role)) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role, ip: clientIp(await headers()) };
}
