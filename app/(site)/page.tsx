import { SiteLink } from "@/components/site/SiteLink";
import type { Metadata } from "next";
import { ArticleList } from "@/components/site/ArticleList";
import { formatDate } from "@/lib/format/date";
import { sectionHref } from "@/lib/sections/types";
import { COLUMN_TYPES, pageMetadata } from "@/lib/site/metadata";
import { readFeatured, readHeadline, readLatestIn, readSectionTree, readSettings } from "@/lib/site/reads";
import type { SectionDto } from "@/lib/sections/types";
import { Headline } from "@/components/site/home/Headline";
import { FeaturedCarousel } from "@/components/site/home/FeaturedCarousel";
import { CoverImage } from "@/components/site/CoverImage";
import "@/components/site/home/home.css";

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

/**
 * Columns for the panels below the lead row: 2 or 3, whichever leaves the
 * last row least empty (3 on a tie); flex-grow widens the last row's panels
 * into any gap, so no column is left half empty.
 */
function columnsFor(count: number): number {
  if (count <= 3) return Math.max(1, count);
  const empty = (cols: number) => (cols - (count % cols)) % cols;
  return empty(2) < empty(3) ? 2 : 3;
}

function ChannelPanel({ channel, items }: { channel: SectionDto; items: Awaited<ReturnType<typeof readLatestIn>> }) {
  return (
    <section className="panel" aria-labelledby={`ch-${channel.id}`}>
      <div className="panel-head">
        <h2 id={`ch-${channel.id}`}>{channel.name}</h2>
        <SiteLink href={sectionHref(channel.path)} className="more" aria-label={`${channel.name}：更多`}>
          更多 &gt;&gt;
        </SiteLink>
      </div>
      <ArticleList items={items} />
    </section>
  );
}

/** Items in the panel beside the carousel: about the carousel's height. */
const LEAD_PANEL_ITEMS = 8;
const PANEL_ITEMS = 8;

export default async function HomePage() {
  const [tree, headline, featured] = await Promise.all([readSectionTree(), readHeadline(), readFeatured()]);
  // A 信息公开 section is a channel whose articles carry extra fields.
  const channels = tree.filter((s) => s.kind !== "topic" && s.showOnHome);
  const topics = tree.filter((s) => s.kind === "topic");
  // With a carousel, the first channel (工作动态) stands beside it; the others share the row below.
  const lead = featured.length > 0 ? channels.slice(0, 1) : [];
  const rest = channels.slice(lead.length);
  const [leadLists, restLists] = await Promise.all([
    Promise.all(lead.map((c) => readLatestIn(c, LEAD_PANEL_ITEMS))),
    Promise.all(rest.map((c) => readLatestIn(c, PANEL_ITEMS))),
  ]);
  // The headline's picture is the page's largest; without one, the first slide is.
  const slidePriority = !headline?.coverUrl;
  const slides = featured.map((a, i) => ({
    id: a.id,
    href: a.href,
    title: a.title,
    publishedAt: a.publishedAt,
    dateLabel: formatDate(a.publishedAt),
    // alt="" : the caption beside it names the link; the picture's description would repeat it.
    picture: <CoverImage item={{ ...a, coverAlt: "" }} sizes="(max-width: 800px) 100vw, 580px" priority={slidePriority && i === 0} />,
  }));

  return (
    <div className="home">
      <h1 className="visually-hidden">首页</h1>
      {headline && <Headline item={headline} />}
      {slides.length > 0 && (
        <div className="home-lead">
          <FeaturedCarousel slides={slides} />
          {lead.map((c, i) => (
            <ChannelPanel key={c.id} channel={c} items={leadLists[i]} />
          ))}
        </div>
      )}
      {rest.length > 0 && (
        <div className="home-panels" style={{ "--cols": columnsFor(rest.length) } as React.CSSProperties}>
          {rest.map((c, i) => (
            <ChannelPanel key={c.id} channel={c} items={restLists[i]} />
          ))}
        </div>
      )}
      {topics.map((t) => (
        <section key={t.id} className="topic-banners" aria-labelledby={`tp-${t.id}`}>
          <div className="panel-head">
            <h2 id={`tp-${t.id}`}>{t.name}</h2>
            <SiteLink href={sectionHref(t.path)} className="more" aria-label={`${t.name}：更多`}>
              更多 &gt;&gt;
            </SiteLink>
          </div>
          <ul>
            {t.children.map((sub) => (
              <li key={sub.id}>
                <SiteLink href={sectionHref(sub.path)} className="topic-banner">
                  {sub.name}
                </SiteLink>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
