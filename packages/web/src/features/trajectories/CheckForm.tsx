import { CHECK_RESULTS, type ReferralCheckKind, type Trajectory } from "@ploegwerk/domain";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/endpoints.ts";
import type { FieldErrors } from "../../api/fieldErrors.ts";
import { Button } from "../../components/Button.tsx";
import { fieldId, TextareaField, TextField } from "../../components/Form.tsx";
import { todayIso, useFormat } from "../../i18n/format.ts";
import { ChoiceField } from "./ChoiceField.tsx";
import { FormStatus } from "./FormStatus.tsx";
import { ISO_DATE, useTrajectoryLabels } from "./labels.ts";
import { focusFirstError, useFocusServerErrors, useTrajectoryAction } from "./useTrajectoryAction.ts";

type Result = (typeof CHECK_RESULTS)[number];
const ORDER = ["result", "note", "checkedOn"];

/** One check of the aanmelding (result, note, date), saved on its own. */
export function CheckForm({ trajectory, kind, onStale }: { trajectory: Trajectory; kind: ReferralCheckKind; onStale: () => void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const labels = useTrajectoryLabels();
  const recorded = trajectory.checks.find((c) => c.kind === kind);
  const [result, setResult] = useState<Result | "">(recorded?.result ?? "");
  const [note, setNote] = useState(recorded?.note ?? "");
  const [checkedOn, setCheckedOn] = useState(recorded?.checkedOn ?? todayIso());
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saved, setSaved] = useState<string | null>(null);
  const id = (name: string) => fieldId(`check-${kind}`, name);
  const label = labels.check(kind);

  const { mutation, problem } = useTrajectoryAction(
    (body: { result: Result; note: string | null; checkedOn: string }) => api.recordCheck(trajectory.id, kind, body),
    { onStale, onSaved: () => setSaved(t("checks.saved", { check: label })) },
  );
  useFocusServerErrors(problem, ORDER, id);

  function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(null);
    const found: FieldErrors = {};
    if (!result) found.result = t("checks.errors.resultRequired");
    if (result === "concerns" && !note.trim()) found.note = t("checks.errors.noteRequired");
    if (!ISO_DATE.test(checkedOn)) found.checkedOn = t("checks.errors.dateRequired");
    else if (checkedOn < trajectory.referral.receivedOn || checkedOn > todayIso()) {
      found.checkedOn = t("checks.errors.dateRange", { from: fmt.date(trajectory.referral.receivedOn) });
    }
    setErrors(found);
    if (focusFirstError(ORDER, found, id) || !result) return;
    mutation.mutate({ result, note: note.trim() || null, checkedOn });
  }

  const err = (name: string) => errors[name] ?? problem.fields[name];
  return (
    <form noValidate onSubmit={submit} className="utrecht-form pw-traj-form">
      <fieldset className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset pw-fieldset pw-row-card pw-check" data-testid={`check-${kind}`}>
        <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
          {label}
          <span className={recorded ? "pw-tag pw-tag--done" : "pw-tag pw-tag--open"}>
            {recorded ? t("checks.done", { date: fmt.date(recorded.checkedOn) }) : t("checks.open")}
          </span>
        </legend>
        <ChoiceField id={id("result")} name={`check-${kind}-result`} legend={t("checks.result")} required inline
          choices={CHECK_RESULTS.map((r) => ({ value: r, label: labels.checkResult(r) }))}
          value={result} onChange={setResult} error={err("result")} />
        <div className="pw-grid-2">
          <TextareaField id={id("note")} label={t("checks.note")} required={result === "concerns"} rows={2}
            description={result === "concerns" ? t("checks.noteHintConcerns") : undefined}
            value={note} onChange={(e) => setNote(e.target.value)} error={err("note")} />
          <TextField id={id("checkedOn")} type="date" label={t("checks.checkedOn")} required min={trajectory.referral.receivedOn} max={todayIso()}
            value={checkedOn} onChange={(e) => setCheckedOn(e.target.value)} error={err("checkedOn")} />
        </div>
        <Button type="submit" appearance="secondary" busy={mutation.isPending} disabled={mutation.isPending}>
          {mutation.isPending ? t("common.saving") : t("checks.save")}
          <span className="pw-visually-hidden">: {label}</span>
        </Button>
        <FormStatus saved={saved} problem={problem} />
      </fieldset>
    </form>
  );
}
