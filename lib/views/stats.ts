import { db } from "../db";
import { addDays, beijingDay, beijingDayStart } from "../format/date";
import { z } from "../validation/zod";

/** Reads for the statistics screen and its CSV export. Days are Beijing calendar days ("2017-11-20"). */

/** A real calendar day ("2017-02-30" is not). */
const isDay = (v: string) => beijingDayStart(v) !== null;

export const statsQuerySchema = z.object({
  from: z.string().refine(isDay).optional().catch(undefined),
  to: z.string().refine(isDay).optional().catch(undefined),
  group: z.enum(["day", "week", "month"]).default("day").catch("day"),
  year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
});

export interface StatsRange {
  from: string;
  to: string;
  group: "day" | "week" | "month";
  /** Set when the asked-for span was longer than MAX_RANGE_DAYS and was cut to the last MAX_RANGE_DAYS. */
  capped?: { requestedFrom: string };
}

/** Longest span one screen or CSV covers: a year of daily rows; a century would render megabytes. */
export const MAX_RANGE_DAYS = 366;
export const rangeCappedMessage = (r: StatsRange) =>
  `统计时间跨度最长 ${MAX_RANGE_DAYS} 天：已从 ${r.capped?.requestedFrom} 调整为 ${r.from}，显示 ${r.from} 至 ${r.to} 的数据`;

export function resolveRange(q: z.infer<typeof statsQuerySchema>, now = new Date()): StatsRange {
  const end = q.to ?? beijingDay(now);
  const start = q.from ?? addDays(end, -29);
  const [from, to] = start <= end ? [start, end] : [end, start];
  const earliest = addDays(to, -(MAX_RANGE_DAYS - 1));
  if (from < earliest) return { from: earliest, to, group: q.group, capped: { requestedFrom: from } };
  return { from, to, group: q.group };
}

/** Monday of the day's week. */
function weekOf(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  return addDays(day, -((d.getUTCDay() + 6) % 7));
}

export interface SeriesPoint {
  period: string;
  views: number;
  visitors: number;
}

/** Site page views and (daily) distinct visitors per day, week or month; empty periods are zero, not missing. */
export async function siteSeries(r: StatsRange): Promise<SeriesPoint[]> {
  const rows = await db.dailySiteStat.findMany({ where: { day: { gte: r.from, lte: r.to } } });
  const byDay = new Map(rows.map((x) => [x.day, x]));
  const out = new Map<string, SeriesPoint>();
  for (let day = r.from; day <= r.to; day = addDays(day, 1)) {
    const period = r.group === "day" ? day : r.group === "week" ? weekOf(day) : day.slice(0, 7);
    const p = out.get(period) ?? { period, views: 0, visitors: 0 };
    p.views += byDay.get(day)?.views ?? 0;
    p.visitors += byDay.get(day)?.visitors ?? 0;
    out.set(period, p);
  }
  return [...out.values()];
}

export interface TopArticle {
  id: number;
  title: string;
  sectionName: string;
  views: number;
  visitors: number;
}

export async function topArticles(r: StatsRange, take = 20): Promise<TopArticle[]> {
  const grouped = await db.dailyArticleStat.groupBy({
    by: ["articleId"],
    where: { day: { gte: r.from, lte: r.to } },
    _sum: { views: true, visitors: true },
    orderBy: { _sum: { views: "desc" } },
    take,
  });
  const articles = await db.article.findMany({
    where: { id: { in: grouped.map((g) => g.articleId) } },
    select: { id: true, title: true, section: { select: { name: true } } },
  });
  const byId = new Map(articles.map((a) => [a.id, a]));
  return grouped.map((g) => ({
    id: g.articleId,
    title: byId.get(g.articleId)?.title ?? "（已删除）",
    sectionName: byId.get(g.articleId)?.section.name ?? "",
    views: g._sum.views ?? 0,
    visitors: g._sum.visitors ?? 0,
  }));
}

export interface SectionViews {
  sectionId: number;
  name: string;
  views: number;
}

/** Article views per section (the article's current section), most viewed first. */
export async function viewsBySection(r: StatsRange): Promise<SectionViews[]> {
  const grouped = await db.dailyArticleStat.groupBy({ by: ["articleId"], where: { day: { gte: r.from, lte: r.to } }, _sum: { views: true } });
  const articles = await db.article.findMany({ where: { id: { in: grouped.map((g) => g.articleId) } }, select: { id: true, sectionId: true } });
  const sectionOf = new Map(articles.map((a) => [a.id, a.sectionId]));
  const totals = new Map<number, number>();
  for (const g of grouped) {
    const s = sectionOf.get(g.articleId);
    if (s !== undefined) totals.set(s, (totals.get(s) ?? 0) + (g._sum.views ?? 0));
  }
  const sections = await db.section.findMany({ select: { id: true, name: true } });
  return sections
    .map((s) => ({ sectionId: s.id, name: s.name, views: totals.get(s.id) ?? 0 }))
    .filter((s) => s.views > 0)
    .sort((a, b) => b.views - a.views);
}

export interface YearTotals {
  year: number;
  views: number;
  visitorDays: number;
  newVisitors: number;
  articleViews: number;
  busiestDay: { day: string; views: number } | null;
}

/** The figures an annual report of a government website states. */
export async function yearTotals(year: number): Promise<YearTotals> {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const [site, articles, busiest, newVisitors] = await Promise.all([
    db.dailySiteStat.aggregate({ where: { day: { gte: from, lte: to } }, _sum: { views: true, visitors: true } }),
    db.dailyArticleStat.aggregate({ where: { day: { gte: from, lte: to } }, _sum: { views: true } }),
    db.dailySiteStat.findFirst({ where: { day: { gte: from, lte: to } }, orderBy: { views: "desc" } }),
    db.visitor.count({
      where: { firstSeenAt: { gte: beijingDayStart(from)!, lt: beijingDayStart(`${year + 1}-01-01`)! } },
    }),
  ]);
  return {
    year,
    views: site._sum.views ?? 0,
    visitorDays: site._sum.visitors ?? 0,
    newVisitors,
    articleViews: articles._sum.views ?? 0,
    busiestDay: busiest ? { day: busiest.day, views: busiest.views } : null,
  };
}

/** CSV with a UTF-8 byte-order mark, so Excel (what the report is written in) shows the Chinese correctly. */
export function toCsv(rows: (string | number)[][]): string {
  const cell = (v: string | number) => {
    const s = String(v);
    // A leading =, +, -, @, tab or CR would be run as a formula by Excel (OWASP's CSV injection list).
    const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
    return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  return "\uFEFF" + rows.map((r) => r.map(cell).join(",")).join("\r\n") + "\r\n";
}
