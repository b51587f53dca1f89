import type { ClosingRecord } from "@ploegwerk/domain";
import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/endpoints.ts";
import { Alert } from "../../components/Alert.tsx";
import { Button, ButtonGroup } from "../../components/Button.tsx";
import { ErrorSummary } from "../../components/ErrorSummary.tsx";
import { fieldId, SelectField, TextareaField, TextField } from "../../components/Form.tsx";
import { formProblem, noFormProblem, placeErrors, type FormProblem } from "../plans/formProblem.ts";
import { AFTERCARE_FIELDS, useClosingLabels } from "./labels.ts";
import { useRefreshClosing } from "./queries.ts";

const idOf = (name: string) => fieldId("nazorgplan", name);
const EVERY = [1, 2, 3, 4, 6, 8, 13, 26];

/**
 * The nazorgplan: who keeps contact, how often, the handover to regular help, how a relapse
 * re-activates the coach, and when nazorg starts. It may be saved incomplete; what is still
 * missing before nazorg can start is listed in words.
 */
export function AftercarePlanForm({ trajectoryId, record, onDone, onStale }: { trajectoryId: string; record: ClosingRecord; onDone: (message: string) => void; onStale: () => void }) {
  const { t, i18n } = useTranslation();
  const labels = useClosingLabels();
  const refresh = useRefreshClosing(trajectoryId);
  const p = record.aftercarePlan;
  const [values, setValues] = useState({
    contactPersonName: p?.contactPersonName ?? "",
    contactOrganisation: p?.contactOrganisation ?? "",
    contactEveryWeeks: p?.contactEveryWeeks ? String(p.contactEveryWeeks) : "",
    handoverTo: p?.handoverTo ?? "",
    relapseAgreement: p?.relapseAgreement ?? "",
    startsOn: p?.startsOn ?? "",
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<FormProblem>(noFormProblem);
  const [attempt, setAttempt] = useState(0);
  const set = (k: keyof typeof values) => (e: { target: { value: string } }) => setValues((v) => ({ ...v, [k]: e.target.value }));
  const orNull = (s: string) => (s.trim() === "" ? null : s.trim());

  const save = useMutation({
    mutationFn: () =>
      api.saveAftercarePlan(trajectoryId, {
        contactPersonName: orNull(values.contactPersonName),
        contactOrganisation: orNull(values.contactOrganisation),
        contactEveryWeeks: values.contactEveryWeeks ? Number(values.contactEveryWeeks) : null,
        handoverTo: orNull(values.handoverTo),
        relapseAgreement: orNull(values.relapseAgreement),
        startsOn: orNull(values.startsOn),
        version: record.version,
      }),
    onSuccess: async (r) => {
      await refresh();
      onDone(r.aftercarePlanGaps.length === 0 ? t("closing.aftercare.savedComplete") : t("closing.aftercare.savedIncomplete", { count: r.aftercarePlanGaps.length }));
    },
    onError: (error) => {
      const fp = formProblem(error, t, i18n.language);
      setProblem(fp);
      if (fp.stale) onStale();
      setErrors(placeErrors(fp.fields, [...AFTERCARE_FIELDS], "contactPersonName"));
      setAttempt((n) => n + 1);
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    setErrors({});
    setProblem(noFormProblem);
    setAttempt((n) => n + 1);
    save.mutate();
  }

  const summary = AFTERCARE_FIELDS.filter((n) => errors[n]).map((n) => ({ target: idOf(n), message: errors[n] ?? "" }));
  return (
    <form className="pw-closing-form" noValidate onSubmit={submit} aria-labelledby="aftercare-form-heading">
      <h4 className="utrecht-heading-4" id="aftercare-form-heading">{p ? t("closing.aftercare.editTitle") : t("closing.aftercare.formTitle")}</h4>
      {record.aftercarePlanGaps.length > 0 ? (
        <Alert type="info" heading={t("closing.aftercare.gapsTitle", { count: record.aftercarePlanGaps.length })}>
          <ul className="utrecht-unordered-list">
            {record.aftercarePlanGaps.map((g) => (
              <li key={g.name} className="utrecht-unordered-list__item">{labels.aftercareField(g.name)}</li>
            ))}
          </ul>
        </Alert>
      ) : (
        <Alert type="ok"><p className="utrecht-paragraph">{t("closing.aftercare.complete")}</p></Alert>
      )}
      <ErrorSummary errors={summary} focusKey={attempt} />
      {problem.message && !problem.stale ? <Alert type="error" role="alert" heading={t("plan.notSaved")}><p className="utrecht-paragraph">{problem.message}</p></Alert> : null}
      <p className="utrecht-paragraph">{t("closing.aftercare.intro")}</p>
      <div className="pw-grid-2">
        <TextField id={idOf("contactPersonName")} label={labels.aftercareField("contactPersonName")} noOptionalMark maxLength={200} value={values.contactPersonName} onChange={set("contactPersonName")} error={errors.contactPersonName} />
        <TextField id={idOf("contactOrganisation")} label={labels.aftercareField("contactOrganisation")} description={t("closing.aftercare.contactOrganisationHint")} maxLength={200} value={values.contactOrganisation} onChange={set("contactOrganisation")} error={errors.contactOrganisation} />
        <SelectField id={idOf("contactEveryWeeks")} label={labels.aftercareField("contactEveryWeeks")} noOptionalMark value={values.contactEveryWeeks} onChange={set("contactEveryWeeks")} error={errors.contactEveryWeeks}>
          <option value="">{t("form.choose")}</option>
          {EVERY.map((w) => <option key={w} value={w}>{t("closing.aftercare.every", { count: w })}</option>)}
        </SelectField>
        <TextField id={idOf("startsOn")} label={labels.aftercareField("startsOn")} noOptionalMark type="date" className="pw-input-date" value={values.startsOn} onChange={set("startsOn")} error={errors.startsOn} />
      </div>
      <TextField id={idOf("handoverTo")} label={labels.aftercareField("handoverTo")} description={t("closing.aftercare.handoverHint")} noOptionalMark maxLength={500} value={values.handoverTo} onChange={set("handoverTo")} error={errors.handoverTo} />
      <TextareaField id={idOf("relapseAgreement")} label={labels.aftercareField("relapseAgreement")} description={t("closing.aftercare.relapseHint")} noOptionalMark rows={3} maxLength={2000} value={values.relapseAgreement} onChange={set("relapseAgreement")} error={errors.relapseAgreement} />
      <ButtonGroup className="pw-form-actions">
        <Button type="submit" appearance="primary" busy={save.isPending} disabled={save.isPending || problem.stale}>{t("closing.aftercare.save")}</Button>
      </ButtonGroup>
    </form>
  );
}
