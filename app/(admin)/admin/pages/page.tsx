import type { Metadata } from "next";
import Link from "next/link";
import { PageDeleteButton } from "@/components/admin/pages/PageDeleteButton";
import { requirePage } from "@/lib/auth/guard";
import { listPagesForAdmin } from "@/lib/pages/queries";
import { formatDateTime } from "@/lib/format/date";
import "@/components/admin/crud.css";

export const metadata: Metadata = { title: "单页管理" };

export default async function PagesPage() {
  await requirePage("page.manage", "/admin/pages");
  const pages = await listPagesForAdmin();

  return (
    <>
      <div className="crud-head">
        <h1>单页管理</h1>
        <Link href="/admin/pages/new" className="adm-btn adm-btn-primary">
          新建页面
        </Link>
      </div>
      <section className="adm-panel" aria-label="页面列表">
        {pages.length === 0 ? (
          <p className="crud-muted">还没有页面。</p>
        ) : (
          <div className="crud-table-wrap">
            <table className="adm-table">
              <thead>
                <tr>
                  <th scope="col">标题</th>
                  <th scope="col">网址</th>
                  <th scope="col">更新时间</th>
                  <th scope="col">操作</th>
                </tr>
              </thead>
              <tbody>
                {pages.map((p) => (
                  <tr key={p.id}>
                    <td>{p.title}</td>
                    <td>
                      <a href={`/pages/${p.slug}`} target="_blank" rel="noopener noreferrer">
                        /pages/{p.slug}
                      </a>
                    </td>
                    <td>{formatDateTime(p.updatedAt)}</td>
                    <td>
                      <div className="crud-row-actions">
                        <Link href={`/admin/pages/${p.id}`} className="adm-btn" aria-label={`编辑“${p.title}”`}>
                          编辑
                        </Link>
                        <PageDeleteButton id={p.id} title={p.title} />
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
