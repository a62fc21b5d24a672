import Link from "next/link";

/** Static links (no query string), so every page of a list can be cached. */
export function Pagination({ page, pageCount, hrefFor }: { page: number; pageCount: number; hrefFor: (p: number) => string }) {
  if (pageCount <= 1) return null;
  const pages = Array.from({ length: pageCount }, (_, i) => i + 1).filter(
    (p) => p === 1 || p === pageCount || Math.abs(p - page) <= 2,
  );
  return (
    <nav className="pagination" aria-label="分页">
      {page > 1 ? <Link href={hrefFor(page - 1)}>上一页</Link> : <span aria-disabled="true">上一页</span>}
      {pages.map((p, i) => (
        <span key={p}>
          {i > 0 && p - pages[i - 1] > 1 && <span className="gap">…</span>}
          {p === page ? (
            <span aria-current="page" className="current">
              {p}
            </span>
          ) : (
            <Link href={hrefFor(p)} aria-label={`第${p}页`}>
              {p}
            </Link>
          )}
        </span>
      ))}
      {page < pageCount ? <Link href={hrefFor(page + 1)}>下一页</Link> : <span aria-disabled="true">下一页</span>}
      <span className="page-info">
        第 {page} / {pageCount} 页
      </span>
    </nav>
  );
}
