import { ESCALATION_STATUS_LABELS, OPEN_PHASES } from "@ploegwerk/domain";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/endpoints.ts";
import { keys } from "../../api/queryKeys.ts";
import { Alert } from "../../components/Alert.tsx";
import { Button, ButtonGroup } from "../../components/Button.tsx";
import { ErrorSummary } from "../../components/ErrorSummary.tsx";
import { fieldId, TextareaField, TextField } from "../../components/Form.tsx";
import { Section } from "../../components/Page.tsx";
import { LoadError, Loading } from "../../components/QueryState.tsx";
import { Table, TBody, Td, Th, THead, Tr } from "../../components/Table.tsx";
import { todayIso, useFormat } from "../../i18n/format.ts";
import { useSession } from "../auth/session.ts";
import { canEditPlan } from "../plans/permissions.ts";
import { useTrajectoryOf } from "../plans/queries.ts";
import { useEscalations, useRefreshKey } from "./registerQueries.ts";
import { ResolveEscalationForm } from "./ResolveEscalationForm.tsx";
import { useAddForm } from "./useAddForm.ts";

const idOf = (name: string) => fieldId("opschaling", name);
const FIELDS = ["partnerOrganisation", "advice", "refusal", "raisedOn"] as const;

/** Opschalingen: a partner refused the coach's dwingend advies; the team lead handles it and records the outcome. */
export function EscalationsSection({ trajectoryId }: { trajectoryId: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const me = useSession().data;
  const list = useEscalations(trajectoryId);
  const trajectory = useTrajectoryOf(trajectoryId);
  const refreshKey = useRefreshKey();
  const [adding, setAdding] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [v, setV] = useState({ partnerOrganisation: "", advice: "", refusal: "", raisedOn: todayIso() });
  const set = (k: keyof typeof v) => (e: { target: { value: string } }) => setV((x) => ({ ...x, [k]: e.target.value }));
  const open = trajectory.data ? (OPEN_PHASES as readonly string[]).includes(trajectory.data.phase) : false;
  const form = useAddForm({
    fields: FIELDS,
    validate: () => {
      const e: Record<string, string> = {};
      if (!v.partnerOrganisation.trim()) e.partnerOrganisation = t("closing.escalations.errors.partnerOrganisation");
      if (!v.advice.trim()) e.advice = t("closing.escalations.errors.advice");
      if (!v.refusal.trim()) e.refusal = t("closing.escalations.errors.refusal");
      if (!/^\d{4}-\d{2}-\d{2}$/.test(v.raisedOn)) e.raisedOn = t("plan.errors.date");
      return e;
    },
    call: () => api.raiseEscalation(trajectoryId, { partnerOrganisation: v.partnerOrganisation.trim(), advice: v.advice.trim(), refusal: v.refusal.trim(), raisedOn: v.raisedOn }),
    onSaved: async () => {
      await refreshKey(keys.escalations(trajectoryId));
      setAdding(false);
      setMessage(t("closing.escalations.saved"));
      setV({ partnerOrganisation: "", advice: "", refusal: "", raisedOn: todayIso() });
    },
  });
  const submit = (e: FormEvent) => { e.preventDefault(); form.submit(); };
  const summary = FIELDS.filter((n) => form.errors[n]).map((n) => ({ target: idOf(n), message: form.errors[n] ?? "" }));

  return (
    <Section id="escalations" title={t("closing.escalations.title")}
      actions={canEditPlan(me?.role) && open && !adding ? <Button onClick={() => { setMessage(null); setAdding(true); }}>{t("closing.escalations.add")}</Button> : null}>
      <p className="utrecht-paragraph">{t("closing.escalations.intro")}</p>
      <div role="status" aria-live="polite">{message ? <Alert type="ok"><p className="utrecht-paragraph">{message}</p></Alert> : null}</div>
      {adding ? (
        <form className="pw-panel pw-closing-form" noValidate onSubmit={submit} aria-labelledby="escalation-form-heading">
          <h3 className="utrecht-heading-3" id="escalation-form-heading">{t("closing.escalations.formTitle")}</h3>
          <ErrorSummary errors={summary} focusKey={form.attempt} />
          {form.problem.message ? <Alert type="error" role="alert" heading={t("plan.notSaved")}><p className="utrecht-paragraph">{form.problem.message}</p></Alert> : null}
          <div className="pw-grid-2">
            <TextField id={idOf("partnerOrganisation")} label={t("closing.escalations.partnerOrganisation")} required maxLength={200} value={v.partnerOrganisation} onChange={set("partnerOrganisation")} error={form.errors.partnerOrganisation} />
            <TextField id={idOf("raisedOn")} label={t("closing.escalations.raisedOn")} required type="date" max={todayIso()} className="pw-input-date" value={v.raisedOn} onChange={set("raisedOn")} error={form.errors.raisedOn} />
          </div>
          <TextareaField id={idOf("advice")} label={t("closing.escalations.advice")} required rows={3} maxLength={5000} value={v.advice} onChange={set("advice")} error={form.errors.advice} />
          <TextareaField id={idOf("refusal")} label={t("closing.escalations.refusal")} required rows={3} maxLength={5000} value={v.refusal} onChange={set("refusal")} error={form.errors.refusal} />
          <ButtonGroup>
            <Button type="submit" appearance="primary" busy={form.busy} disabled={form.busy}>{t("closing.save")}</Button>
            <Button appearance="subtle" onClick={() => setAdding(false)}>{t("common.cancel")}</Button>
          </ButtonGroup>
        </form>
      ) : null}
      {list.isPending ? <Loading /> : list.isError ? <LoadError error={list.error} retry={() => void list.refetch()} /> : list.data.items.length === 0 ? (
        <p className="utrecht-paragraph">{t("closing.escalations.none")}</p>
      ) : (
        <Table caption={t("closing.escalations.title")} captionHidden>
          <THead>
            <Tr>
              <Th>{t("closing.escalations.partnerOrganisation")}</Th>
              <Th>{t("closing.escalations.adviceAndRefusal")}</Th>
              <Th>{t("closing.escalations.raisedOn")}</Th>
              <Th>{t("closing.escalations.status")}</Th>
            </Tr>
          </THead>
          <TBody>
            {list.data.items.map((x) => (
              <Tr key={x.id}>
                <Td>
                  {x.partnerOrganisation}
                  <span className="pw-cell-note">{x.partnerSignedCovenant ? t("closing.escalations.covenantSigned", { date: fmt.date(x.covenantSignedOn) }) : t("closing.escalations.covenantNotSigned")}</span>
                </Td>
                <Td>
                  <span className="pw-prewrap">{x.advice}</span>
                  <span className="pw-cell-note">{t("closing.escalations.refusalText", { refusal: x.refusal })}</span>
                </Td>
                <Td>{fmt.date(x.raisedOn)}<span className="pw-cell-note">{x.raisedByName ?? ""}</span></Td>
                <Td>
                  <strong>{fmt.text(ESCALATION_STATUS_LABELS[x.status])}</strong>
                  <span className="pw-cell-note">
                    {x.status === "resolved"
                      ? t("closing.escalations.resolvedText", { outcome: x.outcome ?? "–", date: fmt.date(x.resolvedOn), count: x.daysOpen })
                      : t("closing.escalations.openFor", { count: x.daysOpen })}
                  </span>
                  {x.status === "open" && me?.role === "teamleider" ? <ResolveEscalationForm escalation={x} /> : null}
                </Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
    </Section>
  );
}
