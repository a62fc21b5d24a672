import { db } from "../db";
import { beijingDay } from "../format/date";

/**
 * A year of generated traffic for the demo site, so the statistics screen
 * has something to show on first start: weekday/weekend rhythm, a few busy
 * days, newer and front-page articles read more. Deterministic (seeded
 * PRNG). Real views add to these figures from the first visit on.
 */
export async function seedDemoStats(now = new Date(), days = 365): Promise<void> {
  let state = 20171120;
  const rand = () => ((state = (state * 1103515245 + 12345) % 2147483648) / 2147483648);
  const articles = await db.article.findMany({ where: { isLive: true }, select: { id: true }, orderBy: { publishedAt: "desc" } });
  const weight = articles.map((_, i) => 1 / (1 + i * 0.15));
  const weightSum = weight.reduce((a, b) => a + b, 0);

  const siteRows: { day: string; views: number; visitors: number }[] = [];
  const articleRows: { day: string; articleId: number; views: number; visitors: number }[] = [];
  const totals = new Map<number, number>();
  for (let i = days - 1; i >= 0; i--) {
    const date = new Date(now.getTime() - i * 86_400_000);
    const day = beijingDay(date);
    const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
    const base = weekday === 0 || weekday === 6 ? 420 : 1100;
    const busy = rand() < 0.03 ? 2.5 : 1;
    const views = Math.round(base * busy * (0.8 + rand() * 0.4));
    const visitors = Math.round(views * (0.32 + rand() * 0.08));
    siteRows.push({ day, views, visitors });
    const articleShare = Math.round(views * 0.55);
    articles.forEach((a, k) => {
      const v = Math.round((articleShare * weight[k]) / weightSum * (0.6 + rand() * 0.8));
      if (v === 0) return;
      articleRows.push({ day, articleId: a.id, views: v, visitors: Math.max(1, Math.round(v * 0.7)) });
      totals.set(a.id, (totals.get(a.id) ?? 0) + v);
    });
  }
  await db.dailySiteStat.createMany({ data: siteRows });
  for (let i = 0; i < articleRows.length; i += 2000) await db.dailyArticleStat.createMany({ data: articleRows.slice(i, i + 2000) });
  const updatedAt = new Date();
  await db.articleViewCount.createMany({ data: [...totals].map(([articleId, views]) => ({ articleId, views, updatedAt })) });
  const visitors = Math.round(siteRows.reduce((s, r) => s + r.visitors, 0) * 0.45);
  await db.siteCounter.upsert({ where: { key: "visitors" }, create: { key: "visitors", value: visitors }, update: { value: visitors } });
}
