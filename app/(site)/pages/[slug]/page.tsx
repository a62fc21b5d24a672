import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Breadcrumb } from "@/components/site/Breadcrumb";
import { RichText } from "@/components/site/RichText";
import { htmlToText } from "@/lib/content/sanitize";
import { COLUMN_TYPES, pageMetadata } from "@/lib/site/metadata";
import { readPage, readSettings } from "@/lib/site/reads";

export const revalidate = 3600;
export function generateStaticParams(): { slug: string }[] {
  return [];
}

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [page, settings] = await Promise.all([readPage((await params).slug), readSettings()]);
  if (!page) return pageMetadata(settings, { title: "页面不存在" });
  return pageMetadata(settings, {
    title: page.title,
    column: page.title,
    columnType: COLUMN_TYPES.page,
    path: `/pages/${page.slug}`,
    description: Array.from(htmlToText(page.bodyHtml)).slice(0, 120).join(""),
  });
}

export default async function StaticPage({ params }: Props) {
  const page = await readPage((await params).slug);
  if (!page) notFound();
  return (
    <div className="static-page">
      <Breadcrumb items={[{ label: page.title, href: `/pages/${page.slug}` }]} />
      <div className="article-paper">
        <h1 className="article-title">{page.title}</h1>
        <RichText html={page.bodyHtml} className="article-body" />
      </div>
    </div>
  );
}
