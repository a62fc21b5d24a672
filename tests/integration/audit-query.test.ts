import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { audit } from "@/lib/audit/log";
import { AUDIT_PAGE_SIZE, auditFiltersToQuery, parseAuditSearchParams, recentAudit, searchAudit } from "@/lib/audit/query";

const tag = `audit-q-${Date.now()}`;
const alice = `alice-${tag}@example.gov.cn`;
const bob = `bob-${tag}@example.gov.cn`;

beforeAll(async () => {
  // Three days in Beijing time: 2001-03-01 09:00, 2001-03-02 23:30, 2001-03-03 00:10 (+08:00).
  const rows: [string, string, string, string][] = [
    [alice, "article.save", "2001-03-01T09:00:00+08:00", "a1"],
    [alice, "article.publish", "2001-03-02T23:30:00+08:00", "a2"],
    [bob, "article.save", "2001-03-03T00:10:00+08:00", "b1"],
  ];
  for (const [email, action, , summary] of rows) {
    await audit({ id: null, email, ip: "10.0.0.1" }, { action, targetType: "article", targetId: 42, summary: `${tag} ${summary}` });
  }
  for (const [, , at, summary] of rows) {
    await db.auditLog.updateMany({ where: { summary: `${tag} ${summary}` }, data: { at: new Date(at) } });
  }
});

afterAll(async () => {
  await db.auditLog.deleteMany({ where: { summary: { startsWith: tag } } });
});

const summaries = (items: { summary: string }[]) => items.map((i) => i.summary.replace(`${tag} `, ""));

describe("searchAudit", () => {
  it("filters by actor (contains, case-insensitive input) newest first", async () => {
    const r = await searchAudit({ actor: tag.toUpperCase() });
    expect(r.total).toBe(3);
    expect(summaries(r.items)).toEqual(["b1", "a2", "a1"]);
    expect(r.items[0]).toMatchObject({ actorEmail: bob, actorLabel: bob, actionLabel: "保存文章", targetType: "article", targetLabel: "文章", targetId: "42", ip: "10.0.0.1" });
    expect(summaries((await searchAudit({ actor: `alice-${tag}` })).items)).toEqual(["a2", "a1"]);
  });

  it("filters by action and target type", async () => {
    expect(summaries((await searchAudit({ actor: tag, action: "article.save" })).items)).toEqual(["b1", "a1"]);
    expect(summaries((await searchAudit({ actor: tag, action: "article.publish" })).items)).toEqual(["a2"]);
    expect((await searchAudit({ actor: tag, targetType: "user" })).total).toBe(0);
  });

  it("filters by inclusive Beijing dates", async () => {
    expect(summaries((await searchAudit({ actor: tag, from: "2001-03-02", to: "2001-03-02" })).items)).toEqual(["a2"]);
    expect(summaries((await searchAudit({ actor: tag, from: "2001-03-02" })).items)).toEqual(["b1", "a2"]);
    expect(summaries((await searchAudit({ actor: tag, to: "2001-03-01" })).items)).toEqual(["a1"]);
    expect((await searchAudit({ actor: tag, from: "2001-03-04" })).total).toBe(0);
  });

  it("paginates 50 a page and clamps the page number", async () => {
    const all = await searchAudit({}, 1);
    expect(all.items.length).toBe(Math.min(AUDIT_PAGE_SIZE, all.total));
    expect(all.pageCount).toBe(Math.max(1, Math.ceil(all.total / AUDIT_PAGE_SIZE)));
    const past = await searchAudit({ actor: tag }, 99);
    expect(past.page).toBe(1);
    expect(past.items.length).toBe(3);
    const ats = all.items.map((i) => i.at);
    expect([...ats].sort().reverse()).toEqual(ats);
  });

  it("shows system rows as 系统 and finds them by that name", async () => {
    await audit({ id: null, email: "system", ip: "" }, { action: "article.publish", targetType: "article", targetId: 1, summary: `${tag} sys` });
    const r = await searchAudit({ actor: "系统", action: "article.publish" });
    const row = r.items.find((i) => i.summary === `${tag} sys`);
    expect(row?.actorLabel).toBe("系统");
    expect((await recentAudit(10)).length).toBeLessThanOrEqual(10);
  });
});

describe("parseAuditSearchParams", () => {
  it("keeps valid values and silently drops invalid ones", () => {
    expect(
      parseAuditSearchParams({ action: "article.save", actor: " bob ", targetType: "article", from: "2001-03-01", to: "2001-03-03", page: "2" }),
    ).toEqual({ filters: { action: "article.save", actor: "bob", targetType: "article", from: "2001-03-01", to: "2001-03-03" }, page: 2 });
    expect(
      parseAuditSearchParams({ action: "drop.tables", actor: "", targetType: "robot", from: "2001-02-30", to: "yesterday", page: "-3" }),
    ).toEqual({ filters: {}, page: 1 });
    expect(parseAuditSearchParams({ action: ["article.publish", "x"], page: "abc" })).toEqual({ filters: { action: "article.publish" }, page: 1 });
  });

  it("builds pagination query strings that keep the filters", () => {
    expect(auditFiltersToQuery({ action: "article.save", actor: "李" }, 3)).toBe("?action=article.save&actor=%E6%9D%8E&page=3");
    expect(auditFiltersToQuery({}, 1)).toBe("");
  });
});
