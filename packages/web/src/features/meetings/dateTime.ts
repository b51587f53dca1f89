import { useFormat } from "../../i18n/format.ts";

/** A date and time from the date and time inputs as ISO 8601 with the browser's offset: "2026-11-30T14:00:00+01:00". */
export function localDateTimeIso(date: string, time: string): string {
  const hhmm = time.slice(0, 5);
  const local = new Date(`${date}T${hhmm}:00`);
  const offset = -local.getTimezoneOffset();
  const sign = offset >= 0 ? "+" : "-";
  const pad = (n: number) => String(Math.floor(Math.abs(n))).padStart(2, "0");
  return `${date}T${hhmm}:00${sign}${pad(offset / 60)}:${pad(offset % 60)}`;
}

/** The date and time inputs' values for an instant, in the browser's time zone. */
export function localParts(iso: string): { date: string; time: string } {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, "0");
  return { date: `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`, time: `${pad(d.getHours())}:${pad(d.getMinutes())}` };
}

/** "3 december 2026 om 14:00". */
export function useDateTime() {
  const fmt = useFormat();
  return (iso: string | null | undefined): string => {
    if (!iso) return "–";
    const d = new Date(iso);
    if (Number.isNaN(d.getTime())) return iso;
    return new Intl.DateTimeFormat(fmt.locale, { dateStyle: "long", timeStyle: "short" }).format(d);
  };
}
