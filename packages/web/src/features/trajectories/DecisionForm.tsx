import { REFERRAL_DECISIONS, type Family, type ReferralDecision, type Trajectory } from "@ploegwerk/domain";
import { useEffect, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/endpoints.ts";
import type { FieldErrors } from "../../api/fieldErrors.ts";
import { Button, ButtonGroup } from "../../components/Button.tsx";
import { ErrorSummary, type SummaryError } from "../../components/ErrorSummary.tsx";
import { fieldId, SelectField, TextareaField, TextField } from "../../components/Form.tsx";
import { todayIso, useFormat } from "../../i18n/format.ts";
import { useStaff } from "../families/queries.ts";
import { ChoiceField } from "./ChoiceField.tsx";
import { FormStatus } from "./FormStatus.tsx";
import { ISO_DATE, localDateTimeIso, TIME, useTrajectoryLabels } from "./labels.ts";
import { useFocusServerErrors, useTrajectoryAction } from "./useTrajectoryAction.ts";

const PREFIX = "besluit";
const id = (name: string) => fieldId(PREFIX, name);
const ORDER = ["decision", "on", "reason", "introductionAt", "introductionTime", "introductionPlace", "coachId"];

/**
 * Go or no-go on the aanmelding. A no-go needs a reason; a go needs every check and announces
 * the introductiegesprek (date, time, place) with the coach who will work with the family.
 */
export function DecisionForm({ trajectory, family, onStale, onDecided }: {
  trajectory: Trajectory;
  family: Family;
  onStale: () => void;
  onDecided: (decision: ReferralDecision) => void;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const labels = useTrajectoryLabels();
  const staff = useStaff();
  const [decision, setDecision] = useState<ReferralDecision | "">("");
  const [on, setOn] = useState(todayIso());
  const [reason, setReason] = useState("");
  const [introDate, setIntroDate] = useState("");
  const [introTime, setIntroTime] = useState("");
  const [place, setPlace] = useState("");
  const [coachId, setCoachId] = useState(family.coachId ?? "");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const coaches = (staff.data?.items ?? []).filter((s) => s.teamId === family.teamId && (s.role === "coach" || s.role === "teamleider"));
  const receivedOn = trajectory.referral.receivedOn;

  const { mutation, problem } = useTrajectoryAction(
    (body: Parameters<typeof api.decideReferral>[1]) => api.decideReferral(trajectory.id, body),
    { onStale, onSaved: (_, body) => onDecided(body.decision === "no_go" ? "no_go" : "go") },
  );
  useFocusServerErrors(problem, ORDER, id);
  // A check saved since the last attempt may have solved "checks open": judge again on the next submit.
  useEffect(() => setErrors({}), [trajectory.version]);

  function validate(): FieldErrors {
    const out: FieldErrors = {};
    if (!decision) out.decision = t("decision.errors.decisionRequired");
    if (decision === "go" && trajectory.openChecks.length > 0) {
      out.decision = t("decision.errors.checksOpen", { checks: trajectory.openChecks.map((c) => labels.check(c)).join(", ") });
    }
    if (!ISO_DATE.test(on)) out.on = t("decision.errors.dateRequired");
    else if (on < receivedOn) out.on = t("decision.errors.beforeReferral", { date: fmt.date(receivedOn) });
    else if (on > todayIso()) out.on = t("decision.errors.dateFuture");
    if (decision === "no_go" && !reason.trim()) out.reason = t("decision.errors.reasonRequired");
    if (decision === "go") {
      if (!ISO_DATE.test(introDate)) out.introductionAt = t("decision.errors.introDateRequired");
      else if (ISO_DATE.test(on) && introDate < on) out.introductionAt = t("decision.errors.introBeforeDecision");
      if (!TIME.test(introTime)) out.introductionTime = t("decision.errors.introTimeRequired");
    }
    return out;
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const found = validate();
    setErrors(found);
    setAttempt((n) => n + 1);
    if (Object.keys(found).length > 0 || !decision) return;
    const go = decision === "go";
    mutation.mutate({
      decision,
      on,
      reason: reason.trim() || null,
      introductionAt: go ? localDateTimeIso(introDate, introTime) : null,
      introductionPlace: go ? place.trim() || null : null,
      coachId: go && coachId ? coachId : null,
    });
  }

  const all: FieldErrors = { ...problem.fields, ...errors };
  const summary: SummaryError[] = [
    ...ORDER.filter((n) => all[n]).map((n) => ({ target: id(n), message: all[n] ?? "" })),
    ...Object.entries(all).filter(([n]) => !ORDER.includes(n)).map(([n, message]) => ({ target: id("decision"), message: `${n}: ${message}` })),
  ];

  return (
    <div className="pw-panel">
      <h3 className="utrecht-heading-3">{t("decision.formTitle")}</h3>
      <ErrorSummary errors={summary} focusKey={attempt} />
      <form noValidate onSubmit={submit} className="utrecht-form pw-traj-form">
        <ChoiceField id={id("decision")} name="decision" legend={t("decision.decision")} required inline
          description={trajectory.openChecks.length > 0 ? t("decision.checksOpenHint", { count: trajectory.openChecks.length }) : undefined}
          choices={REFERRAL_DECISIONS.map((d) => ({ value: d, label: t(`decision.choices.${d}`) }))}
          value={decision} onChange={setDecision} error={all.decision} />
        <div className="pw-grid-2">
          <TextField id={id("on")} type="date" label={t("decision.on")} required min={receivedOn} max={todayIso()}
            value={on} onChange={(e) => setOn(e.target.value)} error={all.on} />
        </div>
        <TextareaField id={id("reason")} label={decision === "no_go" ? t("decision.reasonNoGo") : t("decision.reason")} required={decision === "no_go"} rows={3}
          description={decision === "no_go" ? t("decision.reasonNoGoHint") : undefined}
          value={reason} onChange={(e) => setReason(e.target.value)} error={all.reason} />
        {decision === "go" ? (
          <fieldset className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset pw-fieldset">
            <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{t("decision.introductionLegend")}</legend>
            <p className="utrecht-paragraph">{t("decision.introductionIntro")}</p>
            <div className="pw-grid-3">
              <TextField id={id("introductionAt")} type="date" label={t("decision.introDate")} required min={ISO_DATE.test(on) ? on : receivedOn}
                value={introDate} onChange={(e) => setIntroDate(e.target.value)} error={all.introductionAt} />
              <TextField id={id("introductionTime")} type="time" label={t("decision.introTime")} required
                value={introTime} onChange={(e) => setIntroTime(e.target.value)} error={all.introductionTime} />
              <TextField id={id("introductionPlace")} label={t("decision.introPlace")} description={t("decision.introPlaceHint")}
                value={place} onChange={(e) => setPlace(e.target.value)} error={all.introductionPlace} />
            </div>
            <div className="pw-grid-2">
              <SelectField id={id("coachId")} label={t("decision.coach")} description={t("decision.coachHint")}
                value={coachId} onChange={(e) => setCoachId(e.target.value)} error={all.coachId}>
                {family.coachId ? null : <option value="">{t("family.noCoachYet")}</option>}
                {family.coachId && !coaches.some((c) => c.id === family.coachId) ? (
                  <option value={family.coachId}>{family.coachName ?? family.coachId}</option>
                ) : null}
                {coaches.map((s) => (
                  <option key={s.id} value={s.id}>{s.name} ({t(`roles.${s.role}`)})</option>
                ))}
              </SelectField>
            </div>
          </fieldset>
        ) : null}
        <ButtonGroup>
          <Button type="submit" appearance="primary" busy={mutation.isPending} disabled={mutation.isPending}>
            {mutation.isPending ? t("common.saving") : t("decision.submit")}
          </Button>
        </ButtonGroup>
        <FormStatus saved={null} problem={problem} />
      </form>
    </div>
  );
}
