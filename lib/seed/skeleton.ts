import { db } from "../db";
import { databaseKind } from "../db/url";
import { env } from "../env";
import { FALLBACK_SETTINGS, type SiteSettingsDto } from "../settings/queries";
import type { DemoSection } from "./demo-site";

/**
 * What a real site starts with (a PostgreSQL DATABASE_URL, or SEED_DEMO=0):
 * the usual channels of a government portal, settings that say they are
 * placeholders until the admin fills them in, and — from prepareDatabase —
 * the first admin. No articles, no invented statistics, visitor counter 0.
 * The demo site is for the embedded default (or SEED_DEMO=1 on staging).
 */

/** Marks every setting an admin must replace; the dashboard asks for them while it is there. */
export const PLACEHOLDER = "（待填写）";

export const placeholderSettings: SiteSettingsDto = {
  ...FALLBACK_SETTINGS,
  siteName: `网站名称${PLACEHOLDER}`,
  owner: `主办单位${PLACEHOLDER}`,
  icpNumber: `ICP备案号${PLACEHOLDER}`,
};

export const skeletonSections: DemoSection[] = [
  { path: "news", name: "工作动态", kind: "channel", description: "本单位工作动态" },
  { path: "notices", name: "通知公告", kind: "disclosure", description: "通知、公告与公示" },
  { path: "policies", name: "政策法规", kind: "disclosure", description: "政策文件及解读" },
  { path: "service", name: "办事服务", kind: "channel", description: "办事指南与常见问题" },
  { path: "topics", name: "专题专栏", kind: "topic", description: "重点工作专题" },
];

/** The settings still hold placeholders (the admin dashboard says so). */
export function settingsNeedFilling(s: Pick<SiteSettingsDto, "siteName" | "owner" | "icpNumber">): boolean {
  return [s.siteName, s.owner, s.icpNumber].some((v) => v.includes(PLACEHOLDER));
}

/** SEED_DEMO=1 forces the demo, SEED_DEMO=0 forbids it; otherwise only the embedded SQLite default gets it. */
export function seedsDemo(): boolean {
  const flag = env().SEED_DEMO;
  if (flag) return flag === "1";
  return databaseKind() === "sqlite";
}

/** Creates sections from a list (parents first), returns path → id. */
export async function createSections(list: DemoSection[]): Promise<Map<string, number>> {
  const sectionIds = new Map<string, number>();
  const positions = new Map<string, number>();
  for (const s of list) {
    const parentPath = s.path.includes("/") ? s.path.slice(0, s.path.lastIndexOf("/")) : null;
    const position = (positions.get(parentPath ?? "") ?? 0) + 1;
    positions.set(parentPath ?? "", position);
    const row = await db.section.create({
      data: {
        slug: s.path.split("/").pop()!,
        path: s.path,
        name: s.name,
        kind: s.kind,
        description: s.description ?? "",
        position,
        parentId: parentPath ? sectionIds.get(parentPath)! : null,
      },
    });
    sectionIds.set(s.path, row.id);
  }
  return sectionIds;
}

/** Fills an empty database with the skeleton. Does nothing when sections already exist. */
export async function seedSkeleton(): Promise<boolean> {
  if ((await db.section.count()) > 0) return false;
  await db.siteSettings.upsert({ where: { id: 1 }, create: { id: 1, ...placeholderSettings }, update: {} });
  await createSections(skeletonSections);
  await db.siteCounter.upsert({ where: { key: "visitors" }, create: { key: "visitors", value: 0 }, update: {} });
  return true;
}
