import { notFound, redirect } from "next/navigation";
import { ArticleForm, type ArticlePermissions } from "@/components/admin/articles/ArticleForm";
import { requirePage } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { loadArticleForEdit } from "@/lib/articles/admin-queries";
import { db } from "@/lib/db";

type Props = { params: Promise<{ id: string }> };

export default async function EditArticlePage({ params }: Props) {
  const { id } = await params;
  const isNew = id === "new";
  const actor = await requirePage(isNew ? "article.create" : "admin.access", `/admin/articles/${id}`);
  const sections = await db.section.findMany({ orderBy: { path: "asc" }, select: { id: true, name: true, path: true } });
  const sectionOptions = sections.map((s) => ({ id: s.id, label: `${"　".repeat(s.path.split("/").length - 1)}${s.name}` }));

  if (isNew) {
    const perms: ArticlePermissions = { edit: true, submit: can(actor.role, "article.submit"), publish: can(actor.role, "article.publish"), review: false, unpublish: false, remove: false };
    return <ArticleForm article={null} sections={sectionOptions} perms={perms} />;
  }
  const numeric = Number(id);
  if (!Number.isInteger(numeric) || numeric <= 0) notFound();
  const article = await loadArticleForEdit(numeric);
  if (!article) notFound();
  const mayEdit = can(actor.role, "article.edit.any") || (can(actor.role, "article.edit.own") && article.createdById === actor.id);
  if (!mayEdit && !can(actor.role, "article.review")) redirect("/admin/forbidden");
  const perms: ArticlePermissions = {
    edit: mayEdit,
    submit: mayEdit && can(actor.role, "article.submit"),
    publish: can(actor.role, "article.publish"),
    review: can(actor.role, "article.review"),
    unpublish: can(actor.role, "article.unpublish"),
    remove: can(actor.role, "article.delete"),
  };
  return <ArticleForm article={article} sections={sectionOptions} perms={perms} />;
}
