import Link from "next/link";
import { requirePage } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { adminListFilterSchema, listArticlesForAdmin, listAuthors } from "@/lib/articles/admin-queries";
import { STATUS_LABELS, type WorkflowStatus } from "@/lib/articles/workflow";
import { RETURNED_LABEL } from "@/lib/articles/workflow-labels";
import { formatDate, formatDateTime } from "@/lib/format/date";
import { firstParams } from "@/lib/http/search-params";
import { Pagination } from "@/components/Pagination";
import { sectionOptions } from "@/lib/sections/tree";
import { listSections } from "@/lib/sections/queries";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AdminArticlesPage({ searchParams }: Props) {
  const actor = await requirePage("admin.access", "/admin/articles");
  const raw = await searchParams;
  const filter = adminListFilterSchema.parse(firstParams(raw));
  const mayReview = can(actor.role, "article.review");
  const [list, sections, authors] = await Promise.all([listArticlesForAdmin(filter, actor), listSections(), listAuthors()]);
  const qs = (page: number) => {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries(filter)) if (v !== undefined && k !== "page") p.set(k, String(v));
    p.set("page", String(page));
    return `?${p}`;
  };
  return (
    <div>
      <div className="adm-actions" style={{ justifyContent: "space-between" }}>
        <h1>文章管理</h1>
        {can(actor.role, "article.create") && (
          <Link href="/admin/articles/new" className="adm-btn adm-btn-primary">
            写文章
          </Link>
        )}
      </div>
      <form className="adm-toolbar adm-panel" method="get" role="search" aria-label="筛选文章">
        <div className="adm-field">
          <label htmlFor="f-q">关键词</label>
          <input id="f-q" name="q" type="search" defaultValue={filter.q ?? ""} maxLength={100} placeholder="标题或正文，与网站搜索相同" />
        </div>
        <div className="adm-field">
          <label htmlFor="f-status">状态</label>
          <select id="f-status" name="status" defaultValue={filter.status ?? ""}>
            <option value="">全部</option>
            {Object.entries(STATUS_LABELS).map(([k, v]) => (
              <option key={k} value={k}>
                {v}
              </option>
            ))}
            <option value="live">网站上可见</option>
          </select>
        </div>
        <div className="adm-field">
          <label htmlFor="f-section">栏目</label>
          <select id="f-section" name="section" defaultValue={filter.section ?? ""}>
            <option value="">全部</option>
            {sectionOptions(sections).map((s) => (
              <option key={s.id} value={s.id}>
                {s.label}
              </option>
            ))}
          </select>
        </div>
        <div className="adm-field">
          <label htmlFor="f-author">撰稿人</label>
          <select id="f-author" name="author" defaultValue={filter.author ?? ""}>
            <option value="">全部</option>
            {authors.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="adm-btn">
          筛选
        </button>
      </form>
      <p className="adm-hint">共 {list.total} 篇</p>
      <table className="adm-table">
        <thead>
          <tr>
            <th scope="col">标题</th>
            <th scope="col">栏目</th>
            <th scope="col">状态</th>
            <th scope="col">撰稿人</th>
            <th scope="col">发布日期</th>
            <th scope="col">最后修改</th>
            <th scope="col">操作</th>
          </tr>
        </thead>
        <tbody>
          {list.items.map((a) => (
            <tr key={a.id}>
              <td>
                {/* Another editor's article opens where it is public: its editor page is not theirs to read. */}
                {a.readsWorkingCopy ? (
                  <Link href={`/admin/articles/${a.id}`}>{a.title}</Link>
                ) : a.publicHref ? (
                  <a href={a.publicHref} target="_blank" rel="noopener">
                    {a.title}
                  </a>
                ) : (
                  a.title
                )}
              </td>
              <td>{a.sectionName}</td>
              <td>
                {a.returnedComment ? (
                  <span className="adm-badge" data-status="returned" title={`审核意见：${a.returnedComment}`}>
                    {RETURNED_LABEL}
                  </span>
                ) : (
                  <span className="adm-badge" data-status={a.status}>
                    {STATUS_LABELS[a.status as WorkflowStatus] ?? a.status}
                  </span>
                )}
                {a.isLive && a.status !== "published" && <span className="adm-badge" data-status="published">网站上可见</span>}
                {a.status === "scheduled" && a.scheduledAt && <div className="adm-hint">{formatDateTime(a.scheduledAt)}</div>}
                {a.returnedComment && <div className="adm-returned-note">审核意见：{a.returnedComment}</div>}
              </td>
              <td className="adm-nowrap">{a.authorName}</td>
              <td className="adm-nowrap">{a.publishedAt ? formatDate(a.publishedAt) : "—"}</td>
              <td className="adm-nowrap">{formatDateTime(a.updatedAt)}</td>
              <td className="adm-nowrap">
                <span className="adm-row-actions">
                  {a.mayEdit ? (
                    <Link href={`/admin/articles/${a.id}`} aria-label={`编辑“${a.title}”`}>
                      编辑
                    </Link>
                  ) : (
                    a.readsWorkingCopy && (
                      <Link href={`/admin/articles/${a.id}`} aria-label={`查看“${a.title}”`}>
                        查看
                      </Link>
                    )
                  )}
                  {mayReview && a.status === "review" && (
                    <Link href={`/admin/articles/${a.id}/review`} aria-label={`审核“${a.title}”`}>
                      审核
                    </Link>
                  )}
                  {a.readsWorkingCopy && (
                    <>
                      <Link href={`/preview/articles/${a.id}`} target="_blank" prefetch={false} aria-label={`预览“${a.title}”`}>
                        预览
                      </Link>
                      <Link href={`/admin/articles/${a.id}/revisions`} aria-label={`“${a.title}”的历史版本`}>
                        历史
                      </Link>
                    </>
                  )}
                  {a.publicHref && (
                    <Link href={a.publicHref} target="_blank" prefetch={false} aria-label={`在网站上查看“${a.title}”`}>
                      网页
                    </Link>
                  )}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {list.items.length === 0 && <p className="adm-panel">没有符合条件的文章。</p>}
      <Pagination page={list.page} pageCount={list.pageCount} hrefFor={qs} className="adm-pager" />
    </div>
  );
}
