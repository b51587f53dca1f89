import type { Meeting } from "@ploegwerk/domain";
import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/endpoints.ts";
import { Alert } from "../../components/Alert.tsx";
import { Button } from "../../components/Button.tsx";
import { TextareaField } from "../../components/Form.tsx";
import { formProblem, noFormProblem, type FormProblem } from "../plans/formProblem.ts";
import { useRefreshMeetings } from "./queries.ts";

/** Calling off a planned MDO, with the reason. */
export function CancelMeetingForm({ trajectoryId, meeting, onDone, onStale }: { trajectoryId: string; meeting: Meeting; onDone: (message: string) => void; onStale: () => void }) {
  const { t, i18n } = useTranslation();
  const refresh = useRefreshMeetings(trajectoryId);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | undefined>();
  const [problem, setProblem] = useState<FormProblem>(noFormProblem);
  const cancel = useMutation({
    mutationFn: () => api.cancelMeeting(trajectoryId, meeting.id, { version: meeting.version, reason: reason.trim() }),
    onSuccess: async () => {
      await refresh();
      onDone(t("meeting.cancelled"));
    },
    onError: (e) => {
      const p = formProblem(e, t, i18n.language);
      setProblem(p);
      setError(p.fields.reason);
      if (p.stale) onStale();
    },
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    setProblem(noFormProblem);
    if (!reason.trim()) {
      setError(t("meeting.errors.cancelReason"));
      document.getElementById("mdo-cancel-reason")?.focus();
      return;
    }
    setError(undefined);
    cancel.mutate();
  }
  return (
    <form className="pw-meeting-form" noValidate onSubmit={submit} aria-labelledby="mdo-cancel-heading">
      <h2 className="utrecht-heading-2" id="mdo-cancel-heading">{t("meeting.cancelTitle")}</h2>
      {problem.message && !problem.stale ? <Alert type="error" role="alert" heading={t("plan.notSaved")}><p className="utrecht-paragraph">{problem.message}</p></Alert> : null}
      <TextareaField id="mdo-cancel-reason" label={t("meeting.cancelReason")} required rows={2} maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)} error={error} />
      <Button type="submit" appearance="danger" busy={cancel.isPending} disabled={cancel.isPending}>{t("meeting.cancelSubmit")}</Button>
    </form>
  );
}
