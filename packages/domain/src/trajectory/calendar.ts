/**
 * Calendar arithmetic on plain dates ("YYYY-MM-DD"), as the method counts: days and months on the
 * calendar, never hours. Dates map to a day number (days since 1970-01-01) through UTC, so no local
 * time zone or daylight-saving change can shift a deadline.
 */

/** A calendar date as YYYY-MM-DD. */
export type IsoDay = string;

const DAY_MS = 86_400_000;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Year, month (1–12) and day of a valid date, or null for anything else ("2023-02-29", "2024-1-5"). */
export function parseIsoDay(date: string): { year: number; month: number; day: number } | null {
  const m = ISO_DAY.exec(date);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

export function isIsoDay(date: string): boolean {
  return parseIsoDay(date) !== null;
}

function parts(date: IsoDay): { year: number; month: number; day: number } {
  const p = parseIsoDay(date);
  if (!p) throw new RangeError(`not a calendar date (YYYY-MM-DD): '${date}'`);
  return p;
}

/** Days since 1970-01-01 (negative before). */
export function dayNumber(date: IsoDay): number {
  const { year, month, day } = parts(date);
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day); // setUTCFullYear, unlike Date.UTC, keeps years 1–99 as they are
  return Math.round(d.getTime() / DAY_MS);
}

export function fromDayNumber(n: number): IsoDay {
  const d = new Date(n * DAY_MS);
  const y = String(d.getUTCFullYear()).padStart(4, "0");
  const m = String(d.getUTCMonth() + 1).padStart(2, "0");
  const day = String(d.getUTCDate()).padStart(2, "0");
  return `${y}-${m}-${day}`;
}

export function addDays(date: IsoDay, days: number): IsoDay {
  return fromDayNumber(dayNumber(date) + days);
}

/** Whole days from `from` to `to`: positive when `to` is later, 0 on the same day. */
export function daysBetween(from: IsoDay, to: IsoDay): number {
  return dayNumber(to) - dayNumber(from);
}

/**
 * Calendar months later (or earlier, for a negative count). A day that does not exist in the
 * target month becomes that month's last day: 2024-08-31 + 6 months = 2025-02-28.
 */
export function addMonths(date: IsoDay, months: number): IsoDay {
  const { year, month, day } = parts(date);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  const d = Math.min(day, daysInMonth(y, m));
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: IsoDay): number {
  // 1970-01-01 was a Thursday (4).
  return ((((dayNumber(date) + 3) % 7) + 7) % 7) + 1;
}

export function maxDay(a: IsoDay, b: IsoDay): IsoDay {
  return a >= b ? a : b;
}

export function minDay(a: IsoDay, b: IsoDay): IsoDay {
  return a <= b ? a : b;
}
