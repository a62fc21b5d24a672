"use client";

import { useEffect, useRef } from "react";
import { formatClock } from "@/lib/format/date";

/**
 * Ticks on the client only: the cached HTML must not carry a frozen time. Once a second it rewrites
 * one text node (no React render), and the box it sits in has a fixed width and is contained
 * (globals.css), so a tick never lays out anything else on the page and its first value moves nothing.
 */
export function HeaderClock() {
  const ref = useRef<HTMLTimeElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    let timer: ReturnType<typeof setTimeout>;
    const tick = () => {
      const now = new Date();
      el.textContent = formatClock(now);
      el.dateTime = now.toISOString();
      timer = setTimeout(tick, 1000 - now.getMilliseconds()); // on the second, not drifting from it
    };
    tick();
    return () => clearTimeout(timer);
  }, []);
  return (
    <span className="header-clock">
      当前时间：<time ref={ref} suppressHydrationWarning />
    </span>
  );
}
