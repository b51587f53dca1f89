import type { FamilyGroupConference, NetworkAgreement, PlanContent } from "@ploegwerk/domain";
import { useMutation } from "@tanstack/react-query";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/endpoints.ts";
import { keys } from "../../api/queryKeys.ts";
import { Alert } from "../../components/Alert.tsx";
import { Button, ButtonGroup } from "../../components/Button.tsx";
import { CheckboxField } from "../../components/CheckboxField.tsx";
import { ErrorSummary } from "../../components/ErrorSummary.tsx";
import { fieldId, Fieldset, SelectField } from "../../components/Form.tsx";
import { useFormat } from "../../i18n/format.ts";
import type { PlanLabels } from "../plans/labels.ts";
import { useRefreshPlan } from "../plans/queries.ts";
import { agreementOwnerText } from "./agreementOwnerText.ts";
import { conferenceProblem } from "./conferenceProblem.ts";
import { useRefreshKey } from "./registerQueries.ts";

interface Choice {
  chosen: boolean;
  goalId: string;
}

/**
 * "In het gezinsplan zetten": the coach picks agreements of a held conference's network plan and,
 * for each, the goal of the gezinsplan it belongs under. They become open actions owned by the same
 * member or network person, in the concept (or a new concept on top of a signed plan).
 */
