"use server";

import { guardedAction } from "@/lib/auth/guard";
import { createUser, createUserSchema, updateUser, updateUserSchema } from "@/lib/users/manage";

export const createUserAction = guardedAction("user.manage", createUserSchema, async (input, actor) => {
  const created = await createUser(input, actor);
  return { ok: true, data: created, message: "用户已创建" };
});

export const updateUserAction = guardedAction("user.manage", updateUserSchema, async (input, actor) => {
  await updateUser(input, actor);
  return { ok: true, message: "用户已保存" };
});
