import { COERCION, REFERRER_KINDS, URGENCIES, type Family, type InstrumentDefinition } from "@ploegwerk/domain";
import { useMutation } from "@tanstack/react-query";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { isApiError } from "../../api/client.ts";
import { api } from "../../api/endpoints.ts";
import type { FieldErrors } from "../../api/fieldErrors.ts";
import { Alert } from "../../components/Alert.tsx";
import { Button, ButtonGroup, ButtonLink, TextLink } from "../../components/Button.tsx";
import { ErrorSummary, type SummaryError } from "../../components/ErrorSummary.tsx";
import { Fieldset, fieldId, SelectField, TextareaField, TextField } from "../../components/Form.tsx";
import { Paragraph } from "../../components/Page.tsx";
import { todayIso, useFormat } from "../../i18n/format.ts";
import { actionProblem } from "./actionErrors.ts";
import { AgencyFields } from "./AgencyFields.tsx";
import type { TrajectoryNotice } from "./notice.ts";
import { ChoiceField } from "./ChoiceField.tsx";
import { useTrajectoryLabels } from "./labels.ts";
import { useStoreTrajectory } from "./queries.ts";
import {
  AGENCY_FIELDS,
  emptyAgency,
  emptyReferral,
  MAX_AGENCIES,
  referralBody,
  referralFieldOrder,
  validateReferral,
  type AgencyDraft,
  type ReferralDraft,
} from "./referralForm.ts";

const PREFIX = "aanmelding";
const id = (name: string) => fieldId(PREFIX, name);

let rowKey = 0;
const nextKey = () => ++rowKey;

