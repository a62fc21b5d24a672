import { db } from "../db";
import { audit } from "../audit/log";
import { DomainError } from "../errors";
import { hashPassword, PASSWORD_MIN_LENGTH } from "../auth/password";
import { ROLES } from "../auth/permissions";
import type { Actor } from "../auth/session";
import { z } from "../validation/zod";

const password = z.string().min(PASSWORD_MIN_LENGTH, `密码至少${PASSWORD_MIN_LENGTH}位`).max(200);

export const createUserSchema = z.object({
  email: z.string().trim().toLowerCase().email("请输入有效的邮箱地址"),
  name: z.string().trim().min(1, "请填写姓名").max(50),
  role: z.enum(ROLES, { message: "请选择角色" }),
  password,
});
export const updateUserSchema = z.object({
  id: z.number().int().positive(),
  name: z.string().trim().min(1, "请填写姓名").max(50),
  role: z.enum(ROLES, { message: "请选择角色" }),
  active: z.boolean(),
  password: z.union([z.literal(""), password]).default(""),
});

export async function createUser(input: z.infer<typeof createUserSchema>, actor: Actor): Promise<{ id: number }> {
  if (await db.user.findUnique({ where: { email: input.email } })) throw new DomainError("该邮箱已有账号", "email");
  const u = await db.user.create({
    data: { email: input.email, name: input.name, role: input.role, passwordHash: await hashPassword(input.password) },
  });
  await audit(actor, { action: "user.create", targetType: "user", targetId: u.id, summary: `${u.email}（${u.role}）` });
  return { id: u.id };
}

export async function updateUser(input: z.infer<typeof updateUserSchema>, actor: Actor): Promise<void> {
  const u = await db.user.findUnique({ where: { id: input.id } });
  if (!u) throw new DomainError("用户不存在");
  const losesAdmin = u.role === "admin" && (input.role !== "admin" || !input.active);
  if (losesAdmin && (await db.user.count({ where: { role: "admin", active: true } })) <= 1) {
    throw new DomainError("这是最后一个有效的管理员账号，不能降级或停用", "role");
  }
  if (u.id === actor.id && !input.active) throw new DomainError("不能停用自己的账号", "active");
  await db.user.update({
    where: { id: u.id },
    data: { name: input.name, role: input.role, active: input.active, ...(input.password ? { passwordHash: await hashPassword(input.password) } : {}) },
  });
  const changes = [
    u.role !== input.role && `角色 ${u.role}→${input.role}`,
    u.active !== input.active && (input.active ? "启用" : "停用"),
    input.password && "重置密码",
    u.name !== input.name && "姓名",
  ].filter(Boolean);
  await audit(actor, { action: "user.update", targetType: "user", targetId: u.id, summary: `${u.email}：${changes.join("、") || "无变化"}` });
}
