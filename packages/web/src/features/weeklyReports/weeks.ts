import { addIsoWeeks, compareIsoWeeks, formatIsoWeek, isoWeekOf, isoWeekView, type IsoWeekView, type WeeklyReportList } from "@ploegwerk/domain";
import { useTranslation } from "react-i18next";
import { todayIso, useFormat } from "../../i18n/format.ts";

/** "week 47 (16–22 november 2026)"; `.heading` capitalised, for a heading. */
export function useWeekLabel() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const range = (w: Pick<IsoWeekView, "startsOn" | "endsOn">) => {
    const day = (iso: string) => new Date(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
    const f = new Intl.DateTimeFormat(fmt.locale, { day: "numeric", month: "long", year: "numeric" });
    return f.formatRange(day(w.startsOn), day(w.endsOn));
  };
  type W = Pick<IsoWeekView, "week" | "startsOn" | "endsOn">;
  const label = (w: W) => t("weeklyReport.weekLabel", { week: w.week, range: range(w) });
  return Object.assign(label, { heading: (w: W) => t("weeklyReport.weekHeading", { week: w.week, range: range(w) }) });
}

export interface WeekChoice {
  view: IsoWeekView;
  kind: "current" | "previous" | "missing";
}

/**
 * The weeks a new weekoverzicht can be about: this week, last week, and every week that is
 * missing, newest first, leaving out weeks that already have one.
 */
export function weekChoices(list: WeeklyReportList): WeekChoice[] {
  const current = isoWeekOf(todayIso());
  const previous = addIsoWeeks(current, -1);
  const written = new Set(list.items.map((r) => r.label));
  const out = new Map<string, WeekChoice>();
  for (const m of list.missingWeeks) out.set(m.label, { view: m, kind: "missing" });
  for (const [w, kind] of [[previous, "previous"], [current, "current"]] as const) {
    const label = formatIsoWeek(w);
    if (!written.has(label)) out.set(label, { view: isoWeekView(w), kind: out.has(label) ? "missing" : kind });
  }
  return [...out.values()].sort((a, b) => compareIsoWeeks(b.view, a.view));
}
