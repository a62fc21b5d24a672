import fs from "node:fs";
import path from "node:path";
import { NextRequest } from "next/server";
import { isValidElement } from "react";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { articleInputSchema } from "@/lib/articles/schema";
import * as workflow from "@/lib/articles/workflow";
import type { Actor } from "@/lib/auth/session";
import { makeActor } from "../support/actors";

/**
 * Editor A walks EVERY admin page (found by scanning app/(admin)), every
 * route handler (every route.ts under app/) and every server action (every
 * lib/<domain>/actions.ts) against editor B's unpublished draft and B's
 * pending (unpublished) edit of a live article. No byte of their markers may
 * reach A, and the article list's 关键词 search must answer a query for a
 * word only B's draft contains exactly as it answers a word nobody wrote.
 *
 * A page's output is its React element tree: every string a page renders or
 * hands to a client component is in the props of that tree. Async (server)
 * components inside it are run and walked too.
 */

let current: Actor | null = null;
vi.mock("@/lib/auth/session", () => ({ currentActor: async () => current }));
vi.mock("next/cache", () => ({ revalidateTag: () => undefined, revalidatePath: () => undefined, unstable_cache: (fn: () => unknown) => fn }));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ host: "localhost", "user-agent": "Mozilla/5.0 leak-test" }),
  cookies: async () => ({ get: () => undefined, getAll: () => [], has: () => false, set: () => undefined, delete: () => undefined }),
}));

const ROOT = process.cwd();
const APP = path.join(ROOT, "app");
const LIB = path.join(ROOT, "lib");
function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}
const adminPages = walk(path.join(APP, "(admin)")).filter((f) => f.endsWith(`${path.sep}page.tsx`));
const routeFiles = walk(APP).filter((f) => /route\.ts$/.test(f));
const actionFiles = walk(LIB).filter((f) => f.endsWith(`${path.sep}actions.ts`));

const token = () => `z${Math.random().toString(36).slice(2, 10)}q`;
// Latin tokens: whole words for the search index and substrings for the draft search alike.
const M = { draftTitle: token(), draftBody: token(), editTitle: token(), editBody: token() };
const OWN = token();
const CONTROL = token();
const MARKERS = Object.values(M);

let editorA: Actor;
let editorB: Actor;
let draftId: number;
let liveId: number;
let ownId: number;
let sectionId: number;

const input = (title: string, body: string) =>
  articleInputSchema.parse({ title, sectionId, bodyHtml: `<p>${body}</p>`, summary: "", source: "本局", author: "撰稿人" });

beforeAll(async () => {
  sectionId = (await db.section.findFirstOrThrow({ orderBy: { id: "asc" } })).id;
  editorA = await makeActor("editor", `a-${token()}`);
  editorB = await makeActor("editor", `b-${token()}`);
  const reviewer = await makeActor("reviewer", `r-${token()}`);
  draftId = (await workflow.createArticle(input(`草稿 ${M.draftTitle}`, `正文 ${M.draftBody} 结束`), editorB)).id;
  await workflow.saveArticle(draftId, input(`草稿 ${M.draftTitle} 二稿`, `正文 ${M.draftBody} 又改`), editorB);
  liveId = (await workflow.createArticle(input("已公开的标题", "已公开的正文"), editorB)).id;
  await workflow.publishArticle(liveId, null, reviewer);
  await workflow.saveArticle(liveId, input(`改稿 ${M.editTitle}`, `未发布的修改 ${M.editBody}`), editorB);
  ownId = (await workflow.createArticle(input(`自己的草稿 ${OWN}`, `自己的正文 ${OWN}`), editorA)).id;
});

afterAll(async () => {
  current = null;
  await db.article.deleteMany({ where: { id: { in: [draftId, liveId, ownId].filter(Boolean) } } });
});