/** The aanmeldformulier for a family in the file: who refers, why, what they see per leefgebied, safety, agencies, dwang/drang. */
export function ReferralForm({ family, instruments, initialInstrumentKey }: {
  family: Family;
  instruments: readonly InstrumentDefinition[];
  initialInstrumentKey: string;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const labels = useTrajectoryLabels();
  const navigate = useNavigate();
  const store = useStoreTrajectory();
  const [draft, setDraft] = useState<ReferralDraft>(() => emptyReferral(initialInstrumentKey));
  const [agencies, setAgencies] = useState<{ key: number; value: AgencyDraft }[]>([]);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<{ text: string; openTrajectory: boolean } | null>(null);
  const [attempt, setAttempt] = useState(0);
  const focusAfterRender = useRef<string | null>(null);
  const def = instruments.find((d) => d.key === draft.instrumentKey);

  useEffect(() => {
    if (focusAfterRender.current) {
      document.getElementById(focusAfterRender.current)?.focus();
      focusAfterRender.current = null;
    }
  });

  const create = useMutation({
    mutationFn: (d: InstrumentDefinition) =>
      api.createReferral({ family: { id: family.id }, referral: referralBody(draft, agencies.map((a) => a.value), d) }),
    onSuccess: (saved) => {
      store(saved);
      const state: TrajectoryNotice = { notice: t("referral.saved"), version: saved.version };
      void navigate(`/trajecten/${saved.id}`, { state });
    },
    onError: (error) => {
      const problem = actionProblem(error, t, "referral.");
      setErrors(problem.fields);
      setMessage(problem.message ? { text: problem.message, openTrajectory: isApiError(error) && error.isConflict("open_trajectory") } : null);
      setAttempt((n) => n + 1);
    },
  });

  const set = (field: keyof ReferralDraft) => (e: { target: { value: string } }) => setDraft((d) => ({ ...d, [field]: e.target.value }));

  function submit(event: FormEvent) {
    event.preventDefault();
    const found = validateReferral(draft, agencies.map((a) => a.value), def, t);
    setErrors(found);
    setMessage(null);
    setAttempt((n) => n + 1);
    if (Object.keys(found).length > 0 || !def) return;
    create.mutate(def);
  }

  function addAgency() {
    const index = agencies.length;
    setAgencies((list) => [...list, { key: nextKey(), value: emptyAgency() }]);
    focusAfterRender.current = id(`agencies.${index}.organisation`);
  }

  function removeAgency(index: number) {
    setAgencies((list) => list.filter((_, i) => i !== index));
    setErrors({});
    focusAfterRender.current = "agencies-add";
  }

  const order = referralFieldOrder(def, agencies.length);
  const summary: SummaryError[] = [
    ...order.filter((n) => errors[n]).map((n) => ({ target: id(n), message: errors[n] ?? "" })),
    ...Object.entries(errors)
      .filter(([n]) => !order.includes(n))
      .map(([n, text]) => ({
        target: n.startsWith("agencies") ? "agencies-add" : n.startsWith("problems") || n === "instrumentKey" ? id("instrumentKey") : id("receivedOn"),
        message: `${n}: ${text}`,
      })),
  ];
  const agencyErrors = (i: number) =>
    Object.fromEntries(AGENCY_FIELDS.filter((f) => errors[`agencies.${i}.${f}`]).map((f) => [f, errors[`agencies.${i}.${f}`]]));

  return (
    <>
      <ErrorSummary errors={summary} focusKey={attempt} />
      {message ? (
        <Alert type="error" role="alert" heading={message.openTrajectory ? t("referral.openTrajectoryTitle") : undefined}>
          <p className="utrecht-paragraph">{message.text}</p>
          {message.openTrajectory ? (
            <p className="utrecht-paragraph"><TextLink to={`/gezinnen/${family.id}`}>{t("referral.backToFamily", { caseNumber: family.caseNumber })}</TextLink></p>
          ) : null}
        </Alert>
      ) : null}
      <form className="utrecht-form pw-form pw-traj-form" noValidate onSubmit={submit}>
        <Fieldset legend={t("referral.receivedSection")}>
          <div className="pw-grid-2">
            <TextField id={id("receivedOn")} type="date" label={t("referral.receivedOn")} required max={todayIso()}
              description={t("referral.receivedOnHint")} value={draft.receivedOn} onChange={set("receivedOn")} error={errors.receivedOn} />
          </div>
          <ChoiceField id={id("urgency")} name="urgency" legend={t("referral.urgency")} required inline
            choices={URGENCIES.map((u) => ({ value: u, label: labels.urgency(u) }))}
            value={draft.urgency} onChange={(urgency) => setDraft((d) => ({ ...d, urgency }))} error={errors.urgency} />
        </Fieldset>

        <Fieldset legend={t("referral.referrerSection")}>
          <div className="pw-grid-2">
            <SelectField id={id("referrerKind")} label={t("referral.referrerKind")} required value={draft.referrerKind}
              onChange={set("referrerKind")} error={errors.referrerKind}>
              <option value="">{t("form.choose")}</option>
              {REFERRER_KINDS.map((k) => <option key={k} value={k}>{labels.referrerKind(k)}</option>)}
            </SelectField>
            <TextField id={id("referrerOrganisation")} label={t("referral.referrerOrganisation")} required autoComplete="organization"
              value={draft.referrerOrganisation} onChange={set("referrerOrganisation")} error={errors.referrerOrganisation} />
            <TextField id={id("referrerName")} label={t("referral.referrerName")} required autoComplete="off"
              value={draft.referrerName} onChange={set("referrerName")} error={errors.referrerName} />
            <TextField id={id("referrerContact")} label={t("referral.referrerContact")} autoComplete="off" description={t("network.contactHint")}
              value={draft.referrerContact} onChange={set("referrerContact")} error={errors.referrerContact} />
          </div>
        </Fieldset>

        <Fieldset legend={t("referral.reasonSection")}>
          <TextareaField id={id("reason")} label={t("referral.reason")} required rows={4} description={t("referral.reasonHint")}
            value={draft.reason} onChange={set("reason")} error={errors.reason} />
          <TextareaField id={id("safetyConcerns")} label={t("referral.safetyConcerns")} rows={3} description={t("referral.safetyConcernsHint")}
            value={draft.safetyConcerns} onChange={set("safetyConcerns")} error={errors.safetyConcerns} />
        </Fieldset>

        <Fieldset legend={t("referral.problemsSection")}>
          <Paragraph>{t("referral.problemsIntro")}</Paragraph>
          {instruments.length > 1 ? (
            <div className="pw-grid-2">
              <SelectField id={id("instrumentKey")} label={t("referral.instrument")} required description={t("referral.instrumentHint")}
                value={draft.instrumentKey} error={errors.instrumentKey}
                onChange={(e) => setDraft((d) => ({ ...d, instrumentKey: e.target.value, problems: {} }))}>
                {instruments.map((d) => <option key={d.key} value={d.key}>{fmt.text(d.name)}</option>)}
              </SelectField>
            </div>
          ) : null}
          <div className="pw-grid-2">
            {(def?.domains ?? []).map((domain) => (
              <TextareaField key={domain.key} id={id(`problems.${domain.key}`)} label={fmt.text(domain.label)} rows={2}
                value={draft.problems[domain.key] ?? ""} error={errors[`problems.${domain.key}`]}
                onChange={(e) => setDraft((d) => ({ ...d, problems: { ...d.problems, [domain.key]: e.target.value } }))} />
            ))}
          </div>
        </Fieldset>

        <section className="pw-form-section" aria-labelledby="agencies-heading">
          <h2 className="utrecht-heading-2" id="agencies-heading">{t("referral.agenciesSection")}</h2>
          <Paragraph>{t("referral.agenciesIntro")}</Paragraph>
          {agencies.map((a, i) => (
            <Fieldset key={a.key} legend={t("referral.agencyLegend", { n: i + 1 })} className="pw-row-card">
              <AgencyFields idPrefix={PREFIX} nameBase={`agencies.${i}`} value={a.value} errors={agencyErrors(i)}
                onChange={(value) => setAgencies((list) => list.map((row, j) => (j === i ? { ...row, value } : row)))} />
              <Button appearance="subtle" onClick={() => removeAgency(i)}>{t("referral.removeAgency", { n: i + 1 })}</Button>
            </Fieldset>
          ))}
          {agencies.length < MAX_AGENCIES ? (
            <Button id="agencies-add" appearance="secondary" onClick={addAgency}>{t("referral.addAgency")}</Button>
          ) : null}
        </section>

        <Fieldset legend={t("referral.coercionSection")}>
          <ChoiceField id={id("coercion")} name="coercion" legend={t("referral.coercion")} required inline description={t("referral.coercionHint")}
            choices={COERCION.map((c) => ({ value: c, label: labels.coercion(c) }))}
            value={draft.coercion} onChange={(coercion) => setDraft((d) => ({ ...d, coercion }))} error={errors.coercion} />
          {draft.coercion !== "none" ? (
            <TextareaField id={id("coercionNote")} label={t("referral.coercionNote")} required rows={3} description={t("referral.coercionNoteHint")}
              value={draft.coercionNote} onChange={set("coercionNote")} error={errors.coercionNote} />
          ) : null}
        </Fieldset>

        <ButtonGroup className="pw-form-actions">
          <Button type="submit" appearance="primary" busy={create.isPending} disabled={create.isPending}>
            {create.isPending ? t("common.saving") : t("referral.submit")}
          </Button>
          <ButtonLink to={`/gezinnen/${family.id}`} appearance="subtle">{t("common.cancel")}</ButtonLink>
        </ButtonGroup>
      </form>
    </>
  );
}
