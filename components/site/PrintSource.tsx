"use client";

import { useSyncExternalStore } from "react";
import { formatClock } from "@/lib/format/date";

/** Filled in when printing starts, then kept: the page's origin and the print time. */
let printing: { origin: string; printedAt: string } | null = null;

function subscribePrint(changed: () => void) {
  const media = window.matchMedia("print");
  const start = () => {
    printing = { origin: window.location.origin, printedAt: formatClock(new Date()) };
    changed();
  };
  const onMedia = () => {
    if (media.matches) start();
  };
  window.addEventListener("beforeprint", start);
  media.addEventListener("change", onMedia);
  return () => {
    window.removeEventListener("beforeprint", start);
    media.removeEventListener("change", onMedia);
  };
}

/**
 * The print-only line under a printed article: where it came from and when.
 * An ISR page is rendered once for every visitor, so the absolute address and
 * the print time come from the browser — when printing starts (beforeprint, or
 * the print media query for print previews that skip the event). Until then it
 * shows what the server rendered, so hydration renders nothing twice.
 */
export function PrintSource({ path, publishedOn }: { path: string; publishedOn: string }) {
  const print = useSyncExternalStore(subscribePrint, () => printing, () => null);

  return (
    <p className="print-only print-source">
      <span>{`本文地址：${print ? new URL(path, print.origin).href : path}`}</span>
      <span>{`发布日期：${publishedOn}`}</span>
      {print && <span>{`打印时间：${print.printedAt}`}</span>}
    </p>
  );
}
