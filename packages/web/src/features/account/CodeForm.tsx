import { useMutation } from "@tanstack/react-query";
import type { TFunction } from "i18next";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../api/client.ts";
import { problemMessage } from "../../api/fieldErrors.ts";
import { Alert } from "../../components/Alert.tsx";
import { Button } from "../../components/Button.tsx";
import { ErrorSummary } from "../../components/ErrorSummary.tsx";
import { TextField } from "../../components/Form.tsx";
import "./account.css";

/** The server's reasons for a refused code, as the user should read them. */
function codeError(error: unknown, t: TFunction): string | null {
  if (!isApiError(error) || error.status !== 400) return null;
  if (error.reason === "code_reused") return t("twoFactor.errors.codeReused");
  if (error.reason === "wrong_code" || error.invalidParams.some((p) => p.name === "code")) return t("twoFactor.errors.wrongCode");
  return null;
}

/**
 * One field for the six digits of an authenticator app, and its button. Used for the second log-in
 * step and to confirm a new app. Other errors (a lock, an expired step) go to `onOtherError`.
 */
export function CodeForm<T>({ id, submitLabel, send, onDone, onOtherError }: {
  id: string;
  submitLabel: string;
  send: (code: string) => Promise<T>;
  onDone: (result: T) => void;
  onOtherError?: (error: unknown) => void;
}) {
  const { t } = useTranslation();
  const [code, setCode] = useState("");
  const [error, setError] = useState<string | undefined>();
  const [attempt, setAttempt] = useState(0);
  const mutation = useMutation({
    mutationFn: send,
    onSuccess: onDone,
    onError: (err) => {
      const message = codeError(err, t);
      setCode("");
      if (message) setError(message);
      else onOtherError?.(err);
      setAttempt((n) => n + 1);
    },
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    const digits = code.replace(/\s+/g, "");
    const found = /^\d{6}$/.test(digits) ? undefined : t("twoFactor.errors.format");
    setError(found);
    setAttempt((n) => n + 1);
    if (!found) mutation.mutate(digits);
  }
  const otherError = mutation.isError && !error && !onOtherError;
  return (
    <form className="utrecht-form" noValidate onSubmit={submit}>
      <ErrorSummary errors={error ? [{ target: id, message: error }] : []} focusKey={attempt} />
      {otherError ? (
        <Alert type="error" role="alert">
          <p className="utrecht-paragraph">{problemMessage(mutation.error, t)}</p>
        </Alert>
      ) : null}
      <TextField
        id={id}
        label={t("twoFactor.code")}
        description={t("twoFactor.codeHint")}
        required
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={7}
        className="pw-code-input"
        value={code}
        onChange={(e) => setCode(e.target.value)}
        error={error}
      />
      <Button type="submit" appearance="primary" busy={mutation.isPending} disabled={mutation.isPending}>
        {submitLabel}
      </Button>
    </form>
  );
}
