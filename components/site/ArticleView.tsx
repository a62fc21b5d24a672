import { SiteLink } from "@/components/site/SiteLink";
import type { ArticleDetail, Neighbours } from "@/lib/articles/types";
import { formatDate } from "@/lib/format/date";
import { sectionHref, type SectionDto } from "@/lib/sections/types";
import { Breadcrumb } from "./Breadcrumb";
import { DisclosureTable } from "./DisclosureTable";
import { FontSizeSwitch } from "./FontSizeSwitch";
import { LiveNumber } from "./LiveNumber";
import { RichText } from "./RichText";
import { PrintButton } from "./PrintButton";
import { PrintSource } from "./PrintSource";
import { ReadAloud } from "./ReadAloud";
import { fileSize } from "@/lib/format/file-size";
import { fileKind } from "@/lib/media/file-types";

export function ArticleView({ article: a, trail, neighbours, agency }: { article: ArticleDetail; trail: SectionDto[]; neighbours: Neighbours; agency?: string }) {
  return (
    <article className="article">
      <Breadcrumb items={[...trail.map((s) => ({ label: s.name, href: sectionHref(s.path) })), { label: a.title, href: a.href }]} />
      <div className="article-paper">
        {/* Paper has no page header: the issuing agency heads the printout. */}
        {agency && <p className="print-only print-agency">{agency}</p>}
        {a.disclosure && <DisclosureTable d={a.disclosure} title={a.title} publishedAt={a.publishedAt} />}
        <h1 className="article-title">{a.title}</h1>
        <p className="article-meta">
          <span>
            发布日期：<time dateTime={a.publishedAt}>{formatDate(a.publishedAt)}</time>
          </span>
          <span className="meta-sep" aria-hidden="true">|</span>
          <span>
            浏览次数：<LiveNumber name="views" />
          </span>
          {a.source && (
            <>
              <span className="meta-sep" aria-hidden="true">|</span>
              <span>{`来源：${a.source}`}</span>
            </>
          )}
          {a.author && (
            <>
              <span className="meta-sep" aria-hidden="true">|</span>
              <span>{`作者：${a.author}`}</span>
            </>
          )}
          <span className="meta-sep tools-sep" aria-hidden="true">|</span>
          <FontSizeSwitch />
        </p>
        <div className="article-tools article-tools-top">
          <ReadAloud title={a.title} bodyId="article-body" />
        </div>
        <RichText html={a.bodyHtml} className="article-body" id="article-body" />
        {a.attachments.length > 0 && (
          <section className="attachments" aria-labelledby="attachments-title">
            <h2 id="attachments-title">附件（{a.attachments.length}）</h2>
            <ol>
              {a.attachments.map((f, i) => {
                const kind = fileKind(f.mimeType, f.url);
                return (
                  <li key={f.url}>
                    <span className="file-kind" aria-hidden="true">
                      {kind}
                    </span>
                    <a href={f.url} download aria-describedby={`attachment-meta-${i}`}>
                      {f.title}
                    </a>
                    <span className="file-meta" id={`attachment-meta-${i}`}>
                      （{kind} 文件，{fileSize(f.size)}）
                    </span>
                  </li>
                );
              })}
            </ol>
          </section>
        )}
        <PrintSource path={a.href} publishedOn={formatDate(a.publishedAt)} />
        <div className="article-tools">
          <PrintButton />
        </div>
        <nav className="neighbours" aria-label="上一篇和下一篇">
          <p>
            上一篇：{neighbours.previous ? <SiteLink href={neighbours.previous.href}>{neighbours.previous.title}</SiteLink> : <span>没有了</span>}
          </p>
          <p>
            下一篇：{neighbours.next ? <SiteLink href={neighbours.next.href}>{neighbours.next.title}</SiteLink> : <span>没有了</span>}
          </p>
        </nav>
      </div>
    </article>
  );
}
