import { KINDS_NEEDING_REASON, type Phase, type Trajectory, type TransitionKind } from "@ploegwerk/domain";
import { useEffect, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/endpoints.ts";
import type { FieldErrors } from "../../api/fieldErrors.ts";
import { Button, ButtonGroup } from "../../components/Button.tsx";
import { fieldId, TextareaField, TextField } from "../../components/Form.tsx";
import { todayIso, useFormat } from "../../i18n/format.ts";
import { FormStatus } from "./FormStatus.tsx";
import { ISO_DATE, useTrajectoryLabels } from "./labels.ts";
import { focusFirstError, useFocusServerErrors, useTrajectoryAction } from "./useTrajectoryAction.ts";

const ORDER = ["on", "reason"];

/** Moves the trajectory to `to`: the date the new phase counts from, and a reason where the kind needs one. */
export function TransitionForm({ trajectory, to, kind, onStale, onChanged, onCancel }: {
  trajectory: Trajectory;
  to: Phase;
  kind: TransitionKind;
  onStale: () => void;
  onChanged: (saved: Trajectory) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const labels = useTrajectoryLabels();
  const [on, setOn] = useState(todayIso());
  // Afronding before the planned end (minimum half a year) needs a reason too; the server refuses it without one.
  const plannedEnd = trajectory.deadlines.find((d) => d.key === "planned_end")?.dueOn ?? null;
  const early = trajectory.phase === "execution" && to === "closing" && plannedEnd !== null && ISO_DATE.test(on) && on < plannedEnd;
  const needsReason = KINDS_NEEDING_REASON.has(kind) || early;
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const id = (name: string) => fieldId(`fase-${to}`, name);
  const { mutation, problem } = useTrajectoryAction(
    (body: { to: Phase; on: string; reason: string | null; version: number }) => api.changePhase(trajectory.id, body),
    { onStale, onSaved: (saved) => onChanged(saved) },
  );
  useFocusServerErrors(problem, ORDER, id);
  useEffect(() => {
    document.getElementById(id("on"))?.focus();
    // Once, when the form opens.
  }, []);

  function submit(event: FormEvent) {
    event.preventDefault();
    const found: FieldErrors = {};
    if (!ISO_DATE.test(on)) found.on = t("phaseChange.errors.dateRequired");
    else if (on < trajectory.phaseSince) found.on = t("phaseChange.errors.beforePhase", { date: fmt.date(trajectory.phaseSince) });
    else if (on > todayIso()) found.on = t("phaseChange.errors.dateFuture");
    if (needsReason && !reason.trim()) found.reason = t("phaseChange.errors.reasonRequired");
    setErrors(found);
    if (focusFirstError(ORDER, found, id)) return;
    mutation.mutate({ to, on, reason: reason.trim() || null, version: trajectory.version });
  }

  const err = (name: string) => errors[name] ?? problem.fields[name];
  return (
    <form noValidate onSubmit={submit} className="utrecht-form pw-move__form pw-traj-form">
      <div className="pw-grid-2">
        <TextField id={id("on")} type="date" label={t("phaseChange.on")} required min={trajectory.phaseSince} max={todayIso()}
          description={t("phaseChange.onHint")} value={on} onChange={(e) => setOn(e.target.value)} error={err("on")} />
      </div>
      <TextareaField id={id("reason")} label={t("phaseChange.reason")} required={needsReason} rows={3}
        description={early && plannedEnd ? t("phaseChange.reasonNeededEarly", { date: fmt.date(plannedEnd) }) : needsReason ? t("phaseChange.reasonNeeded") : undefined}
        value={reason} onChange={(e) => setReason(e.target.value)} error={err("reason")} />
      <ButtonGroup>
        <Button type="submit" appearance={kind === "dropout" ? "danger" : "primary"} busy={mutation.isPending} disabled={mutation.isPending}>
          {mutation.isPending ? t("common.saving") : t("phaseChange.submit", { phase: labels.phase(to) })}
        </Button>
        <Button appearance="subtle" onClick={onCancel}>{t("common.cancel")}</Button>
      </ButtonGroup>
      <FormStatus saved={null} problem={problem} />
    </form>
  );
}
