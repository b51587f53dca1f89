import { FGC_FOLLOW_UP_LABELS, FGC_FOLLOW_UPS, FGC_STATUS_LABELS, FGC_STATUSES, OPEN_PHASES, type FgcStatus } from "@ploegwerk/domain";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/endpoints.ts";
import { keys } from "../../api/queryKeys.ts";
import { Alert } from "../../components/Alert.tsx";
import { Button, ButtonGroup } from "../../components/Button.tsx";
import { ErrorSummary } from "../../components/ErrorSummary.tsx";
import { fieldId, SelectField, TextareaField, TextField } from "../../components/Form.tsx";
import { Section } from "../../components/Page.tsx";
import { LoadError, Loading } from "../../components/QueryState.tsx";
import { Table, TBody, Td, Th, THead, Tr } from "../../components/Table.tsx";
import { todayIso, useFormat } from "../../i18n/format.ts";
import { useSession } from "../auth/session.ts";
import { canEditPlan } from "../plans/permissions.ts";
import { useTrajectoryOf } from "../plans/queries.ts";
import { useFamilyGroupConferences, useRefreshKey } from "./registerQueries.ts";
import { useAddForm } from "./useAddForm.ts";

const idOf = (name: string) => fieldId("ekc", name);
const FIELDS = ["status", "statusReason", "coordinator", "heldOn"] as const;

