"use client";

import { useSyncExternalStore } from "react";

const noSubscription = () => () => {};

/**
 * False on the server and during hydration, true afterwards: for markup that depends on
 * the browser (its APIs, window.location) and must match the server's HTML at first.
 * useSyncExternalStore gives exactly that without a setState-in-effect second render pass.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}

/** A browser-only value read after hydration (the server snapshot is `serverValue`). */
export function useBrowserValue<T>(read: () => T, serverValue: T): T {
  return useSyncExternalStore(noSubscription, read, () => serverValue);
}
