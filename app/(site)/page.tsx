import Image from "next/image";
import Link from "next/link";
import type { Metadata } from "next";
import { ArticleList } from "@/components/site/ArticleList";
import { formatDate } from "@/lib/format/date";
import { sectionHref } from "@/lib/sections/types";
import { COLUMN_TYPES, pageMetadata } from "@/lib/site/metadata";
import { readHeadlines, readLatestIn, readSectionTree, readSettings } from "@/lib/site/reads";

export const revalidate = 3600; // backstop only; publishing revalidates on demand

export async function generateMetadata(): Promise<Metadata> {
  const [settings, tree] = await Promise.all([readSettings(), readSectionTree()]);
  const columns = tree.map((s) => s.name);
  return pageMetadata(settings, {
    column: "首页",
    columnType: COLUMN_TYPES.home,
    path: "/",
    description: columns.length ? `${settings.siteName}：${columns.join("、")}` : undefined,
    keywords: [settings.siteName, ...columns],
  });
}

export default async function HomePage() {
  const [tree, headlines] = await Promise.all([readSectionTree(), readHeadlines(1)]);
  // A 信息公开 section is a channel whose articles carry extra fields.
  const channels = tree.filter((s) => s.kind !== "topic" && s.showOnHome);
  const topics = tree.filter((s) => s.kind === "topic");
  const lists = await Promise.all(channels.map((c) => readLatestIn(c, 8)));
  const headline = headlines[0];

  return (
    <div className="home">
      <h1 className="visually-hidden">首页</h1>
      <div className="home-grid">
        {headline && (
          <section className="headline" aria-labelledby="headline-title">
            <Link href={headline.href} className="headline-link">
              {headline.coverUrl && (
                <Image src={headline.coverUrl} alt={headline.coverAlt} width={1200} height={675} sizes="(max-width: 800px) 100vw, 560px" priority unoptimized />
              )}
              <span id="headline-title" className="headline-title">
                {headline.title}
              </span>
            </Link>
            <p className="headline-summary">
              {headline.summary}{" "}
              <time dateTime={headline.publishedAt}>{formatDate(headline.publishedAt)}</time>
            </p>
          </section>
        )}
        {channels.map((c, i) => (
          <section key={c.id} className="panel" aria-labelledby={`ch-${c.id}`}>
            <div className="panel-head">
              <h2 id={`ch-${c.id}`}>{c.name}</h2>
              <Link href={sectionHref(c.path)} className="more" aria-label={`${c.name}：更多`}>
                更多 &gt;&gt;
              </Link>
            </div>
            <ArticleList items={lists[i]} />
          </section>
        ))}
      </div>
      {topics.map((t) => (
        <section key={t.id} className="topic-banners" aria-labelledby={`tp-${t.id}`}>
          <div className="panel-head">
            <h2 id={`tp-${t.id}`}>{t.name}</h2>
            <Link href={sectionHref(t.path)} className="more" aria-label={`${t.name}：更多`}>
              更多 &gt;&gt;
            </Link>
          </div>
          <ul>
            {t.children.map((sub) => (
              <li key={sub.id}>
                <Link href={sectionHref(sub.path)} className="topic-banner">
                  {sub.name}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
