import { RESEARCH_DATE_MODES, ResearchExportQuery, type ResearchDateMode, type ResearchExportQueryInput } from "@ploegwerk/domain";
import { useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/endpoints.ts";
import { keys } from "../../api/queryKeys.ts";
import { Alert } from "../../components/Alert.tsx";
import { Button } from "../../components/Button.tsx";
import { ErrorSummary, type SummaryError } from "../../components/ErrorSummary.tsx";
import { SelectField, TextareaField, TextField } from "../../components/Form.tsx";
import { Heading2 } from "../../components/Page.tsx";
import { LoadError, Loading } from "../../components/QueryState.tsx";
import { ChoiceField } from "../trajectories/ChoiceField.tsx";
import "./research.css";

type FieldName = "instrument" | "from" | "to" | "dates" | "purpose";
const ID: Record<FieldName, string> = { instrument: "research-instrument", from: "research-from", to: "research-to", dates: "research-dates", purpose: "research-purpose" };

interface Values {
  instrument: string;
  from: string;
  to: string;
  dates: ResearchDateMode;
  purpose: string;
}

/** Last calendar year: the period most research asks for first. */
function lastYear(): { from: string; to: string } {
  const year = new Date().getFullYear() - 1;
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

/**
 * Choosing what to export. The choices are checked with the same contract as the server, then
 * the download links appear; each click on the data link is a new export with new pseudonyms,
 * logged with the purpose given here.
 */
export function ResearchExportForm() {
  const { t } = useTranslation();
  const instruments = useQuery({ queryKey: keys.instruments, queryFn: api.instruments });
  const [values, setValues] = useState<Values>({ instrument: "ploeg-9", ...lastYear(), dates: "month", purpose: "" });
  const [errors, setErrors] = useState<Partial<Record<FieldName, string>>>({});
  const [attempt, setAttempt] = useState(0);
  const [ready, setReady] = useState<ResearchExportQueryInput | null>(null);

  const set = (name: FieldName, value: string) => {
    setValues((v) => ({ ...v, [name]: value }));
    // A change makes the links stale: they are shown again after the next check.
    setReady(null);
  };

  function submit(event: FormEvent) {
    event.preventDefault();
    setAttempt((n) => n + 1);
    const parsed = ResearchExportQuery.safeParse(values);
    if (parsed.success) {
      setErrors({});
      setReady(parsed.data);
      return;
    }
    const next: Partial<Record<FieldName, string>> = {};
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0]) as FieldName;
      if (next[field]) continue;
      if (field === "to" && issue.message.includes("before")) next.to = t("researcher.errors.order");
      else next[field] = t(`researcher.errors.${field}`);
    }
    setErrors(next);
    setReady(null);
  }

  if (instruments.isPending) return <Loading />;
  if (instruments.isError) return <LoadError error={instruments.error} retry={() => void instruments.refetch()} />;
  const summary: SummaryError[] = (Object.keys(ID) as FieldName[]).flatMap((f) => (errors[f] ? [{ target: ID[f], message: errors[f] ?? "" }] : []));
  const filter = ready ? { instrument: ready.instrument, from: ready.from, to: ready.to, dates: ready.dates } : null;

  return (
    <>
      <form className="utrecht-form pw-research-form" noValidate onSubmit={submit} aria-labelledby="research-form-heading">
        <Heading2 id="research-form-heading">{t("researcher.formTitle")}</Heading2>
        <ErrorSummary errors={summary} focusKey={attempt} />
        <SelectField id={ID.instrument} label={t("researcher.instrument")} required value={values.instrument} error={errors.instrument} onChange={(e) => set("instrument", e.target.value)}>
          {instruments.data.items.map((d) => (
            <option key={d.key} value={d.key}>{`${d.name.nl} (${d.key})`}</option>
          ))}
        </SelectField>
        <div className="pw-research-form__period">
          <TextField id={ID.from} type="date" label={t("researcher.from")} required value={values.from} error={errors.from} onChange={(e) => set("from", e.target.value)} />
          <TextField id={ID.to} type="date" label={t("researcher.to")} required value={values.to} error={errors.to} onChange={(e) => set("to", e.target.value)} />
        </div>
        <ChoiceField<ResearchDateMode>
          id={ID.dates}
          name="dates"
          required
          legend={t("researcher.dates")}
          error={errors.dates}
          value={values.dates}
          onChange={(v) => set("dates", v)}
          choices={RESEARCH_DATE_MODES.map((m) => ({ value: m, label: t(`researcher.dateModes.${m}`) }))}
        />
        <TextareaField id={ID.purpose} label={t("researcher.purpose")} description={t("researcher.purposeHint")} required rows={3} maxLength={200} value={values.purpose} error={errors.purpose} onChange={(e) => set("purpose", e.target.value)} />
        <Button type="submit" appearance="primary">{t("researcher.prepare")}</Button>
      </form>
      <div aria-live="polite">
        {ready && filter ? (
          <Alert type="ok" heading={t("researcher.readyTitle")}>
            <p className="utrecht-paragraph">{t("researcher.readyText")}</p>
            <ul className="utrecht-unordered-list pw-research-downloads">
              <li className="utrecht-unordered-list__item">
                <a className="utrecht-link utrecht-link--html-a" href={api.researchExportUrl(ready)} download>{t("researcher.downloadData")}</a>
              </li>
              <li className="utrecht-unordered-list__item">
                <a className="utrecht-link utrecht-link--html-a" href={api.researchCodebookUrl(filter, "md")} download>{t("researcher.downloadCodebook")}</a>
              </li>
              <li className="utrecht-unordered-list__item">
                <a className="utrecht-link utrecht-link--html-a" href={api.researchCodebookUrl(filter, "json")} download>{t("researcher.downloadCodebookJson")}</a>
              </li>
            </ul>
          </Alert>
        ) : null}
      </div>
    </>
  );
}
