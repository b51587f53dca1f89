import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { formProblem, noFormProblem, placeErrors, type FormProblem } from "../plans/formProblem.ts";
import { meetingDraftErrors, meetingDraftFields, meetingFieldOf, type MeetingDraft } from "./meetingDraft.ts";

/**
 * The plumbing of the schedule and change forms: the browser's checks first, then the call; the
 * server's field errors land on their fields (or the invitee list), other problems are a sentence,
 * and a 409 stale_version is handed to `onStale`.
 */
export function useMeetingDraftForm<T>({ draft, call, onSaved, onStale }: {
  draft: MeetingDraft;
  call: () => Promise<T>;
  onSaved: (saved: T) => Promise<void> | void;
  onStale?: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<FormProblem>(noFormProblem);
  const [attempt, setAttempt] = useState(0);
  const fields = meetingDraftFields(draft);
  const mutation = useMutation({
    mutationFn: call,
    onSuccess: async (saved) => {
      setErrors({});
      await onSaved(saved);
    },
    onError: (error) => {
      const p = formProblem(error, t, i18n.language, (name) => meetingFieldOf(name, draft));
      setProblem(p);
      if (p.stale) onStale?.();
      setErrors(placeErrors(p.fields, fields, "date"));
      setAttempt((n) => n + 1);
    },
  });
  const submit = () => {
    const found = meetingDraftErrors(draft, t);
    setErrors(found);
    setProblem(noFormProblem);
    setAttempt((n) => n + 1);
    if (Object.keys(found).length === 0) mutation.mutate();
  };
  /** The error summary's entries in form order, each linking to its field. */
  const summary = (idOf: (name: string) => string) => fields.filter((n) => errors[n]).map((n) => ({ target: idOf(n), message: errors[n] ?? "" }));
  return { errors, problem, attempt, submit, summary, busy: mutation.isPending };
}
