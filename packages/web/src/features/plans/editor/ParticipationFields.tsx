import { PARTICIPATION_STEPS } from "@ploegwerk/domain";
import { useTranslation } from "react-i18next";
import { Button } from "../../../components/Button.tsx";
import { Fieldset, SelectField } from "../../../components/Form.tsx";
import { emptyLadder, fid, type DraftLadder } from "./draft.ts";
import type { EditorApi } from "./editorApi.ts";

const STEPS = Array.from({ length: PARTICIPATION_STEPS.max - PARTICIPATION_STEPS.min + 1 }, (_, i) => PARTICIPATION_STEPS.min + i);

/** The participatieladder as main goal: per member the step now and the step to reach. */
export function ParticipationFields({ ed, rows }: { ed: EditorApi; rows: readonly DraftLadder[] }) {
  const { t } = useTranslation();
  const add = () => {
    ed.edit((d) => { d.participation.push(emptyLadder()); });
    ed.focus(fid(`participation.${rows.length}.memberId`));
  };
  const remove = (i: number) => {
    ed.edit((d) => { d.participation.splice(i, 1); });
    ed.announce(t("plan.editor.removedLadder", { number: i + 1 }));
    ed.focus("plan-add-ladder");
  };
  const adults = ed.family.members.filter((m) => m.role !== "child");
  const members = adults.length > 0 ? adults : ed.family.members;
  return (
    <section className="pw-form-section" aria-labelledby="plan-ladder-heading">
      <h2 className="utrecht-heading-2" id="plan-ladder-heading">{t("plan.participation")}</h2>
      <p className="utrecht-paragraph">{t("plan.editor.ladderIntro")}</p>
      {rows.map((p, i) => (
        <Fieldset key={p.key} legend={t("plan.editor.ladderN", { number: i + 1 })} className="pw-row-card">
          <div className="pw-grid-3">
            <SelectField id={fid(`participation.${i}.memberId`)} label={t("plan.member")} required value={p.memberId}
              onChange={ed.bind((d, v) => { const x = d.participation[i]; if (x) x.memberId = v; })}
              error={ed.errors[`participation.${i}.memberId`]}>
              <option value="">{t("form.choose")}</option>
              {members.map((m) => <option key={m.id} value={m.id}>{m.givenName} {m.surname}</option>)}
            </SelectField>
            <SelectField id={fid(`participation.${i}.currentStep`)} label={t("plan.currentStep")} required value={p.currentStep}
              onChange={ed.bind((d, v) => { const x = d.participation[i]; if (x) x.currentStep = v; })}
              error={ed.errors[`participation.${i}.currentStep`]}>
              <option value="">{t("form.choose")}</option>
              {STEPS.map((s) => <option key={s} value={s}>{ed.labels.step(s)}</option>)}
            </SelectField>
            <SelectField id={fid(`participation.${i}.targetStep`)} label={t("plan.targetStep")} required value={p.targetStep}
              onChange={ed.bind((d, v) => { const x = d.participation[i]; if (x) x.targetStep = v; })}
              error={ed.errors[`participation.${i}.targetStep`]}>
              <option value="">{t("form.choose")}</option>
              {STEPS.map((s) => <option key={s} value={s}>{ed.labels.step(s)}</option>)}
            </SelectField>
          </div>
          <Button appearance="subtle" onClick={() => remove(i)}>{t("plan.editor.removeLadder", { number: i + 1 })}</Button>
        </Fieldset>
      ))}
      <Button id="plan-add-ladder" onClick={add}>{t("plan.editor.addLadder")}</Button>
    </section>
  );
}
