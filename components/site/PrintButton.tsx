"use client";

export function PrintButton() {
  return (
    <button type="button" className="tool-button" onClick={() => window.print()}>
      打印本页
    </button>
  );
}
