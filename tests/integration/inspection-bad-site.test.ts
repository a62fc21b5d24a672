import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateSqlite } from "@/lib/db/migrate";
import type { InspectionReport, ItemResult } from "@/lib/integrity/inspection/types";
import type { FakeSite } from "../support/fake-site";
import { TEST_DATA_ROOT } from "../support/test-databases";

// A whole badly kept site in its own database file (the shared test database
// holds the demo, which must stay clean): every inspection item must trip.
const FILE = path.join(TEST_DATA_ROOT, "bad-site.db");
fs.rmSync(FILE, { force: true });
migrateSqlite(FILE);
process.env.DATABASE_URL = `file:./${FILE}`;

const SITE_PORT = 3951;
const EXTERNAL_PORT = 3952;
const DAY = 86_400_000;
const now = new Date();
const ago = (days: number) => new Date(now.getTime() - days * DAY);

let mod: {
  db: typeof import("@/lib/db").db;
  runInspection: typeof import("@/lib/integrity/inspection/run").runInspection;
  fingerprintEverything: typeof import("@/lib/integrity/fingerprint/store").fingerprintEverything;
};
let site: FakeSite;
let external: Awaited<ReturnType<typeof import("../support/fake-site").startExternalSite>>;
const ids: Record<string, number> = {};

async function run(baseUrl = site.url, scope: "quick" | "full" = "full"): Promise<Map<string, ItemResult>> {
  const out = await mod.runInspection({
    trigger: "cli",
    scope,
    baseUrl,
    now,
    tamper: { sampleSize: 100 },
    links: { retryDelayMs: 20, perHostGapMs: 0, timeoutMs: 3000 },
  });
  return new Map(out.report.items.map((i) => [i.key, i]));
}

const texts = (item: ItemResult | undefined) => (item?.findings ?? []).map((f) => f.text).join("\n");

beforeAll(async () => {
  expect((globalThis as { __portalDb?: unknown }).__portalDb, "this file needs its own database client").toBeUndefined();
  const { db } = await import("@/lib/db");
  const { runInspection } = await import("@/lib/integrity/inspection/run");
  const { fingerprintEverything } = await import("@/lib/integrity/fingerprint/store");
  const { startFakeSite, startExternalSite } = await import("../support/fake-site");
  mod = { db, runInspection, fingerprintEverything };

  await db.siteSettings.create({ data: { id: 1, siteName: "某某市税务局", owner: "某某市税务局", icpNumber: "皖ICP备00000000号", feedbackOverdueDays: 5 } });
  // Blocking words this file relies on, whatever the default list holds.
  for (const word of ["365赛事投注", "赛事投注"]) {
    await db.wordListEntry.upsert({ where: { word }, create: { word, category: "gambling" }, update: { category: "gambling" } });
  }
  const sec = async (slug: string, name: string, extra: object = {}) => (await db.section.create({ data: { slug, path: slug, name, ...extra } })).id;
  ids.news = await sec("news", "工作动态");
  ids.notices = await sec("notices", "通知公告");
  ids.empty = await sec("empty", "空栏目");
  ids.topic = await sec("old-topic", "往期专题", { kind: "topic", closed: true });

  const art = async (sectionId: number, title: string, daysAgo: number, bodyHtml: string, source = "本局") =>
    (await db.article.create({ data: { sectionId, title, bodyHtml, source, status: "published", isLive: true, publishedAt: ago(daysAgo) } })).id;
  ids.links = await art(
    ids.news,
    "链接和图片都有问题的文章",
    30,
    `<p>见<a href="/missing-page">内部文件</a>和<a href="http://127.0.0.1:${EXTERNAL_PORT}/gone">外部网站</a>、<a href="http://127.0.0.1:${EXTERNAL_PORT}/ok">正常网站</a>。</p><p><img src="/uploads/ok.jpg" alt=""></p>`,
  );
  ids.noSource = await art(ids.notices, "没有来源的通知", 200, "<p>通知内容。</p>", "");
  ids.words = await art(ids.topic, "专题旧闻", 1100, "<p>欢迎访问３６５赛事投注官网。</p>");
  ids.cached = await art(ids.news, "缓存被篡改的文章", 40, "<p>正常的正文。</p>");
  ids.dbWrite = await art(ids.news, "数据库被改写的文章", 50, "<p>正常的正文。</p>");
  await db.suggestion.create({ data: { code: "BADSITE00001", subject: "一个月没人答复的留言", content: "请答复", contact: "13800000000", status: "new", createdAt: ago(30) } });

  // Baseline as the seed signs it; then the attacks.
  await fingerprintEverything();
  await db.article.update({ where: { id: ids.dbWrite }, data: { title: "数据库被改写的文章（已被篡改）" } });

  site = await startFakeSite(db, SITE_PORT, new Set(["/uploads/ok.jpg"]));
  external = await startExternalSite(EXTERNAL_PORT);
  site.inject(`/news/${ids.cached}`, '<a href="https://casino.example/" style="position:absolute;left:-9999px">博彩</a>');
});

afterAll(async () => {
  await site?.close();
  await external?.close();
  await mod?.db.$disconnect();
});

