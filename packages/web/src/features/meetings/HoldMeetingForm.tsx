import type { Family, Meeting, PlanContent } from "@ploegwerk/domain";
import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/endpoints.ts";
import { Alert } from "../../components/Alert.tsx";
import { Button, ButtonGroup } from "../../components/Button.tsx";
import { ErrorSummary } from "../../components/ErrorSummary.tsx";
import { fieldId, Fieldset, TextareaField } from "../../components/Form.tsx";
import { useFormat } from "../../i18n/format.ts";
import { Checkbox, CheckboxGroup } from "../plans/ChoiceFields.tsx";
import { formProblem, noFormProblem, placeErrors, type FormProblem } from "../plans/formProblem.ts";
import type { PlanLabels } from "../plans/labels.ts";
import { ownerErrors, ownerFrom } from "../plans/OwnerPicker.tsx";
import type { People } from "../plans/people.ts";
import { AgreementFields, type AgreementDraft } from "./AgreementFields.tsx";
import { useMeetingLabels } from "./labels.ts";
import { useRefreshMeetings } from "./queries.ts";
import { useFocusLater } from "./useFocusLater.ts";

const idOf = (name: string) => fieldId("mdo-hold", name);

/**
 * Recording an MDO as held: who came (and whether the family was there), the decisions, the
 * minutes, and the agreements with owner, due date and goal. The agreements become open actions
 * in the gezinsplan: in a new concept version on top of a signed plan, else in the concept.
 */
