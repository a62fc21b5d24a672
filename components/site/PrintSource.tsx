"use client";

import { useSyncExternalStore } from "react";
import { useBrowserValue } from "@/components/hooks/useHydrated";
import { formatClock } from "@/lib/format/date";

// The time shown: taken when first read after hydration, renewed as printing starts.
let stamp: string | null = null;
const printTime = () => (stamp ??= formatClock(new Date()));
const onBeforePrint = (changed: () => void) => {
  const renew = () => {
    stamp = formatClock(new Date());
    changed();
  };
  window.addEventListener("beforeprint", renew);
  return () => window.removeEventListener("beforeprint", renew);
};

/**
 * The print-only line under a printed article: where it came from and when.
 * An ISR page is rendered once for every visitor, so the absolute address and
 * the print time come from the browser after hydration; the server (and the
 * first client render) show the site-relative path, so the markup matches.
 */
export function PrintSource({ path, publishedOn }: { path: string; publishedOn: string }) {
  const url = useBrowserValue(() => new URL(path, window.location.origin).href, path);
  const printedAt = useSyncExternalStore(onBeforePrint, printTime, () => null);

  return (
    <p className="print-only print-source">
      <span>{`本文地址：${url}`}</span>
      <span>{`发布日期：${publishedOn}`}</span>
      {printedAt && <span>{`打印时间：${printedAt}`}</span>}
    </p>
  );
}
