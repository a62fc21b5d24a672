"use client";

import { useSyncExternalStore } from "react";
import { formatClock } from "@/lib/format/date";

const everySecond = (tick: () => void) => {
  const timer = setInterval(tick, 1000);
  return () => clearInterval(timer);
};
// The same number for every read within a second, as useSyncExternalStore requires.
const currentSecond = () => Math.floor(Date.now() / 1000);

/** Ticks on the client only: the cached HTML must not carry a frozen time. */
export function HeaderClock() {
  const second = useSyncExternalStore(everySecond, currentSecond, () => null);
  const now = second === null ? null : new Date(second * 1000);
  return (
    <span className="header-clock">
      当前时间：<time suppressHydrationWarning dateTime={now?.toISOString()}>{now ? formatClock(now) : ""}</time>
    </span>
  );
}
