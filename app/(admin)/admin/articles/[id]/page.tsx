import { notFound, redirect } from "next/navigation";
import { ArticleForm, type ArticlePermissions } from "@/components/admin/articles/ArticleForm";
import { requirePage } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { canEdit, canReview } from "@/lib/articles/access";
import { loadArticleForEdit } from "@/lib/articles/admin-queries";
import { listSections } from "@/lib/sections/queries";
import { sectionOptions } from "@/lib/sections/tree";
import { env } from "@/lib/env";
import { PlacementFieldset } from "@/components/admin/articles/PlacementFieldset";
import { placementsOf } from "@/lib/placement/manage";
import { DISCLOSURE_KIND } from "@/lib/disclosure/fields";

type Props = { params: Promise<{ id: string }> };

export default async function EditArticlePage({ params }: Props) {
  const { id } = await params;
  const isNew = id === "new";
  const actor = await requirePage(isNew ? "article.create" : "admin.access", `/admin/articles/${id}`);
  const all = await listSections();
  const sections = sectionOptions(all);
  const disclosureSectionIds = all.filter((x) => x.kind === DISCLOSURE_KIND).map((x) => x.id);

  if (isNew) {
    const perms: ArticlePermissions = { edit: true, submit: can(actor.role, "article.submit"), publish: can(actor.role, "article.publish"), review: false, unpublish: false, remove: false };
    return <ArticleForm article={null} sections={sections} disclosureSectionIds={disclosureSectionIds} perms={perms} autosaveMs={env().AUTOSAVE_IDLE_MS} />;
  }
  const numeric = Number(id);
  if (!Number.isInteger(numeric) || numeric <= 0) notFound();
  const article = await loadArticleForEdit(numeric, actor);
  if (!article) notFound();
  if (article === "forbidden") redirect("/admin/forbidden");
  const mayEdit = canEdit(actor, article);
  const perms: ArticlePermissions = {
    edit: mayEdit,
    submit: mayEdit && can(actor.role, "article.submit"),
    publish: can(actor.role, "article.publish"),
    review: canReview(actor),
    unpublish: can(actor.role, "article.unpublish"),
    remove: can(actor.role, "article.delete"),
  };
  return (
    <>
      <ArticleForm article={article} sections={sections} disclosureSectionIds={disclosureSectionIds} perms={perms} autosaveMs={env().AUTOSAVE_IDLE_MS} />
      <PlacementFieldset articleId={article.id} initial={await placementsOf(article.id)} canPlace={can(actor.role, "article.place")} isPublic={article.isLive} />
    </>
  );
}
