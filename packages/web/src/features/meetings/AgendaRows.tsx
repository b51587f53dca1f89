import { useTranslation } from "react-i18next";
import { Button } from "../../components/Button.tsx";
import { TextField } from "../../components/Form.tsx";

export interface AgendaRow {
  key: string;
  /** The plan goal the item discusses, if any. */
  goalId: string | null;
  text: string;
}

/** The MDO's agenda items, one text each, with add and remove. */
export function AgendaRows({ rows, onChange, errors, idOf, focus }: {
  rows: readonly AgendaRow[];
  onChange: (rows: AgendaRow[]) => void;
  errors: Readonly<Record<string, string>>;
  idOf: (name: string) => string;
  focus: (id: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      {rows.length === 0 ? <p className="utrecht-paragraph pw-muted">{t("meeting.agendaEmpty")}</p> : null}
      <ol className="pw-agenda-rows">
        {rows.map((r, i) => (
          <li key={r.key} className="pw-agenda-rows__item">
            <TextField id={idOf(`agenda.${i}.text`)} label={t("meeting.agendaItem", { number: i + 1 })} required maxLength={1000}
              description={r.goalId ? t("meeting.agendaFromPlan") : undefined}
              value={r.text} onChange={(e) => onChange(rows.map((x, k) => (k === i ? { ...x, text: e.target.value } : x)))} error={errors[`agenda.${i}.text`]} />
            <Button appearance="subtle" onClick={() => { onChange(rows.filter((_, k) => k !== i)); focus(idOf("agenda.add")); }}>
              {t("meeting.removeAgendaItem", { number: i + 1 })}
            </Button>
          </li>
        ))}
      </ol>
      <Button id={idOf("agenda.add")} onClick={() => { onChange([...rows, { key: crypto.randomUUID(), goalId: null, text: "" }]); focus(idOf(`agenda.${rows.length}.text`)); }}>
        {t("meeting.addAgendaItem")}
      </Button>
    </>
  );
}
