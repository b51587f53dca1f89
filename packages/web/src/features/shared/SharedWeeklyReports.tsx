import type { WeeklyReport } from "@ploegwerk/domain";
import { useTranslation } from "react-i18next";
import { Paragraph, Section } from "../../components/Page.tsx";
import { useWeekLabel } from "../weeklyReports/weeks.ts";

const PARTS = ["activities", "choices", "bottlenecks", "childSafety"] as const;

/** The coach's weekoverzichten, newest week first, each with its four parts. */
export function SharedWeeklyReports({ reports }: { reports: readonly WeeklyReport[] }) {
  const { t } = useTranslation();
  const weekLabel = useWeekLabel();
  return (
    <Section id="shared-weekly" title={t("shared.weekly.title")}>
      {reports.length === 0 ? <Paragraph>{t("shared.weekly.none")}</Paragraph> : reports.map((r) => (
        <article key={r.id} className="pw-shared-item" aria-labelledby={`shared-week-${r.id}`}>
          <h3 className="utrecht-heading-3" id={`shared-week-${r.id}`}>{weekLabel.heading(r)}</h3>
          <dl className="utrecht-data-list pw-facts">
            {PARTS.map((key) => (
              <div key={key} className="utrecht-data-list__item pw-facts__item">
                <dt className="utrecht-data-list__item-key">{t(`weeklyReport.${key}`)}</dt>
                <dd className="utrecht-data-list__item-value pw-prewrap">{r[key] ?? <span className="pw-muted">{t("weeklyReport.empty")}</span>}</dd>
              </div>
            ))}
          </dl>
        </article>
      ))}
    </Section>
  );
}
