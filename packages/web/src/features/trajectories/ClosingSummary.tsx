import type { Trajectory } from "@ploegwerk/domain";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api } from "../../api/endpoints.ts";
import { keys } from "../../api/queryKeys.ts";
import { Section } from "../../components/Page.tsx";
import { LoadError, Loading } from "../../components/QueryState.tsx";
import { useFormat } from "../../i18n/format.ts";
import { FactList } from "./FactList.tsx";
import { useTrajectoryLabels } from "./labels.ts";

/** Afronding en nazorg at a glance (read-only): the stabilisatiecheck, the nazorgplan and, in nazorg, the check-ins. */
export function ClosingSummary({ trajectory, inAftercare }: { trajectory: Trajectory; inAftercare: boolean }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const labels = useTrajectoryLabels();
  const closing = useQuery({ queryKey: keys.closing(trajectory.id), queryFn: () => api.closingRecord(trajectory.id) });
  const checkins = useQuery({ queryKey: keys.aftercareCheckins(trajectory.id), queryFn: () => api.aftercareCheckins(trajectory.id), enabled: inAftercare });
  return (
    <Section id="closing-summary" title={t("summaries.closing.title")}>
      {closing.isPending ? <Loading /> : closing.isError ? <LoadError error={closing.error} retry={() => void closing.refetch()} /> : (() => {
        const c = closing.data;
        const a = c.stabilityAssessment;
        const stability = !c.stabilityCheck || !a
          ? t("summaries.closing.noCheck")
          : a.stabilised
            ? t("summaries.closing.stable", { date: fmt.date(c.stabilityCheck.completedOn) })
            : t("summaries.closing.notStable", { date: fmt.date(c.stabilityCheck.completedOn) });
        const openItems = a ? [...a.unanswered, ...a.wronglyNotApplicable, ...a.notStable] : [];
        const plan = !c.aftercarePlan
          ? t("summaries.closing.noPlan")
          : c.aftercarePlanGaps.length === 0
            ? t("summaries.closing.planComplete", { who: c.aftercarePlan.contactPersonName ?? "", weeks: c.aftercarePlan.contactEveryWeeks ?? 0 })
            : t("summaries.closing.planGaps", { count: c.aftercarePlanGaps.length });
        const rows: [string, string][] = [
          [t("summaries.closing.stability"), stability],
          [t("summaries.closing.aftercarePlan"), plan],
        ];
        const ci = checkins.data;
        if (inAftercare && ci) {
          rows.push([t("summaries.closing.checkins"), t("summaries.closing.checkinCount", { count: ci.items.length })]);
          rows.push([t("summaries.closing.nextCheckin"), ci.nextCheckinDue ? `${fmt.date(ci.nextCheckinDue)}${ci.nextCheckinOverdue ? ` – ${t("summaries.closing.late")}` : ""}` : "–"]);
        }
        return (
          <>
            <FactList rows={rows} testId="closing-summary" />
            {openItems.length > 0 ? (
              <>
                <p className="utrecht-paragraph">{t("summaries.closing.openItems")}</p>
                <ul className="utrecht-unordered-list pw-compact-list">
                  {openItems.map((item) => <li key={item} className="utrecht-unordered-list__item">{labels.detail(item)}</li>)}
                </ul>
              </>
            ) : null}
            {inAftercare && ci?.relapseSignalled ? (
              <p className="utrecht-paragraph pw-flag pw-flag--late">
                <span className="pw-deadline__icon" aria-hidden="true">!</span> {t("summaries.closing.relapse", { date: fmt.date(ci.relapseSince) })}
              </p>
            ) : null}
          </>
        );
      })()}
    </Section>
  );
}
