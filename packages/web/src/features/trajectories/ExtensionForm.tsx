import { addDays, type Trajectory } from "@ploegwerk/domain";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/endpoints.ts";
import type { FieldErrors } from "../../api/fieldErrors.ts";
import { Button } from "../../components/Button.tsx";
import { fieldId, TextareaField, TextField } from "../../components/Form.tsx";
import { todayIso, useFormat } from "../../i18n/format.ts";
import { CheckboxField } from "../../components/CheckboxField.tsx";
import { FormStatus } from "./FormStatus.tsx";
import { ISO_DATE } from "./labels.ts";
import { focusFirstError, useFocusServerErrors, useTrajectoryAction } from "./useTrajectoryAction.ts";

const ORDER = ["decidedOn", "newEndDate", "insufficientlySelfReliant", "improvementStillPossible", "reason"];
const id = (name: string) => fieldId("verlenging", name);

/** The team lead's extension: both conditions of the method confirmed, a reason and the new end date. */
export function ExtensionForm({ trajectory, plannedEnd, onStale }: { trajectory: Trajectory; plannedEnd: string; onStale: () => void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [decidedOn, setDecidedOn] = useState(todayIso());
  const [newEndDate, setNewEndDate] = useState("");
  const [notSelfReliant, setNotSelfReliant] = useState(false);
  const [canImprove, setCanImprove] = useState(false);
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saved, setSaved] = useState<string | null>(null);
  const { mutation, problem } = useTrajectoryAction(
    (body: { decidedOn: string; newEndDate: string; reason: string; insufficientlySelfReliant: boolean; improvementStillPossible: boolean }) =>
      api.recordExtension(trajectory.id, body),
    {
      onStale,
      onSaved: (_, body) => {
        setSaved(t("extension.saved", { date: fmt.date(body.newEndDate) }));
        setNewEndDate("");
        setReason("");
        setNotSelfReliant(false);
        setCanImprove(false);
      },
    },
  );
  useFocusServerErrors(problem, ORDER, id);

  function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(null);
    const found: FieldErrors = {};
    if (!ISO_DATE.test(decidedOn)) found.decidedOn = t("extension.errors.dateRequired");
    else if (decidedOn > todayIso()) found.decidedOn = t("extension.errors.dateFuture");
    if (!ISO_DATE.test(newEndDate)) found.newEndDate = t("extension.errors.endRequired");
    else if (newEndDate <= plannedEnd) found.newEndDate = t("extension.errors.endAfter", { date: fmt.date(plannedEnd) });
    if (!notSelfReliant) found.insufficientlySelfReliant = t("extension.errors.notSelfReliant");
    if (!canImprove) found.improvementStillPossible = t("extension.errors.canImprove");
    if (!reason.trim()) found.reason = t("extension.errors.reasonRequired");
    setErrors(found);
    if (focusFirstError(ORDER, found, id)) return;
    mutation.mutate({ decidedOn, newEndDate, reason: reason.trim(), insufficientlySelfReliant: notSelfReliant, improvementStillPossible: canImprove });
  }

  const err = (name: string) => errors[name] ?? problem.fields[name];
  return (
    <div className="pw-panel">
      <h3 className="utrecht-heading-3">{t("extension.formTitle")}</h3>
      <p className="utrecht-paragraph">{t("extension.intro")}</p>
      <form noValidate onSubmit={submit} className="utrecht-form pw-traj-form">
        <div className="pw-grid-2">
          <TextField id={id("decidedOn")} type="date" label={t("extension.decidedOn")} required max={todayIso()}
            value={decidedOn} onChange={(e) => setDecidedOn(e.target.value)} error={err("decidedOn")} />
          <TextField id={id("newEndDate")} type="date" label={t("extension.newEndDate")} required min={addDays(plannedEnd, 1)}
            description={t("extension.newEndDateHint", { date: fmt.date(plannedEnd) })}
            value={newEndDate} onChange={(e) => setNewEndDate(e.target.value)} error={err("newEndDate")} />
        </div>
        <fieldset className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset pw-fieldset pw-fieldset--small">
          <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{t("extension.conditions")}</legend>
          <CheckboxField id={id("insufficientlySelfReliant")} label={t("extension.notSelfReliant")} checked={notSelfReliant}
            onChange={setNotSelfReliant} error={err("insufficientlySelfReliant")} />
          <CheckboxField id={id("improvementStillPossible")} label={t("extension.canImprove")} checked={canImprove}
            onChange={setCanImprove} error={err("improvementStillPossible")} />
        </fieldset>
        <TextareaField id={id("reason")} label={t("extension.reason")} required rows={3}
          value={reason} onChange={(e) => setReason(e.target.value)} error={err("reason")} />
        <Button type="submit" appearance="primary" busy={mutation.isPending} disabled={mutation.isPending}>
          {mutation.isPending ? t("common.saving") : t("extension.submit")}
        </Button>
        <FormStatus saved={saved} problem={problem} />
      </form>
    </div>
  );
}
