"use client";

import { useLiveCounts, type LiveCounts } from "./live-counts";

/** Shows one live counter; blank (not 0) until the number has arrived. */
export function LiveNumber({ name }: { name: keyof LiveCounts }) {
  const value = useLiveCounts()[name];
  return (
    <span className="live-number" data-live={name} aria-live="polite">
      {value ?? ""}
    </span>
  );
}
