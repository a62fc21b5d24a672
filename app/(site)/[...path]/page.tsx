import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { ArticleView } from "@/components/site/ArticleView";
import { SectionView } from "@/components/site/SectionView";
import { htmlToText } from "@/lib/content/sanitize";
import { formatDate } from "@/lib/format/date";
import { pageMetadata } from "@/lib/site/metadata";
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
    return pageMetadata(settings, {
      title: a.title,
      column: a.sectionName,
      description: a.summary || htmlToText(a.bodyHtml).slice(0, 120),
      article: { title: a.title, pubDate: formatDate(a.publishedAt), source: a.source },
    });
  }
  if (route.kind === "section") {
    const found = await readSectionByPath(route.path);
    if (found) return pageMetadata(settings, { title: found.section.name, column: found.section.name, description: found.section.description });
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
    const [found, neighbours] = await Promise.all([readSectionByPath(article.sectionPath), readNeighbours(article)]);
    return <ArticleView article={article} trail={found?.trail ?? []} neighbours={neighbours} />;
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
