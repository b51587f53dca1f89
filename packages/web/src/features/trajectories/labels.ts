import {
  CHECK_RESULT_LABELS,
  COERCION_LABELS,
  PHASE_LABELS,
  REFERRAL_CHECK_LABELS,
  REFERRER_KIND_LABELS,
  STABILITY_ITEM_LABELS,
  TRANSITION_KIND_LABELS,
  URGENCY_LABELS,
  type DeadlineView,
  type LocalizedText,
} from "@ploegwerk/domain";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n/format.ts";

/** The fields of the nazorgplan that a refusal may name as missing ("aftercarePlan.handoverTo"). */
const AFTERCARE_FIELDS = ["contactPersonName", "contactOrganisation", "contactEveryWeeks", "handoverTo", "relapseAgreement", "startsOn"] as const;
type AftercareField = (typeof AFTERCARE_FIELDS)[number];

function labelIn<K extends string>(labels: Readonly<Record<K, LocalizedText>>, key: string): LocalizedText | undefined {
  return Object.hasOwn(labels, key) ? labels[key as K] : undefined;
}

export type DeadlineState = "met" | "running" | "today" | "overdue";

export function deadlineState(d: DeadlineView): DeadlineState {
  if (d.met) return "met";
  if (d.overdue) return "overdue";
  return d.daysRemaining === 0 ? "today" : "running";
}

/** Labels of the domain's keys in the chosen language, and the countdown of a deadline. */
export function useTrajectoryLabels() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const text = (labels: Readonly<Record<string, LocalizedText>>, key: string) => fmt.text(labels[key]) || key;
  return {
    phase: (key: string) => text(PHASE_LABELS, key),
    kind: (key: string) => text(TRANSITION_KIND_LABELS, key),
    check: (key: string) => text(REFERRAL_CHECK_LABELS, key),
    checkResult: (key: string) => text(CHECK_RESULT_LABELS, key),
    referrerKind: (key: string) => text(REFERRER_KIND_LABELS, key),
    urgency: (key: string) => text(URGENCY_LABELS, key),
    coercion: (key: string) => text(COERCION_LABELS, key),
    /** "nog 9 dagen", "vandaag", "3 dagen te laat", "afgerond". */
    countdown(d: DeadlineView): string {
      switch (deadlineState(d)) {
        case "met":
          return t("deadlines.met");
        case "overdue":
          return t("deadlines.late", { count: -d.daysRemaining });
        case "today":
          return t("deadlines.today");
        default:
          return t("deadlines.left", { count: d.daysRemaining });
      }
    },
    /** A key in a refusal's details: an open check, a stabilisation item or a missing nazorgplan field. */
    detail(key: string): string {
      const known = labelIn(REFERRAL_CHECK_LABELS, key) ?? labelIn(STABILITY_ITEM_LABELS, key);
      if (known) return fmt.text(known);
      const field = key.replace(/^aftercarePlan\./, "");
      if ((AFTERCARE_FIELDS as readonly string[]).includes(field)) return t(`phaseChange.aftercareFields.${field as AftercareField}`);
      return key;
    },
    /** An instant (ISO 8601) as "3 november 2026 om 14:00" in the user's time zone. */
    dateTime(iso: string | null | undefined): string {
      if (!iso) return "–";
      const d = new Date(iso);
      if (Number.isNaN(d.getTime())) return iso;
      return new Intl.DateTimeFormat(fmt.locale, { dateStyle: "long", timeStyle: "short" }).format(d);
    },
  };
}

/** A local date and time from the date and time inputs as ISO 8601 with the browser's offset: "2026-11-30T14:00:00+01:00". */
export function localDateTimeIso(date: string, time: string): string {
  const hhmm = time.slice(0, 5);
  const local = new Date(`${date}T${hhmm}:00`);
  const offset = -local.getTimezoneOffset();
  const sign = offset >= 0 ? "+" : "-";
  const pad = (n: number) => String(Math.floor(Math.abs(n))).padStart(2, "0");
  return `${date}T${hhmm}:00${sign}${pad(offset / 60)}:${pad(offset % 60)}`;
}

export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
export const TIME = /^\d{2}:\d{2}/;
