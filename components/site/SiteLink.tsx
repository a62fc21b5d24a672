import Link from "next/link";

/**
 * Every link of the public site. No viewport prefetch: on a news page dozens of links are on screen, and
 * prefetching each one's payload costs a phone's main thread (Lighthouse counted ~50 ms of blocking time) and its
 * data plan, for navigations most visitors never make. The public pages are cached HTML (ISR, proxy or CDN), so a
 * click still answers fast; the router fetches the page when it is clicked.
 */
export function SiteLink(props: React.ComponentProps<typeof Link>) {
  return <Link prefetch={false} {...props} />;
}
