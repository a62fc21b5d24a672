"use client";

import { useState } from "react";
import { useBrowserValue } from "@/components/hooks/useHydrated";

const SIZES = [
  { key: "l", label: "大", name: "大号字体" },
  { key: "m", label: "中", name: "中号字体" },
  { key: "s", label: "小", name: "小号字体" },
] as const;
type Size = (typeof SIZES)[number]["key"];

/**
 * 【字体：大 中 小】. The size is an attribute on <html> (set before paint by
 * the root layout's inline script), so it applies on every page, and the
 * highlighted button follows that attribute in CSS from first paint. The server
 * renders 中 as pressed, the default; aria-pressed is corrected after hydration
 * only for a visitor who chose another size (most never do, and their pages then
 * hydrate without a second render).
 */
export function FontSizeSwitch() {
  const [chosen, setChosen] = useState<Size | null>(null);
  const stored = useBrowserValue<Size>(() => (document.documentElement.getAttribute("data-article-font") as Size | null) ?? "m", "m");
  const current = chosen ?? stored;

  function choose(size: Size) {
    document.documentElement.setAttribute("data-article-font", size);
    try {
      localStorage.setItem("article-font", size);
    } catch {
      /* private mode: the choice still applies to this page */
    }
    setChosen(size);
  }

  return (
    <span className="font-switch" role="group" aria-label="正文字号">
      【 字体：
      {SIZES.map((s) => (
        <button key={s.key} type="button" data-size={s.key} aria-label={s.name} aria-pressed={current === s.key} onClick={() => choose(s.key)}>
          {s.label}
        </button>
      ))}
      】
    </span>
  );
}
