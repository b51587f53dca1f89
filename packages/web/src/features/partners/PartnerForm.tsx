import { PARTNER_KIND_LABELS, PARTNER_KINDS, type PartnerKind, type PartnerOrganisation } from "@ploegwerk/domain";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../api/client.ts";
import { api } from "../../api/endpoints.ts";
import { keys } from "../../api/queryKeys.ts";
import { Alert } from "../../components/Alert.tsx";
import { Button, ButtonGroup } from "../../components/Button.tsx";
import { ErrorSummary } from "../../components/ErrorSummary.tsx";
import { fieldId, SelectField, TextField } from "../../components/Form.tsx";
import { Heading3 } from "../../components/Page.tsx";
import { useFormat } from "../../i18n/format.ts";
import { useAddForm } from "../closing/useAddForm.ts";

const FIELDS = ["name", "kind", "contact"] as const;

const isKind = (v: string): v is PartnerKind => (PARTNER_KINDS as readonly string[]).includes(v);

/** Adding a chain partner organisation, or changing one (`partner` given). */
export function PartnerForm({ partner, onDone }: { partner?: PartnerOrganisation; onDone: (message: string | null) => void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const queryClient = useQueryClient();
  const prefix = partner ? `partner-${partner.id}` : "partner-new";
  const idOf = (name: string) => fieldId(prefix, name);
  const [name, setName] = useState(partner?.name ?? "");
  const [kind, setKind] = useState<PartnerKind | "">(partner?.kind ?? "");
  const [contact, setContact] = useState(partner?.contact ?? "");
  // The first field takes focus once, when the form opens.
  const firstId = idOf("name");
  useEffect(() => document.getElementById(firstId)?.focus(), [firstId]);

  const form = useAddForm({
    fields: FIELDS,
    validate: () => {
      const e: Record<string, string> = {};
      if (!name.trim()) e.name = t("partners.errors.name");
      if (!kind) e.kind = t("partners.errors.kind");
      return e;
    },
    call: () => {
      const body = { name: name.trim(), kind: kind || "other", contact: contact.trim() || null };
      return partner ? api.updatePartnerOrganisation(partner.id, body) : api.createPartnerOrganisation(body);
    },
    fieldErrorOf: (error) => (isApiError(error) && error.isConflict("partner_name_taken") ? { name: t("partners.errors.nameTaken") } : null),
    onSaved: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: keys.partnerOrganisations });
      onDone(partner ? t("partners.saved", { name: saved.name }) : t("partners.added", { name: saved.name }));
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    form.submit();
  };
  const summary = FIELDS.filter((n) => form.errors[n]).map((n) => ({ target: idOf(n), message: form.errors[n] ?? "" }));
  const title = partner ? t("partners.editTitle", { name: partner.name }) : t("partners.addTitle");
  return (
    <form className="pw-panel" noValidate onSubmit={submit} aria-labelledby={idOf("title")}>
      <Heading3 id={idOf("title")}>{title}</Heading3>
      <ErrorSummary errors={summary} focusKey={form.attempt} />
      {form.problem.message ? (
        <Alert type="error" role="alert" heading={t("partners.notSaved")}><p className="utrecht-paragraph">{form.problem.message}</p></Alert>
      ) : null}
      <div className="pw-grid-2">
        <TextField id={idOf("name")} label={t("partners.name")} required maxLength={200} autoComplete="off" value={name}
          onChange={(e) => setName(e.target.value)} error={form.errors.name} />
        <SelectField id={idOf("kind")} label={t("partners.kind")} required value={kind}
          onChange={(e) => setKind(isKind(e.target.value) ? e.target.value : "")} error={form.errors.kind}>
          <option value="">{t("form.choose")}</option>
          {PARTNER_KINDS.map((k) => <option key={k} value={k}>{fmt.text(PARTNER_KIND_LABELS[k])}</option>)}
        </SelectField>
        <TextField id={idOf("contact")} label={t("partners.contact")} description={t("partners.contactHint")} maxLength={300} autoComplete="off"
          value={contact} onChange={(e) => setContact(e.target.value)} error={form.errors.contact} />
      </div>
      <ButtonGroup>
        <Button type="submit" appearance="primary" busy={form.busy} disabled={form.busy}>{partner ? t("common.save") : t("partners.add")}</Button>
        <Button appearance="subtle" onClick={() => onDone(null)}>{t("common.cancel")}</Button>
      </ButtonGroup>
    </form>
  );
}
