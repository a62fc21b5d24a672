import { afterEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { tags } from "@/lib/cache/tags";
import { deletePage, pageInputSchema, savePage } from "@/lib/pages/manage";
import { findPage } from "@/lib/pages/queries";
import { search, searchParamsSchema } from "@/lib/search/search";
import { makeActor } from "../support/actors";

const revalidated = vi.hoisted(() => ({ tags: [] as string[], paths: [] as string[] }));
vi.mock("next/cache", () => ({
  revalidateTag: (tag: string) => void revalidated.tags.push(tag),
  revalidatePath: (path: string) => void revalidated.paths.push(path),
  unstable_cache: (fn: () => unknown) => fn,
}));
// The cron route hands the due inspection to after() (run once the response is sent);
// outside a Next request there is no such scope, so the test records the hand-off instead.
const deferred = vi.hoisted(() => ({ count: 0 }));
vi.mock("next/server", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/server")>()),
  after: () => void deferred.count++,
}));
afterEach(() => {
  revalidated.tags.length = 0;
  revalidated.paths.length = 0;
});

const find = async (q: string) => (await search(searchParamsSchema.parse({ q }), null)).hits.filter((h) => h.kind === "page").map((h) => h.title);

describe("static pages: create, edit, delete", () => {
  it("a page is created (body sanitised, searchable, audited), renamed, and deleted without trace", async () => {
    const admin = await makeActor("admin");
    const input = pageInputSchema.parse({ slug: "Jiaotong-Zhinan", title: "交通指南琉璃瓦", bodyHtml: `<p>乘坐公交到达琥珀站</p><script>alert(1)</script>` });
    expect(input.slug).toBe("jiaotong-zhinan");
    const { id, oldSlug } = await savePage(null, input, admin);
    expect(oldSlug).toBeNull();
    const created = await findPage("jiaotong-zhinan");
    expect(created?.title).toBe("交通指南琉璃瓦");
    expect(created?.bodyHtml).toBe("<p>乘坐公交到达琥珀站</p>");
    expect(await find("琉璃瓦")).toEqual(["交通指南琉璃瓦"]);

    // Another page cannot take the same address.
    await expect(savePage(null, { ...input, title: "别的页面" }, admin)).rejects.toThrow(DomainError);

    const edited = await savePage(id, pageInputSchema.parse({ slug: "traffic", title: "交通指南玛瑙石", bodyHtml: "<p>新的内容</p>" }), admin);
    expect(edited).toEqual({ id, oldSlug: "jiaotong-zhinan" });
    expect(await findPage("jiaotong-zhinan")).toBeNull();
    expect((await findPage("traffic"))?.title).toBe("交通指南玛瑙石");
    expect(await find("琉璃瓦")).toEqual([]);
    expect(await find("玛瑙石")).toEqual(["交通指南玛瑙石"]);

    expect(await deletePage(id, admin)).toEqual({ slug: "traffic" });
    expect(await findPage("traffic")).toBeNull();
    expect(await find("玛瑙石")).toEqual([]);
    await expect(deletePage(id, admin)).rejects.toThrow("页面不存在");

    const log = await db.auditLog.findMany({ where: { targetType: "page", targetId: String(id) }, orderBy: { id: "asc" } });
    expect(log.map((l) => l.action)).toEqual(["page.create", "page.update", "page.delete"]);
  });

  it("refuses a bad slug and an empty body with Chinese messages", () => {
    const r = pageInputSchema.safeParse({ slug: "中文 slug", title: "", bodyHtml: "  " });
    expect(r.success).toBe(false);
    const messages = r.error!.issues.map((i) => i.message);
    expect(messages).toEqual(expect.arrayContaining(["网址标识只能用小写字母、数字和连字符", "请填写页面标题", "请填写页面内容"]));
  });
});

describe("the cron endpoint's bearer check", () => {
  it("answers 403 without the secret, with a wrong one or a prefix of it, and publishes with it", async () => {
    vi.stubEnv("CRON_SECRET", "cron-secret-for-the-test-0123456789");
    try {
      const { POST } = await import("@/app/api/cron/publish/route");
      const call = (authorization?: string) =>
        POST(new Request("http://localhost/api/cron/publish", { method: "POST", headers: authorization === undefined ? {} : { authorization } }));
      for (const bad of [undefined, "", "Bearer", "Bearer wrong", "Bearer cron-secret-for-the-test-012345678", "Basic cron-secret-for-the-test-0123456789x"]) {
        const res = await call(bad);
        expect(res.status, String(bad)).toBe(403);
      }
      expect(deferred.count, "a refused call schedules nothing").toBe(0);
      const ok = await call("Bearer cron-secret-for-the-test-0123456789");
      expect(ok.status).toBe(200);
      expect(await ok.json()).toEqual({ published: expect.any(Number), lapsedPlacements: expect.any(Number) });
      expect(deferred.count, "the authorized tick hands the due inspection to after()").toBe(1);
    } finally {
      vi.unstubAllEnvs();
    }
  });
});

describe("revalidateArticle", () => {
  it("expires the article, the home page, its section and every ancestor section — and no other section", async () => {
    const { revalidateArticle } = await import("@/lib/cache/revalidate");
    const sections = await db.section.findMany({ select: { id: true, path: true } });
    const id = (path: string) => sections.find((s) => s.path === path)!.id;
    await revalidateArticle({ articleId: 4242, sectionIds: [id("topics/congress-19")], public: true });
    expect(new Set(revalidated.tags)).toEqual(new Set([tags.article(4242), tags.home, tags.section(id("topics/congress-19")), tags.section(id("topics"))]));
    expect(revalidated.paths).toEqual(["/topics/congress-19/4242"]);

    // A move between sections: both trails, each once.
    revalidated.tags.length = 0;
    revalidated.paths.length = 0;
    await revalidateArticle({ articleId: 4243, sectionIds: [id("news"), id("topics/reform")], public: true });
    expect(new Set(revalidated.tags)).toEqual(new Set([tags.article(4243), tags.home, tags.section(id("news")), tags.section(id("topics/reform")), tags.section(id("topics"))]));
    expect(revalidated.tags).toHaveLength(5);
    expect(revalidated.paths.sort()).toEqual(["/news/4243", "/topics/reform/4243"]);

    // A change visitors cannot see expires nothing.
    revalidated.tags.length = 0;
    await revalidateArticle({ articleId: 4244, sectionIds: [id("news")], public: false });
    expect(revalidated.tags).toEqual([]);
  });
});
