"use client";

import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { SectionViews, SeriesPoint } from "@/lib/views/stats";

const fmt = (n: number) => n.toLocaleString("zh-CN");

/** Views over time and views per section. Each chart has a table twin on the page for screen readers. */
export function ViewsOverTime({ data }: { data: SeriesPoint[] }) {
  return (
    <div className="stats-chart" role="img" aria-label="访问量趋势图（数据见下方表格）">
      <ResponsiveContainer width="100%" height={300}>
        <LineChart data={data} margin={{ top: 10, right: 20, bottom: 10, left: 10 }}>
          <CartesianGrid stroke="#e5e9f0" />
          <XAxis dataKey="period" tick={{ fontSize: 12 }} minTickGap={24} />
          <YAxis tickFormatter={fmt} tick={{ fontSize: 12 }} width={64} />
          <Tooltip formatter={(v) => fmt(Number(v))} />
          <Legend />
          <Line type="monotone" dataKey="views" name="浏览量" stroke="#0f4c92" strokeWidth={2} dot={false} isAnimationActive={false} />
          <Line type="monotone" dataKey="visitors" name="访客数" stroke="#b7191f" strokeWidth={2} dot={false} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}

export function ViewsBySection({ data }: { data: SectionViews[] }) {
  return (
    <div className="stats-chart" role="img" aria-label="各栏目浏览量柱状图（数据见下方表格）">
      <ResponsiveContainer width="100%" height={Math.max(200, data.length * 36 + 40)}>
        <BarChart data={data} layout="vertical" margin={{ top: 10, right: 30, bottom: 10, left: 10 }}>
          <CartesianGrid stroke="#e5e9f0" horizontal={false} />
          <XAxis type="number" tickFormatter={fmt} tick={{ fontSize: 12 }} />
          <YAxis type="category" dataKey="name" width={220} tick={{ fontSize: 12 }} />
          <Tooltip formatter={(v) => fmt(Number(v))} />
          <Bar dataKey="views" name="浏览量" fill="#0f4c92" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
