"use client";

import { SiteLink } from "@/components/site/SiteLink";
import { usePathname } from "next/navigation";

/**
 * A main-navigation channel that knows it is current: aria-current="page" on
 * the channel's own list, "location" on an article or sub-section inside it.
 * A client component because the site layout (and its cached HTML) is shared by every path.
 */
export function MainNavLink({ href, children }: { href: string; children: React.ReactNode }) {
  const pathname = usePathname() ?? "";
  const exact = pathname === href;
  const inside = href !== "/" && pathname.startsWith(`${href}/`);
  return (
    <SiteLink href={href} aria-current={exact ? "page" : inside ? "location" : undefined}>
      {children}
    </SiteLink>
  );
}
