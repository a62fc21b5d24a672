import { beijingDay } from "../format/date";

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Working days an unanswered message has waited: the Monday–Friday Beijing
 * calendar days after the day it arrived, up to and including today. A
 * message sent on Friday evening is 1 working day old on Monday; one sent
 * today is 0.
 *
 * Public holidays and the make-up working weekends (调休) of the State
 * Council calendar are NOT modelled: they change every year and would need
 * a maintained table. Around holidays the age therefore reads high.
 */
export function workingDaysSince(from: Date, now = new Date()): number {
  const start = Date.parse(`${beijingDay(from)}T00:00:00Z`);
  const end = Date.parse(`${beijingDay(now)}T00:00:00Z`);
  if (!(end > start)) return 0;
  const days = Math.round((end - start) / DAY_MS);
  // Whole weeks contribute five each; walk only the remainder.
  let count = Math.floor(days / 7) * 5;
  for (let t = start + Math.floor(days / 7) * 7 * DAY_MS + DAY_MS; t <= end; t += DAY_MS) {
    const wd = new Date(t).getUTCDay();
    if (wd !== 0 && wd !== 6) count++;
  }
  return count;
}

/** Overdue: still waiting for a reply and older than the limit set in 网站设置. */
export function isOverdue(status: string, createdAt: Date, limitDays: number, now = new Date()): boolean {
  return status === "new" && workingDaysSince(createdAt, now) > limitDays;
}