/** Every string (and number) an element tree renders or passes on, async components run. */
async function texts(node: unknown, out: string[] = [], seen = new WeakSet<object>()): Promise<string[]> {
  if (node === null || node === undefined || typeof node === "boolean" || typeof node === "function" || typeof node === "symbol") return out;
  if (typeof node === "string" || typeof node === "number" || typeof node === "bigint") {
    out.push(String(node));
    return out;
  }
  if (node instanceof Date) {
    out.push(node.toISOString());
    return out;
  }
  if (typeof (node as PromiseLike<unknown>).then === "function") return texts(await (node as PromiseLike<unknown>), out, seen);
  if (typeof node !== "object") return out;
  if (seen.has(node)) return out;
  seen.add(node);
  if (isValidElement(node)) {
    const { type, props } = node as { type: unknown; props: Record<string, unknown> };
    if (typeof type === "function" && type.constructor.name === "AsyncFunction") return texts(await (type as (p: unknown) => Promise<unknown>)(props), out, seen);
    return texts(props, out, seen);
  }
  for (const v of Array.isArray(node) ? node : Object.values(node)) await texts(v, out, seen);
  return out;
}

/** A page's texts, or what it did instead (redirect / 404 are answers that show nothing). */
async function renderPage(file: string, sp: Record<string, string>, id = draftId): Promise<{ out: string[]; outcome: string }> {
  const mod = (await import(file)) as { default: (p: unknown) => Promise<unknown> };
  const params: Record<string, string | string[]> = {};
  for (const m of path.relative(APP, file).matchAll(/\[(\.\.\.)?([^\]]+)\]/g)) params[m[2]] = m[1] ? [String(id)] : String(id);
  try {
    const tree = await mod.default({ params: Promise.resolve(params), searchParams: Promise.resolve(sp) });
    return { out: await texts(tree), outcome: "rendered" };
  } catch (err) {
    const digest = String((err as { digest?: string }).digest ?? "");
    if (digest.startsWith("NEXT_REDIRECT") || digest.startsWith("NEXT_HTTP_ERROR_FALLBACK")) return { out: [], outcome: digest.split(";").slice(0, 3).join(";") };
    throw new Error(`${path.relative(APP, file)} ${JSON.stringify(sp)}: ${(err as Error).stack}`);
  }
}

const leaks = (out: string[] | string) => MARKERS.filter((m) => (Array.isArray(out) ? out.join("\n") : out).includes(m));

const QUERIES: Record<string, string>[] = [
  {},
  { a: "1", b: "2" },
  { a: "2", b: "3" },
  { status: "draft" },
  { status: "review" },
  { status: "live" },
  { page: "1", status: "draft" },
];

