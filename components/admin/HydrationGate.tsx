"use client";

import { useHydrated } from "@/components/hooks/useHydrated";

/**
 * Keeps every form control of the admin disabled until React has hydrated:
 * text typed into server-rendered inputs before that would be overwritten by
 * the forms' state, and an editor must never lose what they typed.
 */
export function HydrationGate({ children }: { children: React.ReactNode }) {
  const hydrated = useHydrated();
  return (
    <fieldset className="adm-gate" disabled={!hydrated} data-hydrated={hydrated || undefined}>
      {children}
    </fieldset>
  );
}
