import { cachedRead } from "../cache/cached";
import { tags } from "../cache/tags";
import * as articles from "../articles/queries";
import * as placement from "../placement/queries";
import { findPage, listPages } from "../pages/queries";
import { findSectionRedirect } from "../sections/manage";
import { buildTree, listSections, subtreeIds, trailOf } from "../sections/queries";
import type { SectionDto } from "../sections/types";
import { getSiteSettings } from "../settings/queries";
import { DISCLOSURE_KIND } from "../disclosure/fields";
import { pageOfDisclosure } from "../disclosure/queries";
import type { ArticleListItem, Paged } from "../articles/types";

/**
 * What the public pages read, each through the data cache with the tags of
 * what it shows. Keep page → tag knowledge here and in lib/cache/tags.ts only.
 */

export const readSettings = () => cachedRead(["settings"], [tags.settings], getSiteSettings);

export const readSections = () => cachedRead(["sections"], [tags.sections], listSections);

export async function readSectionTree() {
  return buildTree(await readSections());
}

export async function readSectionByPath(path: string): Promise<{ section: SectionDto; trail: SectionDto[]; children: SectionDto[] } | null> {
  const sections = await readSections();
  const section = sections.find((s) => s.path === path);
  if (!section) return null;
  return {
    section,
    trail: trailOf(path, sections),
    children: sections.filter((s) => s.parentId === section.id),
  };
}

/** Newest first, sub-topics rolled up into their parent's list; a 信息公开 section's rows carry 索引号, 文号, 成文日期. */
export async function readSectionPage(section: SectionDto, page: number): Promise<Paged<ArticleListItem>> {
  const ids = subtreeIds(section, await readSections());
  const disclosed = section.kind === DISCLOSURE_KIND;
  return cachedRead(["section-page", section.id, section.kind, page], [tags.section(section.id), ...ids.map(tags.section)], () =>
    disclosed ? pageOfDisclosure(ids, page) : articles.pageOfSections(ids, page),
  );
}

export async function readLatestIn(section: SectionDto, take: number) {
  const ids = subtreeIds(section, await readSections());
  return cachedRead(["section-latest", section.id, take], [tags.home, ...ids.map(tags.section)], () =>
    articles.latestInSections(ids, take),
  );
}

/** 头条 (or the newest article with a cover) and the 推荐 carousel: lib/placement. */
export const readHeadline = () => cachedRead(["headline"], [tags.home], placement.headlineArticle);

export const readFeatured = () => cachedRead(["featured"], [tags.home], () => placement.featuredArticles());

export const readArticle = (id: number) =>
  cachedRead(["article", id], [tags.article(id)], () => articles.findPublishedArticle(id));

export const readNeighbours = (a: { id: number; sectionId: number; publishedAt: string }) =>
  cachedRead(["neighbours", a.id], [tags.article(a.id), tags.section(a.sectionId)], () => articles.neighboursOf(a));

export const readSectionRedirect = (path: string) => cachedRead(["section-redirect", path], [tags.sections], () => findSectionRedirect(path));

export const readPage = (slug: string) => cachedRead(["page", slug], [tags.page(slug), tags.pages], () => findPage(slug));

export const readPageList = () => cachedRead(["pages"], [tags.pages], listPages);
