import { STABILITY_ANSWERS, STABILITY_ITEMS, type ClosingRecord, type Family, type StabilityItem } from "@ploegwerk/domain";
import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/endpoints.ts";
import { Alert } from "../../components/Alert.tsx";
import { Button, ButtonGroup } from "../../components/Button.tsx";
import { ErrorSummary } from "../../components/ErrorSummary.tsx";
import { fieldId, TextareaField, TextField } from "../../components/Form.tsx";
import { todayIso } from "../../i18n/format.ts";
import { CheckboxGroup, RadioGroup } from "../plans/ChoiceFields.tsx";
import { formProblem, noFormProblem, placeErrors, type FormProblem } from "../plans/formProblem.ts";
import { mayNotApply, useClosingLabels } from "./labels.ts";
import { useRefreshClosing } from "./queries.ts";

type Answer = (typeof STABILITY_ANSWERS)[number];
const idOf = (name: string) => fieldId("stabiliteit", name);

/**
 * The stabilisatiecheck, filled in with the family: per item yes, no or (where it may) not
 * applicable, with a note; who of the family took part and when. Saved whole with the record's version.
 */
export function StabilityCheckForm({ trajectoryId, family, record, onDone, onStale }: {
  trajectoryId: string;
  family: Family;
  record: ClosingRecord;
  onDone: (message: string) => void;
  onStale: () => void;
}) {
  const { t, i18n } = useTranslation();
  const labels = useClosingLabels();
  const refresh = useRefreshClosing(trajectoryId);
  const saved = record.stabilityCheck;
  const [completedOn, setCompletedOn] = useState(saved?.completedOn ?? todayIso());
  const [withMembers, setWithMembers] = useState<string[]>(saved?.withMembers ?? []);
  const [answers, setAnswers] = useState<Partial<Record<StabilityItem, { answer: Answer | ""; note: string }>>>(() =>
    Object.fromEntries(STABILITY_ITEMS.map((i) => [i, { answer: saved?.answers[i]?.answer ?? "", note: saved?.answers[i]?.note ?? "" }])),
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<FormProblem>(noFormProblem);
  const [attempt, setAttempt] = useState(0);
  const set = (item: StabilityItem, patch: Partial<{ answer: Answer; note: string }>) =>
    setAnswers((a) => ({ ...a, [item]: { answer: a[item]?.answer ?? "", note: a[item]?.note ?? "", ...patch } }));

  const save = useMutation({
    mutationFn: () => {
      const body: Record<string, { answer: Answer; note: string | null }> = {};
      for (const item of STABILITY_ITEMS) {
        const a = answers[item];
        if (a && a.answer) body[item] = { answer: a.answer, note: a.note.trim() || null };
      }
      return api.saveStabilityCheck(trajectoryId, { completedOn, withMembers, answers: body, version: record.version });
    },
    onSuccess: async (r) => {
      await refresh();
      onDone(r.stabilityAssessment?.stabilised ? t("closing.stability.savedStable") : t("closing.stability.savedNotStable"));
    },
    onError: (error) => {
      const p = formProblem(error, t, i18n.language, (n) => (n.startsWith("withMembers") ? "withMembers" : n));
      setProblem(p);
      if (p.stale) onStale();
      setErrors(placeErrors(p.fields, ["completedOn", "withMembers", ...STABILITY_ITEMS.map((i) => `answers.${i}`)], "completedOn"));
      setAttempt((n) => n + 1);
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!/^\d{4}-\d{2}-\d{2}$/.test(completedOn)) found.completedOn = t("plan.errors.date");
    else if (completedOn > todayIso()) found.completedOn = t("plan.errors.future");
    if (withMembers.length === 0) found.withMembers = t("closing.stability.errors.withMembers");
    setErrors(found);
    setProblem(noFormProblem);
    setAttempt((n) => n + 1);
    if (Object.keys(found).length === 0) save.mutate();
  }

  const unanswered = STABILITY_ITEMS.filter((i) => !answers[i]?.answer).length;
  const summary = ["completedOn", "withMembers", ...STABILITY_ITEMS.map((i) => `answers.${i}`)].filter((n) => errors[n]).map((n) => ({ target: idOf(n), message: errors[n] ?? "" }));
  return (
    <form className="pw-closing-form" noValidate onSubmit={submit} aria-labelledby="stability-form-heading">
      <h4 className="utrecht-heading-4" id="stability-form-heading">{saved ? t("closing.stability.editTitle") : t("closing.stability.formTitle")}</h4>
      <ErrorSummary errors={summary} focusKey={attempt} />
      {problem.message && !problem.stale ? <Alert type="error" role="alert" heading={t("plan.notSaved")}><p className="utrecht-paragraph">{problem.message}</p></Alert> : null}
      <div className="pw-grid-2">
        <TextField id={idOf("completedOn")} label={t("closing.stability.completedOn")} required type="date" max={todayIso()} className="pw-input-date"
          value={completedOn} onChange={(e) => setCompletedOn(e.target.value)} error={errors.completedOn} />
      </div>
      <CheckboxGroup id={idOf("withMembers")} legend={t("closing.stability.withMembers")} description={t("closing.stability.withMembersHint")} required inline
        options={family.members.map((m) => ({ value: m.id, label: `${m.givenName} ${m.surname}`, hint: t(`memberRoles.${m.role}`) }))}
        values={withMembers} onChange={setWithMembers} error={errors.withMembers} />
      <p className="utrecht-paragraph" aria-live="polite">{t("closing.stability.progress", { count: STABILITY_ITEMS.length - unanswered, total: STABILITY_ITEMS.length })}</p>
      {STABILITY_ITEMS.map((item, n) => {
        const a = answers[item];
        const options = STABILITY_ANSWERS.filter((x) => x !== "not_applicable" || mayNotApply(item)).map((x) => ({ value: x, label: labels.answer(x) }));
        return (
          <div key={item} className="pw-row-card pw-stability-item">
            <RadioGroup id={idOf(`answers.${item}`)} name={`stability-${item}`} legend={`${n + 1}. ${labels.item(item)}`} inline
              options={options} value={a?.answer ?? ""} onChange={(v) => set(item, { answer: v })} error={errors[`answers.${item}`]} />
            <TextareaField id={idOf(`answers.${item}.note`)} label={t("closing.stability.note")} rows={2} maxLength={2000}
              value={a?.note ?? ""} onChange={(e) => set(item, { note: e.target.value })} />
          </div>
        );
      })}
      <p className="utrecht-paragraph pw-muted">{t("closing.stability.saveHint")}</p>
      <ButtonGroup className="pw-form-actions">
        <Button type="submit" appearance="primary" busy={save.isPending} disabled={save.isPending || problem.stale}>{t("closing.stability.save")}</Button>
      </ButtonGroup>
    </form>
  );
}
