import { BREAK_GLASS_VERDICTS, type BreakGlassGrant, type BreakGlassVerdict } from "@ploegwerk/domain";
import { useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/endpoints.ts";
import { keys } from "../../api/queryKeys.ts";
import { Alert } from "../../components/Alert.tsx";
import { Button, ButtonGroup } from "../../components/Button.tsx";
import { ErrorSummary } from "../../components/ErrorSummary.tsx";
import { fieldId, TextareaField } from "../../components/Form.tsx";
import { useAddForm } from "../closing/useAddForm.ts";
import { RadioGroup } from "../plans/ChoiceFields.tsx";

const FIELDS = ["verdict", "note"] as const;

/** The verdict on one noodtoegang opening: justified or not, with a note. Never by the one who opened it. */
export function ReviewForm({ grant, onDone }: { grant: BreakGlassGrant; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const idOf = (name: string) => fieldId(`review-${grant.id}`, name);
  const [verdict, setVerdict] = useState<BreakGlassVerdict | "">("");
  const [note, setNote] = useState("");
  const form = useAddForm({
    fields: FIELDS,
    validate: () => {
      const e: Record<string, string> = {};
      if (!verdict) e.verdict = t("breakGlass.review.errors.verdict");
      return e;
    },
    call: () => api.reviewBreakGlass(grant.id, { verdict: verdict || "justified", note: note.trim() || null }),
    onSaved: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: keys.breakGlassAll });
      onDone(t(saved.review?.verdict === "not_justified" ? "breakGlass.review.savedNotJustified" : "breakGlass.review.savedJustified", { name: saved.user.name, caseNumber: saved.caseNumber }));
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    form.submit();
  };
  // Refusals that are not about a field, in plain words: the opener cannot judge their own opening; someone else was first.
  const refusal = form.problem.reason === "self_review" ? t("breakGlass.review.selfReview") : form.problem.reason === "already_reviewed" ? t("breakGlass.review.alreadyReviewed") : null;
  const summary = FIELDS.filter((n) => form.errors[n]).map((n) => ({ target: idOf(n), message: form.errors[n] ?? "" }));
  return (
    <form noValidate onSubmit={submit} aria-label={t("breakGlass.review.formLabel", { name: grant.user.name, caseNumber: grant.caseNumber })}>
      <ErrorSummary errors={summary} focusKey={form.attempt} />
      {refusal ? <Alert type="warning" role="alert"><p className="utrecht-paragraph">{refusal}</p></Alert> : form.problem.message ? (
        <Alert type="error" role="alert" heading={t("breakGlass.review.notSaved")}><p className="utrecht-paragraph">{form.problem.message}</p></Alert>
      ) : null}
      <RadioGroup id={idOf("verdict")} name={idOf("verdict")} legend={t("breakGlass.review.verdict")} inline
        options={BREAK_GLASS_VERDICTS.map((v) => ({ value: v, label: t(`breakGlass.review.verdicts.${v}`) }))}
        value={verdict} onChange={setVerdict} error={form.errors.verdict} />
      <TextareaField id={idOf("note")} label={t("breakGlass.review.note")} description={t("breakGlass.review.noteHint")} rows={2} maxLength={2000}
        value={note} onChange={(e) => setNote(e.target.value)} error={form.errors.note} />
      <ButtonGroup>
        <Button type="submit" appearance="primary" busy={form.busy} disabled={form.busy}>{t("breakGlass.review.submit")}</Button>
      </ButtonGroup>
    </form>
  );
}
