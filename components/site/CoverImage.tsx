import { getImageProps } from "next/image";
import type { ArticleListItem } from "@/lib/articles/types";

/**
 * An article's cover through Next's image optimizer, like the pictures in article bodies
 * (lib/media/responsive.ts): AVIF or WebP at the widths `sizes` asks for — on a phone about a
 * third of the bytes of the stored JPEG variant it replaced, and the home page's largest
 * paint waits on those bytes. Its real size is always set, so the box is reserved and nothing
 * shifts while it loads. Only the page's largest image passes `priority`; the others load lazily.
 */
export type CoverFields = Pick<ArticleListItem, "coverUrl" | "coverAlt" | "coverWidth" | "coverHeight">;

export function CoverImage({ item, sizes, priority = false }: { item: CoverFields; sizes: string; priority?: boolean }) {
  if (!item.coverUrl) return null;
  const { props } = getImageProps({ src: item.coverUrl, width: item.coverWidth ?? 1200, height: item.coverHeight ?? 675, alt: item.coverAlt, sizes });
  return (
    // eslint-disable-next-line @next/next/no-img-element, jsx-a11y/alt-text -- getImageProps gives the optimizer's src/srcset; alt is in props
    <img {...props} style={undefined} loading={priority ? "eager" : "lazy"} fetchPriority={priority ? "high" : undefined} decoding="async" />
  );
}
