import type { Me, SecondFactorStep as Step, TotpEnrolment } from "@ploegwerk/domain";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { accountApi } from "../../api/accountEndpoints.ts";
import { isApiError } from "../../api/client.ts";
import { problemMessage } from "../../api/fieldErrors.ts";
import { Alert } from "../../components/Alert.tsx";
import { Button } from "../../components/Button.tsx";
import { Heading2, Paragraph } from "../../components/Page.tsx";
import { CodeForm } from "../account/CodeForm.tsx";
import { TotpSetup } from "../account/TotpSetup.tsx";

/**
 * The log-in's second step after a correct password: the code from the authenticator app, or
 * first setting one up when the organisation requires it for this role. A lock or an expired
 * step sends the user back to the password.
 */
export function SecondFactorStep({ step, onDone, onRestart }: { step: Step; onDone: (me: Me) => void; onRestart: () => void }) {
  const { t } = useTranslation();
  const [stopped, setStopped] = useState<unknown>(null);
  const [enrolment, setEnrolment] = useState<TotpEnrolment | null>(null);
  const start = useMutation({ mutationFn: accountApi.startLoginEnrolment, onSuccess: setEnrolment, onError: setStopped });

  if (stopped) {
    const locked = isApiError(stopped) && stopped.reason === "locked";
    return (
      <Alert type="error" role="alert" heading={locked ? t("twoFactor.login.lockedTitle") : t("twoFactor.login.expiredTitle")}>
        <p className="utrecht-paragraph">{locked ? problemMessage(stopped, t) : t("twoFactor.login.expiredBody")}</p>
        <Button onClick={onRestart}>{t("twoFactor.login.restart")}</Button>
      </Alert>
    );
  }
  if (step === "totp") {
    return (
      <>
        <Heading2>{t("twoFactor.login.codeTitle")}</Heading2>
        <Paragraph>{t("twoFactor.login.codeIntro")}</Paragraph>
        <CodeForm id="login-code" submitLabel={t("twoFactor.login.submit")} send={accountApi.secondFactor} onDone={onDone} onOtherError={setStopped} />
      </>
    );
  }
  return (
    <>
      <Heading2>{t("twoFactor.login.enrolTitle")}</Heading2>
      <Paragraph>{t("twoFactor.login.enrolIntro")}</Paragraph>
      {enrolment ? (
        <TotpSetup idPrefix="login-enrol" enrolment={enrolment} confirm={accountApi.secondFactor} onDone={onDone} onOtherError={setStopped} />
      ) : (
        <Button appearance="primary" busy={start.isPending} disabled={start.isPending} onClick={() => start.mutate()}>
          {t("twoFactor.login.enrolStart")}
        </Button>
      )}
    </>
  );
}
