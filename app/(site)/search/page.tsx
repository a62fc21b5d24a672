import type { Metadata } from "next";
import { Breadcrumb } from "@/components/site/Breadcrumb";
import { SearchBox } from "@/components/site/SearchBox";
import { pageMetadata } from "@/lib/site/metadata";
import { readSettings } from "@/lib/site/reads";

export async function generateMetadata(): Promise<Metadata> {
  return { ...pageMetadata(await readSettings(), { title: "站内搜索", column: "站内搜索" }), robots: { index: false } };
}

type Props = { searchParams: Promise<{ q?: string | string[] }> };

/** Full-text search arrives with its own issue; until then the page explains itself and offers the site map. */
export default async function SearchPage({ searchParams }: Props) {
  const raw = (await searchParams).q;
  const q = (Array.isArray(raw) ? raw[0] : raw ?? "").slice(0, 100).trim();
  return (
    <div className="static-page">
      <Breadcrumb items={[{ label: "站内搜索", href: "/search" }]} />
      <div className="article-paper">
        <h1 className="article-title">站内搜索</h1>
        <SearchBox defaultValue={q} />
        <p className="notice-box" role="status">
          {q ? <>您搜索的是“{q}”。</> : null}全文检索功能正在建设中，即将上线。您可以先通过<a href="/site-map">网站地图</a>按栏目查找信息。
        </p>
      </div>
    </div>
  );
}
