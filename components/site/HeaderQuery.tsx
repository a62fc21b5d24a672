"use client";

import { useEffect } from "react";
import { HEADER_SEARCH_ID } from "./SearchBox";

/**
 * On the results page, the header's box shows the query too. The header belongs to the shared, cached
 * layout, which cannot read the query, so the results page (rendered per request) fills it in here —
 * unless the visitor already typed something. Reading the query in the header itself (useSearchParams)
 * made every cached page render that part of the header again on the client after hydration.
 */
export function HeaderQuery({ q }: { q: string }) {
  useEffect(() => {
    const box = document.getElementById(HEADER_SEARCH_ID);
    if (box instanceof HTMLInputElement && !box.value) box.value = q;
  }, [q]);
  return null;
}