/** Eigen Kracht-conferenties: discussed, started, held or called off, the coordinator, the follow-up calls. */
export function FamilyGroupConferencesSection({ trajectoryId }: { trajectoryId: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const me = useSession().data;
  const list = useFamilyGroupConferences(trajectoryId);
  const trajectory = useTrajectoryOf(trajectoryId);
  const refreshKey = useRefreshKey();
  const [adding, setAdding] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [status, setStatus] = useState<FgcStatus | "">("");
  const [statusReason, setStatusReason] = useState("");
  const [coordinator, setCoordinator] = useState("");
  const [heldOn, setHeldOn] = useState("");
  const open = trajectory.data ? (OPEN_PHASES as readonly string[]).includes(trajectory.data.phase) : false;
  const form = useAddForm({
    fields: FIELDS,
    validate: () => {
      const e: Record<string, string> = {};
      if (!status) e.status = t("closing.ekc.errors.status");
      if (status === "called_off" && !statusReason.trim()) e.statusReason = t("closing.ekc.errors.statusReason");
      if (status === "held" && !heldOn) e.heldOn = t("closing.ekc.errors.heldOn");
      else if (heldOn && heldOn > todayIso()) e.heldOn = t("plan.errors.future");
      return e;
    },
    call: () => api.createFamilyGroupConference(trajectoryId, {
      status: status || "discussed",
      statusReason: statusReason.trim() || null,
      coordinator: coordinator.trim() || null,
      heldOn: status === "held" ? heldOn : null,
    }),
    onSaved: async () => {
      await refreshKey(keys.familyGroupConferences(trajectoryId));
      setAdding(false);
      setMessage(t("closing.ekc.saved"));
      setStatus(""); setStatusReason(""); setCoordinator(""); setHeldOn("");
    },
  });
  const submit = (e: FormEvent) => { e.preventDefault(); form.submit(); };
  const summary = FIELDS.filter((n) => form.errors[n]).map((n) => ({ target: idOf(n), message: form.errors[n] ?? "" }));

  return (
    <Section id="ekc" title={t("closing.ekc.title")}
      actions={canEditPlan(me?.role) && open && !adding ? <Button onClick={() => { setMessage(null); setAdding(true); }}>{t("closing.ekc.add")}</Button> : null}>
      <div role="status" aria-live="polite">{message ? <Alert type="ok"><p className="utrecht-paragraph">{message}</p></Alert> : null}</div>
      {adding ? (
        <form className="pw-panel pw-closing-form" noValidate onSubmit={submit} aria-labelledby="ekc-form-heading">
          <h3 className="utrecht-heading-3" id="ekc-form-heading">{t("closing.ekc.formTitle")}</h3>
          <ErrorSummary errors={summary} focusKey={form.attempt} />
          {form.problem.message ? <Alert type="error" role="alert" heading={t("plan.notSaved")}><p className="utrecht-paragraph">{form.problem.message}</p></Alert> : null}
          <div className="pw-grid-2">
            <SelectField id={idOf("status")} label={t("closing.ekc.status")} required value={status} onChange={(e) => setStatus(e.target.value as FgcStatus | "")} error={form.errors.status}>
              <option value="">{t("form.choose")}</option>
              {FGC_STATUSES.map((s) => <option key={s} value={s}>{fmt.text(FGC_STATUS_LABELS[s])}</option>)}
            </SelectField>
            <TextField id={idOf("coordinator")} label={t("closing.ekc.coordinator")} maxLength={200} value={coordinator} onChange={(e) => setCoordinator(e.target.value)} error={form.errors.coordinator} />
          </div>
          {status === "held" ? (
            <TextField id={idOf("heldOn")} label={t("closing.ekc.heldOn")} required type="date" max={todayIso()} className="pw-input-date" value={heldOn} onChange={(e) => setHeldOn(e.target.value)} error={form.errors.heldOn} />
          ) : null}
          {status === "called_off" ? (
            <TextareaField id={idOf("statusReason")} label={t("closing.ekc.statusReason")} required rows={2} maxLength={2000} value={statusReason} onChange={(e) => setStatusReason(e.target.value)} error={form.errors.statusReason} />
          ) : null}
          <ButtonGroup>
            <Button type="submit" appearance="primary" busy={form.busy} disabled={form.busy}>{t("closing.save")}</Button>
            <Button appearance="subtle" onClick={() => setAdding(false)}>{t("common.cancel")}</Button>
          </ButtonGroup>
        </form>
      ) : null}
      {list.isPending ? <Loading /> : list.isError ? <LoadError error={list.error} retry={() => void list.refetch()} /> : list.data.items.length === 0 ? (
        <p className="utrecht-paragraph">{t("closing.ekc.none")}</p>
      ) : (
        <Table caption={t("closing.ekc.title")} captionHidden>
          <THead>
            <Tr>
              <Th>{t("closing.ekc.status")}</Th>
              <Th>{t("closing.ekc.coordinator")}</Th>
              <Th>{t("closing.ekc.heldOn")}</Th>
              <Th>{t("closing.ekc.agreements")}</Th>
              <Th>{t("closing.ekc.followUps")}</Th>
            </Tr>
          </THead>
          <TBody>
            {list.data.items.map((c) => (
              <Tr key={c.id}>
                <Td>
                  <strong>{fmt.text(FGC_STATUS_LABELS[c.status])}</strong>
                  {c.statusReason ? <span className="pw-cell-note">{t("plan.cancelReasonText", { reason: c.statusReason })}</span> : null}
                </Td>
                <Td>{c.coordinator ?? "–"}</Td>
                <Td>{fmt.date(c.heldOn)}</Td>
                <Td>{c.agreements.length === 0 ? "–" : c.agreements.map((a) => a.description).join("; ")}</Td>
                <Td>
                  {c.followUps ? (
                    <ul className="pw-plain-list">
                      {FGC_FOLLOW_UPS.map((k) => {
                        const f = c.followUps?.[k];
                        if (!f) return null;
                        return (
                          <li key={k}>
                            {fmt.text(FGC_FOLLOW_UP_LABELS[k])}:{" "}
                            {f.status === "done" ? t("closing.ekc.followUpDone", { date: fmt.date(f.on) }) : f.status === "due" ? <strong>{t("closing.ekc.followUpDue", { date: fmt.date(f.dueOn) })}</strong> : t("closing.ekc.followUpUpcoming", { date: fmt.date(f.dueOn) })}
                          </li>
                        );
                      })}
                    </ul>
                  ) : "–"}
                </Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
    </Section>
  );
}
