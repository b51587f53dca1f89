import { useTranslation } from "react-i18next";
import { Button } from "../../components/Button.tsx";
import { Fieldset, TextField } from "../../components/Form.tsx";
import { PartnerOrganisationSelect } from "../partners/PartnerOrganisationSelect.tsx";

export interface PartnerRow {
  key: string;
  organisation: string;
  contactName: string;
  contact: string;
  /** The registered chain partner organisation ("" = typed in by hand). */
  partnerOrganisationId: string;
}

export const emptyPartnerRow = (): PartnerRow => ({ key: crypto.randomUUID(), organisation: "", contactName: "", contact: "", partnerOrganisationId: "" });

/** Chain partners' contacts invited by name (they need not use Ploegwerk), with add and remove. */
export function PartnerRows({ rows, onChange, errors, idOf, focus }: {
  rows: readonly PartnerRow[];
  onChange: (rows: PartnerRow[]) => void;
  errors: Readonly<Record<string, string>>;
  idOf: (name: string) => string;
  focus: (id: string) => void;
}) {
  const { t } = useTranslation();
  const set = (i: number, patch: Partial<PartnerRow>) => onChange(rows.map((r, k) => (k === i ? { ...r, ...patch } : r)));
  return (
    <>
      {rows.map((r, i) => (
        <Fieldset key={r.key} legend={t("meeting.partnerN", { number: i + 1 })} className="pw-row-card">
          <PartnerOrganisationSelect id={idOf(`partners.${i}.partnerOrganisationId`)} label={t("partners.picker.inviteeLabel", { number: i + 1 })}
            value={r} onChange={(choice) => set(i, choice)} error={errors[`partners.${i}.partnerOrganisationId`]} />
          <div className="pw-grid-3">
            {r.partnerOrganisationId ? null : (
              <TextField id={idOf(`partners.${i}.organisation`)} label={t("plan.owner.organisation")} required maxLength={200} value={r.organisation}
                onChange={(e) => set(i, { organisation: e.target.value })} error={errors[`partners.${i}.organisation`]} />
            )}
            <TextField id={idOf(`partners.${i}.contactName`)} label={t("plan.owner.contactName")} required maxLength={200} value={r.contactName}
              onChange={(e) => set(i, { contactName: e.target.value })} error={errors[`partners.${i}.contactName`]} />
            <TextField id={idOf(`partners.${i}.contact`)} label={t("plan.owner.contact")} maxLength={300} value={r.contact}
              onChange={(e) => set(i, { contact: e.target.value })} error={errors[`partners.${i}.contact`]} />
          </div>
          <Button appearance="subtle" onClick={() => { onChange(rows.filter((_, k) => k !== i)); focus(idOf("partners.add")); }}>
            {t("meeting.removePartner", { number: i + 1 })}
          </Button>
        </Fieldset>
      ))}
      <Button id={idOf("partners.add")} onClick={() => { onChange([...rows, emptyPartnerRow()]); focus(idOf(`partners.${rows.length}.organisation`)); }}>
        {t("meeting.addPartner")}
      </Button>
    </>
  );
}
