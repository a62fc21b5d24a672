"use client";

import { useEffect, useState } from "react";
import { formatClock } from "@/lib/format/date";

/** Ticks on the client only: the cached HTML must not carry a frozen time. */
export function HeaderClock() {
  const [now, setNow] = useState<Date | null>(null);
  useEffect(() => {
    setNow(new Date());
    const timer = setInterval(() => setNow(new Date()), 1000);
    return () => clearInterval(timer);
  }, []);
  return (
    <span className="header-clock">
      当前时间：<time suppressHydrationWarning dateTime={now?.toISOString()}>{now ? formatClock(now) : ""}</time>
    </span>
  );
}
