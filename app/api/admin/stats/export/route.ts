import { guardedRoute } from "@/lib/auth/guard";
import { viewRecorder } from "@/lib/views/recorder";
import { sharedViewCounter } from "@/lib/views/shared-counter";
import { resolveRange, siteSeries, statsQuerySchema, toCsv, topArticles } from "@/lib/views/stats";

export const dynamic = "force-dynamic";

/** CSV of the selected range: the series, then the top articles. */
export const GET = guardedRoute("stats.read", async (req) => {
  const url = new URL(req.url);
  const range = resolveRange(statsQuerySchema.parse(Object.fromEntries(url.searchParams)));
  await Promise.all([sharedViewCounter()?.flush(), viewRecorder().flush()]);
  const [series, top] = await Promise.all([siteSeries(range), topArticles(range, 100)]);
  const csv = toCsv([
    ["时间", "浏览量", "访客数"],
    ...series.map((p) => [p.period, p.views, p.visitors]),
    [],
    ["热门文章排名", "标题", "栏目", "浏览量", "访客数"],
    ...top.map((a, i) => [i + 1, a.title, a.sectionName, a.views, a.visitors]),
  ]);
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="stats-${range.from}-${range.to}.csv"`,
      "cache-control": "no-store",
    },
  });
});
