import type { AccountStatus, TotpEnrolment } from "@ploegwerk/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { accountApi, accountKeys } from "../../api/accountEndpoints.ts";
import { problemMessage } from "../../api/fieldErrors.ts";
import { Alert } from "../../components/Alert.tsx";
import { Button, ButtonGroup } from "../../components/Button.tsx";
import { TextField } from "../../components/Form.tsx";
import { Paragraph, Section } from "../../components/Page.tsx";
import { passwordRefusal } from "./passwordErrors.ts";
import { TotpSetup } from "./TotpSetup.tsx";

function DisableForm({ onDone, onCancel }: { onDone: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | undefined>();
  const disable = useMutation({
    mutationFn: () => accountApi.disableTwoFactor(password),
    onSuccess: onDone,
    onError: (err) => setError(passwordRefusal(err, t)?.message ?? problemMessage(err, t)),
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    if (!password) return setError(t("account.errors.passwordRequired"));
    setError(undefined);
    disable.mutate();
  }
  return (
    <form className="utrecht-form pw-panel" noValidate onSubmit={submit}>
      <Paragraph>{t("account.twoFactor.disableIntro")}</Paragraph>
      <TextField id="account-disable-password" label={t("login.password")} type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} error={error} />
      <ButtonGroup>
        <Button type="submit" appearance="danger" busy={disable.isPending} disabled={disable.isPending}>{t("account.twoFactor.disable")}</Button>
        <Button appearance="subtle" onClick={onCancel}>{t("common.cancel")}</Button>
      </ButtonGroup>
    </form>
  );
}

/** Two-factor on the account page: its state, setting up an app, and switching it off where the organisation allows. */
export function TwoFactorSection({ status }: { status: AccountStatus }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [enrolment, setEnrolment] = useState<TotpEnrolment | null>(null);
  const [disabling, setDisabling] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const start = useMutation({ mutationFn: accountApi.startTwoFactor, onSuccess: (e) => { setMessage(null); setEnrolment(e); } });
  const refresh = () => queryClient.invalidateQueries({ queryKey: accountKeys.account });

  return (
    <Section id="two-factor" title={t("account.twoFactor.title")}>
      <div role="status" aria-live="polite">{message ? <Alert type="ok"><p className="utrecht-paragraph">{message}</p></Alert> : null}</div>
      <Paragraph>{status.twoFactorEnabled ? t("account.twoFactor.on") : t("account.twoFactor.off")}</Paragraph>
      {status.twoFactorRequired ? <Paragraph>{t("account.twoFactor.required")}</Paragraph> : null}
      {start.isError ? <Alert type="error" role="alert"><p className="utrecht-paragraph">{problemMessage(start.error, t)}</p></Alert> : null}
      {!status.twoFactorEnabled && !enrolment ? (
        <Button appearance="primary" busy={start.isPending} disabled={start.isPending} onClick={() => start.mutate()}>{t("account.twoFactor.start")}</Button>
      ) : null}
      {enrolment ? (
        <TotpSetup
          idPrefix="account-totp"
          enrolment={enrolment}
          confirm={accountApi.confirmTwoFactor}
          onDone={(saved) => {
            queryClient.setQueryData(accountKeys.account, saved);
            setEnrolment(null);
            setMessage(t("account.twoFactor.enabled"));
          }}
        />
      ) : null}
      {status.twoFactorEnabled && !status.twoFactorRequired && !disabling ? (
        <Button appearance="secondary" onClick={() => { setMessage(null); setDisabling(true); }}>{t("account.twoFactor.disable")}</Button>
      ) : null}
      {disabling ? (
        <DisableForm
          onCancel={() => setDisabling(false)}
          onDone={() => {
            setDisabling(false);
            setMessage(t("account.twoFactor.disabled"));
            void refresh();
          }}
        />
      ) : null}
    </Section>
  );
}
