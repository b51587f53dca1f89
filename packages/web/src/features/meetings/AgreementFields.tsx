import type { Family, PlanContent } from "@ploegwerk/domain";
import { useTranslation } from "react-i18next";
import { Button } from "../../components/Button.tsx";
import { Fieldset, SelectField, TextareaField, TextField } from "../../components/Form.tsx";
import type { PlanLabels } from "../plans/labels.ts";
import { emptyOwner, OwnerPicker, type OwnerDraft } from "../plans/OwnerPicker.tsx";
import type { People } from "../plans/people.ts";

export interface AgreementDraft extends OwnerDraft {
  key: string;
  description: string;
  goalId: string;
  dueDate: string;
}

export const emptyAgreement = (coachId: string | null): AgreementDraft => ({ key: crypto.randomUUID(), description: "", goalId: "", dueDate: "", ...emptyOwner(coachId) });

/** The MDO's agreements: what, under which goal of the plan, who does it and by when. Each becomes an action in the plan. */
export function AgreementFields({ rows, onChange, errors, idOf, focus, family, people, planLabels, plan }: {
  rows: readonly AgreementDraft[];
  onChange: (rows: AgreementDraft[]) => void;
  errors: Readonly<Record<string, string>>;
  idOf: (name: string) => string;
  focus: (id: string) => void;
  family: Family;
  people: People;
  planLabels: PlanLabels;
  plan: PlanContent;
}) {
  const { t } = useTranslation();
  const set = (i: number, patch: Partial<AgreementDraft>) => onChange(rows.map((r, k) => (k === i ? { ...r, ...patch } : r)));
  return (
    <>
      {rows.map((r, i) => {
        const path = `agreements.${i}`;
        return (
          <Fieldset key={r.key} legend={t("meeting.agreementN", { number: i + 1 })} className="pw-row-card pw-row-card--action">
            <TextareaField id={idOf(`${path}.description`)} label={t("meeting.agreementDescription")} required rows={2} maxLength={1000}
              value={r.description} onChange={(e) => set(i, { description: e.target.value })} error={errors[`${path}.description`]} />
            <SelectField id={idOf(`${path}.goalId`)} label={t("meeting.agreementGoal")} required value={r.goalId}
              onChange={(e) => set(i, { goalId: e.target.value })} error={errors[`${path}.goalId`]}>
              <option value="">{t("form.choose")}</option>
              {plan.goals.map((g, gi) => (
                <option key={g.id} value={g.id}>{t("plan.goalN", { number: gi + 1 })}: {planLabels.domain(g.domain)} – {g.description}</option>
              ))}
            </SelectField>
            <OwnerPicker value={r} onChange={(patch) => set(i, patch)} path={path} number={String(i + 1)} idOf={idOf} errors={errors} family={family} people={people} />
            <TextField id={idOf(`${path}.dueDate`)} label={t("plan.dueDate")} required type="date" min={plan.startDate} className="pw-input-date"
              value={r.dueDate} onChange={(e) => set(i, { dueDate: e.target.value })} error={errors[`${path}.dueDate`]} />
            <Button appearance="subtle" onClick={() => { onChange(rows.filter((_, k) => k !== i)); focus(idOf("agreements.add")); }}>
              {t("meeting.removeAgreement", { number: i + 1 })}
            </Button>
          </Fieldset>
        );
      })}
      <Button id={idOf("agreements.add")} onClick={() => { onChange([...rows, emptyAgreement(family.coachId)]); focus(idOf(`agreements.${rows.length}.description`)); }}>
        {t("meeting.addAgreement")}
      </Button>
    </>
  );
}
