import { db } from "../db";
import { readableSummary } from "./readable";
import type { Prisma } from "../generated/prisma/client";
import { beijingDayEnd, beijingDayStart } from "../format/date";
import { z } from "../validation/zod";
import { AUDIT_ACTION_LABELS } from "./log";
import { firstParam as first } from "../http/search-params";
import { pageSlice } from "../pagination";

/** Reading the 操作日志: filters, one page of rows, and the labels to show them. */

export const AUDIT_PAGE_SIZE = 50;

export const AUDIT_TARGET_TYPES = ["article", "section", "page", "settings", "user", "media", "suggestion", "word", "inspection"] as const;
export type AuditTargetType = (typeof AUDIT_TARGET_TYPES)[number];
export const AUDIT_TARGET_LABELS: Record<AuditTargetType, string> = {
  article: "文章",
  section: "栏目",
  page: "单页",
  settings: "网站设置",
  user: "用户",
  media: "文件",
  suggestion: "留言",
  word: "敏感词",
  inspection: "网站健康检查",
};

/** What the filter form typed into the address bar ("系统" matches system rows). */
export interface AuditFilters {
  action?: string;
  actor?: string;
  targetType?: AuditTargetType;
  /** Beijing dates, YYYY-MM-DD, both inclusive. */
  from?: string;
  to?: string;
}

export interface AuditItem {
  id: number;
  /** ISO */
  at: string;
  actorEmail: string;
  /** "系统" for scheduled jobs and rows without an actor. */
  actorLabel: string;
  action: string;
  actionLabel: string;
  targetType: string;
  targetLabel: string;
  targetId: string;
  summary: string;
  ip: string;
}

export interface AuditPage {
  items: AuditItem[];
  total: number;
  page: number;
  pageCount: number;
}

export const SYSTEM_ACTOR_LABEL = "系统";

type Raw = Record<string, string | string[] | undefined>;

const actionSchema = z.string().refine((v) => Object.hasOwn(AUDIT_ACTION_LABELS, v));
const actorSchema = z.string().trim().min(1).max(200);
const targetSchema = z.enum(AUDIT_TARGET_TYPES);
const daySchema = z.string().refine((v) => beijingDayStart(v) !== null);
const pageSchema = z.coerce.number().int().min(1).max(1_000_000);

/** Reads filters from search params; an invalid value is dropped, never an error. */
export function parseAuditSearchParams(raw: Raw): { filters: AuditFilters; page: number } {
  const pick = <T,>(schema: z.ZodType<T>, v: string | string[] | undefined): T | undefined => {
    const r = schema.safeParse(first(v));
    return r.success ? r.data : undefined;
  };
  const filters: AuditFilters = {
    action: pick(actionSchema, raw.action),
    actor: pick(actorSchema, raw.actor),
    targetType: pick(targetSchema, raw.targetType),
    from: pick(daySchema, raw.from),
    to: pick(daySchema, raw.to),
  };
  for (const k of Object.keys(filters) as (keyof AuditFilters)[]) if (filters[k] === undefined) delete filters[k];
  return { filters, page: pick(pageSchema, raw.page) ?? 1 };
}

/** The same filters as query-string pairs (for pagination links). */
export function auditFiltersToQuery(filters: AuditFilters, page?: number): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(filters)) if (v) q.set(k, v);
  if (page && page > 1) q.set("page", String(page));
  const s = q.toString();
  return s ? `?${s}` : "";
}

function whereOf(f: AuditFilters): Prisma.AuditLogWhereInput {
  const and: Prisma.AuditLogWhereInput[] = [];
  if (f.action) and.push({ action: f.action });
  if (f.targetType) and.push({ targetType: f.targetType });
  if (f.actor) {
    const actor = f.actor.trim();
    if (actor === SYSTEM_ACTOR_LABEL) and.push({ actorEmail: { in: ["system", ""] } });
    // Accounts' emails are stored lower-cased.
    else and.push({ actorEmail: { contains: actor.toLowerCase() } });
  }
  const from = f.from ? beijingDayStart(f.from) : null;
  const to = f.to ? beijingDayEnd(f.to) : null;
  if (from) and.push({ at: { gte: from } });
  if (to) and.push({ at: { lt: to } });
  return and.length ? { AND: and } : {};
}

export function actorLabel(email: string): string {
  return email === "" || email === "system" ? SYSTEM_ACTOR_LABEL : email;
}

type Row = Awaited<ReturnType<typeof db.auditLog.findFirstOrThrow>>;

function toItem(r: Row): AuditItem {
  return {
    id: r.id,
    at: r.at.toISOString(),
    actorEmail: r.actorEmail,
    actorLabel: actorLabel(r.actorEmail),
    action: r.action,
    actionLabel: AUDIT_ACTION_LABELS[r.action] ?? r.action,
    targetType: r.targetType,
    targetLabel: AUDIT_TARGET_LABELS[r.targetType as AuditTargetType] ?? r.targetType,
    targetId: r.targetId,
    summary: readableSummary(r.action, r.summary),
    ip: r.ip,
  };
}

/** One page (50 rows) of the log, newest first; a page past the end shows the last page. */
export async function searchAudit(filters: AuditFilters, page = 1): Promise<AuditPage> {
  const where = whereOf(filters);
  const total = await db.auditLog.count({ where });
  const { page: current, pageCount, skip } = pageSlice(page, total, AUDIT_PAGE_SIZE);
  const rows = await db.auditLog.findMany({
    where,
    orderBy: [{ at: "desc" }, { id: "desc" }],
    skip,
    take: AUDIT_PAGE_SIZE,
  });
  return { items: rows.map(toItem), total, page: current, pageCount };
}

/** The latest rows, for the dashboard. */
export async function recentAudit(limit = 10): Promise<AuditItem[]> {
  const rows = await db.auditLog.findMany({ orderBy: [{ at: "desc" }, { id: "desc" }], take: limit });
  return rows.map(toItem);
}
