import { LEVER_LABELS, LEVERAGE_KIND_LABELS, LEVERAGE_KINDS, LEVERS, type Lever } from "@ploegwerk/domain";
import { useTranslation } from "react-i18next";
import { SelectField, TextareaField, TextField } from "../../components/Form.tsx";
import { useFormat } from "../../i18n/format.ts";
import { RadioGroup } from "../plans/ChoiceFields.tsx";
import type { LeverageDraft, LeverageField } from "./leverageDraft.ts";

/** The fields of a dwang or drang entry, for recording a new one and for changing one (end date and outcome). */
export function LeverageFields({ value, onChange, errors, idOf }: {
  value: LeverageDraft;
  onChange: (next: LeverageDraft) => void;
  errors: Readonly<Record<string, string>>;
  /** The control id of a field; unique per form, so a new and a changed entry can be open together. */
  idOf: (field: LeverageField) => string;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const set = <K extends keyof LeverageDraft>(k: K, v: LeverageDraft[K]) => onChange({ ...value, [k]: v });
  const text = (k: "party" | "condition" | "startsOn" | "endsOn" | "outcome") => (e: { target: { value: string } }) => set(k, e.target.value);
  return (
    <>
      <div className="pw-grid-2">
        <SelectField id={idOf("lever")} label={t("closing.leverages.lever")} required value={value.lever} onChange={(e) => set("lever", e.target.value as Lever | "")} error={errors.lever}>
          <option value="">{t("form.choose")}</option>
          {LEVERS.map((l) => <option key={l} value={l}>{fmt.text(LEVER_LABELS[l])}</option>)}
        </SelectField>
        <RadioGroup id={idOf("kind")} name={idOf("kind")} legend={t("closing.leverages.kind")} inline
          options={LEVERAGE_KINDS.map((k) => ({ value: k, label: fmt.text(LEVERAGE_KIND_LABELS[k]) }))} value={value.kind} onChange={(k) => set("kind", k)} error={errors.kind} />
      </div>
      <TextField id={idOf("party")} label={t("closing.leverages.party")} description={t("closing.leverages.partyHint")} required maxLength={200} value={value.party} onChange={text("party")} error={errors.party} />
      <TextareaField id={idOf("condition")} label={t("closing.leverages.condition")} description={t("closing.leverages.conditionHint")} required rows={3} maxLength={2000} value={value.condition} onChange={text("condition")} error={errors.condition} />
      <div className="pw-grid-2">
        <TextField id={idOf("startsOn")} label={t("closing.leverages.startsOn")} required type="date" className="pw-input-date" value={value.startsOn} onChange={text("startsOn")} error={errors.startsOn} />
        <TextField id={idOf("endsOn")} label={t("closing.leverages.endsOn")} description={t("closing.leverages.endsOnHint")} type="date" min={value.startsOn || undefined}
          className="pw-input-date" value={value.endsOn} onChange={text("endsOn")} error={errors.endsOn} />
      </div>
      <TextareaField id={idOf("outcome")} label={t("closing.leverages.outcome")} description={t("closing.leverages.outcomeHint")} rows={2} maxLength={2000} value={value.outcome} onChange={text("outcome")} error={errors.outcome} />
    </>
  );
}