describe("editor A cannot read editor B's unpublished work anywhere", () => {
  it("discovers the admin pages, route handlers and server actions in the code", () => {
    expect(adminPages.length).toBeGreaterThanOrEqual(15);
    expect(routeFiles.length).toBeGreaterThanOrEqual(9);
    expect(actionFiles.length).toBeGreaterThanOrEqual(6);
  });

  it("every admin page, with the draft's (or the pending edit's) id and every filter, shows no byte of it", async () => {
    current = editorA;
    const found: string[] = [];
    let rendered = 0;
    for (const file of adminPages) {
      for (const id of [draftId, liveId]) {
        for (const sp of QUERIES) {
          const { out, outcome } = await renderPage(file, sp, id);
          if (outcome === "rendered") rendered++;
          for (const m of leaks(out)) found.push(`${path.relative(APP, file)} id=${id} ${JSON.stringify(sp)} leaks ${m}`);
        }
      }
    }
    expect(found).toEqual([]);
    expect(rendered).toBeGreaterThan(adminPages.length); // not everything redirected away
  });

  it("the article list's 关键词 search answers a word of B's draft as it answers a word nobody wrote", async () => {
    current = editorA;
    const list = adminPages.find((f) => f.endsWith(path.join("admin", "articles", "page.tsx")))!;
    const answer = async (q: string, extra: Record<string, string> = {}) => (await renderPage(list, { q, ...extra })).out.map((s) => s.split(q).join("‹q›"));
    const control = await answer(CONTROL);
    for (const m of MARKERS) {
      for (const extra of [{}, { status: "draft" }, { status: "live" }, { author: String(editorB.id) }] as Record<string, string>[]) {
        expect(await answer(m, extra), `q=${m} ${JSON.stringify(extra)}`).toEqual(await answer(CONTROL, extra));
      }
    }
    expect(control.join("")).toContain("共 0 篇");
  });

  it("while A still finds and opens A's own draft (the checks above are not vacuous)", async () => {
    current = editorA;
    const list = adminPages.find((f) => f.endsWith(path.join("admin", "articles", "page.tsx")))!;
    expect((await renderPage(list, {})).out.join("\n")).toContain(OWN);
    expect((await renderPage(list, { q: OWN })).out.join("")).toContain("共 1 篇");
    const edit = adminPages.find((f) => f.endsWith(path.join("articles", "[id]", "page.tsx")))!;
    const mod = (await import(edit)) as { default: (p: unknown) => Promise<unknown> };
    const own = await texts(await mod.default({ params: Promise.resolve({ id: String(ownId) }), searchParams: Promise.resolve({}) }));
    expect(own.join("\n")).toContain(OWN);
  });

  it("every route handler, asked for the draft, answers no byte of it", async () => {
    current = editorA;
    const found: string[] = [];
    const answered: string[] = [];
    const threw: string[] = [];
    for (const file of routeFiles) {
      const mod = (await import(file)) as Record<string, unknown>;
      const params: Record<string, string | string[]> = {};
      for (const m of path.relative(APP, file).matchAll(/\[(\.\.\.)?([^\]]+)\]/g)) params[m[2]] = m[1] ? [String(draftId)] : String(draftId);
      for (const method of ["GET", "POST"]) {
        const fn = mod[method] as ((req: Request, ctx: unknown) => Promise<Response>) | undefined;
        if (typeof fn !== "function") continue;
        const url = `http://localhost/x?id=${draftId}&articleId=${draftId}&q=${M.draftBody}`;
        const form = new FormData();
        form.set("articleId", String(draftId));
        const json = { method, body: JSON.stringify({ id: draftId, articleId: draftId, path: `/x/${draftId}` }), headers: { "content-type": "application/json" } };
        const req = new NextRequest(url, method === "GET" ? undefined : file.includes("media") ? { method, body: form } : json);
        let body = "";
        try {
          const res = await fn(req, { params: Promise.resolve(params) });
          body = await res.text();
          answered.push(`${path.relative(APP, file)} ${method} ${res.status}`);
        } catch (err) {
          threw.push(`${path.relative(APP, file)} ${method}: ${String(err).slice(0, 120)}`);
          continue; // a handler that throws serves nothing
        }
        // The query string echoes M.draftBody back in some answers (e.g. a 400 naming the parameter); only the draft's other markers count here.
        for (const m of leaks(body.split(M.draftBody).join(""))) found.push(`${path.relative(APP, file)} ${method} leaks ${m}`);
      }
    }
    expect(found).toEqual([]);
    // Every handler really ran (none fell over before reaching its reads) — but next-auth's, which
    // reads no article and needs Next's request scope (it require()s next/headers past the mock).
    expect(threw.filter((t) => !t.startsWith(path.join("api", "auth")))).toEqual([]);
    expect(answered.length).toBeGreaterThanOrEqual(routeFiles.length - 1); // every file but next-auth's answered at least once
  });

  it("every server action, aimed at the draft, returns no byte of it and changes nothing", async () => {
    current = editorA;
    const before = await db.article.findUniqueOrThrow({ where: { id: draftId } });
    const found: string[] = [];
    for (const file of actionFiles) {
      const mod = (await import(file)) as Record<string, unknown>;
      for (const [name, fn] of Object.entries(mod)) {
        if (typeof fn !== "function") continue;
        for (const arg of [{ id: draftId }, { id: draftId, number: 1 }, { ...input("A 的改写", "A 的正文"), id: draftId }]) {
          let result: unknown;
          try {
            result = await (fn as (i: unknown) => Promise<unknown>)(arg);
          } catch (err) {
            result = String(err);
          }
          for (const m of leaks(JSON.stringify(result) ?? "")) found.push(`${path.relative(LIB, file)}#${name} leaks ${m}`);
        }
      }
    }
    expect(found).toEqual([]);
    const after = await db.article.findUniqueOrThrow({ where: { id: draftId } });
    expect(after.headRevisionId).toBe(before.headRevisionId);
    expect(after.status).toBe(before.status);
  });
});
