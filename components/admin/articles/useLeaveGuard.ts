"use client";

import { useEffect } from "react";

export const LEAVE_QUESTION = "有未保存的修改，确定离开此页吗？离开后修改将丢失。";

/**
 * While `dirty`, asks before the page is left: reload, closing the tab and
 * typed URLs through `beforeunload`, and in-app navigation (the admin sidebar,
 * next/link and plain links) by intercepting the click before Next's router
 * sees it. The App Router has no "route change start" event to cancel, so the
 * click is the one place to stop a client-side navigation (hand-written for that reason).
 */
export function useLeaveGuard(dirty: boolean) {
  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = ""; // older Chromium needs it set to show the prompt
    };
    const onClick = (e: MouseEvent) => {
      if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
      const link = (e.target as Element | null)?.closest?.("a[href]");
      if (!(link instanceof HTMLAnchorElement)) return;
      if (link.target && link.target !== "_self") return; // opens elsewhere; this page stays
      if (link.hasAttribute("download")) return;
      const to = new URL(link.href, window.location.href);
      const here = new URL(window.location.href);
      if (to.origin === here.origin && to.pathname === here.pathname && to.search === here.search) return; // same page (e.g. #anchor)
      if (window.confirm(LEAVE_QUESTION)) return;
      e.preventDefault();
      e.stopPropagation();
    };
    window.addEventListener("beforeunload", onBeforeUnload);
    // Capture on document runs before React's listener on the root, so next/link never starts navigating.
    document.addEventListener("click", onClick, true);
    return () => {
      window.removeEventListener("beforeunload", onBeforeUnload);
      document.removeEventListener("click", onClick, true);
    };
  }, [dirty]);
}
