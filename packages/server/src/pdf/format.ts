/* Dutch wording for dates and times in printed documents (pure). */

const MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"];

/** "2026-03-05" → "5 maart 2026"; anything that is not a calendar date is returned as it is. */
export function dutchDate(isoDay: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDay);
  const month = m ? MONTHS[Number(m[2]) - 1] : undefined;
  if (!m || month === undefined) return isoDay;
  return `${Number(m[3])} ${month} ${m[1]}`;
}

const ZONE = "Europe/Amsterdam";

/** An instant as the family reads it in the Netherlands: "dinsdag 1 december 2026" and "14:00 uur". */
export function dutchDateTime(instant: string): { date: string; time: string } {
  const at = new Date(instant);
  if (Number.isNaN(at.getTime())) return { date: instant, time: "" };
  const date = new Intl.DateTimeFormat("nl-NL", { timeZone: ZONE, weekday: "long", day: "numeric", month: "long", year: "numeric" }).format(at);
  const time = new Intl.DateTimeFormat("nl-NL", { timeZone: ZONE, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(at);
  return { date, time: `${time} uur` };
}

/** "Anna", "Anna en Ahmed", "Anna, Ahmed en Sara". */
export function joinDutch(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? "";
  return `${names.slice(0, -1).join(", ")} en ${names[names.length - 1]}`;
}

/** Whole years between a date of birth and a day (both YYYY-MM-DD). */
export function ageOn(dateOfBirth: string, day: string): number {
  const [by, bm, bd] = dateOfBirth.split("-").map(Number);
  const [y, m, d] = day.split("-").map(Number);
  if (by === undefined || bm === undefined || bd === undefined || y === undefined || m === undefined || d === undefined) return 0;
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}
