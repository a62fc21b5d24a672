import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DomainError } from "@/lib/errors";
import type { Actor } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { createSection, deleteSection, findSectionRedirect, updateSection, type SectionInput } from "@/lib/sections/manage";
import { updateSettings, type SettingsInput } from "@/lib/settings/manage";
import { getSiteSettings, type SiteSettingsDto } from "@/lib/settings/queries";
import { createUser, updateUser } from "@/lib/users/manage";

// Domain functions of the admin CRUD screens, against the real seeded SQLite
// database. Everything created here is removed again in afterAll.

const tag = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
let actor: Actor;
const createdUserIds: number[] = [];
const createdSectionIds: number[] = [];
const createdArticleIds: number[] = [];
let settingsBefore: SiteSettingsDto | null = null;
let settingsRowExisted = false;

beforeAll(async () => {
  const u = await db.user.create({
    data: { email: `crud-admin-${tag}@example.test`, name: "测试管理员", role: "admin", passwordHash: "not-a-real-hash" },
  });
  createdUserIds.push(u.id);
  actor = { id: u.id, email: u.email, name: u.name, role: "admin", ip: "127.0.0.1" };
});

afterAll(async () => {
  await db.article.deleteMany({ where: { id: { in: createdArticleIds } } });
  // Children before parents (Section.parent is onDelete: Restrict); redirects cascade.
  for (const id of [...createdSectionIds].reverse()) await db.section.deleteMany({ where: { id } });
  if (settingsBefore) {
    if (settingsRowExisted) await db.siteSettings.update({ where: { id: 1 }, data: settingsBefore });
    else await db.siteSettings.deleteMany({ where: { id: 1 } });
  }
  await db.auditLog.deleteMany({ where: { actorId: { in: createdUserIds } } });
  await db.user.deleteMany({ where: { id: { in: createdUserIds } } });
});

async function refused(p: Promise<unknown>): Promise<DomainError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(DomainError);
  return err as DomainError;
}

function sectionInput(over: Partial<SectionInput>): SectionInput {
  return { name: "测试栏目", slug: `t${tag}`, kind: "channel", parentId: null, description: "", showOnHome: false, updateRule: "auto", staleDays: null, closed: false, ...over };
}

describe("sections", () => {
  it("creates a section, redirects old paths after a slug rename, refuses cycles and deleting sections with articles", async () => {
    const parentSlug = `crud-${tag}`;
    const parent = await createSection(sectionInput({ name: "测试栏目", slug: parentSlug }), actor);
    createdSectionIds.push(parent.id);
    const child = await createSection(sectionInput({ name: "测试子栏目", slug: "child", kind: "topic", parentId: parent.id }), actor);
    createdSectionIds.push(child.id);

    const p = await db.section.findUniqueOrThrow({ where: { id: parent.id } });
    const c = await db.section.findUniqueOrThrow({ where: { id: child.id } });
    expect(p.path).toBe(parentSlug);
    expect(c.path).toBe(`${parentSlug}/child`);
    expect(await db.auditLog.count({ where: { action: "section.create", actorId: actor.id } })).toBe(2);

    // The same path twice is refused, on the slug field.
    const clash = await refused(createSection(sectionInput({ slug: parentSlug }), actor));
    expect(clash.field).toBe("slug");

    // Rename the parent's slug: its own and its child's old paths redirect.
    const renamed = `crud-${tag}-new`;
    const { affected } = await updateSection(parent.id, sectionInput({ name: "测试栏目（改名）", slug: renamed }), actor);
    expect(affected.sort()).toEqual([parent.id, child.id].sort());
    expect(await db.sectionRedirect.findUnique({ where: { fromPath: parentSlug } })).toMatchObject({ sectionId: parent.id });
    expect(await findSectionRedirect(parentSlug)).toBe(renamed);
    expect(await findSectionRedirect(`${parentSlug}/child`)).toBe(`${renamed}/child`);
    expect((await db.section.findUniqueOrThrow({ where: { id: child.id } })).path).toBe(`${renamed}/child`);

    // Moving a section under itself or its own child is refused.
    const underChild = await refused(updateSection(parent.id, sectionInput({ slug: renamed, parentId: child.id }), actor));
    expect(underChild.field).toBe("parentId");
    await refused(updateSection(parent.id, sectionInput({ slug: renamed, parentId: parent.id }), actor));
    expect((await db.section.findUniqueOrThrow({ where: { id: parent.id } })).parentId).toBeNull();

    // Deleting a section that still has articles (or children) is refused.
    const a = await db.article.create({ data: { sectionId: child.id, title: "栏目删除测试", bodyHtml: "<p>x</p>" } });
    createdArticleIds.push(a.id);
    const hasArticles = await refused(deleteSection(child.id, actor));
    expect(hasArticles.message).toContain("1篇文章");
    await refused(deleteSection(parent.id, actor));
    expect(await db.section.count({ where: { id: { in: [parent.id, child.id] } } })).toBe(2);

    // Once empty, it can be deleted, and its redirects go with it.
    await db.article.delete({ where: { id: a.id } });
    await deleteSection(child.id, actor);
    expect(await db.section.findUnique({ where: { id: child.id } })).toBeNull();
    expect(await findSectionRedirect(`${parentSlug}/child`)).toBeNull();
  });
});

