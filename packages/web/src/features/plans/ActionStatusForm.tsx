import { ACTION_STATUSES, type ActionProgressInput, type ActionProgressRecorded, type ActionStatus, type EffectiveActionView } from "@ploegwerk/domain";
import { useMutation } from "@tanstack/react-query";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Alert } from "../../components/Alert.tsx";
import { Button, ButtonGroup } from "../../components/Button.tsx";
import { ErrorSummary } from "../../components/ErrorSummary.tsx";
import { TextareaField, TextField } from "../../components/Form.tsx";
import { todayIso } from "../../i18n/format.ts";
import { RadioGroup } from "./ChoiceFields.tsx";
import { formProblem, noFormProblem, type FormProblem } from "./formProblem.ts";
import type { PlanLabels } from "./labels.ts";

/**
 * Progress on one action of the plan in force: bezig, gedaan, vervallen (with a reason) or open
 * again. `record` sends it (the team's plan endpoint, or a ketenpartner's shared one); `afterSave`
 * refreshes what shows the action.
 */
export function ActionStatusForm({ action, labels, record, afterSave, onDone, onCancel }: {
  action: EffectiveActionView;
  labels: Pick<PlanLabels, "status">;
  record: (input: ActionProgressInput) => Promise<ActionProgressRecorded>;
  afterSave: () => Promise<void>;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation();
  const prefix = `status-${action.actionId}`;
  const [status, setStatus] = useState<ActionStatus>(action.status);
  const [reason, setReason] = useState(action.cancelReason ?? "");
  const [on, setOn] = useState(todayIso());
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<FormProblem>(noFormProblem);
  const [attempt, setAttempt] = useState(0);
  const first = useRef<HTMLDivElement>(null);
  useEffect(() => {
    first.current?.querySelector<HTMLInputElement>("input:checked")?.focus();
  }, []);

  const save = useMutation({
    mutationFn: () => record({ status, cancelReason: status === "cancelled" ? reason.trim() : null, on }),
    onSuccess: async (saved) => {
      await afterSave();
      onDone(t("plan.statusSaved", { action: saved.action.description, status: labels.status(saved.action.status) }));
    },
    onError: (error) => {
      const p = formProblem(error, t, i18n.language);
      setProblem(p);
      setErrors(p.fields);
      setAttempt((n) => n + 1);
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (status === "cancelled" && !reason.trim()) found.cancelReason = t("plan.errors.cancelReason");
    if (!/^\d{4}-\d{2}-\d{2}$/.test(on)) found.on = t("plan.errors.date");
    else if (on > todayIso()) found.on = t("plan.errors.future");
    setErrors(found);
    setProblem(noFormProblem);
    setAttempt((n) => n + 1);
    if (Object.keys(found).length === 0) save.mutate();
  }

  const summary = Object.entries(errors).map(([name, message]) => ({ target: name === "status" ? `${prefix}-status` : `${prefix}-${name}`, message }));
  return (
    <form className="pw-status-form" noValidate onSubmit={submit} aria-label={t("plan.statusFormLabel", { action: action.description })}>
      <ErrorSummary errors={summary} focusKey={attempt} />
      {problem.message ? (
        <Alert type="error" role="alert"><p className="utrecht-paragraph">{problem.message}</p></Alert>
      ) : null}
      <div ref={first}>
        <RadioGroup
          id={`${prefix}-status`}
          name={`${prefix}-status`}
          legend={t("plan.newStatus")}
          inline
          options={ACTION_STATUSES.map((s) => ({ value: s, label: labels.status(s) }))}
          value={status}
          onChange={setStatus}
          error={errors.status}
        />
      </div>
      {status === "cancelled" ? (
        <TextareaField id={`${prefix}-cancelReason`} label={t("plan.cancelReason")} required rows={2} value={reason}
          onChange={(e) => setReason(e.target.value)} error={errors.cancelReason} />
      ) : null}
      <TextField id={`${prefix}-on`} label={t("plan.statusOn")} required type="date" max={todayIso()} className="pw-input-date"
        value={on} onChange={(e) => setOn(e.target.value)} error={errors.on} />
      <ButtonGroup>
        <Button type="submit" appearance="primary" busy={save.isPending} disabled={save.isPending}>{t("plan.saveStatus")}</Button>
        <Button appearance="subtle" onClick={onCancel}>{t("common.cancel")}</Button>
      </ButtonGroup>
    </form>
  );
}

/** The status form as an expanded row under the action's row in a table of `columns` columns. */
export function ActionStatusRow({ columns, ...form }: Parameters<typeof ActionStatusForm>[0] & { columns: number }) {
  return (
    <tr className="utrecht-table__row pw-expand-row">
      <td className="utrecht-table__cell" colSpan={columns}>
        <ActionStatusForm {...form} />
      </td>
    </tr>
  );
}
