"use client";

import { useSyncExternalStore } from "react";

/**
 * The live numbers of the current page (article views, site visitors), fed
 * by one beacon request per page view and read by any component that shows
 * them. A tiny external store instead of context: the footer and the article
 * meta row sit in different server-rendered trees.
 */
export interface LiveCounts {
  views: number | null;
  visitors: number | null;
}

let state: LiveCounts = { views: null, visitors: null };
const listeners = new Set<() => void>();

export function setLiveCounts(next: Partial<LiveCounts>): void {
  state = { ...state, ...next };
  listeners.forEach((l) => l());
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const serverSnapshot: LiveCounts = { views: null, visitors: null };

export function useLiveCounts(): LiveCounts {
  return useSyncExternalStore(subscribe, () => state, () => serverSnapshot);
}