describe("settings", () => {
  it("updates the site settings and writes an audit entry", async () => {
    settingsRowExisted = (await db.siteSettings.findUnique({ where: { id: 1 } })) !== null;
    settingsBefore = await getSiteSettings();
    const next: SettingsInput = {
      ...settingsBefore,
      siteName: `测试网站 ${tag}`,
      owner: "测试单位",
      policeRecordNumber: "皖公网安备 34080302000053号",
      policeRecordCode: "34080302000053",
      postcode: "246000",
      contactEmail: "test@example.gov.cn",
    };
    await updateSettings(next, actor);
    expect(await getSiteSettings()).toEqual(next);
    const log = await db.auditLog.findFirst({ where: { action: "settings.update", actorId: actor.id }, orderBy: { id: "desc" } });
    expect(log).not.toBeNull();
    expect(log!.summary).toContain("siteName");
  });
});

describe("users", () => {
  it("refuses a duplicate email", async () => {
    const email = `crud-user-${tag}@example.test`;
    const u = await createUser({ email, name: "测试编辑", role: "editor", password: "correct-horse-battery" }, actor);
    createdUserIds.push(u.id);
    const dup = await refused(createUser({ email, name: "另一个", role: "reviewer", password: "correct-horse-battery" }, actor));
    expect(dup.field).toBe("email");
    expect(await db.user.count({ where: { email } })).toBe(1);
  });

  it("refuses to demote or deactivate the last active admin", async () => {
    // Other active admins (left by other suites) would make ours not the last one: park them.
    const others = await db.user.findMany({ where: { role: "admin", active: true, id: { not: actor.id } }, select: { id: true } });
    await db.user.updateMany({ where: { id: { in: others.map((o) => o.id) } }, data: { active: false } });
    try {
      const demote = await refused(updateUser({ id: actor.id, name: actor.name, role: "editor", active: true, password: "" }, actor));
      expect(demote.message).toContain("最后一个");
      await refused(updateUser({ id: actor.id, name: actor.name, role: "admin", active: false, password: "" }, actor));
      expect(await db.user.findUniqueOrThrow({ where: { id: actor.id } })).toMatchObject({ role: "admin", active: true });

      // With a second active admin the first one may be demoted.
      const second = await db.user.create({
        data: { email: `crud-admin2-${tag}@example.test`, name: "第二管理员", role: "admin", passwordHash: "not-a-real-hash" },
      });
      createdUserIds.push(second.id);
      const secondActor: Actor = { id: second.id, email: second.email, name: second.name, role: "admin", ip: "127.0.0.1" };
      await updateUser({ id: actor.id, name: actor.name, role: "reviewer", active: true, password: "" }, secondActor);
      expect((await db.user.findUniqueOrThrow({ where: { id: actor.id } })).role).toBe("reviewer");
      // …and now the second is the last one.
      await refused(updateUser({ id: second.id, name: second.name, role: "admin", active: false, password: "" }, actor));
      await db.user.update({ where: { id: actor.id }, data: { role: "admin" } });
    } finally {
      await db.user.updateMany({ where: { id: { in: others.map((o) => o.id) } }, data: { active: true } });
    }
  });
});
