import { beijingDay } from "../format/date";

const DAY_MS = 86_400_000;

/**
 * The demo articles were written in 2017. Seeded as they are, a fresh demo
 * would fail its own 网站健康检查 (home page and 要闻 not updated for years).
 * They keep their spacing and time of day but move forward in whole days so
 * the newest was published yesterday (Beijing calendar) relative to the day
 * of seeding. The original seed page's article keeps its real date.
 */
export function demoDayShift(newestLocal: string, today = new Date()): number {
  const newestDay = Date.parse(`${newestLocal.slice(0, 10)}T00:00:00Z`);
  const todayDay = Date.parse(`${beijingDay(today)}T00:00:00Z`);
  return Math.round((todayDay - newestDay) / DAY_MS) - 1;
}

export function shiftDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS);
}
