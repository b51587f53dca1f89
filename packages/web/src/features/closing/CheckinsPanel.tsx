import type { AftercareCheckinList } from "@ploegwerk/domain";
import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/endpoints.ts";
import { Alert } from "../../components/Alert.tsx";
import { Button, ButtonGroup } from "../../components/Button.tsx";
import { ErrorSummary } from "../../components/ErrorSummary.tsx";
import { fieldId, TextareaField, TextField } from "../../components/Form.tsx";
import { Table, TBody, Td, Th, THead, Tr } from "../../components/Table.tsx";
import { todayIso, useFormat } from "../../i18n/format.ts";
import { Checkbox } from "../plans/ChoiceFields.tsx";
import { formProblem, noFormProblem, type FormProblem } from "../plans/formProblem.ts";
import { useRefreshClosing } from "./queries.ts";

const idOf = (name: string) => fieldId("nazorgcontact", name);

/** Nazorg check-ins: when the next contact is due, a relapse signal, the contacts so far and recording a new one. */
export function CheckinsPanel({ trajectoryId, list, canWrite }: { trajectoryId: string; list: AftercareCheckinList; canWrite: boolean }) {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const refresh = useRefreshClosing(trajectoryId);
  const [heldOn, setHeldOn] = useState(todayIso());
  const [byName, setByName] = useState("");
  const [note, setNote] = useState("");
  const [relapse, setRelapse] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<FormProblem>(noFormProblem);
  const [attempt, setAttempt] = useState(0);
  const [message, setMessage] = useState<string | null>(null);

  const record = useMutation({
    mutationFn: () => api.recordAftercareCheckin(trajectoryId, { heldOn, byName: byName.trim() || null, note: note.trim() || null, relapse }),
    onSuccess: async (c) => {
      await refresh();
      setMessage(c.relapse ? t("closing.checkins.savedRelapse") : t("closing.checkins.saved", { date: fmt.date(c.heldOn) }));
      setByName("");
      setNote("");
      setRelapse(false);
    },
    onError: (error) => {
      const p = formProblem(error, t, i18n.language);
      setProblem(p);
      setErrors(p.fields);
      setAttempt((n) => n + 1);
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!/^\d{4}-\d{2}-\d{2}$/.test(heldOn)) found.heldOn = t("plan.errors.date");
    else if (heldOn > todayIso()) found.heldOn = t("plan.errors.future");
    if (relapse && !note.trim()) found.note = t("closing.checkins.errors.relapseNote");
    setErrors(found);
    setProblem(noFormProblem);
    setMessage(null);
    setAttempt((n) => n + 1);
    if (Object.keys(found).length === 0) record.mutate();
  }

  const summary = ["heldOn", "byName", "note"].filter((n) => errors[n]).map((n) => ({ target: idOf(n), message: errors[n] ?? "" }));
  return (
    <>
      {list.relapseSignalled ? (
        <Alert type="warning" heading={t("closing.checkins.relapseTitle")}>
          <p className="utrecht-paragraph">{t("closing.checkins.relapseBody", { date: fmt.date(list.relapseSince) })}</p>
        </Alert>
      ) : null}
      <p className="utrecht-paragraph">
        {list.nextCheckinDue
          ? list.nextCheckinOverdue
            ? <strong>{t("closing.checkins.nextOverdue", { date: fmt.date(list.nextCheckinDue) })}</strong>
            : t("closing.checkins.next", { date: fmt.date(list.nextCheckinDue) })
          : t("closing.checkins.noSchedule")}
        {list.contactEveryWeeks ? ` ${t("closing.aftercare.everyText", { count: list.contactEveryWeeks })}` : ""}
      </p>
      {list.items.length === 0 ? <p className="utrecht-paragraph">{t("closing.checkins.none")}</p> : (
        <Table caption={t("closing.checkins.caption")} captionHidden>
          <THead>
            <Tr>
              <Th>{t("closing.checkins.heldOn")}</Th>
              <Th>{t("closing.checkins.byName")}</Th>
              <Th>{t("closing.checkins.note")}</Th>
              <Th>{t("closing.checkins.relapseColumn")}</Th>
            </Tr>
          </THead>
          <TBody>
            {list.items.map((c) => (
              <Tr key={c.id}>
                <Td>{fmt.date(c.heldOn)}</Td>
                <Td>{c.byName}</Td>
                <Td className="pw-prewrap">{c.note ?? "–"}</Td>
                <Td>{c.relapse ? <strong>{t("closing.checkins.relapseYes")}</strong> : t("closing.checkins.relapseNo")}</Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
      <div role="status" aria-live="polite">
        {message ? <Alert type="ok"><p className="utrecht-paragraph">{message}</p></Alert> : null}
      </div>
      {canWrite ? (
        <form className="pw-panel pw-closing-form" noValidate onSubmit={submit} aria-labelledby="checkin-form-heading">
          <h4 className="utrecht-heading-4" id="checkin-form-heading">{t("closing.checkins.formTitle")}</h4>
          <ErrorSummary errors={summary} focusKey={attempt} />
          {problem.message ? <Alert type="error" role="alert" heading={t("plan.notSaved")}><p className="utrecht-paragraph">{problem.message}</p></Alert> : null}
          <div className="pw-grid-2">
            <TextField id={idOf("heldOn")} label={t("closing.checkins.heldOn")} required type="date" max={todayIso()} className="pw-input-date" value={heldOn} onChange={(e) => setHeldOn(e.target.value)} error={errors.heldOn} />
            <TextField id={idOf("byName")} label={t("closing.checkins.byName")} description={t("closing.checkins.byNameHint")} maxLength={200} value={byName} onChange={(e) => setByName(e.target.value)} error={errors.byName} />
          </div>
          <Checkbox id={idOf("relapse")} label={t("closing.checkins.relapse")} description={t("closing.checkins.relapseHint")} checked={relapse} onChange={setRelapse} />
          <TextareaField id={idOf("note")} label={t("closing.checkins.note")} required={relapse} description={relapse ? t("closing.checkins.noteRelapseHint") : undefined}
            rows={3} maxLength={5000} value={note} onChange={(e) => setNote(e.target.value)} error={errors.note} />
          <ButtonGroup>
            <Button type="submit" appearance="primary" busy={record.isPending} disabled={record.isPending}>{t("closing.checkins.save")}</Button>
          </ButtonGroup>
        </form>
      ) : null}
    </>
  );
}
