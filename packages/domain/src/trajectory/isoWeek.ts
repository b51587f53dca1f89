import { addDays, dayNumber, fromDayNumber, isoWeekday, parseIsoDay, type IsoDay } from "./calendar.ts";

/** An ISO 8601 week: weeks start on Monday; week 1 holds the year's first Thursday. */
export interface IsoWeek {
  year: number;
  week: number;
}

/** The ISO week a date falls in; 2021-01-03 is in 2020-W53, 2024-12-30 in 2025-W01. */
export function isoWeekOf(date: IsoDay): IsoWeek {
  const thursday = addDays(date, 4 - isoWeekday(date));
  const year = Number(thursday.slice(0, 4));
  const week = Math.floor((dayNumber(thursday) - dayNumber(`${thursday.slice(0, 4)}-01-01`)) / 7) + 1;
  return { year, week };
}

/** 53 when the year starts on a Thursday, or is a leap year starting on a Wednesday; else 52. */
export function weeksInIsoYear(year: number): 52 | 53 {
  return isoWeekOf(`${String(year).padStart(4, "0")}-12-28`).week === 53 ? 53 : 52;
}

export function isValidIsoWeek(w: IsoWeek): boolean {
  return Number.isInteger(w.year) && Number.isInteger(w.week) && w.year >= 1 && w.year <= 9999 && w.week >= 1 && w.week <= weeksInIsoYear(w.year);
}

/** The Monday that starts the week. */
export function isoWeekStart(w: IsoWeek): IsoDay {
  const jan4 = `${String(w.year).padStart(4, "0")}-01-04`;
  const mondayOfWeek1 = addDays(jan4, 1 - isoWeekday(jan4));
  return addDays(mondayOfWeek1, (w.week - 1) * 7);
}

/** The Sunday that ends the week. */
export function isoWeekEnd(w: IsoWeek): IsoDay {
  return addDays(isoWeekStart(w), 6);
}

export function addIsoWeeks(w: IsoWeek, weeks: number): IsoWeek {
  return isoWeekOf(addDays(isoWeekStart(w), weeks * 7));
}

export function compareIsoWeeks(a: IsoWeek, b: IsoWeek): number {
  return a.year !== b.year ? a.year - b.year : a.week - b.week;
}

/** "2020-W53". */
export function formatIsoWeek(w: IsoWeek): string {
  return `${String(w.year).padStart(4, "0")}-W${String(w.week).padStart(2, "0")}`;
}

/** Reads "2020-W53" (or "2020W53"); null when the week does not exist in that year. */
export function parseIsoWeek(text: string): IsoWeek | null {
  const m = /^(\d{4})-?W(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const w = { year: Number(m[1]), week: Number(m[2]) };
  return isValidIsoWeek(w) ? w : null;
}

/** Every ISO week that has at least one day in [from, to], in order; empty when to < from. */
export function isoWeeksBetween(from: IsoDay, to: IsoDay): IsoWeek[] {
  if (parseIsoDay(from) === null || parseIsoDay(to) === null) throw new RangeError(`not calendar dates: '${from}', '${to}'`);
  const out: IsoWeek[] = [];
  if (to < from) return out;
  const last = dayNumber(to);
  for (let monday = dayNumber(addDays(from, 1 - isoWeekday(from))); monday <= last; monday += 7) {
    out.push(isoWeekOf(fromDayNumber(monday)));
  }
  return out;
}
