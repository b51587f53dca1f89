import { BREAK_GLASS_HOURS } from "@ploegwerk/domain";
import { useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { isApiError } from "../../api/client.ts";
import { api } from "../../api/endpoints.ts";
import { keys } from "../../api/queryKeys.ts";
import { Alert } from "../../components/Alert.tsx";
import { Button, ButtonGroup } from "../../components/Button.tsx";
import { ErrorSummary } from "../../components/ErrorSummary.tsx";
import { fieldId, TextareaField, TextField } from "../../components/Form.tsx";
import { useAddForm } from "../closing/useAddForm.ts";
import { useDateTime } from "../meetings/dateTime.ts";

const FIELDS = ["caseNumber", "reason"] as const;
const REASON_MIN = 20;
const idOf = (name: string) => fieldId("noodtoegang", name);

/** A team lead opens the file of a family outside their teams, with a reason; then goes to the family page. */
export function BreakGlassForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const dateTime = useDateTime();
  const [caseNumber, setCaseNumber] = useState("");
  const [reason, setReason] = useState("");
  const form = useAddForm({
    fields: FIELDS,
    validate: () => {
      const e: Record<string, string> = {};
      if (!caseNumber.trim()) e.caseNumber = t("breakGlass.errors.caseNumber");
      if (reason.trim().length < REASON_MIN) e.reason = t("breakGlass.errors.reason", { min: REASON_MIN });
      return e;
    },
    call: () => api.openBreakGlass({ caseNumber: caseNumber.trim(), reason: reason.trim() }),
    fieldErrorOf: (error) => {
      if (!isApiError(error)) return null;
      if (error.status === 404) return { caseNumber: t("breakGlass.errors.unknownCase") };
      if (error.isConflict("not_needed")) return { caseNumber: t("breakGlass.errors.ownTeam") };
      return null;
    },
    onSaved: async (grant) => {
      await queryClient.invalidateQueries({ queryKey: keys.breakGlassAll });
      await navigate(`/gezinnen/${grant.familyId}`, { state: { notice: t("breakGlass.opened", { caseNumber: grant.caseNumber, until: dateTime(grant.expiresAt) }) } });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    form.submit();
  };
  const summary = FIELDS.filter((n) => form.errors[n]).map((n) => ({ target: idOf(n), message: form.errors[n] ?? "" }));
  return (
    <form noValidate onSubmit={submit} aria-label={t("breakGlass.formLabel")}>
      <Alert type="warning" heading={t("breakGlass.warningTitle")}>
        <ul className="utrecht-unordered-list">
          <li className="utrecht-unordered-list__item">{t("breakGlass.rules.logged")}</li>
          <li className="utrecht-unordered-list__item">{t("breakGlass.rules.readOnly")}</li>
          <li className="utrecht-unordered-list__item">{t("breakGlass.rules.hours", { count: BREAK_GLASS_HOURS })}</li>
          <li className="utrecht-unordered-list__item">{t("breakGlass.rules.reviewed")}</li>
        </ul>
      </Alert>
      <ErrorSummary errors={summary} focusKey={form.attempt} />
      {form.problem.message ? (
        <Alert type="error" role="alert" heading={t("breakGlass.notOpened")}><p className="utrecht-paragraph">{form.problem.message}</p></Alert>
      ) : null}
      <TextField id={idOf("caseNumber")} label={t("breakGlass.caseNumber")} description={t("breakGlass.caseNumberHint")} required maxLength={100}
        autoComplete="off" value={caseNumber} onChange={(e) => setCaseNumber(e.target.value)} error={form.errors.caseNumber} />
      <TextareaField id={idOf("reason")} label={t("breakGlass.reason")} description={t("breakGlass.reasonHint", { min: REASON_MIN })} required rows={4} maxLength={2000}
        value={reason} onChange={(e) => setReason(e.target.value)} error={form.errors.reason} />
      <ButtonGroup>
        <Button type="submit" appearance="primary" busy={form.busy} disabled={form.busy}>{t("breakGlass.submit")}</Button>
      </ButtonGroup>
    </form>
  );
}
