import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { ArticleView } from "@/components/site/ArticleView";
import { SectionView } from "@/components/site/SectionView";
import { htmlToText } from "@/lib/content/sanitize";
import { sectionFeedPath } from "@/lib/feeds/paths";
import { columnTypeOf, pageMetadata } from "@/lib/site/metadata";
import { readArticleKeywords } from "@/lib/site/keywords";
import { readArticle, readNeighbours, readSectionByPath, readSectionPage, readSectionRedirect, readSettings } from "@/lib/site/reads";
import { sectionHref } from "@/lib/sections/types";
import { parseSiteRoute } from "@/lib/site/route";

// ISR: nothing is rendered at build time; each page is rendered on its first
// request, cached, and regenerated on demand when an editor changes it.
export const revalidate = 3600;
export const dynamicParams = true;
export function generateStaticParams(): { path: string[] }[] {
  return [];
}

type Props = { params: Promise<{ path: string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const route = parseSiteRoute((await params).path);
  const settings = await readSettings();
  if (route.kind === "article") {
    const a = await readArticle(route.id);
    if (!a) return pageMetadata(settings, { title: "页面不存在" });
    const [found, keywords] = await Promise.all([readSectionByPath(a.sectionPath), readArticleKeywords(a.id)]);
    return pageMetadata(settings, {
      title: a.title,
      column: a.sectionName,
      columnType: found ? columnTypeOf(found.section.kind) : undefined,
      path: a.href,
      description: a.summary || Array.from(htmlToText(a.bodyHtml)).slice(0, 120).join(""),
      keywords,
      image: a.coverUrl ? { url: a.coverUrl, alt: a.coverAlt } : null,
      feed: found ? { title: `${found.section.name} RSS`, path: sectionFeedPath(found.section.path) } : undefined,
      // A 信息公开 document without a 来源 comes from its 发文机关.
      article: { title: a.title, publishedAt: a.publishedAt, modifiedAt: a.updatedAt, source: a.source || a.disclosure?.issuer || "" },
    });
  }
  if (route.kind === "section") {
    const found = await readSectionByPath(route.path);
    // A page number past the end is a 404: no canonical for it.
    if (found && (route.page === 1 || route.page <= (await readSectionPage(found.section, route.page)).pageCount)) {
      const { section, trail } = found;
      return pageMetadata(settings, {
        title: route.page > 1 ? `${section.name}（第${route.page}页）` : section.name,
        column: section.name,
        columnType: columnTypeOf(section.kind),
        path: sectionHref(section.path, route.page),
        description: section.description,
        keywords: [...trail.map((s) => s.name), settings.siteName],
        feed: { title: `${section.name} RSS`, path: sectionFeedPath(section.path) },
      });
    }
  }
  return pageMetadata(settings, { title: "页面不存在" });
}

export default async function SitePathPage({ params }: Props) {
  const route = parseSiteRoute((await params).path);

  if (route.kind === "article") {
    const article = await readArticle(route.id);
    if (!article) notFound();
    // Moved or renamed sections keep old links working. Temporary redirects on
    // purpose: browsers cache permanent ones forever, and a section renamed
    // back (or an article moved back) would then loop in every browser that saw them.
    if (article.sectionPath !== route.sectionPath) redirect(article.href);
    const [found, neighbours, settings] = await Promise.all([readSectionByPath(article.sectionPath), readNeighbours(article), readSettings()]);
    return <ArticleView article={article} trail={found?.trail ?? []} neighbours={neighbours} agency={settings.siteName} />;
  }

  if (route.kind === "section") {
    const found = await readSectionByPath(route.path);
    if (!found) {
      // A renamed or moved section: its old URLs keep working.
      const moved = await readSectionRedirect(route.path);
      if (moved) redirect(sectionHref(moved, route.page));
      notFound();
    }
    const list = await readSectionPage(found.section, route.page);
    if (route.page > list.pageCount) notFound();
    return <SectionView {...found} list={list} />;
  }

  notFound();
}
