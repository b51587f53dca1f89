import { addDays, INTAKE_DAYS, type Trajectory } from "@ploegwerk/domain";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/endpoints.ts";
import type { FieldErrors } from "../../api/fieldErrors.ts";
import { Button } from "../../components/Button.tsx";
import { fieldId, TextareaField, TextField } from "../../components/Form.tsx";
import { todayIso, useFormat } from "../../i18n/format.ts";
import { FormStatus } from "./FormStatus.tsx";
import { ISO_DATE } from "./labels.ts";
import { focusFirstError, useFocusServerErrors, useTrajectoryAction } from "./useTrajectoryAction.ts";

const ORDER = ["decidedOn", "revisedDeadline", "reason"];
const id = (name: string) => fieldId("eropaf", name);

/** The Eropaf route for a care-avoiding family: a reason, and the relaxed end of the informatiefase. */
export function EropafForm({ trajectory, intakeStartedOn, onStale }: { trajectory: Trajectory; intakeStartedOn: string; onStale: () => void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const standard = addDays(intakeStartedOn, INTAKE_DAYS);
  const [decidedOn, setDecidedOn] = useState(todayIso());
  const [reason, setReason] = useState("");
  const [revisedDeadline, setRevisedDeadline] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saved, setSaved] = useState<string | null>(null);
  const { mutation, problem } = useTrajectoryAction(
    (body: { decidedOn: string; reason: string; revisedDeadline: string | null }) => api.recordEropaf(trajectory.id, body),
    {
      onStale,
      onSaved: (s) => {
        const due = s.deadlines.find((d) => d.key === "intake");
        setSaved(t("eropaf.saved", { date: fmt.date(due?.dueOn) }));
        setReason("");
        setRevisedDeadline("");
      },
    },
  );
  useFocusServerErrors(problem, ORDER, id);

  function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(null);
    const found: FieldErrors = {};
    if (!ISO_DATE.test(decidedOn)) found.decidedOn = t("eropaf.errors.dateRequired");
    else if (decidedOn < intakeStartedOn || decidedOn > todayIso()) found.decidedOn = t("eropaf.errors.dateRange", { from: fmt.date(intakeStartedOn) });
    if (!reason.trim()) found.reason = t("eropaf.errors.reasonRequired");
    if (revisedDeadline && (!ISO_DATE.test(revisedDeadline) || revisedDeadline <= standard)) {
      found.revisedDeadline = t("eropaf.errors.deadlineAfter", { date: fmt.date(standard) });
    }
    setErrors(found);
    if (focusFirstError(ORDER, found, id)) return;
    mutation.mutate({ decidedOn, reason: reason.trim(), revisedDeadline: revisedDeadline || null });
  }

  const err = (name: string) => errors[name] ?? problem.fields[name];
  return (
    <div className="pw-panel">
      <h4 className="utrecht-heading-4">{t("eropaf.formTitle")}</h4>
      <p className="utrecht-paragraph">{t("eropaf.intro", { date: fmt.date(standard) })}</p>
      <form noValidate onSubmit={submit} className="utrecht-form pw-traj-form">
        <div className="pw-grid-2">
          <TextField id={id("decidedOn")} type="date" label={t("eropaf.decidedOn")} required min={intakeStartedOn} max={todayIso()}
            value={decidedOn} onChange={(e) => setDecidedOn(e.target.value)} error={err("decidedOn")} />
          <TextField id={id("revisedDeadline")} type="date" label={t("eropaf.revisedDeadline")} min={addDays(standard, 1)}
            description={t("eropaf.revisedDeadlineHint")} value={revisedDeadline} onChange={(e) => setRevisedDeadline(e.target.value)} error={err("revisedDeadline")} />
        </div>
        <TextareaField id={id("reason")} label={t("eropaf.reason")} required rows={3} description={t("eropaf.reasonHint")}
          value={reason} onChange={(e) => setReason(e.target.value)} error={err("reason")} />
        <Button type="submit" appearance="secondary" busy={mutation.isPending} disabled={mutation.isPending}>
          {mutation.isPending ? t("common.saving") : t("eropaf.submit")}
        </Button>
        <FormStatus saved={saved} problem={problem} />
      </form>
    </div>
  );
}
