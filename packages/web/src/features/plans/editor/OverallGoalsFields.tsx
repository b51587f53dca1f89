import { useTranslation } from "react-i18next";
import { Button } from "../../../components/Button.tsx";
import { Fieldset, TextareaField, TextField } from "../../../components/Form.tsx";
import { DeviationReasonField } from "./DeviationReasonField.tsx";
import { emptyOverallGoal, fid, type DraftOverallGoal } from "./draft.ts";
import type { EditorApi } from "./editorApi.ts";

/** Overkoepelende doelen: what the family works towards as a whole, each with an optional target date. */
export function OverallGoalsFields({ ed, goals }: { ed: EditorApi; goals: readonly DraftOverallGoal[] }) {
  const { t } = useTranslation();
  const add = () => {
    ed.edit((d) => { d.overallGoals.push(emptyOverallGoal()); });
    ed.focus(fid(`overallGoals.${goals.length}.description`));
  };
  const remove = (i: number) => {
    ed.edit((d) => { d.overallGoals.splice(i, 1); });
    ed.announce(t("plan.editor.removedOverall", { number: i + 1 }));
    ed.focus("plan-add-overall");
  };
  return (
    <section className="pw-form-section" aria-labelledby="plan-overall-heading">
      <h2 className="utrecht-heading-2" id="plan-overall-heading">{t("plan.overallGoals")}</h2>
      <p className="utrecht-paragraph">{t("plan.editor.overallIntro")}</p>
      {goals.map((g, i) => {
        const dev = ed.datedDeviation(g.id);
        return (
          <Fieldset key={g.id} legend={t("plan.editor.overallN", { number: i + 1 })} className="pw-row-card">
            <TextareaField id={fid(`overallGoals.${i}.description`)} label={t("plan.editor.description")} required rows={2} maxLength={2000}
              value={g.description} onChange={ed.bind((d, v) => { const x = d.overallGoals[i]; if (x) x.description = v; })}
              error={ed.errors[`overallGoals.${i}.description`]} />
            <TextField id={fid(`overallGoals.${i}.targetDate`)} label={t("plan.targetDate")} type="date" min={ed.startDate || undefined} className="pw-input-date"
              value={g.targetDate} onChange={ed.bind((d, v) => { const x = d.overallGoals[i]; if (x) x.targetDate = v; })}
              error={ed.errors[`overallGoals.${i}.targetDate`]} />
            {dev ? <DeviationReasonField ed={ed} deviation={dev} /> : null}
            <Button appearance="subtle" onClick={() => remove(i)}>{t("plan.editor.removeOverall", { number: i + 1 })}</Button>
          </Fieldset>
        );
      })}
      <Button id="plan-add-overall" onClick={add}>{t("plan.editor.addOverall")}</Button>
    </section>
  );
}
