"use client";

import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { SectionViews, SeriesPoint } from "@/lib/views/stats";
import { wrapLabel } from "./wrap-label";

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

const LABEL_WIDTH = 168;
const LABEL_FONT = 12;
interface TickProps {
  x?: number;
  y?: number;
  payload?: { value: string };
}

function SectionTick({ x = 0, y = 0, payload }: TickProps) {
  const name = payload?.value ?? "";
  const lines = wrapLabel(name, Math.floor(LABEL_WIDTH / LABEL_FONT) - 1);
  const top = y - ((lines.length - 1) * (LABEL_FONT + 2)) / 2;
  return (
    <text x={x} y={top} textAnchor="end" fontSize={LABEL_FONT} fill="#4a5568" dominantBaseline="middle">
      <title>{name}</title>
      {lines.map((line, i) => (
        <tspan key={i} x={x} dy={i === 0 ? 0 : LABEL_FONT + 2}>
          {line}
        </tspan>
      ))}
    </text>
  );
}

export function ViewsBySection({ data }: { data: SectionViews[] }) {
  return (
    <div className="stats-chart" role="img" aria-label="各栏目浏览量柱状图（数据见下方表格）">
      <ResponsiveContainer width="100%" height={Math.max(200, data.length * 40 + 40)}>
        <BarChart data={data} layout="vertical" margin={{ top: 10, right: 30, bottom: 10, left: 10 }}>
          <CartesianGrid stroke="#e5e9f0" horizontal={false} />
          <XAxis type="number" tickFormatter={fmt} tick={{ fontSize: 12 }} />
          <YAxis type="category" dataKey="name" width={LABEL_WIDTH + 8} tick={<SectionTick />} interval={0} />
          <Tooltip formatter={(v) => fmt(Number(v))} />
          <Bar dataKey="views" name="浏览量" fill="#0f4c92" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
