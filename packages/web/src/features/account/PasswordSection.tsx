import { PASSWORD_MIN_LENGTH, type AccountStatus } from "@ploegwerk/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { accountApi, accountKeys } from "../../api/accountEndpoints.ts";
import { problemMessage, type FieldErrors } from "../../api/fieldErrors.ts";
import { Alert } from "../../components/Alert.tsx";
import { Button } from "../../components/Button.tsx";
import { ErrorSummary } from "../../components/ErrorSummary.tsx";
import { TextField } from "../../components/Form.tsx";
import { Paragraph, Section } from "../../components/Page.tsx";
import { passwordRefusal } from "./passwordErrors.ts";

const FIELDS = ["currentPassword", "newPassword", "repeat"] as const;
const fieldId = (name: string) => `account-${name}`;

/** Changing the own password: the current one, the new one twice. Other sessions end on the server. */
export function PasswordSection({ status }: { status: AccountStatus }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [v, setV] = useState({ currentPassword: "", newPassword: "", repeat: "" });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const [done, setDone] = useState(false);
  const change = useMutation({
    mutationFn: () => accountApi.changePassword({ currentPassword: v.currentPassword, newPassword: v.newPassword }),
    onSuccess: () => {
      setV({ currentPassword: "", newPassword: "", repeat: "" });
      setDone(true);
      void queryClient.invalidateQueries({ queryKey: accountKeys.account });
    },
    onError: (error) => {
      const refusal = passwordRefusal(error, t);
      if (refusal) setErrors({ [refusal.field]: refusal.message });
      setAttempt((n) => n + 1);
    },
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    const found: FieldErrors = {};
    if (!v.currentPassword) found.currentPassword = t("account.errors.currentRequired");
    if (v.newPassword.length < PASSWORD_MIN_LENGTH) found.newPassword = t("account.errors.newShort", { min: PASSWORD_MIN_LENGTH });
    else if (v.repeat !== v.newPassword) found.repeat = t("account.errors.repeatDiffers");
    setErrors(found);
    setDone(false);
    setAttempt((n) => n + 1);
    if (Object.keys(found).length === 0) change.mutate();
  }
  const set = (k: keyof typeof v) => (e: { target: { value: string } }) => setV((old) => ({ ...old, [k]: e.target.value }));
  const summary = FIELDS.filter((f) => errors[f]).map((f) => ({ target: fieldId(f), message: errors[f] ?? "" }));
  const changedAt = status.passwordChangedAt ? new Intl.DateTimeFormat(i18n.language, { dateStyle: "long", timeZone: "Europe/Amsterdam" }).format(new Date(status.passwordChangedAt)) : null;
  return (
    <Section id="password" title={t("account.password.title")}>
      <Paragraph>{t("account.password.intro", { min: PASSWORD_MIN_LENGTH })}</Paragraph>
      {changedAt ? <Paragraph small>{t("account.password.lastChanged", { date: changedAt })}</Paragraph> : null}
      <div role="status" aria-live="polite">{done ? <Alert type="ok"><p className="utrecht-paragraph">{t("account.password.changed")}</p></Alert> : null}</div>
      <ErrorSummary errors={summary} focusKey={attempt} />
      {change.isError && summary.length === 0 ? <Alert type="error" role="alert"><p className="utrecht-paragraph">{problemMessage(change.error, t)}</p></Alert> : null}
      <form className="utrecht-form pw-narrow" noValidate onSubmit={submit} aria-label={t("account.password.title")}>
        {/* The address, hidden, lets password managers file the new password under the right account. */}
        <TextField id={fieldId("currentPassword")} label={t("account.password.current")} type="password" autoComplete="current-password" required value={v.currentPassword} onChange={set("currentPassword")} error={errors.currentPassword} />
        <TextField id={fieldId("newPassword")} label={t("account.password.new")} type="password" autoComplete="new-password" required value={v.newPassword} onChange={set("newPassword")} error={errors.newPassword} />
        <TextField id={fieldId("repeat")} label={t("account.password.repeat")} type="password" autoComplete="new-password" required value={v.repeat} onChange={set("repeat")} error={errors.repeat} />
        <Button type="submit" appearance="primary" busy={change.isPending} disabled={change.isPending}>{t("account.password.submit")}</Button>
      </form>
    </Section>
  );
}
