import type { WeeklyReport, WeeklyReportList } from "@ploegwerk/domain";
import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/endpoints.ts";
import { Alert } from "../../components/Alert.tsx";
import { Button, ButtonGroup } from "../../components/Button.tsx";
import { ErrorSummary } from "../../components/ErrorSummary.tsx";
import { fieldId, SelectField, TextareaField } from "../../components/Form.tsx";
import { formProblem, noFormProblem, type FormProblem } from "../plans/formProblem.ts";
import { useRefreshWeeklyReports } from "./queries.ts";
import { useWeekLabel, weekChoices } from "./weeks.ts";

const ORDER = ["week", "activities", "choices", "bottlenecks", "childSafety"] as const;

/**
 * A weekoverzicht: the week's activities, the choices made, the bottlenecks, and the child-safety
 * note, which is required (and marked so) while the family has minor children.
 */
export function WeeklyReportForm({ trajectoryId, list, report, initialWeek, onDone, onCancel }: {
  trajectoryId: string;
  list: WeeklyReportList;
  /** The report being edited; undefined for a new one. */
  report?: WeeklyReport | undefined;
  /** The week label ("2026-W46") to start with, e.g. a missing week picked from the list. */
  initialWeek?: string | null;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation();
  const weekLabel = useWeekLabel();
  const refresh = useRefreshWeeklyReports(trajectoryId);
  const prefix = report ? `weekoverzicht-${report.id}` : "weekoverzicht";
  const idOf = (name: string) => fieldId(prefix, name);
  const choices = report ? [] : weekChoices(list);
  const [week, setWeek] = useState(report?.label ?? initialWeek ?? choices.find((c) => c.kind === "current")?.view.label ?? choices[0]?.view.label ?? "");
  const [activities, setActivities] = useState(report?.activities ?? "");
  const [choicesText, setChoicesText] = useState(report?.choices ?? "");
  const [bottlenecks, setBottlenecks] = useState(report?.bottlenecks ?? "");
  const [childSafety, setChildSafety] = useState(report?.childSafety ?? "");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<FormProblem>(noFormProblem);
  const [attempt, setAttempt] = useState(0);
  const required = list.childSafetyRequired;
  const chosen = choices.find((c) => c.view.label === week)?.view;

  const save = useMutation({
    mutationFn: () => {
      const text = { activities: activities.trim(), choices: choicesText.trim() || null, bottlenecks: bottlenecks.trim() || null, childSafety: childSafety.trim() || null };
      if (report) return api.updateWeeklyReport(trajectoryId, report.id, { ...text, version: report.version });
      if (!chosen) throw new Error("no week chosen");
      return api.createWeeklyReport(trajectoryId, { year: chosen.year, week: chosen.week, ...text });
    },
    onSuccess: async (saved) => {
      await refresh();
      onDone(t(report ? "weeklyReport.updated" : "weeklyReport.saved", { week: weekLabel(saved) }));
    },
    onError: (error) => {
      const p = formProblem(error, t, i18n.language, (n) => (n === "year" ? "week" : n));
      if (p.reason === "duplicate_week") {
        setErrors({ week: p.message ?? t("weeklyReport.errors.duplicate") });
        setProblem(noFormProblem);
      } else {
        setProblem(p);
        setErrors(p.fields);
      }
      setAttempt((n) => n + 1);
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!report && !chosen) found.week = t("weeklyReport.errors.week");
    if (!activities.trim()) found.activities = t("weeklyReport.errors.activities");
    if (required && !childSafety.trim()) found.childSafety = t("weeklyReport.errors.childSafety");
    setErrors(found);
    setProblem(noFormProblem);
    setAttempt((n) => n + 1);
    if (Object.keys(found).length === 0) save.mutate();
  }

  const summary = ORDER.filter((n) => errors[n]).map((n) => ({ target: idOf(n), message: errors[n] ?? "" }));
  return (
    <form className="pw-panel pw-weekly-form" noValidate onSubmit={submit} aria-labelledby={`${prefix}-heading`}>
      <h3 className="utrecht-heading-3" id={`${prefix}-heading`}>
        {report ? t("weeklyReport.editTitle", { week: weekLabel(report) }) : t("weeklyReport.newTitle")}
      </h3>
      <ErrorSummary errors={summary} focusKey={attempt} />
      {problem.stale ? (
        <Alert type="error" role="alert" heading={t("weeklyReport.staleTitle")}>
          <p className="utrecht-paragraph">{t("weeklyReport.staleBody")}</p>
          <Button appearance="primary" onClick={() => { void refresh(); onCancel(); }}>{t("plan.reload")}</Button>
        </Alert>
      ) : problem.message ? (
        <Alert type="error" role="alert" heading={t("plan.notSaved")}><p className="utrecht-paragraph">{problem.message}</p></Alert>
      ) : null}
      {report ? null : choices.length === 0 ? (
        <p className="utrecht-paragraph" id={idOf("week")}>{t("weeklyReport.noWeekOpen")}</p>
      ) : (
        <SelectField id={idOf("week")} label={t("weeklyReport.week")} required value={week} onChange={(e) => setWeek(e.target.value)} error={errors.week}>
          {choices.map((c) => (
            <option key={c.view.label} value={c.view.label}>
              {t(`weeklyReport.weekKinds.${c.kind}`, { week: weekLabel(c.view) })}
            </option>
          ))}
        </SelectField>
      )}
      <TextareaField id={idOf("activities")} label={t("weeklyReport.activities")} description={t("weeklyReport.activitiesHint")} required rows={4} maxLength={5000}
        value={activities} onChange={(e) => setActivities(e.target.value)} error={errors.activities} />
      <TextareaField id={idOf("choices")} label={t("weeklyReport.choices")} description={t("weeklyReport.choicesHint")} rows={3} maxLength={5000}
        value={choicesText} onChange={(e) => setChoicesText(e.target.value)} error={errors.choices} />
      <TextareaField id={idOf("bottlenecks")} label={t("weeklyReport.bottlenecks")} description={t("weeklyReport.bottlenecksHint")} rows={3} maxLength={5000}
        value={bottlenecks} onChange={(e) => setBottlenecks(e.target.value)} error={errors.bottlenecks} />
      <TextareaField id={idOf("childSafety")} label={t("weeklyReport.childSafety")} required={required}
        description={required ? t("weeklyReport.childSafetyRequiredHint") : t("weeklyReport.childSafetyHint")} rows={3} maxLength={5000}
        value={childSafety} onChange={(e) => setChildSafety(e.target.value)} error={errors.childSafety} />
      <ButtonGroup className="pw-form-actions">
        <Button type="submit" appearance="primary" busy={save.isPending} disabled={save.isPending || problem.stale || (!report && choices.length === 0)}>
          {t("weeklyReport.save")}
        </Button>
        <Button appearance="subtle" onClick={onCancel}>{t("common.cancel")}</Button>
      </ButtonGroup>
    </form>
  );
}
