import type { Trajectory } from "@ploegwerk/domain";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api } from "../../api/endpoints.ts";
import { keys } from "../../api/queryKeys.ts";
import { Section } from "../../components/Page.tsx";
import { LoadError, Loading } from "../../components/QueryState.tsx";
import { useFormat } from "../../i18n/format.ts";
import { FactList } from "./FactList.tsx";

/** Weekoverzichten at a glance (read-only): the latest week written and the weeks still missing. */
export function WeeklyReportsSummary({ trajectory }: { trajectory: Trajectory }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const reports = useQuery({ queryKey: keys.weeklyReports(trajectory.id), queryFn: () => api.weeklyReports(trajectory.id) });
  return (
    <Section id="weekly-summary" title={t("summaries.weekly.title")}>
      {reports.isPending ? <Loading /> : reports.isError ? <LoadError error={reports.error} retry={() => void reports.refetch()} /> : (() => {
        const { items, missingWeeks } = reports.data;
        const latest = items[0];
        const rows: [string, string][] = [
          [t("summaries.weekly.written"), t("summaries.weekly.writtenCount", { count: items.length })],
          [t("summaries.weekly.latest"), latest ? t("summaries.weekly.week", { label: latest.label, from: fmt.date(latest.startsOn), to: fmt.date(latest.endsOn) }) : t("summaries.weekly.noneYet")],
        ];
        return (
          <>
            <FactList rows={rows} testId="weekly-summary" />
            {missingWeeks.length > 0 ? (
              <div className="pw-flag pw-flag--late">
                <p className="utrecht-paragraph">
                  <span className="pw-deadline__icon" aria-hidden="true">!</span> {t("summaries.weekly.missing", { count: missingWeeks.length })}
                </p>
                <ul className="utrecht-unordered-list pw-compact-list">
                  {missingWeeks.map((w) => (
                    <li key={w.label} className="utrecht-unordered-list__item">{t("summaries.weekly.week", { label: w.label, from: fmt.date(w.startsOn), to: fmt.date(w.endsOn) })}</li>
                  ))}
                </ul>
              </div>
            ) : (
              <p className="utrecht-paragraph">{t("summaries.weekly.noneMissing")}</p>
            )}
          </>
        );
      })()}
    </Section>
  );
}
