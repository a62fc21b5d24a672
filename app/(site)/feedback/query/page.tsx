import type { Metadata } from "next";
import { SiteLink } from "@/components/site/SiteLink";
import { headers } from "next/headers";
import { Breadcrumb } from "@/components/site/Breadcrumb";
import { StatusBadge } from "@/components/site/feedback/StatusBadge";
import { clientIp } from "@/lib/http/client-ip";
import { categoryLabel } from "@/lib/feedback/categories";
import { formatCode } from "@/lib/feedback/code-format";
import { lookupByCode, type LookupResult } from "@/lib/feedback/lookup";
import { formatDateTime } from "@/lib/format/date";
import { pageMetadata } from "@/lib/site/metadata";
import { readSettings } from "@/lib/site/reads";
import "@/components/site/feedback/feedback.css";
import { firstParam } from "@/lib/http/search-params";

export async function generateMetadata(): Promise<Metadata> {
  // One visitor's case: nothing here for search engines.
  return { ...pageMetadata(await readSettings(), { title: "留言查询", column: "网站建议" }), robots: { index: false, follow: false } };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** 留言查询: a GET form (works without JavaScript, the link on the success panel fills it in), rendered per request. */
export default async function FeedbackQueryPage({ searchParams }: Props) {
  const raw = (await searchParams).code;
  const typed = (firstParam(raw) ?? "").slice(0, 40);
  const result: LookupResult | null = typed.trim() ? await lookupByCode(typed, clientIp(await headers())) : null;
  const error = result && !result.ok ? result.error : null;

  return (
    <div className="static-page fb-page">
      <Breadcrumb
        items={[
          { label: "网站建议", href: "/feedback" },
          { label: "留言查询", href: "/feedback/query" },
        ]}
      />
      <div className="article-paper">
        <h1 className="article-title">留言查询</h1>
        <form action="/feedback/query" method="get" className="fb-query-form" aria-label="按查询码查询留言">
          <div className={`fb-row${error ? " fb-row-invalid" : ""}`}>
            <label htmlFor="fb-query-code">查询码</label>
            <div className="fb-query-row">
              <input
                id="fb-query-code"
                name="code"
                type="text"
                defaultValue={typed}
                maxLength={40}
                autoComplete="off"
                autoCapitalize="characters"
                spellCheck={false}
                required
                aria-invalid={error ? true : undefined}
                aria-describedby={[error && "fb-query-code-error", "fb-query-code-hint"].filter(Boolean).join(" ")}
              />
              <button type="submit" className="fb-button">
                查询
              </button>
            </div>
            {error && (
              <p id="fb-query-code-error" className="fb-error" role="alert">
                {error}
              </p>
            )}
            <p id="fb-query-code-hint" className="fb-hint">
              提交留言后得到的 12 位查询码，字母不区分大小写，短横线可输可不输。
            </p>
          </div>
        </form>

        {result?.ok && (
          <section className="fb-result" aria-labelledby="fb-result-title">
            <h2 id="fb-result-title" className="fb-section-title">
              {result.item.subject}
            </h2>
            <dl className="fb-result-meta">
              <div>
                <dt>查询码</dt>
                <dd className="fb-code-inline">{formatCode(result.item.code)}</dd>
              </div>
              <div>
                <dt>办理状态</dt>
                <dd>
                  <StatusBadge status={result.item.status} />
                </dd>
              </div>
              <div>
                <dt>留言类别</dt>
                <dd>{categoryLabel(result.item.category)}</dd>
              </div>
              <div>
                <dt>留言时间</dt>
                <dd>
                  <time dateTime={result.item.createdAt.toISOString()}>{formatDateTime(result.item.createdAt)}</time>
                </dd>
              </div>
            </dl>
            <h3 className="fb-result-sub">留言内容</h3>
            <p className="fb-pre">{result.item.content}</p>
            <h3 className="fb-result-sub">答复</h3>
            {result.item.reply && result.item.repliedAt ? (
              <>
                <p className="fb-pre fb-reply-text">{result.item.reply}</p>
                <p className="fb-reply-date">
                  答复时间：<time dateTime={result.item.repliedAt.toISOString()}>{formatDateTime(result.item.repliedAt)}</time>
                </p>
              </>
            ) : (
              <p className="empty">{result.item.status === "closed" ? "您的留言已办结。" : "您的留言正在办理中，答复后将在此显示。"}</p>
            )}
          </section>
        )}
        <p className="fb-back">
          <SiteLink href="/feedback">返回网站建议</SiteLink>
        </p>
      </div>
    </div>
  );
}
