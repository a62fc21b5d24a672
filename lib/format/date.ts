// China has one time zone and no daylight saving, so a fixed +8 h offset is
// exact and keeps server and client output identical (no ICU differences).
const BEIJING_OFFSET_MS = 8 * 3600 * 1000;

function beijingParts(d: Date) {
  const b = new Date(d.getTime() + BEIJING_OFFSET_MS);
  return {
    y: b.getUTCFullYear(),
    m: b.getUTCMonth() + 1,
    d: b.getUTCDate(),
    h: b.getUTCHours(),
    min: b.getUTCMinutes(),
    s: b.getUTCSeconds(),
    wd: b.getUTCDay(),
  };
}

const pad = (n: number) => String(n).padStart(2, "0");

/** 2017-11-20 */
export function formatDate(iso: string | Date): string {
  const p = beijingParts(new Date(iso));
  return `${p.y}-${pad(p.m)}-${pad(p.d)}`;
}

const WEEKDAYS = ["日", "一", "二", "三", "四", "五", "六"];

/** 2017年11月20日 星期一 08:30:05 — the header clock. */
export function formatClock(d: Date): string {
  const p = beijingParts(d);
  return `${p.y}年${p.m}月${p.d}日 星期${WEEKDAYS[p.wd]} ${pad(p.h)}:${pad(p.min)}:${pad(p.s)}`;
}

/** ISO → "2017-11-20T08:30" for a datetime-local input showing Beijing time. */
export function toBeijingInput(iso: string | null): string {
  if (!iso) return "";
  const p = beijingParts(new Date(iso));
  return `${p.y}-${pad(p.m)}-${pad(p.d)}T${pad(p.h)}:${pad(p.min)}`;
}

/** 2017-11-20 08:30 */
export function formatDateTime(iso: string | Date): string {
  const p = beijingParts(new Date(iso));
  return `${p.y}-${pad(p.m)}-${pad(p.d)} ${pad(p.h)}:${pad(p.min)}`;
}
