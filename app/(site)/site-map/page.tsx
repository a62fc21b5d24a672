import type { Metadata } from "next";
import { SiteLink } from "@/components/site/SiteLink";
import { Breadcrumb } from "@/components/site/Breadcrumb";
import { sectionHref, type SectionNode } from "@/lib/sections/types";
import { COLUMN_TYPES, pageMetadata } from "@/lib/site/metadata";
import { readPageList, readSectionTree, readSettings } from "@/lib/site/reads";

export const revalidate = 3600;

export async function generateMetadata(): Promise<Metadata> {
  return pageMetadata(await readSettings(), {
    title: "网站地图",
    column: "网站地图",
    columnType: COLUMN_TYPES.siteMap,
    path: "/site-map",
    description: "本站全部栏目、专题和页面一览",
  });
}

function Tree({ nodes }: { nodes: SectionNode[] }) {
  return (
    <ul>
      {nodes.map((n) => (
        <li key={n.id}>
          <SiteLink href={sectionHref(n.path)}>{n.name}</SiteLink>
          {n.children.length > 0 && <Tree nodes={n.children} />}
        </li>
      ))}
    </ul>
  );
}

export default async function SiteMapPage() {
  const [tree, pages] = await Promise.all([readSectionTree(), readPageList()]);
  return (
    <div className="static-page">
      <Breadcrumb items={[{ label: "网站地图", href: "/site-map" }]} />
      <div className="article-paper site-map">
        <h1 className="article-title">网站地图</h1>
        <section aria-labelledby="map-sections">
          <h2 id="map-sections">栏目</h2>
          <ul>
            <li>
              <SiteLink href="/">首页</SiteLink>
            </li>
          </ul>
          <Tree nodes={tree} />
        </section>
        <section aria-labelledby="map-pages">
          <h2 id="map-pages">服务</h2>
          <ul>
            {pages.map((p) => (
              <li key={p.slug}>
                <SiteLink href={`/pages/${p.slug}`}>{p.title}</SiteLink>
              </li>
            ))}
            <li>
              <SiteLink href="/feedback">网站建议</SiteLink>
            </li>
            <li>
              <SiteLink href="/search">站内搜索</SiteLink>
            </li>
          </ul>
        </section>
      </div>
    </div>
  );
}
