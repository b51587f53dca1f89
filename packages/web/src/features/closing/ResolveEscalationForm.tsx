import type { Escalation } from "@ploegwerk/domain";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/endpoints.ts";
import { keys } from "../../api/queryKeys.ts";
import { Alert } from "../../components/Alert.tsx";
import { Button, ButtonGroup } from "../../components/Button.tsx";
import { ErrorSummary } from "../../components/ErrorSummary.tsx";
import { fieldId, TextareaField, TextField } from "../../components/Form.tsx";
import { todayIso } from "../../i18n/format.ts";
import { useRefreshKey } from "./registerQueries.ts";
import { useAddForm } from "./useAddForm.ts";

const FIELDS = ["outcome", "resolvedOn"] as const;

/** The team lead records the outcome of an opschaling (after contacting the partner's director). */
export function ResolveEscalationForm({ escalation }: { escalation: Escalation }) {
  const { t } = useTranslation();
  const refreshKey = useRefreshKey();
  const [open, setOpen] = useState(false);
  const [outcome, setOutcome] = useState("");
  const [resolvedOn, setResolvedOn] = useState(todayIso());
  const idOf = (name: string) => fieldId(`opschaling-${escalation.id}`, name);
  const form = useAddForm({
    fields: FIELDS,
    validate: () => {
      const e: Record<string, string> = {};
      if (!outcome.trim()) e.outcome = t("closing.escalations.errors.outcome");
      if (!resolvedOn) e.resolvedOn = t("closing.escalations.errors.resolvedOn");
      else if (resolvedOn > todayIso()) e.resolvedOn = t("plan.errors.future");
      return e;
    },
    call: () => api.resolveEscalation(escalation.trajectoryId, escalation.id, { outcome: outcome.trim(), resolvedOn, version: escalation.version }),
    onSaved: async () => {
      await refreshKey(keys.escalations(escalation.trajectoryId));
      setOpen(false);
    },
  });
  if (!open) return <Button onClick={() => setOpen(true)}>{t("closing.escalations.resolve")}</Button>;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    form.submit();
  };
  const summary = FIELDS.filter((n) => form.errors[n]).map((n) => ({ target: idOf(n), message: form.errors[n] ?? "" }));
  return (
    <form className="pw-panel pw-closing-form" noValidate onSubmit={submit} aria-label={t("closing.escalations.resolveTitle", { partner: escalation.partnerOrganisation })}>
      <ErrorSummary errors={summary} focusKey={form.attempt} />
      {form.problem.message ? <Alert type="error" role="alert" heading={t("plan.notSaved")}><p className="utrecht-paragraph">{form.problem.message}</p></Alert> : null}
      <TextareaField id={idOf("outcome")} label={t("closing.escalations.outcome")} required rows={3} maxLength={5000} value={outcome} onChange={(e) => setOutcome(e.target.value)} error={form.errors.outcome} />
      <TextField id={idOf("resolvedOn")} label={t("closing.escalations.resolvedOn")} required type="date" className="pw-input-date" value={resolvedOn} onChange={(e) => setResolvedOn(e.target.value)} error={form.errors.resolvedOn} />
      <ButtonGroup>
        <Button type="submit" appearance="primary" busy={form.busy} disabled={form.busy}>{t("closing.save")}</Button>
        <Button appearance="subtle" onClick={() => setOpen(false)}>{t("common.cancel")}</Button>
      </ButtonGroup>
    </form>
  );
}
