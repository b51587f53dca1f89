import { COST_UNITS, EVIDENCE_LEVELS, RECOGNITIONS, TARGET_GROUPS, type Intervention } from "@ploegwerk/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { isApiError } from "../../api/client.ts";
import { api } from "../../api/endpoints.ts";
import { problemMessage } from "../../api/fieldErrors.ts";
import { keys } from "../../api/queryKeys.ts";
import { Alert } from "../../components/Alert.tsx";
import { Button, ButtonGroup, ButtonLink } from "../../components/Button.tsx";
import { CheckboxField } from "../../components/CheckboxField.tsx";
import { ErrorSummary } from "../../components/ErrorSummary.tsx";
import { Fieldset, fieldId, SelectField, TextareaField, TextField } from "../../components/Form.tsx";
import { Paragraph } from "../../components/Page.tsx";
import { placeErrors } from "../plans/formProblem.ts";
import { usePartnerOrganisations } from "../partners/queries.ts";
import { createBody, draftErrors, draftOf, emptyDraft, newKey, updateBody, type EntryDraft, type SourceDraft } from "./entryDraft.ts";
import { useCatalogueLabels } from "./labels.ts";
import { useLeefgebieden } from "./queries.ts";
import { catalogueReason } from "./reasons.ts";

const PREFIX = "intervention";
const idOf = (name: string) => fieldId(PREFIX, name);

/** The fields the form shows, in order (server errors on other names go to the nearest of these). */
function knownFields(d: EntryDraft): string[] {
  return [
    "key", "name", "summary", "targetGroup", "targetGroups", "goal", "theory", "method", "provider", "providerPartnerId", "geographicReach", "regions", "domains",
    "evidenceLevel", "recognition", "costCents", "costUnit", "costIncludes", "contact",
    ...d.sources.flatMap((_, i) => [`sources.${i}.title`, `sources.${i}.url`, `sources.${i}.year`]),
    "sources", "active",
  ];
}

/** Where an error on a field sends the user: checkbox groups to their first box. */
function targetOf(name: string): string {
  if (name === "targetGroups") return idOf(`targetGroups.${TARGET_GROUPS[0]}`);
  if (name === "domains") return idOf("domains-first");
  if (name === "sources") return "intervention-add-source";
  return idOf(name);
}