export function ConferenceToPlanForm({ trajectoryId, conference, plan, latest, latestSigned, inPlan, planLabels, onDone, onCancel }: {
  trajectoryId: string;
  conference: FamilyGroupConference;
  /** The latest version of the gezinsplan, with at least one goal. */
  plan: PlanContent;
  latest: number;
  latestSigned: boolean;
  inPlan: ReadonlySet<string>;
  planLabels: PlanLabels;
  onDone: (message: string, planVersion: number) => void;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const refreshPlan = useRefreshPlan(trajectoryId);
  const refreshKey = useRefreshKey();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [choices, setChoices] = useState<Record<string, Choice>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const prefix = `ekc-plan-${conference.id}`;
  const idOf = (name: string) => fieldId(prefix, name);
  const headingId = `${prefix}-heading`;
  const open = conference.agreements.filter((a) => !inPlan.has(a.id));
  const placed = conference.agreements.filter((a) => inPlan.has(a.id));
  const numberOf = (a: NetworkAgreement) => conference.agreements.indexOf(a) + 1;
  const choiceOf = (id: string): Choice => choices[id] ?? { chosen: false, goalId: "" };
  const set = (id: string, patch: Partial<Choice>) => setChoices((c) => ({ ...c, [id]: { ...choiceOf(id), ...patch } }));
  const placements = open.filter((a) => choiceOf(a.id).chosen).map((a) => ({ agreementId: a.id, goalId: choiceOf(a.id).goalId }));

  useEffect(() => headingRef.current?.focus(), []);

  const place = useMutation({
    mutationFn: () => api.placeConferenceAgreements(trajectoryId, conference.id, { placements }),
    onSuccess: async ({ planVersion }) => {
      await Promise.all([refreshPlan(), refreshKey(keys.familyGroupConferences(trajectoryId))]);
      onDone(t("closing.ekc.toPlan.done", { count: placements.length, number: planVersion }), planVersion);
    },
    onError: (error) => {
      const p = conferenceProblem(error, t, i18n.language, fmt.date);
      // "placements.1.goalId" is about the second agreement sent; put it on that agreement's controls.
      const byField: Record<string, string> = {};
      for (const [name, text] of Object.entries(p.fields)) {
        const m = /^placements\.(\d+)(?:\.(.*))?$/.exec(name);
        const id = m ? placements[Number(m[1])]?.agreementId : undefined;
        const target = id ? (m?.[2] === "goalId" ? `${id}.goalId` : `${id}.chosen`) : "placements";
        byField[target] = byField[target] ? `${byField[target]} ${text}` : text;
      }
      setErrors(byField);
      setMessage(p.stale ? t("closing.ekc.toPlan.stale") : p.message);
      if (p.stale) void refreshPlan();
      setAttempt((n) => n + 1);
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (placements.length === 0) found.placements = t("closing.ekc.toPlan.errors.none");
    for (const a of open) {
      const c = choiceOf(a.id);
      if (!c.chosen) continue;
      if (a.dueDate < plan.startDate) found[`${a.id}.chosen`] = t("closing.ekc.toPlan.errors.beforeStart", { number: numberOf(a), date: fmt.date(a.dueDate), start: fmt.date(plan.startDate) });
      if (!c.goalId) found[`${a.id}.goalId`] = t("closing.ekc.toPlan.errors.goal", { number: numberOf(a) });
    }
    setErrors(found);
    setMessage(null);
    setAttempt((n) => n + 1);
    if (Object.keys(found).length === 0) place.mutate();
  }

  const summary = Object.entries(errors).map(([name, text]) => ({ target: idOf(name), message: text }));
  return (
    <form className="pw-panel pw-closing-form" noValidate onSubmit={submit} aria-labelledby={headingId}>
      <h3 className="utrecht-heading-3" id={headingId} ref={headingRef} tabIndex={-1}>{t("closing.ekc.toPlan.title")}</h3>
      <ErrorSummary errors={summary} focusKey={attempt} />
      {message ? <Alert type="error" role="alert" heading={t("plan.notSaved")}><p className="utrecht-paragraph">{message}</p></Alert> : null}
      <p className="utrecht-paragraph">{latestSigned ? t("closing.ekc.toPlan.intoNewVersion", { number: latest + 1 }) : t("closing.ekc.toPlan.intoConcept", { number: latest })}</p>
      {placed.length > 0 ? (
        <>
          <p className="utrecht-paragraph">{t("closing.ekc.toPlan.alreadyInList")}</p>
          <ul className="utrecht-unordered-list">
            {placed.map((a) => <li key={a.id} className="utrecht-unordered-list__item">{a.description}</li>)}
          </ul>
        </>
      ) : null}
      <Fieldset legend={t("closing.ekc.toPlan.choose")} describedBy={`${prefix}-hint`}>
        <p className="utrecht-paragraph" id={`${prefix}-hint`}>{t("closing.ekc.toPlan.chooseHint")}</p>
        {errors.placements ? <p className="utrecht-form-field-error-message" id={idOf("placements")} tabIndex={-1}>{errors.placements}</p> : null}
        {open.map((a) => {
          const number = numberOf(a);
          const c = choiceOf(a.id);
          return (
            <Fieldset key={a.id} legend={t("closing.ekc.agreementN", { number })} className="pw-row-card pw-row-card--action">
              <p className="utrecht-paragraph">
                {a.description}
                <span className="pw-cell-note">{t("closing.ekc.agreementWhoWhen", { owner: agreementOwnerText(a, t), date: fmt.date(a.dueDate) })}</span>
              </p>
              <CheckboxField id={idOf(`${a.id}.chosen`)} label={t("closing.ekc.toPlan.put", { number })} checked={c.chosen}
                onChange={(chosen) => set(a.id, { chosen })} error={errors[`${a.id}.chosen`]} />
              {c.chosen ? (
                <SelectField id={idOf(`${a.id}.goalId`)} label={t("closing.ekc.toPlan.goal", { number })} required value={c.goalId}
                  onChange={(e) => set(a.id, { goalId: e.target.value })} error={errors[`${a.id}.goalId`]}>
                  <option value="">{t("form.choose")}</option>
                  {plan.goals.map((g, gi) => (
                    <option key={g.id} value={g.id}>{t("plan.goalN", { number: gi + 1 })}: {planLabels.domain(g.domain)} – {g.description}</option>
                  ))}
                </SelectField>
              ) : null}
            </Fieldset>
          );
        })}
      </Fieldset>
      <ButtonGroup className="pw-form-actions">
        <Button type="submit" appearance="primary" busy={place.isPending} disabled={place.isPending}>{t("closing.ekc.toPlan.submit")}</Button>
        <Button appearance="subtle" onClick={onCancel}>{t("common.cancel")}</Button>
      </ButtonGroup>
    </form>
  );
}
