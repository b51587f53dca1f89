import { SIGNATURE_METHODS, type Family, type PlanVersionDetail } from "@ploegwerk/domain";
import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/endpoints.ts";
import { Alert } from "../../components/Alert.tsx";
import { Button, ButtonGroup } from "../../components/Button.tsx";
import { ErrorSummary } from "../../components/ErrorSummary.tsx";
import { TextField } from "../../components/Form.tsx";
import { todayIso, useFormat } from "../../i18n/format.ts";
import { CheckboxGroup, RadioGroup } from "./ChoiceFields.tsx";
import { formProblem, noFormProblem, placeErrors, type FormProblem } from "./formProblem.ts";
import type { PlanLabels } from "./labels.ts";
import { useRefreshPlan } from "./queries.ts";

type Method = (typeof SIGNATURE_METHODS)[number];
const ID = "sign";

/**
 * Recording the family's signature on the latest concept: who of the family signed, when, and how
 * (on paper or on screen). The concept's edit counter goes along, so the family never signs a
 * text that changed after they read it.
 */
export function SignPlanForm({ trajectoryId, family, concept, labels, onSigned }: {
  trajectoryId: string;
  family: Family;
  concept: PlanVersionDetail;
  labels: PlanLabels;
  onSigned: (message: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const refresh = useRefreshPlan(trajectoryId);
  const [signedBy, setSignedBy] = useState<string[]>([]);
  const [signedOn, setSignedOn] = useState(todayIso());
  const [method, setMethod] = useState<Method | "">("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<FormProblem>(noFormProblem);
  const [attempt, setAttempt] = useState(0);
  const parents = new Set(family.members.filter((m) => m.role === "parent").map((m) => m.id));

  const sign = useMutation({
    mutationFn: () => api.signPlan(trajectoryId, concept.number, { signedBy, signedOn, method: method || "paper", version: concept.version }),
    onSuccess: async (saved) => {
      await refresh();
      onSigned(t("plan.signedSaved", { number: saved.number }));
    },
    onError: (error) => {
      const p = formProblem(error, t, i18n.language);
      setProblem(p);
      setErrors(placeErrors(p.fields, ["signedBy", "signedOn", "method"], "signedBy"));
      setAttempt((n) => n + 1);
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (signedBy.length === 0) found.signedBy = t("plan.errors.signedByNone");
    else if (!signedBy.some((id) => parents.has(id))) found.signedBy = t("plan.errors.signedByParent");
    if (!/^\d{4}-\d{2}-\d{2}$/.test(signedOn)) found.signedOn = t("plan.errors.date");
    else if (signedOn > todayIso()) found.signedOn = t("plan.errors.future");
    else if (signedOn < concept.createdOn) found.signedOn = t("plan.errors.beforeVersion", { date: fmt.date(concept.createdOn) });
    if (!method) found.method = t("plan.errors.method");
    setErrors(found);
    setProblem(noFormProblem);
    setAttempt((n) => n + 1);
    if (Object.keys(found).length === 0) sign.mutate();
  }

  const order = ["signedBy", "signedOn", "method"];
  const summary = order.filter((n) => errors[n]).map((n) => ({ target: `${ID}-${n}`, message: errors[n] ?? "" }));
  return (
    <form className="pw-sign-form" noValidate onSubmit={submit}>
      <ErrorSummary errors={summary} focusKey={attempt} />
      {problem.stale ? (
        <Alert type="error" role="alert" heading={t("plan.signStaleTitle")}>
          <p className="utrecht-paragraph">{t("plan.signStaleBody")}</p>
          <Button appearance="primary" onClick={() => { setProblem(noFormProblem); void refresh(); }}>{t("plan.reload")}</Button>
        </Alert>
      ) : problem.message ? (
        <Alert type="error" role="alert" heading={t("plan.notSaved")}><p className="utrecht-paragraph">{problem.message}</p></Alert>
      ) : null}
      <CheckboxGroup
        id={`${ID}-signedBy`}
        legend={t("plan.signedBy")}
        description={t("plan.signedByHint")}
        required
        options={family.members.map((m) => ({ value: m.id, label: `${m.givenName} ${m.surname}`, hint: t(`memberRoles.${m.role}`) }))}
        values={signedBy}
        onChange={setSignedBy}
        error={errors.signedBy}
      />
      <TextField id={`${ID}-signedOn`} label={t("plan.signedOn")} required type="date" min={concept.createdOn} max={todayIso()} className="pw-input-date"
        value={signedOn} onChange={(e) => setSignedOn(e.target.value)} error={errors.signedOn} />
      <RadioGroup
        id={`${ID}-method`}
        name="sign-method"
        legend={t("plan.method")}
        inline
        options={SIGNATURE_METHODS.map((m) => ({ value: m, label: labels.method(m) }))}
        value={method}
        onChange={setMethod}
        error={errors.method}
      />
      <ButtonGroup>
        <Button type="submit" appearance="primary" busy={sign.isPending} disabled={sign.isPending || problem.stale}>
          {t("plan.signSubmit", { number: concept.number })}
        </Button>
      </ButtonGroup>
    </form>
  );
}