describe("a badly kept site", () => {
  it("trips every inspection item, with the offending items and where to fix them", async () => {
    const r = await run();
    expect(r.get("reachable")?.status).toBe("pass");

    expect(r.get("homeFresh")?.status).toBe("fail");
    expect(texts(r.get("homeFresh"))).toContain("超过 14 天未更新");

    expect(r.get("sectionFresh")?.status).toBe("fail");
    const stale = texts(r.get("sectionFresh"));
    expect(stale).toContain("栏目“工作动态”最近更新于");
    expect(stale).toContain("栏目“通知公告”最近更新于");
    expect(stale).not.toContain("往期专题"); // a closed 专题 is exempt

    expect(r.get("emptySections")?.status).toBe("fail");
    expect(r.get("emptySections")?.findings).toEqual([expect.objectContaining({ text: "栏目“空栏目”没有任何已发布的信息", href: "/empty" })]);

    expect(r.get("deadLinks")?.status).toBe("fail");
    const dead = texts(r.get("deadLinks"));
    expect(dead).toContain(`站内链接 ${site.url}/missing-page 无法打开（HTTP 404）`);
    expect(dead).toContain(`站外链接 http://127.0.0.1:${EXTERNAL_PORT}/gone 无法打开（HTTP 500）`);
    expect(dead).not.toContain("/ok");
    expect(dead).not.toContain("/uploads/ok.jpg");
    expect(r.get("deadLinks")?.findings[0].fixHref).toBe(`/admin/articles/${ids.links}`);

    expect(r.get("imageAlt")?.status).toBe("warn");
    expect(texts(r.get("imageAlt"))).toContain("文章“链接和图片都有问题的文章”有 1 张图片没有替代文本");

    expect(r.get("articleMeta")?.status).toBe("warn");
    expect(texts(r.get("articleMeta"))).toBe("文章“没有来源的通知”缺少来源");

    expect(r.get("feedback")?.status).toBe("fail");
    expect(texts(r.get("feedback"))).toContain("留言“一个月没人答复的留言”已等待");

    expect(r.get("words")?.status).toBe("fail");
    expect(texts(r.get("words"))).toContain("文章“专题旧闻”含博彩/赌博词“365赛事投注”（原文“３６５赛事投注”");
    expect(texts(r.get("words"))).toContain("（访客看到的页面）");

    expect(r.get("tamper")?.status).toBe("fail");
    const tamper = r.get("tamper")!.findings;
    const dbWrite = tamper.find((f) => f.text.includes("的数据库内容与发布时不一致"));
    expect(dbWrite?.text).toContain("文章“数据库被改写的文章（已被篡改）”");
    expect(dbWrite?.purge).toBeUndefined(); // regenerating would publish the intruder's text: fix it in the editor
    const hidden = tamper.find((f) => f.text.includes("隐藏链接"));
    expect(hidden?.text).toContain("移出屏幕");
    expect(hidden?.text).toContain("https://casino.example/");
    expect(hidden?.purge).toEqual({ targetType: "article", targetId: String(ids.cached) });
    expect(external.hits()).toBeGreaterThan(0);
  });

  it("records the run, writes an audit entry per new alert, and does not repeat them on the next run", async () => {
    const { db } = mod;
    const before = await db.auditLog.count({ where: { action: "integrity.alert" } });
    expect(before).toBeGreaterThan(0);
    const last = await db.inspectionRun.findFirst({ orderBy: { id: "desc" } });
    expect(last).toMatchObject({ status: "done", verdict: "fail", trigger: "cli", scope: "full" });
    expect((JSON.parse(last!.report) as InspectionReport).items).toHaveLength(10);
    await run(site.url, "quick");
    expect(await db.auditLog.count({ where: { action: "integrity.alert" } })).toBe(before);
  });

  it("fails 站点可访问 when the site does not answer", async () => {
    const r = await run("http://127.0.0.1:3953", "quick");
    expect(r.get("reachable")?.status).toBe("fail");
    expect(texts(r.get("reachable"))).toContain("无法访问");
  });
});

describe("the footer defacement of the seed page, written straight into the database", () => {
  it.each(["365赛事投注", "365 赛 事 投 注", "３６５赛事投注", "賽事投注"])("%s is caught before and after the cached page changes", async (owner) => {
    const { db } = mod;
    site.purge();
    await run(site.url, "quick"); // visitors have been served: every page is cached with the right footer
    await db.siteSettings.update({ where: { id: 1 }, data: { owner } });
    try {
      // Before: visitors still get the cached footer; the database no longer matches its signature.
      let r = await run(site.url, "quick");
      let tamper = texts(r.get("tamper"));
      expect(tamper).toContain("网站设置（页脚）的数据库内容与发布时不一致");
      expect(tamper).toContain(`版权所有：${owner.replace(/\s/g, "")}`);
      expect(tamper).not.toContain("的页脚与发布时不一致");
      expect(texts(r.get("words"))).toMatch(/网站设置（页脚）含博彩\/赌博词“(365)?赛事投注”/);

      // After: the pages are regenerated (cache expiry, a purge) and show it.
      site.purge();
      r = await run(site.url, "quick");
      tamper = texts(r.get("tamper"));
      expect(tamper).toMatch(/\d+ 个页面的页脚与发布时不一致，现为“版权所有：/);
      expect(texts(r.get("words"))).toContain("（访客看到的页面）");
      expect(r.get("words")?.status).toBe("fail");
    } finally {
      await db.siteSettings.update({ where: { id: 1 }, data: { owner: "某某市税务局" } });
    }
  });
});
