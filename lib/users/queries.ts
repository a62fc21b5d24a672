import { db } from "../db";

/** The 用户管理 list: active accounts first. */
export function listUsersForAdmin() {
  return db.user.findMany({
    orderBy: [{ active: "desc" }, { id: "asc" }],
    select: { id: true, email: true, name: true, role: true, active: true, lastLoginAt: true },
  });
}

export function findUserForAdmin(id: number) {
  return db.user.findUnique({ where: { id }, select: { id: true, email: true, name: true, role: true, active: true, lastLoginAt: true, createdAt: true } });
}
