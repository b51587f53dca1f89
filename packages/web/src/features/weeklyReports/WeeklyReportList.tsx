import type { WeeklyReport, WeeklyReportList as List } from "@ploegwerk/domain";
import { useTranslation } from "react-i18next";
import { Button } from "../../components/Button.tsx";
import { useFormat } from "../../i18n/format.ts";
import { useWeekLabel } from "./weeks.ts";
import { WeeklyReportForm } from "./WeeklyReportForm.tsx";

/** The weekoverzichten, newest week first, each with its four parts; one can be edited in place. */
export function WeeklyReportList({ trajectoryId, list, canEdit, editing, onEdit, onDone }: {
  trajectoryId: string;
  list: List;
  canEdit: boolean;
  editing: string | null;
  onEdit: (reportId: string | null) => void;
  onDone: (message: string, reportId: string) => void;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const weekLabel = useWeekLabel();
  const part = (r: WeeklyReport, key: "activities" | "choices" | "bottlenecks" | "childSafety") => (
    <div className="utrecht-data-list__item pw-facts__item">
      <dt className="utrecht-data-list__item-key">{t(`weeklyReport.${key}`)}</dt>
      <dd className="utrecht-data-list__item-value pw-prewrap">{r[key] ?? <span className="pw-muted">{t("weeklyReport.empty")}</span>}</dd>
    </div>
  );
  return (
    <div className="pw-weekly-list">
      {list.items.map((r) =>
        editing === r.id ? (
          <WeeklyReportForm key={r.id} trajectoryId={trajectoryId} list={list} report={r} onCancel={() => onEdit(null)} onDone={(text) => onDone(text, r.id)} />
        ) : (
          <article key={r.id} className="pw-weekly" aria-labelledby={`week-${r.id}`}>
            <div className="pw-weekly__head">
              <h3 className="utrecht-heading-3" id={`week-${r.id}`}>{weekLabel.heading(r)}</h3>
              {canEdit ? (
                <Button appearance="subtle" id={`week-edit-${r.id}`} onClick={() => onEdit(r.id)}>
                  {t("weeklyReport.edit")}<span className="pw-visually-hidden"> {weekLabel(r)}</span>
                </Button>
              ) : null}
            </div>
            <p className="utrecht-paragraph pw-muted">{t("weeklyReport.writtenBy", { name: r.writtenByName ?? "–", date: fmt.date(r.updatedAt) })}</p>
            <dl className="utrecht-data-list pw-weekly__parts">
              {part(r, "activities")}
              {part(r, "choices")}
              {part(r, "bottlenecks")}
              {part(r, "childSafety")}
            </dl>
          </article>
        ),
      )}
    </div>
  );
}
