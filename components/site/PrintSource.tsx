"use client";

import { useEffect, useState } from "react";
import { formatClock } from "@/lib/format/date";

/**
 * The print-only line under a printed article: where it came from and when.
 * An ISR page is rendered once for every visitor, so the absolute address and
 * the print time come from the browser after hydration; the server (and the
 * first client render) show the site-relative path, so the markup matches.
 */
export function PrintSource({ path, publishedOn }: { path: string; publishedOn: string }) {
  const [url, setUrl] = useState(path);
  const [printedAt, setPrintedAt] = useState<string | null>(null);

  useEffect(() => {
    setUrl(new URL(path, window.location.origin).href);
    const stamp = () => setPrintedAt(formatClock(new Date()));
    stamp();
    window.addEventListener("beforeprint", stamp);
    return () => window.removeEventListener("beforeprint", stamp);
  }, [path]);

  return (
    <p className="print-only print-source">
      <span>{`本文地址：${url}`}</span>
      <span>{`发布日期：${publishedOn}`}</span>
      {printedAt && <span>{`打印时间：${printedAt}`}</span>}
    </p>
  );
}
