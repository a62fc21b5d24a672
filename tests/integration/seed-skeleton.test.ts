import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { ensureFirstAdmin } from "@/lib/auth/bootstrap";
import { db } from "@/lib/db";
import { databaseKind } from "@/lib/db/url";
import { clearIndex } from "@/lib/search/index";
import { seedDatabase } from "@/lib/seed/seed";
import { PLACEHOLDER, seedsDemo, settingsNeedFilling, skeletonSections } from "@/lib/seed/skeleton";
import { getSiteSettings } from "@/lib/settings/queries";

// This file's own database starts as a copy of the seeded demo site; it is
// emptied first, as a brand-new production database would be.
async function emptyDatabase() {
  await db.articleAttachment.deleteMany();
  await db.articleRevision.deleteMany();
  await db.articleViewCount.deleteMany();
  await db.dailyArticleStat.deleteMany();
  await db.article.deleteMany();
  await db.sectionRedirect.deleteMany();
  while ((await db.section.count()) > 0) await db.section.deleteMany({ where: { children: { none: {} } } });
  for (const m of [db.page, db.media, db.auditLog, db.user, db.siteSettings, db.siteCounter, db.visitor, db.dailySiteStat, db.siteDayVisitor, db.articleDayVisitor]) {
    await (m as { deleteMany(): Promise<unknown> }).deleteMany();
  }
  await clearIndex();
}

const saved = { SEED_DEMO: process.env.SEED_DEMO, ADMIN_EMAIL: process.env.ADMIN_EMAIL, ADMIN_PASSWORD: process.env.ADMIN_PASSWORD };
afterEach(() => {
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
});

describe("which databases get the demo", () => {
  it("the embedded SQLite default does, PostgreSQL does not; SEED_DEMO overrides both ways", () => {
    delete process.env.SEED_DEMO;
    expect(seedsDemo()).toBe(databaseKind() === "sqlite");
    process.env.SEED_DEMO = "1";
    expect(seedsDemo()).toBe(true);
    process.env.SEED_DEMO = "0";
    expect(seedsDemo()).toBe(false);
  });
});

describe("an empty database of a real site (SEED_DEMO=0)", () => {
  beforeAll(emptyDatabase);

  it("gets the section skeleton, placeholder settings and the first admin — no articles, statistics or visitors", async () => {
    process.env.SEED_DEMO = "0";
    process.env.ADMIN_EMAIL = "Webmaster@Example.gov.cn";
    process.env.ADMIN_PASSWORD = "a-long-admin-password";
    const r = await seedDatabase();
    await ensureFirstAdmin(() => undefined);
    expect(r).toEqual({ seeded: true, kind: "skeleton", articles: 0 });
    expect((await db.section.findMany({ orderBy: { position: "asc" } })).map((s) => s.path)).toEqual(skeletonSections.map((s) => s.path));
    expect(await db.article.count()).toBe(0);
    expect(await db.page.count()).toBe(0);
    expect(await db.dailySiteStat.count()).toBe(0);
    expect(await db.dailyArticleStat.count()).toBe(0);
    expect(await db.articleViewCount.count()).toBe(0);
    expect((await db.siteCounter.findUnique({ where: { key: "visitors" } }))?.value ?? 0).toBe(0);
    const settings = await getSiteSettings();
    expect(settings.siteName).toContain(PLACEHOLDER);
    expect(settingsNeedFilling(settings)).toBe(true);
    expect(settingsNeedFilling({ ...settings, siteName: "某市人民政府", owner: "某市人民政府办公室", icpNumber: "皖ICP备00000000号" })).toBe(false);
    const admins = await db.user.findMany();
    expect(admins.map((u) => [u.email, u.role])).toEqual([["webmaster@example.gov.cn", "admin"]]);
  });

  it("a second start keeps what is there", async () => {
    process.env.SEED_DEMO = "0";
    expect(await seedDatabase()).toEqual({ seeded: false, articles: 0 });
    expect(await db.section.count()).toBe(skeletonSections.length);
  });
});
