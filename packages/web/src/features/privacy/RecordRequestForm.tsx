import { PRIVACY_REQUEST_KINDS, type Family, type PrivacyRequest, type PrivacyRequestKind } from "@ploegwerk/domain";
import { useEffect, useId, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/endpoints.ts";
import { Alert } from "../../components/Alert.tsx";
import { Button, ButtonGroup } from "../../components/Button.tsx";
import { ErrorSummary } from "../../components/ErrorSummary.tsx";
import { fieldId, SelectField, TextareaField, TextField } from "../../components/Form.tsx";
import { todayIso } from "../../i18n/format.ts";
import { useAddForm } from "../closing/useAddForm.ts";
import { RadioGroup } from "../plans/ChoiceFields.tsx";
import { usePrivacyLabels } from "./labels.ts";

const FIELDS = ["kind", "memberId", "requestedBy", "receivedOn", "description"] as const;

/** Records an AVG request as it came in: what is asked, about whom, by whom and on which day. */
export function RecordRequestForm({ family, onSaved, onCancel }: { family: Family; onSaved: (saved: PrivacyRequest) => Promise<void> | void; onCancel: () => void }) {
  const { t } = useTranslation();
  const label = usePrivacyLabels();
  const headingId = useId();
  const idOf = (name: string) => fieldId("avg-request", name);
  const [kind, setKind] = useState<PrivacyRequestKind | "">("");
  const [memberId, setMemberId] = useState("");
  const [requestedBy, setRequestedBy] = useState("");
  const [receivedOn, setReceivedOn] = useState(todayIso());
  const [description, setDescription] = useState("");
  // The form opens away from its button: focus goes to its first field.
  useEffect(() => {
    document.getElementById(fieldId("avg-request", "kind"))?.focus();
  }, []);
  const form = useAddForm({
    fields: FIELDS,
    validate: () => {
      const e: Record<string, string> = {};
      if (!kind) e.kind = t("privacy.requests.errors.kind");
      if (!requestedBy.trim()) e.requestedBy = t("privacy.requests.errors.requestedBy");
      if (!receivedOn) e.receivedOn = t("privacy.requests.errors.date");
      else if (receivedOn > todayIso()) e.receivedOn = t("privacy.requests.errors.future");
      return e;
    },
    call: () => api.recordPrivacyRequest(family.id, { kind: kind || "inzage", memberId: memberId || null, requestedBy, receivedOn, description: description.trim() || null }),
    onSaved,
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    form.submit();
  };
  const summary = FIELDS.filter((n) => form.errors[n]).map((n) => ({ target: idOf(n), message: form.errors[n] ?? "" }));
  return (
    <form className="pw-panel" noValidate onSubmit={submit} aria-labelledby={headingId}>
      <h4 className="utrecht-heading-4" id={headingId}>{t("privacy.requests.form.title")}</h4>
      <ErrorSummary errors={summary} focusKey={form.attempt} />
      {form.problem.message ? <Alert type="error" role="alert" heading={t("privacy.requests.notSaved")}><p className="utrecht-paragraph">{form.problem.message}</p></Alert> : null}
      <RadioGroup id={idOf("kind")} name={idOf("kind")} legend={t("privacy.requests.form.kind")}
        options={PRIVACY_REQUEST_KINDS.map((k) => ({ value: k, label: label.kind(k) }))} value={kind} onChange={setKind} error={form.errors.kind} />
      <SelectField id={idOf("memberId")} label={t("privacy.requests.form.member")} value={memberId} onChange={(e) => setMemberId(e.target.value)} error={form.errors.memberId} noOptionalMark>
        <option value="">{t("privacy.inzage.wholeFamily")}</option>
        {family.members.map((m) => <option key={m.id} value={m.id}>{`${m.givenName} ${m.surname}`}</option>)}
      </SelectField>
      <TextField id={idOf("requestedBy")} label={t("privacy.requests.form.requestedBy")} description={t("privacy.requests.form.requestedByHint")} required maxLength={200}
        value={requestedBy} onChange={(e) => setRequestedBy(e.target.value)} error={form.errors.requestedBy} />
      <TextField id={idOf("receivedOn")} type="date" label={t("privacy.requests.form.receivedOn")} description={t("privacy.requests.form.receivedOnHint")} required max={todayIso()}
        value={receivedOn} onChange={(e) => setReceivedOn(e.target.value)} error={form.errors.receivedOn} />
      <TextareaField id={idOf("description")} label={t("privacy.requests.form.description")} rows={3} maxLength={2000}
        value={description} onChange={(e) => setDescription(e.target.value)} error={form.errors.description} />
      <ButtonGroup>
        <Button type="submit" appearance="primary" busy={form.busy} disabled={form.busy}>{t("privacy.requests.form.save")}</Button>
        <Button appearance="subtle" onClick={onCancel}>{t("common.cancel")}</Button>
      </ButtonGroup>
    </form>
  );
}
