// China has one time zone and no daylight saving, so a fixed +8 h offset is
// exact and keeps server and client output identical (no ICU differences).
const BEIJING_OFFSET_MS = 8 * 3600 * 1000;

/** The Beijing wall-clock fields of an instant (for formats this file does not offer, e.g. RFC 822). */
export function beijingParts(d: Date) {
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

/** 08:30:05 in Beijing time — when something just happened today (the editor's 已保存 time). */
export function formatTimeOfDay(d: Date): string {
  const p = beijingParts(d);
  return `${pad(p.h)}:${pad(p.min)}:${pad(p.s)}`;
}

/** ISO → "2017-11-20T08:30" for a datetime-local input showing Beijing time. */
export function toBeijingInput(iso: string | null): string {
  if (!iso) return "";
  const p = beijingParts(new Date(iso));
  return `${p.y}-${pad(p.m)}-${pad(p.d)}T${pad(p.h)}:${pad(p.min)}`;
}

/** 2017-11-20 08:30; "" for a missing or invalid date. */
export function formatDateTime(value: string | Date | null | undefined): string {
  if (value === null || value === undefined || value === "") return "";
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return "";
  const p = beijingParts(d);
  return `${p.y}-${pad(p.m)}-${pad(p.d)} ${pad(p.h)}:${pad(p.min)}`;
}

/**
 * The instant a Beijing calendar day ("2017-11-20") starts, or null when the
 * text is not a real date (2017-02-30 is rejected, not rolled over).
 */
export function beijingDayStart(day: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return null;
  const d = new Date(`${m[1]}-${m[2]}-${m[3]}T00:00:00+08:00`);
  if (Number.isNaN(d.getTime())) return null;
  const p = beijingParts(d);
  if (p.y !== Number(m[1]) || p.m !== Number(m[2]) || p.d !== Number(m[3])) return null;
  return d;
}

/** The instant the Beijing day after `day` starts (exclusive end of an inclusive day range). */
export function beijingDayEnd(day: string): Date | null {
  const start = beijingDayStart(day);
  return start ? new Date(start.getTime() + 24 * 3600 * 1000) : null;
}

/** "2017-11-20": the Beijing calendar day, the unit of the daily statistics. */
export function beijingDay(d: Date): string {
  return new Date(d.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 10);
}

/** The calendar day `n` days after (or before, n < 0) "2017-11-20". */
export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

/**
 * "2017-11-20T08:30" / "2017-11-20 08:30:05" / "2017-11-20" read as Beijing wall-clock
 * time, or null when it is not a real moment (2017-02-30, 24:10 are rejected, never rolled over).
 */
export function parseBeijingDateTime(text: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(text.trim());
  if (!m) return null;
  const start = beijingDayStart(`${m[1]}-${m[2]}-${m[3]}`);
  const [h, min, s] = [Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)];
  if (!start || h > 23 || min > 59 || s > 59) return null;
  return new Date(start.getTime() + ((h * 60 + min) * 60 + s) * 1000);
}
