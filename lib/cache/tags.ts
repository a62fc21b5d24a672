/**
 * The whole cache-tag vocabulary. A page that shows an item must read it
 * through a function tagged with one of these, so that revalidating the
 * item's tags (lib/cache/revalidate.ts) reaches every page that shows it.
 */
export const tags = {
  /** Site identity: footer, header, meta tags — every page. */
  settings: "settings",
  /** The section tree: navigation, breadcrumbs, site map — every page. */
  sections: "sections",
  home: "home",
  section: (id: number) => `section:${id}`,
  article: (id: number) => `article:${id}`,
  pages: "pages",
  page: (slug: string) => `page:${slug}`,
} as const;

/** Backstop for ISR pages: on-demand revalidation is the real mechanism. */
export const BACKSTOP_REVALIDATE_SECONDS = 3600;
