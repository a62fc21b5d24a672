"use client";

import { useEffect } from "react";
import { usePathname } from "next/navigation";
import { parseSiteRoute } from "@/lib/site/route";
import { setLiveCounts } from "./live-counts";

// Guards against React StrictMode's double effect and re-renders: one
// request per page path per page load.
let lastSentPath: string | null = null;

/** Reports one page view and passes the answer's live counts to the page. */
function reportView(pathname: string) {
  const route = parseSiteRoute(pathname.split("/").filter(Boolean));
  const articleId = route.kind === "article" ? route.id : undefined;
  // A 404 is not a page view (mistyped or probed URLs would inflate the totals), but the footer still wants the visitor number.
  const notFound = document.querySelector("[data-not-found]") !== null;
  setLiveCounts({ views: null });
  fetch("/api/views", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(notFound ? { path: pathname, notFound: true } : articleId ? { articleId, path: pathname } : { path: pathname }),
    keepalive: true,
  })
    .then((r) => (r.ok ? r.json() : null))
    .then((data: { views?: number; visitors?: number } | null) => {
      if (data) setLiveCounts({ views: data.views ?? null, visitors: data.visitors ?? null });
    })
    .catch(() => {
      /* counts stay blank; the page itself is unaffected */
    });
}

/**
 * Sits in the site layout; on every navigation it reports the page view (and
 * the article's, read from the URL itself, so it never depends on when the
 * page's DOM commits) and receives the live counts. Prefetches never run
 * effects, so they are never counted.
 */
export function ViewBeacon() {
  const pathname = usePathname();
  useEffect(() => {
    if (lastSentPath === pathname) return;
    lastSentPath = pathname;
    // Its own task, not part of hydration's last one: starting a keepalive request took ~10 ms of main
    // thread here (~40 ms on Lighthouse's 4× slower phone), blocking time it counted. Not cancelled on
    // unmount: the page was shown, so its view is reported.
    setTimeout(() => reportView(pathname), 0);
  }, [pathname]);
  return null;
}