/** A new entry (no `entry`) or a change to one: all fields, with errors beside them and a summary on top. */
export function InterventionForm({ entry }: { entry?: Intervention }) {
  const { t, i18n } = useTranslation();
  const labels = useCatalogueLabels();
  const leefgebieden = useLeefgebieden();
  const partners = usePartnerOrganisations();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<EntryDraft>(() => (entry ? draftOf(entry) : emptyDraft()));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const edit = (fn: (d: EntryDraft) => void) => setDraft((d) => {
    const copy: EntryDraft = { ...d, targetGroups: [...d.targetGroups], domains: [...d.domains], sources: d.sources.map((s) => ({ ...s })) };
    fn(copy);
    return copy;
  });
  const text = (field: { [K in keyof EntryDraft]: EntryDraft[K] extends string ? K : never }[keyof EntryDraft]) => ({
    value: draft[field],
    onChange: (e: { target: { value: string } }) => { const v = e.target.value; edit((d) => { d[field] = v; }); },
    error: errors[field === "cost" ? "costCents" : field],
    id: idOf(field === "cost" ? "costCents" : field),
  });

  const save = useMutation({
    mutationFn: () => (entry ? api.updateIntervention(entry.id, updateBody(draft, entry.version)) : api.createIntervention(createBody(draft))),
    onSuccess: async (saved) => {
      queryClient.setQueryData(keys.intervention(saved.id), saved);
      await queryClient.invalidateQueries({ queryKey: keys.interventionsAll });
      void navigate(`/wat-werkt/${saved.id}`, { state: { message: entry ? t("catalogue.savedMessage", { name: saved.name }) : t("catalogue.addedMessage", { name: saved.name }) } });
    },
    onError: (error) => {
      setAttempt((n) => n + 1);
      if (isApiError(error) && error.isConflict("stale_version")) return setProblem(t("catalogue.stale"));
      if (isApiError(error) && error.isConflict("intervention_key_taken")) return setErrors({ key: t("catalogue.errors.keyTaken") });
      if (isApiError(error) && error.status === 400 && error.invalidParams.length > 0) {
        const fields = Object.fromEntries(error.invalidParams.map((p) => [p.name.replace(/^body\./, ""), catalogueReason(p.reason, t, i18n.language)]));
        setErrors(placeErrors(fields, knownFields(draft), "name"));
        return setProblem(null);
      }
      setProblem(problemMessage(error, t));
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found = draftErrors(draft, (k) => t(`catalogue.errors.${k}`));
    setErrors(found);
    setProblem(null);
    setAttempt((n) => n + 1);
    if (Object.keys(found).length === 0) save.mutate();
  };
  const summary = knownFields(draft).filter((n) => errors[n]).map((n) => ({ target: targetOf(n), message: errors[n] ?? "" }));
  const toggle = <T extends string>(list: T[], value: T, on: boolean) => (on ? (list.includes(value) ? list : [...list, value]) : list.filter((x) => x !== value));
  const addSource = () => {
    const key = newKey();
    edit((d) => { d.sources.push({ key, title: "", url: "", year: "" }); });
    requestAnimationFrame(() => document.getElementById(idOf(`sources.${draft.sources.length}.title`))?.focus());
  };
  const removeSource = (i: number) => {
    edit((d) => { d.sources.splice(i, 1); });
    requestAnimationFrame(() => document.getElementById("intervention-add-source")?.focus());
  };
  const setSource = (i: number, field: keyof Omit<SourceDraft, "key">) => (e: { target: { value: string } }) => {
    const v = e.target.value;
    edit((d) => { const s = d.sources[i]; if (s) s[field] = v; });
  };

  return (
    <form noValidate onSubmit={submit} aria-label={entry ? t("catalogue.editTitle", { name: entry.name }) : t("catalogue.newTitle")}>
      <Paragraph>{t("catalogue.formIntro")}</Paragraph>
      <ErrorSummary errors={summary} focusKey={attempt} />
      {problem ? <Alert type="error" role="alert" heading={t("catalogue.notSaved")}><p className="utrecht-paragraph">{problem}</p></Alert> : null}
      <TextField label={t("catalogue.name")} required maxLength={200} autoComplete="off" {...text("name")} />
      {entry ? null : <TextField label={t("catalogue.key")} description={t("catalogue.keyHint")} maxLength={100} autoComplete="off" {...text("key")} />}
      <TextareaField label={t("catalogue.summary")} description={t("catalogue.summaryHint")} rows={2} maxLength={1000} {...text("summary")} />
      <TextareaField label={t("catalogue.targetGroupText")} rows={3} maxLength={5000} {...text("targetGroup")} />
      <Fieldset legend={t("catalogue.chooseTargetGroups")}>
        {errors.targetGroups ? <p className="utrecht-form-field-error-message">{errors.targetGroups}</p> : null}
        {TARGET_GROUPS.map((g) => (
          <CheckboxField key={g} id={idOf(`targetGroups.${g}`)} className="pw-option" label={labels.targetGroup(g)} checked={draft.targetGroups.includes(g)}
            onChange={(on) => edit((d) => { d.targetGroups = toggle(d.targetGroups, g, on); })} />
        ))}
      </Fieldset>
      <TextareaField label={t("catalogue.goal")} rows={3} maxLength={5000} {...text("goal")} />
      <TextareaField label={t("catalogue.theory")} rows={3} maxLength={5000} {...text("theory")} />
      <TextareaField label={t("catalogue.method")} rows={4} maxLength={5000} {...text("method")} />
      <div className="pw-grid-2">
        <TextField label={t("catalogue.provider")} maxLength={300} autoComplete="off" {...text("provider")} />
        <SelectField label={t("catalogue.providerPartner")} description={t("catalogue.providerPartnerHint")} {...text("providerPartnerId")}>
          <option value="">{t("catalogue.providerPartnerNone")}</option>
          {(partners.data?.items ?? []).map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
        </SelectField>
        <TextField label={t("catalogue.geographicReach")} maxLength={500} autoComplete="off" {...text("geographicReach")} />
        <TextField label={t("catalogue.regions")} description={t("catalogue.regionsHint")} autoComplete="off" {...text("regions")} />
      </div>
      <Fieldset legend={t("catalogue.chooseLeefgebieden")}>
        {errors.domains ? <p className="utrecht-form-field-error-message" id={idOf("domains-error")}>{errors.domains}</p> : null}
        {leefgebieden.options.map((o, i) => (
          <CheckboxField key={o.key} id={i === 0 ? idOf("domains-first") : idOf(`domains.${o.key}`)} className="pw-option" label={o.label} checked={draft.domains.includes(o.key)}
            onChange={(on) => edit((d) => { d.domains = toggle(d.domains, o.key, on); })} />
        ))}
      </Fieldset>
      <div className="pw-grid-2">
        <SelectField label={t("catalogue.evidence")} {...text("evidenceLevel")}>
          <option value="">{t("catalogue.notAssessed")}</option>
          {EVIDENCE_LEVELS.map((l) => <option key={l} value={String(l)}>{labels.evidence(l)}</option>)}
        </SelectField>
        <SelectField label={t("catalogue.recognition")} {...text("recognition")}>
          <option value="">{t("catalogue.noRecognition")}</option>
          {RECOGNITIONS.map((r) => <option key={r} value={r}>{labels.recognition(r)}</option>)}
        </SelectField>
        <TextField label={t("catalogue.cost")} description={t("catalogue.errors.cost")} inputMode="decimal" autoComplete="off" {...text("cost")} />
        <SelectField label={t("catalogue.costUnit")} {...text("costUnit")}>
          <option value="">{t("catalogue.costUnknown")}</option>
          {COST_UNITS.map((u) => <option key={u} value={u}>{labels.costUnit(u)}</option>)}
        </SelectField>
      </div>
      <TextareaField label={t("catalogue.costIncludes")} rows={2} maxLength={1000} {...text("costIncludes")} />
      <TextField label={t("catalogue.contact")} maxLength={500} autoComplete="off" {...text("contact")} />
      <Fieldset legend={t("catalogue.sourcesTitle")}>
        {draft.sources.map((s, i) => (
          <Fieldset key={s.key} legend={t("catalogue.sourceN", { number: i + 1 })} className="pw-row-card">
            <TextField id={idOf(`sources.${i}.title`)} label={t("catalogue.sourceTitle")} required maxLength={300} value={s.title} onChange={setSource(i, "title")} error={errors[`sources.${i}.title`]} />
            <div className="pw-grid-2">
              <TextField id={idOf(`sources.${i}.url`)} label={t("catalogue.sourceUrl")} type="url" maxLength={2000} value={s.url} onChange={setSource(i, "url")} error={errors[`sources.${i}.url`]} />
              <TextField id={idOf(`sources.${i}.year`)} label={t("catalogue.sourceYear")} inputMode="numeric" maxLength={4} value={s.year} onChange={setSource(i, "year")} error={errors[`sources.${i}.year`]} />
            </div>
            <Button appearance="subtle" onClick={() => removeSource(i)}>{t("catalogue.removeSource", { number: i + 1 })}</Button>
          </Fieldset>
        ))}
        <Button id="intervention-add-source" onClick={addSource}>{t("catalogue.addSource")}</Button>
      </Fieldset>
      {entry ? (
        <CheckboxField id={idOf("active")} label={t("catalogue.activeField")} description={t("catalogue.activeFieldHint")} checked={draft.active}
          onChange={(on) => edit((d) => { d.active = on; })} error={errors.active} />
      ) : null}
      <ButtonGroup>
        <Button type="submit" appearance="primary" busy={save.isPending} disabled={save.isPending}>{t("common.save")}</Button>
        <ButtonLink appearance="subtle" to={entry ? `/wat-werkt/${entry.id}` : "/wat-werkt"}>{t("common.cancel")}</ButtonLink>
      </ButtonGroup>
    </form>
  );
}
