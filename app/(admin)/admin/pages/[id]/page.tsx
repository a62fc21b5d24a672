import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PageForm } from "@/components/admin/pages/PageForm";
import { requirePage } from "@/lib/auth/guard";
import { findPageForAdmin } from "@/lib/pages/queries";
import "@/components/admin/crud.css";

export const metadata: Metadata = { title: "编辑页面" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ saved?: string | string[] }> };

export default async function EditPagePage({ params, searchParams }: Props) {
  await requirePage("page.manage", `/admin/pages/${(await params).id}`);
  const { id: raw } = await params;

  if (raw === "new") {
    return (
      <>
        <div className="crud-head">
          <h1>新建页面</h1>
          <Link href="/admin/pages">返回页面列表</Link>
        </div>
        <section className="adm-panel">
          <PageForm id={null} initial={{ title: "", slug: "", bodyHtml: "" }} />
        </section>
      </>
    );
  }

  if (!/^[1-9][0-9]{0,8}$/.test(raw)) notFound();
  const page = await findPageForAdmin(Number(raw));
  if (!page) notFound();
  const justCreated = (await searchParams).saved === "1";

  return (
    <>
      <div className="crud-head">
        <h1>编辑页面：{page.title}</h1>
        <Link href="/admin/pages">返回页面列表</Link>
      </div>
      <section className="adm-panel">
        <p className="adm-hint">
          网址：
          <a href={`/pages/${page.slug}`} target="_blank" rel="noopener noreferrer">
            /pages/{page.slug}
          </a>
        </p>
      </section>
      {justCreated && (
        <p className="adm-success crud-flash" role="status">
          页面已创建，可以继续编辑
        </p>
      )}
      <section className="adm-panel">
        {/* key: a fresh form when another page is opened in the same tab */}
        <PageForm key={page.id} id={page.id} initial={{ title: page.title, slug: page.slug, bodyHtml: page.bodyHtml }} />
      </section>
    </>
  );
}
