import type { Consent } from "@ploegwerk/domain";
import { useEffect, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/endpoints.ts";
import { Alert } from "../../components/Alert.tsx";
import { Button, ButtonGroup } from "../../components/Button.tsx";
import { CheckboxField } from "../../components/CheckboxField.tsx";
import { ErrorSummary } from "../../components/ErrorSummary.tsx";
import { fieldId, TextareaField } from "../../components/Form.tsx";
import { Heading3 } from "../../components/Page.tsx";
import { useAddForm } from "../closing/useAddForm.ts";
import { useRefreshConsents } from "./queries.ts";

const FIELDS = ["reason", "confirm"] as const;

/** Withdrawing a consent (intrekken): it takes effect at once, so the form says so and asks to confirm. */
export function ConsentWithdrawForm({ consent, onDone }: { consent: Consent; onDone: (message: string | null) => void }) {
  const { t } = useTranslation();
  const refresh = useRefreshConsents(consent.familyId);
  const idOf = (name: string) => fieldId(`withdraw-${consent.id}`, name);
  const [reason, setReason] = useState("");
  const [confirmed, setConfirmed] = useState(false);
  const firstId = idOf("reason");
  useEffect(() => document.getElementById(firstId)?.focus(), [firstId]);
  const form = useAddForm({
    fields: FIELDS,
    validate: (): Record<string, string> => (confirmed ? {} : { confirm: t("consents.errors.confirm") }),
    call: () => api.withdrawConsent(consent.familyId, consent.id, { version: consent.version, reason: reason.trim() || null }),
    onSaved: async (saved) => {
      await refresh();
      onDone(t("consents.withdrawn", { partner: saved.recipient.name }));
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    form.submit();
  };
  const summary = FIELDS.filter((n) => form.errors[n]).map((n) => ({ target: idOf(n), message: form.errors[n] ?? "" }));
  return (
    <form className="pw-panel pw-consent-form" noValidate onSubmit={submit} aria-labelledby={idOf("title")}>
      <Heading3 id={idOf("title")}>{t("consents.withdrawTitle", { partner: consent.recipient.name })}</Heading3>
      <Alert type="warning">
        <p className="utrecht-paragraph">{t("consents.withdrawEffect", { partner: consent.recipient.name })}</p>
      </Alert>
      <ErrorSummary errors={summary} focusKey={form.attempt} />
      {form.problem.stale || form.problem.reason === "consent_withdrawn" ? (
        <Alert type="error" role="alert" heading={t("conflict.staleTitle")}>
          <p className="utrecht-paragraph">{form.problem.stale ? t("consents.stale") : t("consents.alreadyWithdrawn")}</p>
          <Button onClick={async () => { await refresh(); onDone(null); }}>{t("conflict.reload")}</Button>
        </Alert>
      ) : form.problem.message ? (
        <Alert type="error" role="alert" heading={t("consents.notSaved")}><p className="utrecht-paragraph">{form.problem.message}</p></Alert>
      ) : null}
      <TextareaField id={idOf("reason")} label={t("consents.withdrawReason")} description={t("consents.withdrawReasonHint")} rows={2} maxLength={1000}
        value={reason} onChange={(e) => setReason(e.target.value)} error={form.errors.reason} />
      <CheckboxField id={idOf("confirm")} label={t("consents.withdrawConfirm", { partner: consent.recipient.name })}
        checked={confirmed} onChange={setConfirmed} error={form.errors.confirm} />
      <ButtonGroup>
        <Button type="submit" appearance="danger" busy={form.busy} disabled={form.busy}>{t("consents.withdrawSubmit")}</Button>
        <Button appearance="subtle" onClick={() => onDone(null)}>{t("common.cancel")}</Button>
      </ButtonGroup>
    </form>
  );
}
