import { redirect } from "next/navigation";
import type { ZodType } from "zod";
import { DomainError } from "../errors";
import { fieldErrors } from "../validation/zod";
import { can, type Action } from "./permissions";
import { currentActor, type Actor } from "./session";

export type ActionResult<T = undefined> =
  | { ok: true; data?: T; message?: string }
  | { ok: false; error: string; code?: "unauthenticated" | "forbidden" | "invalid" | "conflict"; fieldErrors?: Record<string, string> };


export const MESSAGES = {
  unauthenticated: "登录已过期，请重新登录",
  forbidden: "您没有执行此操作的权限",
  invalid: "请检查标红的字段",
} as const;

export type GuardedAction<T> = ((input: unknown) => Promise<ActionResult<T>>) & { permission: Action };

/**
 * Every server action is built with this: session → permission table →
 * zod → domain. The permission is attached to the function so the
 * permission test can find every action in the code and try every role.
 */
export function guardedAction<I, T = undefined>(
  permission: Action,
  schema: ZodType<I>,
  run: (input: I, actor: Actor) => Promise<ActionResult<T>>,
): GuardedAction<T> {
  const action = async (input: unknown): Promise<ActionResult<T>> => {
    const actor = await currentActor();
    if (!actor) return { ok: false, code: "unauthenticated", error: MESSAGES.unauthenticated };
    if (!can(actor.role, permission)) return { ok: false, code: "forbidden", error: MESSAGES.forbidden };
    const parsed = schema.safeParse(input);
    if (!parsed.success) return { ok: false, code: "invalid", error: MESSAGES.invalid, fieldErrors: fieldErrors(parsed.error) };
    try {
      return await run(parsed.data, actor);
    } catch (err) {
      if (err instanceof DomainError) {
        return { ok: false, code: "conflict", error: err.message, fieldErrors: err.field ? { [err.field]: err.message } : undefined };
      }
      throw err;
    }
  };
  return Object.assign(action, { permission });
}

/** For admin pages: anonymous → sign-in page; signed in without the permission → the 403 page. */
export async function requirePage(permission: Action, from = "/admin"): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) redirect(`/login?callbackUrl=${encodeURIComponent(from)}`);
  if (!can(actor.role, permission)) redirect("/admin/forbidden");
  return actor;
}

/** For admin route handlers. */
export function guardedRoute(permission: Action, run: (req: Request, actor: Actor) => Promise<Response>) {
  const handler = async (req: Request): Promise<Response> => {
    const actor = await currentActor();
    if (!actor) return Response.json({ error: MESSAGES.unauthenticated }, { status: 401 });
    if (!can(actor.role, permission)) return Response.json({ error: MESSAGES.forbidden }, { status: 403 });
    try {
      return await run(req, actor);
    } catch (err) {
      if (err instanceof DomainError) return Response.json({ error: err.message }, { status: 400 });
      throw err;
    }
  };
  return Object.assign(handler, { permission });
}
