import type { Leverage } from "@ploegwerk/domain";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Alert } from "../../components/Alert.tsx";
import { Button, ButtonGroup } from "../../components/Button.tsx";
import { ErrorSummary } from "../../components/ErrorSummary.tsx";
import { fieldId } from "../../components/Form.tsx";
import { LEVERAGE_FIELDS, leverageErrors, type LeverageDraft, type LeverageField } from "./leverageDraft.ts";
import { LeverageFields } from "./LeverageFields.tsx";
import { useAddForm } from "./useAddForm.ts";

/**
 * A form for one dwang or drang entry, new or changed: the fields, the error summary (server field
 * errors land on their fields), a sentence for other problems, and for a change saved by someone
 * else meanwhile (409) a message with a button that loads the newest data.
 */
export function LeverageForm({ idPrefix, heading, initial, save, onSaved, onCancel, onReload, focusOnOpen = false }: {
  /** Prefix of the control ids, unique on the page ("drang", "drang-<id>"). */
  idPrefix: string;
  heading: string;
  initial: LeverageDraft;
  save: (draft: LeverageDraft) => Promise<Leverage>;
  onSaved: (saved: Leverage) => Promise<void> | void;
  onCancel: () => void;
  /** Loads the newest version of the entry after a 409 (the form is then opened again with it). */
  onReload?: () => void;
  /** Move focus to the first field when the form opens (when it opens in place, away from its button). */
  focusOnOpen?: boolean;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(initial);
  const idOf = (name: LeverageField) => fieldId(idPrefix, name);
  const headingId = `${idPrefix}-form-heading`;
  const form = useAddForm({ fields: LEVERAGE_FIELDS, validate: () => leverageErrors(draft, t), call: () => save(draft), onSaved });
  useEffect(() => {
    if (focusOnOpen) document.getElementById(fieldId(idPrefix, LEVERAGE_FIELDS[0]))?.focus();
  }, [focusOnOpen, idPrefix]);
  const stale = form.problem.stale;
  const staleRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (stale) staleRef.current?.focus();
  }, [stale]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    form.submit();
  };
  const summary = LEVERAGE_FIELDS.filter((n) => form.errors[n]).map((n) => ({ target: idOf(n), message: form.errors[n] ?? "" }));

  return (
    <form className="pw-panel pw-closing-form" noValidate onSubmit={submit} aria-labelledby={headingId}>
      <h3 className="utrecht-heading-3" id={headingId}>{heading}</h3>
      <ErrorSummary errors={summary} focusKey={form.attempt} />
      {form.problem.message ? <Alert type="error" role="alert" heading={t("plan.notSaved")}><p className="utrecht-paragraph">{form.problem.message}</p></Alert> : null}
      {stale ? (
        <Alert ref={staleRef} type="error" role="alert" heading={t("closing.leverages.staleTitle")}>
          <p className="utrecht-paragraph">{t("closing.leverages.staleBody")}</p>
          {onReload ? <Button appearance="primary" onClick={onReload}>{t("conflict.reload")}</Button> : null}
        </Alert>
      ) : null}
      <LeverageFields value={draft} onChange={setDraft} errors={form.errors} idOf={idOf} />
      <ButtonGroup>
        <Button type="submit" appearance="primary" busy={form.busy} disabled={form.busy || stale}>{t("closing.save")}</Button>
        <Button appearance="subtle" onClick={onCancel}>{t("common.cancel")}</Button>
      </ButtonGroup>
    </form>
  );
}
