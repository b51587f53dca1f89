import { FGC_FOLLOW_UP_LABELS, FGC_FOLLOW_UPS, fgcFollowUpDueOn, isIsoDay, type FgcFollowUp } from "@ploegwerk/domain";
import { useTranslation } from "react-i18next";
import { Fieldset, TextareaField, TextField } from "../../components/Form.tsx";
import { todayIso, useFormat } from "../../i18n/format.ts";
import type { FollowUpDraft } from "./conferenceDraft.ts";

/**
 * The two follow-up calls after the conference (the coordinator after four weeks, a call bureau
 * after three months): the day the call took place and a note. The due day is shown once the
 * conference has a date.
 */
export function FollowUpFields({ value, onChange, errors, idOf, heldOn }: {
  value: Record<FgcFollowUp, FollowUpDraft>;
  onChange: (value: Record<FgcFollowUp, FollowUpDraft>) => void;
  errors: Readonly<Record<string, string>>;
  idOf: (name: string) => string;
  heldOn: string;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const set = (k: FgcFollowUp, patch: Partial<FollowUpDraft>) => onChange({ ...value, [k]: { ...value[k], ...patch } });
  return (
    <>
      <p className="utrecht-paragraph">{t("closing.ekc.followUpsIntro")}</p>
      {FGC_FOLLOW_UPS.map((k) => {
        const path = `followUps.${k}`;
        const label = fmt.text(FGC_FOLLOW_UP_LABELS[k]);
        return (
          <Fieldset key={k} legend={label} className="pw-row-card">
            <TextField id={idOf(`${path}.on`)} label={t("closing.ekc.followUpOn")} type="date" className="pw-input-date"
              description={isIsoDay(heldOn) ? t("closing.ekc.followUpDueHint", { date: fmt.date(fgcFollowUpDueOn(heldOn, k)) }) : undefined}
              min={heldOn || undefined} max={todayIso()} value={value[k].on} onChange={(e) => set(k, { on: e.target.value })} error={errors[`${path}.on`]} />
            <TextareaField id={idOf(`${path}.note`)} label={t("closing.ekc.followUpNote")} rows={2} maxLength={2000}
              value={value[k].note} onChange={(e) => set(k, { note: e.target.value })} error={errors[`${path}.note`]} />
          </Fieldset>
        );
      })}
    </>
  );
}
