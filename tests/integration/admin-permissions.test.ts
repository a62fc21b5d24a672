import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { can, ROLES, type Action, type Role } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/session";

/**
 * Calls EVERY admin server action (lib/<domain>/actions.ts) and admin route
 * handler (app/api/admin) — found by scanning the code, not from a hand-kept
 * list — as anonymous, editor, reviewer and admin, and checks the answer
 * against the permission table.
 */

let current: Actor | null = null;
vi.mock("@/lib/auth/session", () => ({ currentActor: async () => current }));
vi.mock("next/cache", () => ({ revalidateTag: () => undefined, revalidatePath: () => undefined, unstable_cache: (fn: () => unknown) => fn }));

const APP = path.join(process.cwd(), "app");
const LIB = path.join(process.cwd(), "lib");
function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}
const files = walk(APP);
// Server actions live beside their domain; the public feedback form's action is public-actions.ts.
const actionFiles = walk(LIB).filter((f) => f.endsWith(`${path.sep}actions.ts`));
const adminRouteFiles = files.filter((f) => f.includes(`${path.sep}api${path.sep}admin${path.sep}`) && /route\.ts$/.test(f));
const adminPageFiles = files.filter((f) => f.includes(`${path.sep}(admin)${path.sep}`) && /page\.tsx$/.test(f));

type Guarded = ((input: unknown) => Promise<{ ok: boolean; code?: string }>) & { permission?: Action };
type Handler = ((req: Request) => Promise<Response>) & { permission?: Action };

const actors: Record<Role, Actor> = Object.fromEntries(
  ROLES.map((role, i) => [role, { id: 900_000 + i, email: `${role}@perm.test`, name: role, role, ip: "127.0.0.1" }]),
) as Record<Role, Actor>;

const actions: { name: string; fn: Guarded }[] = [];
const handlers: { name: string; fn: Handler }[] = [];

beforeAll(async () => {
  for (const file of actionFiles) {
    const mod = (await import(file)) as Record<string, unknown>;
    for (const [name, fn] of Object.entries(mod)) if (typeof fn === "function") actions.push({ name: `${path.relative(LIB, file)}#${name}`, fn: fn as Guarded });
  }
  for (const file of adminRouteFiles) {
    const mod = (await import(file)) as Record<string, unknown>;
    for (const method of ["GET", "POST", "PUT", "PATCH", "DELETE"]) {
      if (typeof mod[method] === "function") handlers.push({ name: `${path.relative(APP, file)} ${method}`, fn: mod[method] as Handler });
    }
  }
});
afterAll(() => {
  current = null;
});

describe("every admin entry point checks the role on the server", () => {
  it("finds the admin actions, handlers and pages in the code", () => {
    expect(actions.length).toBeGreaterThanOrEqual(15);
    expect(handlers.length).toBeGreaterThanOrEqual(1);
    expect(adminPageFiles.length).toBeGreaterThanOrEqual(5);
  });

  it("every actions file is a server-actions module and no server action is left in app/", () => {
    for (const file of actionFiles) expect(fs.readFileSync(file, "utf8"), path.relative(LIB, file)).toMatch(/^"use server";/);
    const inApp = files.filter((f) => /\.tsx?$/.test(f) && /^\s*"use server";/.test(fs.readFileSync(f, "utf8")));
    expect(inApp.map((f) => path.relative(APP, f))).toEqual([]);
  });

  it("every exported server action is built with guardedAction (has a permission)", () => {
    const unguarded = actions.filter((a) => !a.fn.permission).map((a) => a.name);
    expect(unguarded).toEqual([]);
  });

  it("every admin route handler is built with guardedRoute", () => {
    expect(handlers.filter((h) => !h.fn.permission).map((h) => h.name)).toEqual([]);
  });

  it("every admin page asks requirePage() before anything else", () => {
    for (const file of adminPageFiles) {
      const src = fs.readFileSync(file, "utf8");
      const isPublicInfo = file.endsWith(`forbidden${path.sep}page.tsx`); // the 403 page itself; its layout requires a session
      if (!isPublicInfo) expect(src, path.relative(APP, file)).toMatch(/await requirePage\(/);
    }
  });

  it("actions: anonymous is refused, each role gets exactly what the table allows", async () => {
    const refused = new Map<string, number>(ROLES.map((r) => [r, 0]));
    for (const { name, fn } of actions) {
      current = null;
      const anon = await fn({});
      expect(anon.ok, `${name} as anonymous`).toBe(false);
      expect(anon.code, `${name} as anonymous`).toBe("unauthenticated");
      for (const role of ROLES) {
        current = actors[role];
        const r = await fn({}); // empty input: an allowed role reaches validation, a refused one never does
        const allowed = can(role, fn.permission!);
        if (allowed) expect(r.code, `${name} as ${role}`).not.toBe("forbidden");
        else expect(r.code, `${name} as ${role}`).toBe("forbidden");
        if (!allowed) refused.set(role, refused.get(role)! + 1);
      }
    }
    // The walk really met both answers: the admin is refused nothing, an editor some actions.
    expect(refused.get("admin")).toBe(0);
    expect(refused.get("editor")).toBeGreaterThan(0);
  });

  it("route handlers: 401 anonymous, 403 without the permission", async () => {
    for (const { name, fn } of handlers) {
      current = null;
      expect((await fn(new Request("http://localhost/x", { method: "POST", body: new FormData() }))).status, name).toBe(401);
      for (const role of ROLES) {
        current = actors[role];
        const res = await fn(new Request("http://localhost/x", { method: "POST", body: new FormData() }));
        if (can(role, fn.permission!)) expect(res.status, `${name} as ${role}`).not.toBe(403);
        else expect(res.status, `${name} as ${role}`).toBe(403);
      }
    }
  });
});
