import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { formProblem, noFormProblem, placeErrors, type FormProblem } from "../plans/formProblem.ts";

/**
 * The plumbing of a small add form: client-side checks first (Dutch messages), then the call;
 * server field errors are placed on the known fields, anything else is a sentence.
 */
export function useAddForm<T>({ fields, validate, call, onSaved, fieldErrorOf }: {
  fields: readonly string[];
  validate: () => Record<string, string>;
  call: () => Promise<T>;
  onSaved: (saved: T) => Promise<void> | void;
  /** Answers the form places on a field itself, e.g. a 409 "name taken" on the name; null for the others. */
  fieldErrorOf?: (error: unknown) => Record<string, string> | null;
}) {
  const { t, i18n } = useTranslation();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<FormProblem>(noFormProblem);
  const [attempt, setAttempt] = useState(0);
  const mutation = useMutation({
    mutationFn: call,
    onSuccess: async (saved) => {
      setErrors({});
      await onSaved(saved);
    },
    onError: (error) => {
      const own = fieldErrorOf?.(error) ?? null;
      if (own) {
        setProblem(noFormProblem);
        setErrors(own);
        setAttempt((n) => n + 1);
        return;
      }
      const p = formProblem(error, t, i18n.language);
      setProblem(p);
      setErrors(placeErrors(p.fields, fields, fields[0] ?? ""));
      setAttempt((n) => n + 1);
    },
  });
  const submit = () => {
    const found = validate();
    setErrors(found);
    setProblem(noFormProblem);
    setAttempt((n) => n + 1);
    if (Object.keys(found).length === 0) mutation.mutate();
  };
  return { errors, problem, attempt, submit, busy: mutation.isPending };
}
