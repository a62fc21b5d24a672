import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { RestoreButton } from "@/components/admin/revisions/RestoreButton";
import { DiffView } from "@/components/admin/revisions/DiffView";
import { diffRevisions, listRevisions, type RevisionListItem } from "@/lib/articles/revisions";
import { STATUS_LABELS, type WorkflowStatus } from "@/lib/articles/workflow";
import { requirePage } from "@/lib/auth/guard";
import { canEdit } from "@/lib/articles/access";
import { loadArticleHeader } from "@/lib/articles/admin-queries";
import { formatDateTime } from "@/lib/format/date";
import { interleaveHistory, listEvents, type ArticleEventItem } from "@/lib/articles/events";
import { z } from "@/lib/validation/zod";
import "@/components/admin/audit.css";
import { firstParam } from "@/lib/http/search-params";

export const metadata: Metadata = { title: "版本记录" };

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const idSchema = z.coerce.number().int().positive().max(2_147_483_647);
const numberParam = (v: string | string[] | undefined) => {
  const r = idSchema.safeParse(firstParam(v));
  return r.success ? r.data : undefined;
};

/** Defaults: the revision before the working copy vs the working copy. */
function pickPair(list: RevisionListItem[], qa: number | undefined, qb: number | undefined): { a: number; b: number } | null {
  if (list.length === 0) return null;
  const exists = (n: number | undefined): n is number => n !== undefined && list.some((r) => r.number === n);
  const head = (list.find((r) => r.isHead) ?? list[0]).number;
  const previous = list.find((r) => r.number < head)?.number ?? head;
  return { a: exists(qa) ? qa : previous, b: exists(qb) ? qb : head };
}

function RevisionBadges({ r }: { r: RevisionListItem }) {
  if (!r.isLive && !r.isHead) return null;
  return (
    <span className="adm-rev-badges">
      {r.isLive && (
        <span className="adm-badge" data-status="published">
          线上版本
        </span>
      )}
      {r.isHead && (
        <span className="adm-badge" data-status="scheduled">
          当前编辑版本
        </span>
      )}
    </span>
  );
}

/** What a workflow step said: the note, comment or reason, the scheduled time, the revision it concerned. */
function EventNote({ e }: { e: ArticleEventItem }) {
  return (
    <>
      {e.comment && (
        <span className="adm-event-comment">
          {e.commentLabel ? `${e.commentLabel}：` : ""}
          {e.comment}
        </span>
      )}
      {e.scheduledAt && (
        <span>
          定时于 <time dateTime={e.scheduledAt}>{formatDateTime(e.scheduledAt)}</time>（北京时间）
        </span>
      )}
      {e.revision !== null && <span className="adm-hint">（第{e.revision}版）</span>}
    </>
  );
}

export default async function RevisionsPage({ params, searchParams }: Props) {
  const actor = await requirePage("admin.access", `/admin/articles/${encodeURIComponent((await params).id)}/revisions`);
  const id = numberParam((await params).id);
  if (id === undefined) notFound();
  const article = await loadArticleHeader(id, actor);
  if (!article) notFound();
  if (article === "forbidden") redirect("/admin/forbidden");

  const mayEdit = canEdit(actor, article);
  const sp = await searchParams;
  const [list, events] = await Promise.all([listRevisions(article.id), listEvents(article.id)]);
  const history = interleaveHistory(list, events);
  const pair = pickPair(list, numberParam(sp.a), numberParam(sp.b));
  const diff = pair ? await diffRevisions(article.id, pair.a, pair.b) : null;
  const status = STATUS_LABELS[article.status as WorkflowStatus] ?? article.status;

  return (
    <>
      <div className="adm-rev-head">
        <h1>版本记录：{article.title}</h1>
        <Link href={`/admin/articles/${article.id}`} className="adm-btn">
          返回编辑文章
        </Link>
      </div>
      <p className="adm-hint">
        当前状态：<span className="adm-badge" data-status={article.status}>{status}</span>
        {article.isLive ? "（网站上显示的是“线上版本”）" : "（尚未在网站上显示）"}。恢复旧版本会生成一个新的编辑版本，需重新发布才会在网站上生效。
      </p>

      <section className="adm-panel" aria-labelledby="rev-list-heading">
        <h2 id="rev-list-heading">
          全部版本（{list.length}）与审核记录（{events.length}）
        </h2>
        <p className="adm-hint">按时间倒序，北京时间。提交审核、退回、发布、定时发布、撤稿等流程记录与各版本排在一起。</p>
        {list.length === 0 ? (
          <p className="adm-hint">这篇文章还没有保存过版本。</p>
        ) : (
          <div className="adm-table-wrap">
            <table className="adm-table">
              <thead>
                <tr>
                  <th scope="col">版本 / 流程</th>
                  <th scope="col">时间</th>
                  <th scope="col">操作人</th>
                  <th scope="col">说明</th>
                  <th scope="col">状态</th>
                  <th scope="col">操作</th>
                </tr>
              </thead>
              <tbody>
                {history.map((h) => {
                  if (h.type === "event") {
                    const e = h.event;
                    return (
                      <tr key={`e${e.id}`} className="adm-rev-event" data-event={e.kind}>
                        <td>
                          <span className="adm-badge" data-event={e.kind}>
                            {e.label}
                          </span>
                        </td>
                        <td>
                          <time dateTime={e.createdAt}>{formatDateTime(e.createdAt)}</time>
                        </td>
                        <td>{e.actorName}</td>
                        <td>
                          <EventNote e={e} />
                        </td>
                        <td />
                        <td />
                      </tr>
                    );
                  }
                  const r = h.revision;
                  return (
                  <tr key={r.number} className={r.isHead ? "adm-rev-current" : undefined}>
                    <td>第{r.number}版</td>
                    <td>
                      <time dateTime={r.createdAt}>{formatDateTime(r.createdAt)}</time>
                    </td>
                    <td>{r.authorName}</td>
                    <td>{r.note}</td>
                    <td>
                      <RevisionBadges r={r} />
                    </td>
                    <td>
                      <div className="adm-actions">
                        {pair && r.number !== pair.b && (
                          <Link href={`/admin/articles/${article.id}/revisions?a=${r.number}&b=${pair.b}#diff`}>与第{pair.b}版比较</Link>
                        )}
                        {mayEdit && !r.isHead && <RestoreButton articleId={article.id} number={r.number} />}
                      </div>
                    </td>
                  </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>

      {pair && diff && (
        <section className="adm-panel" id="diff" aria-labelledby="diff-section-heading">
          <h2 id="diff-section-heading">版本比较</h2>
          <form method="get" action={`/admin/articles/${article.id}/revisions`} className="adm-toolbar">
            <div className="adm-field-inline">
              <label htmlFor="rev-a">比较 版本 A</label>
              <select id="rev-a" name="a" defaultValue={String(pair.a)}>
                {list.map((r) => (
                  <option key={r.number} value={r.number}>
                    第{r.number}版 · {formatDateTime(r.createdAt)}
                  </option>
                ))}
              </select>
            </div>
            <div className="adm-field-inline">
              <label htmlFor="rev-b">版本 B</label>
              <select id="rev-b" name="b" defaultValue={String(pair.b)}>
                {list.map((r) => (
                  <option key={r.number} value={r.number}>
                    第{r.number}版 · {formatDateTime(r.createdAt)}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" className="adm-btn adm-btn-primary">
              比较
            </button>
          </form>
          <DiffView diff={diff} />
        </section>
      )}
    </>
  );
}
