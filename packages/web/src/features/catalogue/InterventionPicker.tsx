import { useState, type FormEvent, type KeyboardEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { Button, ButtonGroup } from "../../components/Button.tsx";
import { useIntervention, useInterventionSearch } from "./queries.ts";

/**
 * Picks a "wat werkt" entry for a plan action: the chosen entry's name (a link to its page) with
 * "change" and "none", or a search by name with a "Kiezen" button per result. Focus stays with the
 * user: after a choice it goes to "Andere hulp kiezen", after "none" back to the search button.
 */
export function InterventionPicker({ id, number, value, error, onChange, announce }: {
  /** The id of the field (for the error summary): the button that opens the search or changes the choice. */
  id: string;
  number: string;
  value: string | null;
  error?: string | undefined;
  onChange: (interventionId: string | null) => void;
  announce: (text: string) => void;
}) {
  const { t } = useTranslation();
  const chosen = useIntervention(value ?? undefined);
  const [open, setOpen] = useState(false);
  const [text, setText] = useState("");
  const [q, setQ] = useState("");
  const results = useInterventionSearch({ q: q || undefined, pageSize: 10 }, open && q !== "");
  const searchId = `${id}-search`;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const focusLater = (target: string) => requestAnimationFrame(() => document.getElementById(target)?.focus());
  const search = (e?: FormEvent) => {
    e?.preventDefault();
    setQ(text.trim());
  };
  // The search sits inside the plan's form: Enter searches here instead of saving the plan.
  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "Enter") {
      e.preventDefault();
      search();
    }
  };
  const pick = (interventionId: string) => {
    onChange(interventionId);
    setOpen(false);
    setText("");
    setQ("");
    focusLater(id);
  };
  const describedBy = [`${id}-label`, error ? errorId : "", hintId].filter(Boolean).join(" ");
  return (
    // Not a group of its own: the action's fieldset is the group ("Actie 1.2"); the label and hint describe the buttons.
    <div className={["utrecht-form-field", "utrecht-form-field--distanced", "pw-intervention-picker", error ? "utrecht-form-field--invalid" : ""].filter(Boolean).join(" ")}>
      <p className="utrecht-form-label" id={`${id}-label`}>{t("catalogue.picker.label", { number })}</p>
      <div className="utrecht-form-field-description" id={hintId}>{t("catalogue.picker.hint")}</div>
      {error ? (
        <div className="utrecht-form-field-error-message" id={errorId}>
          <span className="pw-visually-hidden">{t("form.errorPrefix")} </span>
          {error}
        </div>
      ) : null}
      {value ? (
        <>
          <p className="utrecht-paragraph">
            {t("catalogue.picker.chosen")}{" "}
            <Link className="utrecht-link utrecht-link--html-a" to={`/wat-werkt/${value}`} target="_blank" rel="noopener">
              {chosen.data?.name ?? "…"}<span className="pw-visually-hidden"> {t("catalogue.picker.newTab")}</span>
            </Link>
          </p>
          <ButtonGroup>
            <Button id={id} aria-describedby={describedBy} onClick={() => { setOpen(true); focusLater(searchId); }}>{t("catalogue.picker.change")}</Button>
            <Button appearance="subtle" onClick={() => { onChange(null); announce(t("catalogue.picker.removed", { number })); focusLater(id); }}>{t("catalogue.picker.remove")}</Button>
          </ButtonGroup>
        </>
      ) : open ? null : (
        <Button id={id} aria-describedby={describedBy} onClick={() => { setOpen(true); focusLater(searchId); }}>{t("catalogue.picker.choose")}</Button>
      )}
      {open ? (
        <div className="pw-panel">
          <div className="pw-inline-form">
            <div className="utrecht-form-field utrecht-form-field--text">
              <div className="utrecht-form-field__label"><label className="utrecht-form-label" htmlFor={searchId}>{t("catalogue.picker.search")}</label></div>
              <div className="utrecht-form-field__input">
                <input id={searchId} type="search" className="utrecht-textbox utrecht-textbox--html-input" value={text} maxLength={200} autoComplete="off"
                  onChange={(e) => setText(e.target.value)} onKeyDown={onKey} />
              </div>
            </div>
            <Button onClick={() => search()}>{t("catalogue.picker.searchButton")}</Button>
            <Button appearance="subtle" onClick={() => { setOpen(false); focusLater(id); }}>{t("catalogue.picker.cancel")}</Button>
          </div>
          <p className="utrecht-paragraph" role="status" aria-live="polite">
            {q && results.data ? (results.data.items.length === 0 ? t("catalogue.picker.noResults", { q }) : t("catalogue.picker.results", { count: results.data.items.length })) : ""}
          </p>
          {q && results.data && results.data.items.length > 0 ? (
            <ul className="pw-intervention-picker__results">
              {results.data.items.map((r) => (
                <li key={r.id}>
                  <span>{r.name}</span>
                  <Button appearance="subtle" onClick={() => pick(r.id)}>
                    {t("catalogue.picker.pick")}<span className="pw-visually-hidden"> {r.name}</span>
                  </Button>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
