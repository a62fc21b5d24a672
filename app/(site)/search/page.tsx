import type { Metadata } from "next";
import { SiteLink } from "@/components/site/SiteLink";
import { Breadcrumb } from "@/components/site/Breadcrumb";
import { fieldErrorProps, searchProblems } from "@/components/site/search-problems";
import { formatDate } from "@/lib/format/date";
import type { Marked } from "@/lib/search/highlight";
import { mark, snippet } from "@/lib/search/highlight";
import { RANK_WINDOW, search, searchParamsSchema, totalText } from "@/lib/search/search";
import { subtreeIds } from "@/lib/sections/queries";
import { sectionHref } from "@/lib/sections/types";
import { COLUMN_TYPES, pageMetadata } from "@/lib/site/metadata";
import { readSections, readSettings } from "@/lib/site/reads";
import { firstParams } from "@/lib/http/search-params";
import { Pagination } from "@/components/Pagination";
import { HeaderQuery } from "@/components/site/HeaderQuery";
import { sectionOptions } from "@/lib/sections/tree";
import { publicIssuers } from "@/lib/search/disclosure-filter";

export async function generateMetadata(): Promise<Metadata> {
  // Result pages are endless and thin: kept out of search engines, but linked from every page.
  return pageMetadata(await readSettings(), { title: "站内搜索", column: "站内搜索", columnType: COLUMN_TYPES.search, path: "/search", noindex: true });
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

function Highlighted({ parts }: { parts: Marked }) {
  return (
    <>
      {parts.map((p, i) => (p.hit ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>))}
    </>
  );
}

/** Works without JavaScript: a GET form, server-rendered results, plain links for pages. */
export default async function SearchPage({ searchParams }: Props) {
  const raw = firstParams(await searchParams);
  const params = searchParamsSchema.parse(raw);
  const problems = searchProblems(raw, params);
  const hasProblems = Object.keys(problems).length > 0;
  const sections = await readSections();
  const section = params.section ? sections.find((s) => s.id === params.section) : undefined;
  const filtered = !!(params.issuer || params.doc);
  const result = (params.q.trim() || filtered) && !hasProblems ? await search(params, section ? subtreeIds(section, sections) : null) : null;
  const issuers = await publicIssuers();
  const byId = new Map(sections.map((s) => [s.id, s]));
  const describe = [params.q.slice(0, 50), params.issuer && `发文机关：${params.issuer}`, params.doc && `文号：${params.doc}`].filter(Boolean).join("，");
  const link = (page: number, sort = params.sort) => {
    const q = new URLSearchParams();
    q.set("q", params.q);
    if (section) q.set("section", String(section.id));
    if (params.from) q.set("from", params.from);
    if (params.to) q.set("to", params.to);
    if (params.issuer) q.set("issuer", params.issuer);
    if (params.doc) q.set("doc", params.doc);
    if (sort !== "relevance") q.set("sort", sort);
    if (page > 1) q.set("page", String(page));
    return `/search?${q}`;
  };

  return (
    <div className="static-page search-page">
      <HeaderQuery q={params.q.slice(0, 100)} />
      <Breadcrumb items={[{ label: "站内搜索", href: "/search" }]} />
      <div className="article-paper">
        <h1 className="article-title">站内搜索</h1>
        <form action="/search" method="get" role="search" aria-label="搜索本站" className="search-form">
          <div className="search-row">
            <label htmlFor="search-q">关键词</label>
            <input id="search-q" name="q" type="search" {...fieldErrorProps(problems, "q")} defaultValue={params.q.slice(0, 100)} maxLength={100} placeholder="如：文明城市、个人所得税、2017" />
            <button type="submit">搜索</button>
          </div>
          <div className="search-filters">
            <label>
              栏目
              <select name="section" defaultValue={section?.id ?? ""}>
                <option value="">全部栏目</option>
                {sectionOptions(sections).map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.label}
                  </option>
                ))}
              </select>
            </label>
            <label>
              发布日期 从
              <input type="date" name="from" {...fieldErrorProps(problems, "from")} defaultValue={raw.from ?? ""} />
            </label>
            <label>
              至
              <input type="date" name="to" {...fieldErrorProps(problems, "to")} defaultValue={raw.to ?? ""} />
            </label>
            <label>
              发文机关
              <select name="issuer" defaultValue={params.issuer ?? ""}>
                <option value="">全部</option>
                {issuers.map((name) => (
                  <option key={name} value={name}>
                    {name}
                  </option>
                ))}
              </select>
            </label>
            <label>
              文号
              <input name="doc" defaultValue={params.doc ?? ""} maxLength={60} placeholder="如 安地税发〔2017〕12号" />
            </label>
            <label>
              排序
              <select name="sort" defaultValue={params.sort}>
                <option value="relevance">按相关度</option>
                <option value="date">按日期</option>
              </select>
            </label>
          </div>
          {hasProblems && (
            <ul className="field-errors">
              {(["q", "from", "to"] as const).map((f) =>
                problems[f] ? (
                  <li key={f} id={`search-${f}-error`}>
                    {problems[f]}
                  </li>
                ) : null,
              )}
            </ul>
          )}
        </form>

        {!result && !hasProblems && <p className="search-hint">请输入关键词。可以输入词语（如“创城”）、短语（如“全国文明城市”）或文号、年份（如“2017”），多个词用空格分开。</p>}

        {result && (
          <section aria-labelledby="results-title" className="search-results">
            <h2 id="results-title" className="visually-hidden">
              搜索结果
            </h2>
            <p role="status" className="search-summary">
              {result.total > 0 ? (
                <>
                  找到 <strong>{totalText(result)}</strong> 条与“{describe}”相关的信息（用时 {result.ms.toFixed(0)} 毫秒）
                </>
              ) : (
                <>没有找到与“{describe}”相关的信息。</>
              )}
            </p>
            {result.windowed && (
              <p className="search-hint">
                结果较多，以下按相关度排列其中最近录入网站的 {RANK_WINDOW} 条。如需查看全部，可<SiteLink href={link(1, "date")}>按日期排序</SiteLink>，或增加关键词、选择栏目和日期缩小范围。
              </p>
            )}
            {result.total === 0 && (
              <ul className="search-tips">
                <li>检查是否有错别字，或换一个意思相近的词；</li>
                <li>减少关键词，或去掉栏目、日期筛选；</li>
                <li>
                  通过<SiteLink href="/site-map">网站地图</SiteLink>按栏目浏览。
                </li>
              </ul>
            )}
            <ol className="search-hits" start={(result.page - 1) * 10 + 1}>
              {result.hits.map((h) => {
                const s = h.sectionId ? byId.get(h.sectionId) : undefined;
                const href = h.kind === "page" ? `/pages/${h.refId}` : s ? `/${s.path}/${h.refId}` : "#";
                return (
                  <li key={`${h.kind}:${h.refId}`}>
                    <SiteLink href={href} className="hit-title">
                      <Highlighted parts={mark(h.title, result.terms)} />
                    </SiteLink>
                    <p className="hit-snippet">
                      <Highlighted parts={snippet(h.body, result.terms)} />
                    </p>
                    <p className="hit-meta">
                      {s && <SiteLink href={sectionHref(s.path)}>{s.name}</SiteLink>}
                      {h.kind === "page" && <span>网站信息</span>}
                      {h.publishedAt && h.kind === "article" && <time dateTime={h.publishedAt}>{formatDate(h.publishedAt)}</time>}
                    </p>
                  </li>
                );
              })}
            </ol>
            <Pagination page={result.page} pageCount={result.pageCount} hrefFor={link} label="搜索结果分页" />
          </section>
        )}
      </div>
    </div>
  );
}
