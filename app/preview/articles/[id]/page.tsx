import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { ArticleView } from "@/components/site/ArticleView";
import { SiteFooter } from "@/components/site/SiteFooter";
import { SiteHeader } from "@/components/site/SiteHeader";
import { requirePage } from "@/lib/auth/guard";
import { loadArticlePreview } from "@/lib/articles/preview";
import { readNeighbours, readSectionByPath, readSectionTree, readSettings } from "@/lib/site/reads";

// 预览 of a working copy: rendered per request for the signed-in reader, never
// stored in any cache, and outside app/(site) so its layout's view beacon never counts it.
export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "预览", robots: { index: false, follow: false, nocache: true } };

type Props = { params: Promise<{ id: string }> };

export default async function ArticlePreviewPage({ params }: Props) {
  const { id } = await params;
  const actor = await requirePage("admin.access", `/preview/articles/${id}`);
  const numeric = Number(id);
  if (!Number.isInteger(numeric) || numeric <= 0) notFound();
  const article = await loadArticlePreview(numeric, actor);
  if (!article) notFound();
  if (article === "forbidden") redirect("/admin/forbidden");
  const [settings, tree, found, neighbours] = await Promise.all([readSettings(), readSectionTree(), readSectionByPath(article.sectionPath), readNeighbours(article)]);
  return (
    <>
      <a className="skip-link" href="#main">
        跳到正文
      </a>
      <p className="preview-banner" role="note">
        <strong>预览</strong> 这是尚未发布的稿件（已保存的最新版本），仅登录的编辑和审核人员可见，访客看不到，不计入浏览次数。
      </p>
      <SiteHeader siteName={settings.siteName} sections={tree} />
      <main id="main" className="container site-main">
        <ArticleView article={article} trail={found?.trail ?? []} neighbours={neighbours} agency={settings.siteName} />
      </main>
      <SiteFooter settings={settings} />
    </>
  );
}
