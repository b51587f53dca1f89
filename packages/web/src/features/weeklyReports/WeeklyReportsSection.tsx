import { OPEN_PHASES, type Family } from "@ploegwerk/domain";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Alert } from "../../components/Alert.tsx";
import { Button } from "../../components/Button.tsx";
import { Section } from "../../components/Page.tsx";
import { LoadError, Loading } from "../../components/QueryState.tsx";
import { useSession } from "../auth/session.ts";
import { canEditPlan } from "../plans/permissions.ts";
import { useTrajectoryOf } from "../plans/queries.ts";
import { useWeeklyReports } from "./queries.ts";
import { WeeklyReportForm } from "./WeeklyReportForm.tsx";
import { WeeklyReportList } from "./WeeklyReportList.tsx";
import { useWeekLabel } from "./weeks.ts";
import "../plans/plans.css";
import "./weeklyReports.css";

const focusSoon = (id: string) => requestAnimationFrame(() => document.getElementById(id)?.focus());

/**
 * "Weekoverzichten" on the trajectory page: the weeks still missing (in words, with a button to
 * write each), this week's form, and the reports written so far.
 */
export function WeeklyReportsSection({ trajectoryId, family }: { trajectoryId: string; family: Family }) {
  const { t } = useTranslation();
  const me = useSession().data;
  const weekLabel = useWeekLabel();
  const reports = useWeeklyReports(trajectoryId);
  const trajectory = useTrajectoryOf(trajectoryId);
  const [writing, setWriting] = useState<{ week: string | null } | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const open = trajectory.data ? (OPEN_PHASES as readonly string[]).includes(trajectory.data.phase) : false;
  const canWrite = canEditPlan(me?.role) && open;
  const start = (week: string | null) => {
    setMessage(null);
    setEditing(null);
    setWriting({ week });
    focusSoon("weekoverzicht-week");
  };

  return (
    <Section
      id="weekly-reports"
      title={t("weeklyReport.title")}
      actions={canWrite && !writing ? <Button appearance="primary" id="weekly-new" onClick={() => start(null)}>{t("weeklyReport.write")}</Button> : null}
    >
      <div role="status" aria-live="polite">
        {message ? <Alert type="ok"><p className="utrecht-paragraph">{message}</p></Alert> : null}
      </div>
      <p className="utrecht-paragraph">{t("weeklyReport.intro", { family: family.caseNumber })}</p>
      {reports.isPending ? <Loading /> : reports.isError ? (
        <LoadError error={reports.error} retry={() => void reports.refetch()} />
      ) : (
        <>
          {reports.data.missingWeeks.length > 0 ? (
            <Alert type="warning" heading={t("weeklyReport.missingTitle", { count: reports.data.missingWeeks.length })}>
              <ul className="utrecht-unordered-list pw-missing-weeks">
                {reports.data.missingWeeks.map((w) => (
                  <li key={w.label} className="utrecht-unordered-list__item">
                    {weekLabel(w)}
                    {canWrite ? (
                      <Button appearance="subtle" onClick={() => start(w.label)}>
                        {t("weeklyReport.writeNow")}<span className="pw-visually-hidden"> {weekLabel(w)}</span>
                      </Button>
                    ) : null}
                  </li>
                ))}
              </ul>
            </Alert>
          ) : (
            <p className="utrecht-paragraph">{t("weeklyReport.noneMissing")}</p>
          )}
          {reports.data.childSafetyRequired ? <p className="utrecht-paragraph"><strong>{t("weeklyReport.childSafetyNotice")}</strong></p> : null}
          {writing ? (
            <WeeklyReportForm
              key={writing.week ?? "new"}
              trajectoryId={trajectoryId}
              list={reports.data}
              initialWeek={writing.week}
              onCancel={() => { setWriting(null); focusSoon("weekly-new"); }}
              onDone={(text) => { setWriting(null); setMessage(text); focusSoon("weekly-new"); }}
            />
          ) : null}
          {reports.data.items.length === 0 ? <p className="utrecht-paragraph">{t("weeklyReport.none")}</p> : (
            <WeeklyReportList
              trajectoryId={trajectoryId}
              list={reports.data}
              canEdit={canWrite}
              editing={editing}
              onEdit={(id) => { setMessage(null); setEditing(id); if (id) focusSoon(`weekoverzicht-${id}-activities`); }}
              onDone={(text, id) => { setEditing(null); setMessage(text); focusSoon(`week-edit-${id}`); }}
            />
          )}
        </>
      )}
    </Section>
  );
}
