import { db } from "../../db";
import type { Prisma } from "../../generated/prisma/client";
import { getSiteSettings } from "../../settings/queries";
import { signFingerprint, verifyFingerprint } from "../secret";
import { articleFields, fieldsJson, legacyFooterIdentity, pageFields, sectionFields, settingsFields, type Fields, type SettingsFields, type TargetType } from "./fields";

/**
 * Fingerprints are written by the CMS's own publishing paths (article
 * publish, static page save, settings save, section changes), in the same
 * transaction where there is one. Anything that changes public content
 * without passing through them leaves a row that no longer matches its
 * signed fingerprint.
 */

type Client = Prisma.TransactionClient | typeof db;

async function put(client: Client, targetType: TargetType, targetId: string | number, fields: Fields): Promise<void> {
  const id = String(targetId);
  const json = fieldsJson(fields);
  const signature = signFingerprint(targetType, id, json);
  await client.contentFingerprint.upsert({
    where: { targetType_targetId: { targetType, targetId: id } },
    create: { targetType, targetId: id, fields: json, signature },
    update: { fields: json, signature, signedAt: new Date() },
  });
}

export async function dropFingerprint(client: Client, targetType: TargetType, targetId: string | number): Promise<void> {
  await client.contentFingerprint.deleteMany({ where: { targetType, targetId: String(targetId) } });
}

/** After publishing: the article's public copy as the CMS wrote it. */
export async function fingerprintArticle(client: Client, id: number): Promise<void> {
  const a = await client.article.findUnique({ where: { id } });
  if (!a || !a.isLive) return dropFingerprint(client, "article", id);
  await put(client, "article", id, articleFields(a));
}

export async function fingerprintPage(client: Client, id: number): Promise<void> {
  const p = await client.page.findUnique({ where: { id } });
  if (!p) return dropFingerprint(client, "page", id);
  await put(client, "page", id, pageFields(p));
}

export async function fingerprintSettings(client: Client = db): Promise<void> {
  const row = await client.siteSettings.findUnique({ where: { id: 1 } });
  if (!row) return dropFingerprint(client, "settings", 1);
  await put(client, "settings", 1, settingsFields(await getSiteSettings()));
}

/** Section renames and moves change many paths at once: re-sign the whole (small) tree. */
export async function fingerprintSections(client: Client = db): Promise<void> {
  const sections = await client.section.findMany({ select: { id: true, name: true, path: true } });
  const ids = sections.map((s) => String(s.id));
  await client.contentFingerprint.deleteMany({ where: { targetType: "section", targetId: { notIn: ids } } });
  for (const s of sections) await put(client, "section", s.id, sectionFields(s));
}

/**
 * Signs everything that is public now as the baseline: after seeding the
 * demo site, or when an admin accepts the current content (an existing site
 * upgraded to this version). Audited by the caller.
 */
export async function fingerprintEverything(): Promise<number> {
  await db.contentFingerprint.deleteMany({});
  const articles = await db.article.findMany({ where: { isLive: true }, select: { id: true } });
  for (const a of articles) await fingerprintArticle(db, a.id);
  const pages = await db.page.findMany({ select: { id: true } });
  for (const p of pages) await fingerprintPage(db, p.id);
  await fingerprintSettings(db);
  await fingerprintSections(db);
  return db.contentFingerprint.count();
}

/**
 * Upgrade step for the footer reorder: a settings fingerprint signed with the
 * old footer order is re-signed in the new order — but only when its
 * signature holds and its footer equals today's settings in the old order,
 * so a footer changed behind the CMS's back still raises the alarm.
 * Returns true when it re-signed.
 */
export async function resignLegacyFooter(): Promise<boolean> {
  const stored = (await loadFingerprints()).get("settings:1");
  if (!stored?.valid || !stored.fields) return false;
  const settings = await getSiteSettings();
  const current = settingsFields(settings);
  const signed = stored.fields as SettingsFields;
  if (signed.footer === current.footer || signed.siteName !== current.siteName) return false;
  if (signed.footer !== legacyFooterIdentity(settings)) return false;
  await put(db, "settings", 1, current);
  return true;
}

export interface StoredFingerprint {
  targetType: TargetType;
  targetId: string;
  fields: Fields | null;
  /** false: the row was written or changed by something that does not hold the secret */
  valid: boolean;
  signedAt: Date;
}

export async function loadFingerprints(): Promise<Map<string, StoredFingerprint>> {
  const rows = await db.contentFingerprint.findMany();
  const out = new Map<string, StoredFingerprint>();
  for (const r of rows) {
    let fields: Fields | null = null;
    try {
      fields = JSON.parse(r.fields) as Fields;
    } catch {
      /* unreadable: reported as an invalid fingerprint */
    }
    const valid = fields !== null && verifyFingerprint(r.targetType, r.targetId, r.fields, r.signature);
    out.set(`${r.targetType}:${r.targetId}`, { targetType: r.targetType as TargetType, targetId: r.targetId, fields, valid, signedAt: r.signedAt });
  }
  return out;
}
