import { RETENTION_ACTIONS, type PrivacyRequest, type RetentionAction } from "@ploegwerk/domain";
import { useEffect, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/endpoints.ts";
import { Alert } from "../../components/Alert.tsx";
import { Button, ButtonGroup } from "../../components/Button.tsx";
import { ErrorSummary } from "../../components/ErrorSummary.tsx";
import { fieldId, TextareaField, TextField } from "../../components/Form.tsx";
import { todayIso } from "../../i18n/format.ts";
import { useAddForm } from "../closing/useAddForm.ts";
import { RadioGroup } from "../plans/ChoiceFields.tsx";

const FIELDS = ["status", "decidedOn", "decision", "erasure", "erasure.legalGround"] as const;
type Outcome = "granted" | "refused";

/**
 * The decision on one AVG request. Granting a verwijdering asks what happens to the data: removed,
 * or pseudonymised because a law says to keep it (and which). That cannot be undone, so it says so.
 */
export function DecideRequestForm({ familyId, request, onSaved, onCancel }: {
  familyId: string;
  request: PrivacyRequest;
  onSaved: (saved: PrivacyRequest) => Promise<void> | void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const idOf = (name: string) => fieldId(`avg-decide-${request.id}`, name);
  const [status, setStatus] = useState<Outcome | "">("");
  const [decidedOn, setDecidedOn] = useState(todayIso());
  const [decision, setDecision] = useState("");
  const [action, setAction] = useState<RetentionAction | "">("");
  const [legalGround, setLegalGround] = useState("");
  const erasing = request.kind === "verwijdering" && status === "granted";
  // The form opens in the row of its request: focus goes to its first field.
  useEffect(() => {
    document.getElementById(fieldId(`avg-decide-${request.id}`, "status"))?.focus();
  }, [request.id]);
  const form = useAddForm({
    fields: FIELDS,
    validate: () => {
      const e: Record<string, string> = {};
      if (!status) e.status = t("privacy.requests.errors.status");
      if (!decidedOn) e.decidedOn = t("privacy.requests.errors.date");
      else if (decidedOn > todayIso()) e.decidedOn = t("privacy.requests.errors.future");
      else if (decidedOn < request.receivedOn) e.decidedOn = t("privacy.requests.errors.beforeReceived");
      if (!decision.trim()) e.decision = t("privacy.requests.errors.decision");
      if (erasing && !action) e.erasure = t("privacy.requests.errors.erasure");
      if (erasing && action === "pseudonymise" && !legalGround.trim()) e["erasure.legalGround"] = t("privacy.requests.errors.legalGround");
      return e;
    },
    call: () =>
      api.decidePrivacyRequest(familyId, request.id, {
        version: request.version,
        status: status || "refused",
        decidedOn,
        decision,
        erasure: erasing && action ? { action, legalGround: action === "pseudonymise" ? legalGround.trim() : null } : null,
      }),
    onSaved,
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    form.submit();
  };
  const refusal =
    form.problem.reason === "self_approval" ? t("privacy.requests.fourEyes")
    : form.problem.reason === "family_has_open_trajectory" ? t("privacy.requests.openTrajectory")
    : form.problem.reason === "request_decided" ? t("privacy.requests.alreadyDecided")
    : null;
  const summary = FIELDS.filter((n) => form.errors[n]).map((n) => ({ target: idOf(n), message: form.errors[n] ?? "" }));
  return (
    <form className="pw-panel" noValidate onSubmit={submit} aria-label={t("privacy.requests.decideTitle")}>
      <ErrorSummary errors={summary} focusKey={form.attempt} />
      {refusal ? <Alert type="warning" role="alert"><p className="utrecht-paragraph">{refusal}</p></Alert> : form.problem.message ? (
        <Alert type="error" role="alert" heading={t("privacy.requests.notSaved")}><p className="utrecht-paragraph">{form.problem.message}</p></Alert>
      ) : null}
      {form.problem.stale ? <Alert type="error" role="alert"><p className="utrecht-paragraph">{t("privacy.requests.stale")}</p></Alert> : null}
      <RadioGroup id={idOf("status")} name={idOf("status")} legend={t("privacy.requests.status")} inline
        options={(["granted", "refused"] as const).map((v) => ({ value: v, label: t(`privacy.requests.outcomes.${v}`) }))}
        value={status} onChange={setStatus} error={form.errors.status} />
      {erasing ? (
        <>
          <RadioGroup id={idOf("erasure")} name={idOf("erasure")} legend={t("privacy.requests.erasure")} description={t("privacy.requests.erasureWarning")}
            options={RETENTION_ACTIONS.map((a) => ({ value: a, label: t(`privacy.requests.actions.${a}`) }))}
            value={action} onChange={setAction} error={form.errors.erasure} />
          {action === "pseudonymise" ? (
            <TextField id={idOf("erasure.legalGround")} label={t("privacy.requests.legalGround")} description={t("privacy.requests.legalGroundHint")} required maxLength={500}
              value={legalGround} onChange={(e) => setLegalGround(e.target.value)} error={form.errors["erasure.legalGround"]} />
          ) : null}
        </>
      ) : null}
      <TextField id={idOf("decidedOn")} type="date" label={t("privacy.requests.decidedOn")} required min={request.receivedOn} max={todayIso()}
        value={decidedOn} onChange={(e) => setDecidedOn(e.target.value)} error={form.errors.decidedOn} />
      <TextareaField id={idOf("decision")} label={t("privacy.requests.decision")} description={t("privacy.requests.decisionHint")} required rows={3} maxLength={2000}
        value={decision} onChange={(e) => setDecision(e.target.value)} error={form.errors.decision} />
      <ButtonGroup>
        <Button type="submit" appearance={erasing ? "danger" : "primary"} busy={form.busy} disabled={form.busy || form.problem.stale}>
          {erasing ? t("privacy.requests.saveErasure") : t("privacy.requests.save")}
        </Button>
        <Button appearance="subtle" onClick={onCancel}>{t("common.cancel")}</Button>
      </ButtonGroup>
    </form>
  );
}
