import type { Family } from "@ploegwerk/domain";
import { useTranslation } from "react-i18next";
import { Button } from "../../components/Button.tsx";
import { Fieldset, TextareaField, TextField } from "../../components/Form.tsx";
import { AgreementOwnerField } from "./AgreementOwnerField.tsx";
import { emptyAgreement, type AgreementDraft } from "./conferenceDraft.ts";

/**
 * The agreements of the network plan: what, who of the family or its network does it, and by when.
 * An agreement already in the gezinsplan says so; changing or removing it here leaves the plan as it is.
 */
export function ConferenceAgreementFields({ rows, onChange, errors, idOf, focus, family, heldOn, inPlan }: {
  rows: readonly AgreementDraft[];
  onChange: (rows: AgreementDraft[]) => void;
  errors: Readonly<Record<string, string>>;
  idOf: (name: string) => string;
  focus: (id: string) => void;
  family: Family;
  /** The day the conference was held: no agreement is due before it. */
  heldOn: string;
  /** Ids of agreements that are actions in the gezinsplan. */
  inPlan: ReadonlySet<string>;
}) {
  const { t } = useTranslation();
  const set = (i: number, patch: Partial<AgreementDraft>) => onChange(rows.map((r, k) => (k === i ? { ...r, ...patch } : r)));
  return (
    <>
      {rows.length === 0 ? <p className="utrecht-paragraph pw-muted">{t("closing.ekc.noAgreements")}</p> : null}
      {rows.map((r, i) => {
        const path = `agreements.${i}`;
        const number = i + 1;
        const planned = r.id !== null && inPlan.has(r.id);
        return (
          <Fieldset key={r.key} legend={t("closing.ekc.agreementN", { number })} className="pw-row-card pw-row-card--action">
            {planned ? <p className="utrecht-paragraph pw-muted">{t("closing.ekc.agreementInPlan")}</p> : null}
            <TextareaField id={idOf(`${path}.description`)} label={t("closing.ekc.agreementDescription")} required rows={2} maxLength={1000}
              value={r.description} onChange={(e) => set(i, { description: e.target.value })} error={errors[`${path}.description`]} />
            <AgreementOwnerField id={idOf(`${path}.owner`)} value={r.owner} onChange={(owner) => set(i, { owner })} error={errors[`${path}.owner`]} family={family} />
            <TextField id={idOf(`${path}.dueDate`)} label={t("closing.ekc.agreementDueDate")} required type="date" min={heldOn || undefined} className="pw-input-date"
              value={r.dueDate} onChange={(e) => set(i, { dueDate: e.target.value })} error={errors[`${path}.dueDate`]} />
            <Button appearance="subtle" onClick={() => { onChange(rows.filter((_, k) => k !== i)); focus(idOf("agreements.add")); }}>
              {t("closing.ekc.removeAgreement", { number })}
            </Button>
          </Fieldset>
        );
      })}
      <Button id={idOf("agreements.add")} onClick={() => { onChange([...rows, emptyAgreement()]); focus(idOf(`agreements.${rows.length}.description`)); }}>
        {t("closing.ekc.addAgreement")}
      </Button>
    </>
  );
}
