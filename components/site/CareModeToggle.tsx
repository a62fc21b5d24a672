"use client";

export const CARE_MODE_KEY = "care-mode";

/**
 * 关怀模式 (elder-friendly mode): larger text and targets, wider lines and a
 * high-contrast palette for the whole site. The switch is an attribute on
 * <html>, set before first paint by the root layout's inline script, so every
 * page opens in the remembered mode without a flash. Both labels are in the
 * markup and CSS shows the one matching that attribute, so the button always
 * says what it will do (关怀模式 / 退出关怀模式), even before hydration. No
 * aria-pressed: a label that changes with the state already tells it, and
 * both together would read "退出关怀模式, pressed".
 */
export function CareModeToggle() {
  function toggle() {
    const next = document.documentElement.dataset.care !== "on";
    if (next) document.documentElement.dataset.care = "on";
    else delete document.documentElement.dataset.care;
    try {
      if (next) localStorage.setItem(CARE_MODE_KEY, "on");
      else localStorage.removeItem(CARE_MODE_KEY);
    } catch {
      /* private mode: the choice still applies to this page */
    }
  }

  return (
    <button type="button" className="care-toggle" onClick={toggle}>
      <span className="care-off-label">关怀模式</span>
      <span className="care-on-label">退出关怀模式</span>
    </button>
  );
}
