import type { InterventionImportSummary, InvalidParam } from "@ploegwerk/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../api/client.ts";
import { api } from "../../api/endpoints.ts";
import { problemMessage } from "../../api/fieldErrors.ts";
import { keys } from "../../api/queryKeys.ts";
import { Alert } from "../../components/Alert.tsx";
import { Button } from "../../components/Button.tsx";
import { Paragraph, Section } from "../../components/Page.tsx";
import { catalogueReason, importPlace } from "./reasons.ts";

type Outcome = { kind: "done"; summary: InterventionImportSummary } | { kind: "rejected"; errors: InvalidParam[] } | { kind: "failed"; message: string } | null;

/** Export the catalogue as CSV or JSON; import a file (those who keep the catalogue). */
export function TransferSection({ canImport }: { canImport: boolean }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const fileRef = useRef<HTMLInputElement>(null);
  const resultRef = useRef<HTMLDivElement>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const show = (o: Outcome) => {
    setOutcome(o);
    // The result (or the list of errors) takes focus, so it is read out and the user can go on from there.
    requestAnimationFrame(() => resultRef.current?.focus());
  };
  const importing = useMutation({
    mutationFn: async (file: File) => api.importInterventions({ format: file.name.toLowerCase().endsWith(".csv") ? "csv" : "json", content: await file.text() }),
    onSuccess: async (summary) => {
      await queryClient.invalidateQueries({ queryKey: keys.interventionsAll });
      if (fileRef.current) fileRef.current.value = "";
      show({ kind: "done", summary });
    },
    onError: (error) => {
      if (isApiError(error) && error.reason === "import_rejected") show({ kind: "rejected", errors: error.invalidParams });
      else show({ kind: "failed", message: problemMessage(error, t) });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const file = fileRef.current?.files?.[0];
    if (!file || !/\.(csv|json)$/i.test(file.name)) {
      setFileError(t("catalogue.importChooseFile"));
      fileRef.current?.focus();
      return;
    }
    setFileError(null);
    setOutcome(null);
    importing.mutate(file);
  };
  const line = (p: InvalidParam) => `${importPlace(p.name, t)}: ${catalogueReason(p.reason, t, i18n.language)}`;
  return (
    <Section id="catalogue-transfer" title={t("catalogue.transferTitle")}>
      <Paragraph>{t("catalogue.transferIntro")}</Paragraph>
      <div className="utrecht-button-group pw-button-group">
        <a className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action" href={api.interventionsExportUrl("csv")} download>{t("catalogue.exportCsv")}</a>
        <a className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action" href={api.interventionsExportUrl("json")} download>{t("catalogue.exportJson")}</a>
      </div>
      {canImport ? (
        <form className="pw-panel" noValidate onSubmit={submit}>
          <div className={["utrecht-form-field", "utrecht-form-field--distanced", fileError ? "utrecht-form-field--invalid" : ""].filter(Boolean).join(" ")}>
            <div className="utrecht-form-field__label">
              <label className="utrecht-form-label" htmlFor="catalogue-import-file">{t("catalogue.importFile")}</label>
            </div>
            <div className="utrecht-form-field-description utrecht-form-field__description" id="catalogue-import-file-description">{t("catalogue.importHint")}</div>
            {fileError ? (
              <div className="utrecht-form-field-error-message utrecht-form-field__error-message" id="catalogue-import-file-error">
                <span className="pw-visually-hidden">{t("form.errorPrefix")} </span>
                {fileError}
              </div>
            ) : null}
            <div className="utrecht-form-field__input">
              <input ref={fileRef} id="catalogue-import-file" type="file" accept=".csv,.json,text/csv,application/json"
                aria-invalid={fileError ? true : undefined}
                aria-describedby={[fileError ? "catalogue-import-file-error" : "", "catalogue-import-file-description"].filter(Boolean).join(" ")} />
            </div>
          </div>
          <Button type="submit" appearance="secondary" busy={importing.isPending} disabled={importing.isPending}>{t("catalogue.importButton")}</Button>
        </form>
      ) : null}
      <div ref={resultRef} tabIndex={-1} className="pw-catalogue-import-result">
        {outcome?.kind === "done" ? (
          <Alert type="ok" role="status">
            <p className="utrecht-paragraph">{t("catalogue.imported", outcome.summary)}</p>
            {outcome.summary.warnings.length > 0 ? (
              <>
                <p className="utrecht-paragraph">{t("catalogue.importWarnings")}</p>
                <ul className="utrecht-unordered-list">{outcome.summary.warnings.map((w) => <li key={w.name} className="utrecht-unordered-list__item">{importPlace(w.name, t)}: {w.reason}</li>)}</ul>
              </>
            ) : null}
          </Alert>
        ) : null}
        {outcome?.kind === "rejected" ? (
          <Alert type="error" role="alert" heading={t("catalogue.importRejected")}>
            <ul className="utrecht-unordered-list">{outcome.errors.map((p, i) => <li key={`${p.name}-${i}`} className="utrecht-unordered-list__item">{line(p)}</li>)}</ul>
          </Alert>
        ) : null}
        {outcome?.kind === "failed" ? <Alert type="error" role="alert" heading={t("catalogue.notSaved")}><p className="utrecht-paragraph">{outcome.message}</p></Alert> : null}
      </div>
    </Section>
  );
}
