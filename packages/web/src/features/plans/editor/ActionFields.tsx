import { ACTION_STATUSES, type ActionStatus } from "@ploegwerk/domain";
import { useTranslation } from "react-i18next";
import { Button } from "../../../components/Button.tsx";
import { Fieldset, SelectField, TextareaField, TextField } from "../../../components/Form.tsx";
import { DeviationReasonField } from "./DeviationReasonField.tsx";
import { fid, type DraftAction } from "./draft.ts";
import type { EditorApi } from "./editorApi.ts";
import { OwnerFields } from "./OwnerFields.tsx";
import { InterventionPicker } from "../../catalogue/InterventionPicker.tsx";

/** One action under a goal: what, who, by when, and its status (vervallen with a reason). */
export function ActionFields({ ed, action, gi, ai, onRemove }: { ed: EditorApi; action: DraftAction; gi: number; ai: number; onRemove: () => void }) {
  const { t } = useTranslation();
  const path = `goals.${gi}.actions.${ai}`;
  const number = `${gi + 1}.${ai + 1}`;
  const change = (fn: (a: DraftAction, value: string) => void) =>
    ed.bind((d, v) => {
      const a = d.goals[gi]?.actions[ai];
      if (a) fn(a, v);
    });
  const dev = ed.datedDeviation(action.id);
  return (
    <Fieldset legend={t("plan.editor.actionN", { number })} className="pw-row-card pw-row-card--action">
      <TextareaField id={fid(`${path}.description`)} label={t("plan.editor.actionDescription")} required rows={2} maxLength={1000}
        value={action.description} onChange={change((a, v) => { a.description = v; })} error={ed.errors[`${path}.description`]} />
      <OwnerFields ed={ed} action={action} path={path} number={number} gi={gi} ai={ai} />
      <div className="pw-grid-2">
        <div>
          <TextField id={fid(`${path}.dueDate`)} label={t("plan.dueDate")} required type="date" min={ed.startDate || undefined} className="pw-input-date"
            value={action.dueDate} onChange={change((a, v) => { a.dueDate = v; })} error={ed.errors[`${path}.dueDate`]} />
          {dev ? <DeviationReasonField ed={ed} deviation={dev} /> : null}
        </div>
        <SelectField id={fid(`${path}.status`)} label={t("plan.actionStatus")} required value={action.status}
          onChange={change((a, v) => { if ((ACTION_STATUSES as readonly string[]).includes(v)) a.status = v as ActionStatus; })} error={ed.errors[`${path}.status`]}>
          {ACTION_STATUSES.map((s) => <option key={s} value={s}>{ed.labels.status(s)}</option>)}
        </SelectField>
      </div>
      {action.status === "cancelled" ? (
        <TextareaField id={fid(`${path}.cancelReason`)} label={t("plan.cancelReason")} required rows={2} maxLength={1000}
          value={action.cancelReason} onChange={change((a, v) => { a.cancelReason = v; })} error={ed.errors[`${path}.cancelReason`]} />
      ) : null}
      <InterventionPicker id={fid(`${path}.interventionId`)} number={number} value={action.interventionId} error={ed.errors[`${path}.interventionId`]} announce={ed.announce}
        onChange={(id) => ed.edit((d) => { const a = d.goals[gi]?.actions[ai]; if (a) a.interventionId = id; })} />
      <Button appearance="subtle" onClick={onRemove}>{t("plan.editor.removeAction", { number })}</Button>
    </Fieldset>
  );
}
