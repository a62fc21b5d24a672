import Link from "next/link";
import { ViewsBySection, ViewsOverTime } from "@/components/admin/stats/StatsCharts";
import { requirePage } from "@/lib/auth/guard";
import { beijingDay } from "@/lib/format/date";
import { viewRecorder } from "@/lib/views/recorder";
import { sharedViewCounter } from "@/lib/views/shared-counter";
import { rangeCappedMessage, resolveRange, siteSeries, statsQuerySchema, topArticles, viewsBySection, yearTotals } from "@/lib/views/stats";
import { firstParams } from "@/lib/http/search-params";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };
const fmt = (n: number) => n.toLocaleString("zh-CN");
const GROUPS = { day: "按日", week: "按周", month: "按月" } as const;

export default async function StatsPage({ searchParams }: Props) {
  await requirePage("stats.read", "/admin/stats");
  const raw = await searchParams;
  const q = statsQuerySchema.parse(firstParams(raw));
  await Promise.all([sharedViewCounter()?.flush(), viewRecorder().flush()]); // the figures include the views of the last second
  const range = resolveRange(q);
  const year = q.year ?? Number(beijingDay(new Date()).slice(0, 4));
  const [series, top, sections, totals] = await Promise.all([siteSeries(range), topArticles(range), viewsBySection(range), yearTotals(year)]);
  const sum = series.reduce((s, p) => ({ views: s.views + p.views, visitors: s.visitors + p.visitors }), { views: 0, visitors: 0 });
  const exportHref = `/api/admin/stats/export?from=${range.from}&to=${range.to}&group=${range.group}`;

  return (
    <div>
      <h1>访问统计</h1>
      <form className="adm-toolbar adm-panel" method="get" aria-label="统计时间范围">
        <div className="adm-field">
          <label htmlFor="from">开始日期</label>
          <input id="from" name="from" type="date" defaultValue={range.from} />
        </div>
        <div className="adm-field">
          <label htmlFor="to">结束日期</label>
          <input id="to" name="to" type="date" defaultValue={range.to} />
        </div>
        <div className="adm-field">
          <label htmlFor="group">统计粒度</label>
          <select id="group" name="group" defaultValue={range.group}>
            {Object.entries(GROUPS).map(([k, v]) => (
              <option key={k} value={k}>
                {v}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="adm-btn adm-btn-primary">
          查询
        </button>
        <a className="adm-btn" href={exportHref} download>
          导出 CSV
        </a>
      </form>
      {range.capped && (
        <p className="adm-hint" role="status">
          {rangeCappedMessage(range)}
        </p>
      )}

      <section className="adm-stats" aria-label="所选时间范围合计">
        <div className="adm-stat">
          <strong>{fmt(sum.views)}</strong>浏览量（{range.from} 至 {range.to}）
        </div>
        <div className="adm-stat">
          <strong>{fmt(sum.visitors)}</strong>访客人次（每日去重后相加）
        </div>
      </section>

      <section className="adm-panel" aria-labelledby="trend">
        <h2 id="trend">访问量趋势（{GROUPS[range.group]}）</h2>
        <ViewsOverTime data={series} />
        <details>
          <summary>查看数据表</summary>
          <table className="adm-table">
            <thead>
              <tr>
                <th scope="col">时间</th>
                <th scope="col">浏览量</th>
                <th scope="col">访客数</th>
              </tr>
            </thead>
            <tbody>
              {series.map((p) => (
                <tr key={p.period}>
                  <td>{p.period}</td>
                  <td>{fmt(p.views)}</td>
                  <td>{fmt(p.visitors)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      </section>

      <div className="adm-form-grid">
        <section className="adm-panel" aria-labelledby="top">
          <h2 id="top">热门文章</h2>
          <table className="adm-table">
            <thead>
              <tr>
                <th scope="col">排名</th>
                <th scope="col">标题</th>
                <th scope="col">栏目</th>
                <th scope="col">浏览量</th>
              </tr>
            </thead>
            <tbody>
              {top.map((a, i) => (
                <tr key={a.id}>
                  <td>{i + 1}</td>
                  <td>
                    <Link href={`/admin/articles/${a.id}`}>{a.title}</Link>
                  </td>
                  <td>{a.sectionName}</td>
                  <td>{fmt(a.views)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {top.length === 0 && <p className="adm-hint">所选时间范围内没有文章浏览记录。</p>}
        </section>
        <section className="adm-panel" aria-labelledby="by-section">
          <h2 id="by-section">各栏目浏览量</h2>
          <ViewsBySection data={sections} />
          <table className="adm-table">
            <thead>
              <tr>
                <th scope="col">栏目</th>
                <th scope="col">浏览量</th>
              </tr>
            </thead>
            <tbody>
              {sections.map((s) => (
                <tr key={s.sectionId}>
                  <td>{s.name}</td>
                  <td>{fmt(s.views)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </div>

      <section className="adm-panel" aria-labelledby="annual">
        <h2 id="annual">年度统计（年度报表用）</h2>
        <form method="get" className="adm-toolbar">
          <div className="adm-field">
            <label htmlFor="year">年份</label>
            <input id="year" name="year" type="number" min={2000} max={2100} defaultValue={year} />
          </div>
          <button type="submit" className="adm-btn">
            查看
          </button>
        </form>
        <table className="adm-table">
          <tbody>
            <tr>
              <th scope="row">{totals.year}年网站总访问量（页面浏览量）</th>
              <td>{fmt(totals.views)}</td>
            </tr>
            <tr>
              <th scope="row">访客人次（每日去重后相加）</th>
              <td>{fmt(totals.visitorDays)}</td>
            </tr>
            <tr>
              <th scope="row">新访客数</th>
              <td>{fmt(totals.newVisitors)}</td>
            </tr>
            <tr>
              <th scope="row">文章浏览量</th>
              <td>{fmt(totals.articleViews)}</td>
            </tr>
            <tr>
              <th scope="row">单日最高浏览量</th>
              <td>{totals.busiestDay ? `${fmt(totals.busiestDay.views)}（${totals.busiestDay.day}）` : "—"}</td>
            </tr>
          </tbody>
        </table>
      </section>
    </div>
  );
}
