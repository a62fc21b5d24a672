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
 * the root layout's inline script), so it applies on every page; the pressed
 * state is read after mount to keep server and client markup identical.
 */
export function FontSizeSwitch() {
  const [chosen, setChosen] = useState<Size | null>(null);
  const stored = useBrowserValue<Size | null>(() => (document.documentElement.getAttribute("data-article-font") as Size | null) ?? "m", null);
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
        <button key={s.key} type="button" aria-label={s.name} aria-pressed={current === s.key} onClick={() => choose(s.key)}>
          {s.label}
        </button>
      ))}
      】
    </span>
  );
}
