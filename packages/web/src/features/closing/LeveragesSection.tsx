import { LEVER_LABELS, LEVERAGE_KIND_LABELS, LEVERAGE_KINDS, LEVERS, type Lever, type LeverageKind } from "@ploegwerk/domain";
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
import { useFormat } from "../../i18n/format.ts";
import { useSession } from "../auth/session.ts";
import { RadioGroup } from "../plans/ChoiceFields.tsx";
import { canEditPlan } from "../plans/permissions.ts";
import { useTrajectoryOf } from "../plans/queries.ts";
import { useLeverages, useRefreshKey } from "./registerQueries.ts";
import { useAddForm } from "./useAddForm.ts";

const idOf = (name: string) => fieldId("drang", name);
const FIELDS = ["lever", "kind", "party", "condition", "startsOn", "endsOn", "outcome"] as const;

/** The dwang en drang register: the lever, who applies it, the agreed condition, from when to when, and the outcome. */
export function LeveragesSection({ trajectoryId }: { trajectoryId: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const me = useSession().data;
  const list = useLeverages(trajectoryId);
  const trajectory = useTrajectoryOf(trajectoryId);
  const refreshKey = useRefreshKey();
  const [adding, setAdding] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const empty = { lever: "" as Lever | "", kind: "" as LeverageKind | "", party: "", condition: "", startsOn: "", endsOn: "", outcome: "" };
  const [v, setV] = useState(empty);
  const set = (k: "party" | "condition" | "startsOn" | "endsOn" | "outcome") => (e: { target: { value: string } }) => setV((x) => ({ ...x, [k]: e.target.value }));
  const open = trajectory.data ? trajectory.data.phase !== "closed" : false;
  const form = useAddForm({
    fields: FIELDS,
    validate: () => {
      const e: Record<string, string> = {};
      if (!v.lever) e.lever = t("closing.leverages.errors.lever");
      if (!v.kind) e.kind = t("closing.leverages.errors.kind");
      if (!v.party.trim()) e.party = t("closing.leverages.errors.party");
      if (!v.condition.trim()) e.condition = t("closing.leverages.errors.condition");
      if (!/^\d{4}-\d{2}-\d{2}$/.test(v.startsOn)) e.startsOn = t("plan.errors.date");
      if (v.endsOn && v.startsOn && v.endsOn < v.startsOn) e.endsOn = t("closing.leverages.errors.endsOn");
      return e;
    },
    call: () => api.recordLeverage(trajectoryId, {
      lever: v.lever || "other", kind: v.kind || "drang", party: v.party.trim(), condition: v.condition.trim(),
      startsOn: v.startsOn, endsOn: v.endsOn || null, outcome: v.outcome.trim() || null,
    }),
    onSaved: async () => {
      await refreshKey(keys.leverages(trajectoryId));
      setAdding(false);
      setMessage(t("closing.leverages.saved"));
      setV(empty);
    },
  });
  const submit = (e: FormEvent) => { e.preventDefault(); form.submit(); };
  const summary = FIELDS.filter((n) => form.errors[n]).map((n) => ({ target: idOf(n), message: form.errors[n] ?? "" }));

  return (
    <Section id="leverages" title={t("closing.leverages.title")}
      actions={canEditPlan(me?.role) && open && !adding ? <Button onClick={() => { setMessage(null); setAdding(true); }}>{t("closing.leverages.add")}</Button> : null}>
      <div role="status" aria-live="polite">{message ? <Alert type="ok"><p className="utrecht-paragraph">{message}</p></Alert> : null}</div>
      {adding ? (
        <form className="pw-panel pw-closing-form" noValidate onSubmit={submit} aria-labelledby="leverage-form-heading">
          <h3 className="utrecht-heading-3" id="leverage-form-heading">{t("closing.leverages.formTitle")}</h3>
          <ErrorSummary errors={summary} focusKey={form.attempt} />
          {form.problem.message ? <Alert type="error" role="alert" heading={t("plan.notSaved")}><p className="utrecht-paragraph">{form.problem.message}</p></Alert> : null}
          <div className="pw-grid-2">
            <SelectField id={idOf("lever")} label={t("closing.leverages.lever")} required value={v.lever} onChange={(e) => setV((x) => ({ ...x, lever: e.target.value as Lever | "" }))} error={form.errors.lever}>
              <option value="">{t("form.choose")}</option>
              {LEVERS.map((l) => <option key={l} value={l}>{fmt.text(LEVER_LABELS[l])}</option>)}
            </SelectField>
            <RadioGroup id={idOf("kind")} name="leverage-kind" legend={t("closing.leverages.kind")} inline
              options={LEVERAGE_KINDS.map((k) => ({ value: k, label: fmt.text(LEVERAGE_KIND_LABELS[k]) }))} value={v.kind} onChange={(k) => setV((x) => ({ ...x, kind: k }))} error={form.errors.kind} />
          </div>
          <TextField id={idOf("party")} label={t("closing.leverages.party")} description={t("closing.leverages.partyHint")} required maxLength={200} value={v.party} onChange={set("party")} error={form.errors.party} />
          <TextareaField id={idOf("condition")} label={t("closing.leverages.condition")} description={t("closing.leverages.conditionHint")} required rows={3} maxLength={2000} value={v.condition} onChange={set("condition")} error={form.errors.condition} />
          <div className="pw-grid-2">
            <TextField id={idOf("startsOn")} label={t("closing.leverages.startsOn")} required type="date" className="pw-input-date" value={v.startsOn} onChange={set("startsOn")} error={form.errors.startsOn} />
            <TextField id={idOf("endsOn")} label={t("closing.leverages.endsOn")} type="date" min={v.startsOn || undefined} className="pw-input-date" value={v.endsOn} onChange={set("endsOn")} error={form.errors.endsOn} />
          </div>
          <TextareaField id={idOf("outcome")} label={t("closing.leverages.outcome")} rows={2} maxLength={2000} value={v.outcome} onChange={set("outcome")} error={form.errors.outcome} />
          <ButtonGroup>
            <Button type="submit" appearance="primary" busy={form.busy} disabled={form.busy}>{t("closing.save")}</Button>
            <Button appearance="subtle" onClick={() => setAdding(false)}>{t("common.cancel")}</Button>
          </ButtonGroup>
        </form>
      ) : null}
      {list.isPending ? <Loading /> : list.isError ? <LoadError error={list.error} retry={() => void list.refetch()} /> : list.data.items.length === 0 ? (
        <p className="utrecht-paragraph">{t("closing.leverages.none")}</p>
      ) : (
        <Table caption={t("closing.leverages.title")} captionHidden>
          <THead>
            <Tr>
              <Th>{t("closing.leverages.lever")}</Th>
              <Th>{t("closing.leverages.party")}</Th>
              <Th>{t("closing.leverages.condition")}</Th>
              <Th>{t("closing.leverages.period")}</Th>
              <Th>{t("closing.leverages.outcome")}</Th>
            </Tr>
          </THead>
          <TBody>
            {list.data.items.map((l) => (
              <Tr key={l.id}>
                <Td>{fmt.text(LEVER_LABELS[l.lever])}<span className="pw-cell-note">{fmt.text(LEVERAGE_KIND_LABELS[l.kind])}</span></Td>
                <Td>{l.party}</Td>
                <Td className="pw-prewrap">{l.condition}</Td>
                <Td>
                  {l.endsOn ? t("closing.leverages.fromTo", { from: fmt.date(l.startsOn), to: fmt.date(l.endsOn) }) : t("closing.leverages.from", { from: fmt.date(l.startsOn) })}
                  <span className="pw-cell-note">{l.active ? <strong>{t("closing.leverages.active")}</strong> : t("closing.leverages.notActive")}</span>
                </Td>
                <Td>{l.outcome ?? "–"}</Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
    </Section>
  );
}
