"use client";

import { useEffect, useState } from "react";

export const CARE_MODE_KEY = "care-mode";

/**
 * 关怀模式 (elder-friendly mode): larger text and targets, wider lines and a
 * high-contrast palette for the whole site. The switch is an attribute on
 * <html>, set before first paint by the root layout's inline script, so every
 * page opens in the remembered mode without a flash. Both labels are in the
 * markup and CSS shows the one matching that attribute, so the text is right
 * even before hydration; the pressed state is read after mount, keeping
 * server and client markup identical.
 */
export function CareModeToggle() {
  const [on, setOn] = useState(false);
  useEffect(() => {
    setOn(document.documentElement.dataset.care === "on");
  }, []);

  function toggle() {
    const next = !on;
    if (next) document.documentElement.dataset.care = "on";
    else delete document.documentElement.dataset.care;
    try {
      if (next) localStorage.setItem(CARE_MODE_KEY, "on");
      else localStorage.removeItem(CARE_MODE_KEY);
    } catch {
      /* private mode: the choice still applies to this page */
    }
    setOn(next);
  }

  return (
    <button type="button" className="care-toggle" aria-pressed={on} onClick={toggle}>
      <span className="care-off-label">关怀模式</span>
      <span className="care-on-label">退出关怀模式</span>
    </button>
  );
}
