import type { Consent, ConsentCategory } from "@ploegwerk/domain";
import { useEffect, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/endpoints.ts";
import { Alert } from "../../components/Alert.tsx";
import { Button, ButtonGroup } from "../../components/Button.tsx";
import { ErrorSummary } from "../../components/ErrorSummary.tsx";
import { fieldId, TextareaField, TextField } from "../../components/Form.tsx";
import { Heading3, Paragraph } from "../../components/Page.tsx";
import { useFormat } from "../../i18n/format.ts";
import { useAddForm } from "../closing/useAddForm.ts";
import { CategoryFields } from "./CategoryFields.tsx";
import { expiryError } from "./consentDraft.ts";
import { useRefreshConsents } from "./queries.ts";

const FIELDS = ["categories", "purpose", "expiresOn"] as const;

/** Narrowing or widening a consent: what is shared, why, and until when. The partner sees the change on its next request. */
export function ConsentChangeForm({ consent, onDone }: { consent: Consent; onDone: (message: string | null) => void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const refresh = useRefreshConsents(consent.familyId);
  const idOf = (name: string) => fieldId(`consent-${consent.id}`, name);
  const [categories, setCategories] = useState<ConsentCategory[]>(consent.categories);
  const [purpose, setPurpose] = useState(consent.purpose);
  const [expiresOn, setExpiresOn] = useState(consent.expiresOn ?? "");
  const firstId = idOf("categories");
  useEffect(() => document.getElementById(firstId)?.focus(), [firstId]);
  const form = useAddForm({
    fields: FIELDS,
    validate: () => {
      const e: Record<string, string> = {};
      if (categories.length === 0) e.categories = t("consents.errors.categoriesChange");
      if (!purpose.trim()) e.purpose = t("consents.errors.purpose");
      const expiry = expiryError(expiresOn, consent.givenOn, t);
      if (expiry) e.expiresOn = expiry;
      return e;
    },
    call: () => api.changeConsent(consent.familyId, consent.id, { version: consent.version, categories, purpose: purpose.trim(), expiresOn: expiresOn || null }),
    onSaved: async (saved) => {
      await refresh();
      onDone(t("consents.changed", { partner: saved.recipient.name }));
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    form.submit();
  };
  const summary = FIELDS.filter((n) => form.errors[n]).map((n) => ({ target: idOf(n), message: form.errors[n] ?? "" }));
  const withdrawn = form.problem.reason === "consent_withdrawn";
  return (
    <form className="pw-panel pw-consent-form" noValidate onSubmit={submit} aria-labelledby={idOf("title")}>
      <Heading3 id={idOf("title")}>{t("consents.changeTitle", { partner: consent.recipient.name })}</Heading3>
      <Paragraph>{t("consents.changeIntro", { partner: consent.recipient.name, date: fmt.date(consent.givenOn) })}</Paragraph>
      <ErrorSummary errors={summary} focusKey={form.attempt} />
      {form.problem.stale || withdrawn ? (
        <Alert type="error" role="alert" heading={t("conflict.staleTitle")}>
          <p className="utrecht-paragraph">{withdrawn ? t("consents.alreadyWithdrawn") : t("consents.stale")}</p>
          <Button onClick={async () => { await refresh(); onDone(null); }}>{t("conflict.reload")}</Button>
        </Alert>
      ) : form.problem.message ? (
        <Alert type="error" role="alert" heading={t("consents.notSaved")}><p className="utrecht-paragraph">{form.problem.message}</p></Alert>
      ) : null}
      <CategoryFields id={idOf("categories")} values={categories} onChange={setCategories} error={form.errors.categories} />
      <TextareaField id={idOf("purpose")} label={t("consents.purpose")} required rows={2} maxLength={1000}
        value={purpose} onChange={(e) => setPurpose(e.target.value)} error={form.errors.purpose} />
      <TextField id={idOf("expiresOn")} label={t("consents.expiresOn")} description={t("consents.expiresOnHint")} type="date" className="pw-input-date"
        value={expiresOn} onChange={(e) => setExpiresOn(e.target.value)} error={form.errors.expiresOn} />
      <ButtonGroup>
        <Button type="submit" appearance="primary" busy={form.busy} disabled={form.busy || form.problem.stale || withdrawn}>{t("consents.changeSubmit")}</Button>
        <Button appearance="subtle" onClick={() => onDone(null)}>{t("common.cancel")}</Button>
      </ButtonGroup>
    </form>
  );
}
