import { LEGAL_BASES, LEGAL_BASIS_LABELS, type Family, type LegalBasis } from "@ploegwerk/domain";
import { useEffect, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/endpoints.ts";
import { Alert } from "../../components/Alert.tsx";
import { Button, ButtonGroup, TextLink } from "../../components/Button.tsx";
import { ErrorSummary } from "../../components/ErrorSummary.tsx";
import { fieldId, SelectField, TextareaField, TextField } from "../../components/Form.tsx";
import { Heading3, Paragraph } from "../../components/Page.tsx";
import { LoadError, Loading } from "../../components/QueryState.tsx";
import { todayIso, useFormat } from "../../i18n/format.ts";
import { can, useSession } from "../auth/session.ts";
import { useAddForm } from "../closing/useAddForm.ts";
import { usePartnerOrganisations } from "../partners/queries.ts";
import { CheckboxGroup } from "../plans/ChoiceFields.tsx";
import { CategoryFields } from "./CategoryFields.tsx";
import { childrenOn, CONSENT_FIELDS, consentDraftErrors, giversOn, type ConsentDraft } from "./consentDraft.ts";
import { useRefreshConsents } from "./queries.ts";

const idOf = (name: string) => fieldId("consent-new", name);
const isBasis = (v: string): v is LegalBasis => (LEGAL_BASES as readonly string[]).includes(v);

/** Recording a consent the family gave: who gave it (and for which children), to whom, what, why, on what basis, from when until when. */
export function ConsentForm({ family, onDone }: { family: Family; onDone: (message: string | null) => void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const me = useSession().data;
  const partners = usePartnerOrganisations();
  const refresh = useRefreshConsents(family.id);
  const [d, setD] = useState<ConsentDraft>(() => ({
    recipientId: "", categories: [], purpose: "", legalBasis: "toestemming", givenByMemberId: "", onBehalfOf: [], givenOn: todayIso(), expiresOn: "",
  }));
  const set = (patch: Partial<ConsentDraft>) => setD((old) => ({ ...old, ...patch }));
  useEffect(() => document.getElementById(idOf("recipientId"))?.focus(), [partners.isSuccess]);

  const givers = giversOn(family, d.givenOn);
  const giver = family.members.find((m) => m.id === d.givenByMemberId);
  const children = giver?.role === "parent" ? childrenOn(family, d.givenOn).filter((m) => m.id !== giver.id) : [];
  const form = useAddForm({
    fields: CONSENT_FIELDS,
    validate: () => consentDraftErrors(d, family, todayIso(), t),
    call: () =>
      api.addConsent(family.id, {
        recipientId: d.recipientId,
        categories: d.categories,
        purpose: d.purpose.trim(),
        legalBasis: d.legalBasis,
        givenByMemberId: d.givenByMemberId || null,
        // Only children who are still listed for this giver are sent.
        onBehalfOf: d.onBehalfOf.filter((id) => children.some((c) => c.id === id)),
        givenOn: d.givenOn,
        expiresOn: d.expiresOn || null,
      }),
    onSaved: async (saved) => {
      await refresh();
      onDone(t("consents.recorded", { partner: saved.recipient.name }));
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    form.submit();
  };
  const summary = CONSENT_FIELDS.filter((n) => form.errors[n]).map((n) => ({ target: idOf(n), message: form.errors[n] ?? "" }));
  const partnerList = partners.data?.items ?? [];

  return (
    <form className="pw-panel pw-consent-form" noValidate onSubmit={submit} aria-labelledby={idOf("title")}>
      <Heading3 id={idOf("title")}>{t("consents.addTitle")}</Heading3>
      <Paragraph>{t("consents.addIntro")}</Paragraph>
      <ErrorSummary errors={summary} focusKey={form.attempt} />
      {form.problem.message ? (
        <Alert type="error" role="alert" heading={t("consents.notSaved")}><p className="utrecht-paragraph">{form.problem.message}</p></Alert>
      ) : null}
      {partners.isPending ? <Loading /> : partners.isError ? <LoadError error={partners.error} retry={() => void partners.refetch()} /> : partnerList.length === 0 ? (
        <Alert type="warning" id={idOf("recipientId")}>
          <p className="utrecht-paragraph">{t("consents.noPartners")}</p>
          {me && can.managePartners(me.role) ? <p className="utrecht-paragraph"><TextLink to="/beheer/ketenpartners">{t("consents.registerPartner")}</TextLink></p> : null}
        </Alert>
      ) : (
        <SelectField id={idOf("recipientId")} label={t("consents.recipient")} description={t("consents.recipientHint")} required value={d.recipientId}
          onChange={(e) => set({ recipientId: e.target.value })} error={form.errors.recipientId}>
          <option value="">{t("form.choose")}</option>
          {partnerList.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
        </SelectField>
      )}
      <CategoryFields id={idOf("categories")} values={d.categories} onChange={(categories) => set({ categories })} error={form.errors.categories} />
      <TextareaField id={idOf("purpose")} label={t("consents.purpose")} description={t("consents.purposeHint")} required rows={2} maxLength={1000}
        value={d.purpose} onChange={(e) => set({ purpose: e.target.value })} error={form.errors.purpose} />
      <SelectField id={idOf("legalBasis")} label={t("consents.legalBasis")} description={t("consents.legalBasisHint")} required value={d.legalBasis}
        onChange={(e) => { if (isBasis(e.target.value)) set({ legalBasis: e.target.value }); }} error={form.errors.legalBasis}>
        {LEGAL_BASES.map((b) => <option key={b} value={b}>{fmt.text(LEGAL_BASIS_LABELS[b])}</option>)}
      </SelectField>
      <SelectField id={idOf("givenByMemberId")} label={t("consents.givenBy")} description={t("consents.givenByHint")}
        required={d.legalBasis === "toestemming"} value={d.givenByMemberId}
        onChange={(e) => set({ givenByMemberId: e.target.value, onBehalfOf: [] })} error={form.errors.givenByMemberId}>
        <option value="">{d.legalBasis === "toestemming" ? t("form.choose") : t("consents.givenByNobody")}</option>
        {givers.map((m) => <option key={m.id} value={m.id}>{m.givenName} {m.surname} ({t(`memberRoles.${m.role}`)})</option>)}
      </SelectField>
      {children.length > 0 ? (
        <CheckboxGroup id={idOf("onBehalfOf")} legend={t("consents.onBehalfOf", { name: giver ? `${giver.givenName} ${giver.surname}` : "" })}
          description={t("consents.onBehalfOfHint")} inline
          options={children.map((c) => ({ value: c.id, label: `${c.givenName} ${c.surname}`, hint: t("consents.bornOn", { date: fmt.date(c.dateOfBirth) }) }))}
          values={d.onBehalfOf} onChange={(onBehalfOf) => set({ onBehalfOf })} error={form.errors.onBehalfOf} />
      ) : null}
      <div className="pw-grid-2">
        <TextField id={idOf("givenOn")} label={t("consents.givenOn")} required type="date" max={todayIso()} className="pw-input-date"
          value={d.givenOn} onChange={(e) => set({ givenOn: e.target.value })} error={form.errors.givenOn} />
        <TextField id={idOf("expiresOn")} label={t("consents.expiresOn")} description={t("consents.expiresOnHint")} type="date" className="pw-input-date"
          value={d.expiresOn} onChange={(e) => set({ expiresOn: e.target.value })} error={form.errors.expiresOn} />
      </div>
      <ButtonGroup>
        <Button type="submit" appearance="primary" busy={form.busy} disabled={form.busy || partnerList.length === 0}>{t("consents.submit")}</Button>
        <Button appearance="subtle" onClick={() => onDone(null)}>{t("common.cancel")}</Button>
      </ButtonGroup>
    </form>
  );
}
