import type { ArticleListItem } from "@/lib/articles/types";

/**
 * An article's cover from the sharp variants made at upload (srcset) with its
 * real size (the box is reserved: nothing shifts while it loads). Only the
 * page's largest image passes `priority`; the others load lazily.
 */
export type CoverFields = Pick<ArticleListItem, "coverUrl" | "coverAlt" | "coverSrcset" | "coverWidth" | "coverHeight">;

export function CoverImage({ item, sizes, loading = "lazy", priority = false }: { item: CoverFields; sizes: string; loading?: "lazy" | "eager"; priority?: boolean }) {
  if (!item.coverUrl) return null;
  return (
    // eslint-disable-next-line @next/next/no-img-element -- the upload's own sharp variants are the srcset; next/image would re-encode them
    <img
      src={item.coverUrl}
      srcSet={item.coverSrcset || undefined}
      sizes={item.coverSrcset ? sizes : undefined}
      width={item.coverWidth ?? 1200}
      height={item.coverHeight ?? 675}
      alt={item.coverAlt}
      loading={priority ? "eager" : loading}
      fetchPriority={priority ? "high" : undefined}
      decoding="async"
    />
  );
}
