"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { SearchBox } from "./SearchBox";

/** The header box, showing the current query on the results page. */
export function HeaderSearch() {
  const params = useSearchParams();
  const onSearch = usePathname() === "/search";
  return <SearchBox key={onSearch ? params.get("q") ?? "" : ""} defaultValue={onSearch ? params.get("q") ?? "" : ""} />;
}
