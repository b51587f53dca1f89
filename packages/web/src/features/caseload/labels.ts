import { parseIsoWeek, type CaseloadOverview, type LoadStatus } from "@ploegwerk/domain";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n/format.ts";

export type SignalView = CaseloadOverview["families"][number]["signals"][number];

/** Where the coach acts on a signal: the page of the record that is late or missing. */
export function signalHref(signal: SignalView, trajectoryId: string | undefined): string {
  if (!trajectoryId) return `/gezinnen/${signal.familyId}`;
  switch (signal.code) {
    case "weekly_reports_missing":
      return `/trajecten/${trajectoryId}/weekoverzichten`;
    case "actions_overdue":
    case "plan_signature_overdue":
      return `/trajecten/${trajectoryId}/gezinsplan`;
    case "relapse":
    case "aftercare_contact_overdue":
      return `/trajecten/${trajectoryId}/afronding`;
    default:
      return `/trajecten/${trajectoryId}`;
  }
}

/** Words for the caseload overview: the load against the norm and what a signal is about. */
export function useCaseloadLabels() {
  const { t } = useTranslation();
  const fmt = useFormat();
  return {
    loadStatus: (status: LoadStatus) => t(`caseloadOverview.loadStatus.${status}`),
    /** "2 weekoverzichten ontbreken" as the server words it, in the chosen language. */
    signal: (s: SignalView) => (fmt.lang === "en" ? s.message.en : s.message.nl),
    /** The extra line under a signal: the weeks missing, the feedback owed, the date it was due. */
    signalDetail(s: SignalView): string {
      if (s.code === "weekly_reports_missing") {
        const weeks = s.details.map((d) => {
          const w = parseIsoWeek(d);
          return w ? t("caseloadOverview.week", { week: w.week, year: w.year }) : d;
        });
        return t("caseloadOverview.missingWeeks", { weeks: weeks.join(", ") });
      }
      if (s.code === "referrer_feedback_owed") {
        const topics = s.details.map((d) => (d === "decision" || d === "start" ? t(`caseloadOverview.feedbackTopic.${d}`) : d));
        return t("caseloadOverview.feedbackOwed", { topics: topics.join(", ") });
      }
      if (s.code === "relapse") return t("caseloadOverview.reportedOn", { date: fmt.date(s.dueOn) });
      return s.daysOverdue > 0 ? t("caseloadOverview.dueOnLate", { date: fmt.date(s.dueOn), count: s.daysOverdue }) : t("caseloadOverview.dueOn", { date: fmt.date(s.dueOn) });
    },
  };
}
