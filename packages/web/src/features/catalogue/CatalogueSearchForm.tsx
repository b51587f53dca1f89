import { COST_UNITS, EVIDENCE_LEVELS, RECOGNITIONS, TARGET_GROUPS } from "@ploegwerk/domain";
import { useEffect, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Button, ButtonGroup } from "../../components/Button.tsx";
import { SelectField, TextField } from "../../components/Form.tsx";
import { useCatalogueLabels } from "./labels.ts";
import { useLeefgebieden } from "./queries.ts";
import { centsOf, type SearchValues } from "./searchParams.ts";

/** The search box and filters; submitting puts the search in the URL. */
export function CatalogueSearchForm({ initial, showArchived, onSearch }: { initial: SearchValues; showArchived: boolean; onSearch: (values: SearchValues) => void }) {
  const { t } = useTranslation();
  const labels = useCatalogueLabels();
  const leefgebieden = useLeefgebieden();
  const [values, setValues] = useState<SearchValues>(initial);
  const [costError, setCostError] = useState<string | undefined>(undefined);
  // A new address (the back button, a shared link) brings its search into the form; the form stays
  // mounted, so focus stays on the button the user pressed.
  const fromUrl = JSON.stringify(initial);
  useEffect(() => setValues(JSON.parse(fromUrl) as SearchValues), [fromUrl]);
  const set = (field: keyof SearchValues) => (e: { target: { value: string } }) => setValues((v) => ({ ...v, [field]: e.target.value }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (values.maxCost.trim() && centsOf(values.maxCost) === null) {
      setCostError(t("catalogue.errors.cost"));
      document.getElementById("catalogue-maxCost")?.focus();
      return;
    }
    setCostError(undefined);
    onSearch(values);
  };
  const clear = () => {
    const empty = Object.fromEntries(Object.keys(values).map((k) => [k, ""])) as SearchValues;
    setValues(empty);
    setCostError(undefined);
    onSearch(empty);
    requestAnimationFrame(() => document.getElementById("catalogue-q")?.focus());
  };
  return (
    <form role="search" aria-label={t("catalogue.searchTitle")} noValidate onSubmit={submit} className="pw-catalogue-search">
      <TextField id="catalogue-q" type="search" label={t("catalogue.q")} description={t("catalogue.qHint")} noOptionalMark maxLength={200} value={values.q} onChange={set("q")} />
      <div className="pw-catalogue-filters">
        <SelectField id="catalogue-domain" label={t("catalogue.domain")} noOptionalMark value={values.domain} onChange={set("domain")}>
          <option value="">{t("catalogue.any")}</option>
          {leefgebieden.options.map((o) => <option key={o.key} value={o.key}>{o.label}</option>)}
        </SelectField>
        <SelectField id="catalogue-targetGroup" label={t("catalogue.targetGroup")} noOptionalMark value={values.targetGroup} onChange={set("targetGroup")}>
          <option value="">{t("catalogue.any")}</option>
          {TARGET_GROUPS.map((g) => <option key={g} value={g}>{labels.targetGroup(g)}</option>)}
        </SelectField>
        <SelectField id="catalogue-minEvidence" label={t("catalogue.minEvidence")} noOptionalMark value={values.minEvidence} onChange={set("minEvidence")}>
          <option value="">{t("catalogue.any")}</option>
          {EVIDENCE_LEVELS.map((l) => <option key={l} value={String(l)}>{labels.evidence(l)}</option>)}
        </SelectField>
        <SelectField id="catalogue-recognition" label={t("catalogue.recognition")} noOptionalMark value={values.recognition} onChange={set("recognition")}>
          <option value="">{t("catalogue.any")}</option>
          {RECOGNITIONS.map((r) => <option key={r} value={r}>{labels.recognition(r)}</option>)}
        </SelectField>
        <TextField id="catalogue-maxCost" label={t("catalogue.maxCost")} description={t("catalogue.maxCostHint")} noOptionalMark inputMode="decimal" autoComplete="off"
          value={values.maxCost} onChange={set("maxCost")} error={costError} />
        <SelectField id="catalogue-costUnit" label={t("catalogue.costUnit")} noOptionalMark value={values.costUnit} onChange={set("costUnit")}>
          <option value="">{t("catalogue.any")}</option>
          {COST_UNITS.map((u) => <option key={u} value={u}>{labels.costUnit(u)}</option>)}
        </SelectField>
        {showArchived ? (
          <SelectField id="catalogue-active" label={t("catalogue.active")} noOptionalMark value={values.active} onChange={set("active")}>
            <option value="">{t("catalogue.activeTrue")}</option>
            <option value="false">{t("catalogue.activeFalse")}</option>
            <option value="all">{t("catalogue.activeAll")}</option>
          </SelectField>
        ) : null}
      </div>
      <ButtonGroup>
        <Button type="submit" appearance="primary">{t("catalogue.search")}</Button>
        <Button appearance="subtle" onClick={clear}>{t("catalogue.clear")}</Button>
      </ButtonGroup>
    </form>
  );
}
