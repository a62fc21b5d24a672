/**
 * Every link of the public site, a plain `<a>`: following one loads the next page's HTML, as every public page is
 * cached HTML (ISR, proxy or CDN) that answers fast. next/link would make each of the page's dozens of links a
 * client component to hydrate — on a phone that was the largest part of the home page's blocking time
 * (Lighthouse, issue 15) — to buy client-side navigation that a news reader does not need, and the browser's own
 * navigation keeps back/forward, scroll and the page's state working without any script.
 */
export function SiteLink({ href, ...props }: React.AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  return <a href={href} {...props} />;
}
