import { AUDIT_KINDS } from "@ploegwerk/domain";
import { useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/endpoints.ts";
import { keys } from "../../api/queryKeys.ts";
import { Button, ButtonGroup } from "../../components/Button.tsx";
import { SelectField, TextField } from "../../components/Form.tsx";
import { useAuditLabels } from "./labels.ts";
import "./audit.css";

/** The logboek's filters; an empty string means "any". They live in the page's URL. */
export const FILTER_NAMES = ["actorUserId", "familyId", "action", "kind", "from", "to", "entityId"] as const;
export type AuditFilterName = (typeof FILTER_NAMES)[number];
export type AuditFilterValues = Record<AuditFilterName, string>;

export const noFilters = (): AuditFilterValues => ({ actorUserId: "", familyId: "", action: "", kind: "", from: "", to: "", entityId: "" });

/** Only the filters that are set, as query parameters for the API. */
export function filterQuery(values: AuditFilterValues): Record<string, string> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v.trim() !== "").map(([k, v]) => [k, v.trim()]));
}

const ACTION_SUGGESTIONS = ["family.viewed", "family.listed", "trajectory.viewed", "measurement.viewed", "plan.viewed", "document.generated", "family.updated", "session.failed"];

export function AuditFilterForm({ initial, onSearch }: { initial: AuditFilterValues; onSearch: (values: AuditFilterValues) => void }) {
  const { t } = useTranslation();
  const label = useAuditLabels();
  const users = useQuery({ queryKey: keys.users, queryFn: api.users });
  const [values, setValues] = useState(initial);
  const field = (name: AuditFilterName) => ({
    id: `audit-filter-${name}`,
    value: values[name],
    noOptionalMark: true,
    onChange: (e: { target: { value: string } }) => setValues((v) => ({ ...v, [name]: e.target.value })),
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    onSearch(values);
  }
  return (
    <form className="utrecht-form pw-audit-filters" role="search" aria-label={t("audit.log.filtersLabel")} noValidate onSubmit={submit}>
      <div className="pw-audit-filters__grid">
        <SelectField label={t("audit.filters.actor")} {...field("actorUserId")}>
          <option value="">{t("audit.filters.anyone")}</option>
          {(users.data?.items ?? []).map((u) => (
            <option key={u.id} value={u.id}>{`${u.name} (${label.role(u.role)})`}</option>
          ))}
        </SelectField>
        <SelectField label={t("audit.filters.kind")} {...field("kind")}>
          <option value="">{t("audit.filters.anyKind")}</option>
          {AUDIT_KINDS.map((k) => (
            <option key={k} value={k}>{label.kind(k)}</option>
          ))}
        </SelectField>
        <TextField label={t("audit.filters.action")} description={t("audit.filters.actionHint")} list="audit-action-suggestions" {...field("action")} />
        <datalist id="audit-action-suggestions">
          {ACTION_SUGGESTIONS.map((a) => (
            <option key={a} value={a}>{label.action(a)}</option>
          ))}
        </datalist>
        <TextField label={t("audit.filters.familyId")} description={t("audit.filters.familyIdHint")} {...field("familyId")} />
        <TextField label={t("audit.filters.entityId")} description={t("audit.filters.entityIdHint")} {...field("entityId")} />
        <TextField label={t("audit.filters.from")} type="date" {...field("from")} />
        <TextField label={t("audit.filters.to")} type="date" {...field("to")} />
      </div>
      <ButtonGroup>
        <Button type="submit" appearance="primary">{t("audit.filters.search")}</Button>
        <Button
          appearance="subtle"
          onClick={() => {
            setValues(noFilters());
            onSearch(noFilters());
          }}
        >
          {t("audit.filters.clear")}
        </Button>
      </ButtonGroup>
    </form>
  );
}