export function HoldMeetingForm({ trajectoryId, meeting, family, people, planLabels, plan, planSigned, onDone, onStale }: {
  trajectoryId: string;
  meeting: Meeting;
  family: Family;
  people: People;
  planLabels: PlanLabels;
  /** The plan the agreements go into (effective statuses); null when there is no plan yet. */
  plan: PlanContent | null;
  /** The latest version is signed: the agreements make a new concept version. */
  planSigned: boolean;
  onDone: (message: string) => void;
  onStale: () => void;
}) {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const labels = useMeetingLabels();
  const refresh = useRefreshMeetings(trajectoryId);
  const focus = useFocusLater();
  const [attended, setAttended] = useState<string[]>(() => meeting.participants.filter((p) => p.kind === "user" && p.ref === meeting.chair?.id).map((p) => p.id));
  const [familyTouched, setFamilyTouched] = useState(false);
  const [familyPresentChoice, setFamilyPresentChoice] = useState(false);
  const [decisions, setDecisions] = useState(meeting.decisions ?? "");
  const [minutes, setMinutes] = useState(meeting.minutes ?? "");
  const [agreements, setAgreements] = useState<AgreementDraft[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<FormProblem>(noFormProblem);
  const [attempt, setAttempt] = useState(0);
  const memberParticipants = new Set(meeting.participants.filter((p) => p.kind === "member").map((p) => p.id));
  const familyPresent = familyTouched ? familyPresentChoice : attended.some((id) => memberParticipants.has(id));

  const hold = useMutation({
    mutationFn: () =>
      api.holdMeeting(trajectoryId, meeting.id, {
        version: meeting.version,
        attendance: meeting.participants.map((p) => ({ participantId: p.id, attended: attended.includes(p.id) })),
        familyPresent,
        decisions: decisions.trim() || null,
        minutes: minutes.trim() || null,
        agreements: agreements.map((a) => ({ description: a.description.trim(), goalId: a.goalId, owner: ownerFrom(a), dueDate: a.dueDate })),
      }),
    onSuccess: async (saved) => {
      await refresh();
      onDone(
        saved.agreementsPlanVersion !== null
          ? t("meeting.heldWithAgreements", { count: saved.agreements.length, number: saved.agreementsPlanVersion })
          : t("meeting.held"),
      );
    },
    onError: (error) => {
      const p = formProblem(error, t, i18n.language, (n) => (n.startsWith("attendance") ? "attendance" : n));
      setProblem(p);
      if (p.stale) onStale();
      const known = ["attendance", "decisions", "minutes", "agreements", ...agreements.flatMap((_, i) => {
        const a = `agreements.${i}`;
        return [`${a}.description`, `${a}.goalId`, `${a}.owner`, `${a}.owner.memberId`, `${a}.owner.networkPersonId`, `${a}.owner.userId`, `${a}.owner.partnerOrganisationId`, `${a}.owner.organisation`, `${a}.owner.contactName`, `${a}.dueDate`];
      })];
      setErrors(placeErrors(p.fields, known, "agreements"));
      setAttempt((n) => n + 1);
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const found: Record<string, string> = {};
    const ownerT = (key: Parameters<Parameters<typeof ownerErrors>[3]>[0], o: { number: string }) =>
      t(key.replace("plan.errors.", "meeting.errors.") as "meeting.errors.owner", o);
    agreements.forEach((a, i) => {
      const path = `agreements.${i}`;
      const number = String(i + 1);
      if (!a.description.trim()) found[`${path}.description`] = t("meeting.errors.agreementDescription", { number });
      if (!a.goalId) found[`${path}.goalId`] = t("meeting.errors.agreementGoal", { number });
      Object.assign(found, ownerErrors(a, path, number, ownerT));
      if (!/^\d{4}-\d{2}-\d{2}$/.test(a.dueDate)) found[`${path}.dueDate`] = t("meeting.errors.agreementDueDate", { number });
      else if (plan && a.dueDate < plan.startDate) found[`${path}.dueDate`] = t("plan.errors.beforeStart", { date: fmt.date(plan.startDate) });
    });
    setErrors(found);
    setProblem(noFormProblem);
    setAttempt((n) => n + 1);
    if (Object.keys(found).length === 0) hold.mutate();
  }

  const summary = Object.entries(errors).map(([name, message]) => ({ target: name === "attendance" ? idOf("attendance") : idOf(name), message }));
  return (
    <form className="pw-meeting-form" noValidate onSubmit={submit} aria-labelledby="mdo-hold-heading">
      <h2 className="utrecht-heading-2" id="mdo-hold-heading">{t("meeting.holdTitle")}</h2>
      <ErrorSummary errors={summary} focusKey={attempt} />
      {problem.message && !problem.stale ? <Alert type="error" role="alert" heading={t("plan.notSaved")}><p className="utrecht-paragraph">{problem.message}</p></Alert> : null}
      <CheckboxGroup id={idOf("attendance")} legend={t("meeting.whoCame")} description={t("meeting.whoCameHint")}
        options={meeting.participants.map((p) => ({ value: p.id, label: labels.participant(p, meeting.chair?.id) }))} values={attended} onChange={setAttended} error={errors.attendance} />
      <Checkbox id={idOf("familyPresent")} label={t("meeting.familyPresentLabel")} description={t("meeting.familyPresentHint")} checked={familyPresent}
        onChange={(v) => { setFamilyTouched(true); setFamilyPresentChoice(v); }} />
      <TextareaField id={idOf("decisions")} label={t("meeting.decisions")} rows={3} maxLength={10000} value={decisions} onChange={(e) => setDecisions(e.target.value)} error={errors.decisions} />
      <TextareaField id={idOf("minutes")} label={t("meeting.minutes")} description={t("meeting.minutesHint")} rows={6} maxLength={50000} value={minutes} onChange={(e) => setMinutes(e.target.value)} error={errors.minutes} />
      <Fieldset legend={t("meeting.agreements")}>
        {plan ? (
          <>
            <p className="utrecht-paragraph">{planSigned ? t("meeting.agreementsIntoNewVersion") : t("meeting.agreementsIntoConcept")}</p>
            {errors.agreements ? <p className="utrecht-form-field-error-message" id={idOf("agreements")} tabIndex={-1}>{errors.agreements}</p> : null}
            <AgreementFields rows={agreements} onChange={setAgreements} errors={errors} idOf={idOf} focus={focus} family={family} people={people} planLabels={planLabels} plan={plan} />
          </>
        ) : (
          <p className="utrecht-paragraph">{t("meeting.agreementsNoPlan")}</p>
        )}
      </Fieldset>
      <ButtonGroup className="pw-form-actions">
        <Button type="submit" appearance="primary" busy={hold.isPending} disabled={hold.isPending || problem.stale}>{t("meeting.holdSubmit")}</Button>
      </ButtonGroup>
    </form>
  );
}
