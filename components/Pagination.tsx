/**
 * The one pager of the site and the admin: 上一页, numbers around the current page, 下一页,
 * 第 n / m 页. `hrefFor` builds each page's link (public lists use static paths, so every
 * page can be cached); `className` picks the site ("pagination") or admin ("adm-pager") look.
 * Plain anchors, like every public link (components/site/SiteLink.tsx): a page of a list is a new page.
 */
export function Pagination({
  page,
  pageCount,
  hrefFor,
  label = "分页",
  className = "pagination",
}: {
  page: number;
  pageCount: number;
  hrefFor: (p: number) => string;
  label?: string;
  className?: string;
}) {
  if (pageCount <= 1) return null;
  const pages = Array.from({ length: pageCount }, (_, i) => i + 1).filter(
    (p) => p === 1 || p === pageCount || Math.abs(p - page) <= 2,
  );
  return (
    <nav className={className} aria-label={label}>
      {page > 1 ? <a href={hrefFor(page - 1)}>上一页</a> : <span aria-disabled="true">上一页</span>}
      {pages.map((p, i) => (
        <span key={p}>
          {i > 0 && p - pages[i - 1] > 1 && <span className="gap">…</span>}
          {p === page ? (
            <span aria-current="page" className="current">
              {p}
            </span>
          ) : (
            <a href={hrefFor(p)} aria-label={`第${p}页`}>
              {p}
            </a>
          )}
        </span>
      ))}
      {page < pageCount ? <a href={hrefFor(page + 1)}>下一页</a> : <span aria-disabled="true">下一页</span>}
      <span className="page-info">
        第 {page} / {pageCount} 页
      </span>
    </nav>
  );
}
