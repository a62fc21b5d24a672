"use client";

export function PrintReportButton() {
  return (
    <button type="button" className="adm-btn" onClick={() => window.print()}>
      打印报告
    </button>
  );
}
