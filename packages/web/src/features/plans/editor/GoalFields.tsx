import { useTranslation } from "react-i18next";
import { Button } from "../../../components/Button.tsx";
import { Fieldset, SelectField, TextareaField, TextField } from "../../../components/Form.tsx";
import { CheckboxGroup } from "../ChoiceFields.tsx";
import { ActionFields } from "./ActionFields.tsx";
import { DeviationReasonField } from "./DeviationReasonField.tsx";
import { emptyAction, fid, type DraftGoal } from "./draft.ts";
import type { EditorApi } from "./editorApi.ts";

/** A goal on one leefgebied, for the family or named members, with its actions. */
export function GoalFields({ ed, goal, gi, onRemove }: { ed: EditorApi; goal: DraftGoal; gi: number; onRemove: () => void }) {
  const { t } = useTranslation();
  const path = `goals.${gi}`;
  const domains = ed.labels.instrument?.domains ?? [];
  const dev = ed.datedDeviation(goal.id);
  const addAction = () => {
    ed.edit((d) => { d.goals[gi]?.actions.push(emptyAction(ed.family.coachId)); });
    ed.focus(fid(`${path}.actions.${goal.actions.length}.description`));
  };
  const removeAction = (ai: number) => {
    ed.edit((d) => { d.goals[gi]?.actions.splice(ai, 1); });
    ed.announce(t("plan.editor.removedAction", { number: `${gi + 1}.${ai + 1}` }));
    ed.focus(fid(`${path}.actions`));
  };
  const legend = goal.domain ? `${t("plan.goalN", { number: gi + 1 })}: ${ed.labels.domain(goal.domain)}` : t("plan.goalN", { number: gi + 1 });
  return (
    <Fieldset legend={legend} className="pw-row-card pw-row-card--goal">
      <div className="pw-grid-2">
        <SelectField id={fid(`${path}.domain`)} label={t("plan.editor.domain")} required value={goal.domain}
          onChange={ed.bind((d, v) => { const g = d.goals[gi]; if (g) g.domain = v; })} error={ed.errors[`${path}.domain`]}>
          <option value="">{t("form.choose")}</option>
          {domains.map((dm) => <option key={dm.key} value={dm.key}>{ed.labels.domain(dm.key)}</option>)}
          {goal.domain && !domains.some((dm) => dm.key === goal.domain) ? <option value={goal.domain}>{goal.domain}</option> : null}
        </SelectField>
        <div>
          <TextField id={fid(`${path}.targetDate`)} label={t("plan.targetDate")} type="date" min={ed.startDate || undefined} className="pw-input-date"
            value={goal.targetDate} onChange={ed.bind((d, v) => { const g = d.goals[gi]; if (g) g.targetDate = v; })} error={ed.errors[`${path}.targetDate`]} />
          {dev ? <DeviationReasonField ed={ed} deviation={dev} /> : null}
        </div>
      </div>
      <CheckboxGroup
        id={fid(`${path}.memberIds`)}
        legend={t("plan.editor.forWhom")}
        description={t("plan.editor.forWhomHint")}
        inline
        options={ed.family.members.map((m) => ({ value: m.id, label: `${m.givenName} ${m.surname}` }))}
        values={goal.memberIds}
        onChange={(ids) => ed.edit((d) => { const g = d.goals[gi]; if (g) g.memberIds = ids; })}
        error={ed.errors[`${path}.memberIds`]}
      />
      <TextareaField id={fid(`${path}.description`)} label={t("plan.editor.goalDescription")} required rows={2} maxLength={2000}
        value={goal.description} onChange={ed.bind((d, v) => { const g = d.goals[gi]; if (g) g.description = v; })} error={ed.errors[`${path}.description`]} />

      <h3 className="utrecht-heading-4 pw-actions-heading">{t("plan.editor.actionsOf", { number: gi + 1 })}</h3>
      {goal.actions.length === 0 ? <p className="utrecht-paragraph pw-muted">{t("plan.editor.noActionsYet")}</p> : null}
      {goal.actions.map((a, ai) => (
        <ActionFields key={a.id} ed={ed} action={a} gi={gi} ai={ai} onRemove={() => removeAction(ai)} />
      ))}
      {ed.errors[`${path}.actions`] ? (
        <p className="utrecht-form-field-error-message" id={`${fid(`${path}.actions`)}-error`}>{ed.errors[`${path}.actions`]}</p>
      ) : null}
      <div className="pw-button-group">
        <Button id={fid(`${path}.actions`)} onClick={addAction} aria-describedby={ed.errors[`${path}.actions`] ? `${fid(`${path}.actions`)}-error` : undefined}>
          {t("plan.editor.addAction", { number: gi + 1 })}
        </Button>
        <Button appearance="subtle" onClick={onRemove}>{t("plan.editor.removeGoal", { number: gi + 1 })}</Button>
      </div>
    </Fieldset>
  );
}
