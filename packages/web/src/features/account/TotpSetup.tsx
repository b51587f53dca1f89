import type { TotpEnrolment } from "@ploegwerk/domain";
import { useTranslation } from "react-i18next";
import { Heading3, Paragraph } from "../../components/Page.tsx";
import { CodeForm } from "./CodeForm.tsx";
import "./account.css";

/** The secret in groups of four, as authenticator apps accept it typed in. */
const grouped = (secret: string) => secret.match(/.{1,4}/g)?.join(" ") ?? secret;

/**
 * Adding Ploegwerk to an authenticator app: the QR code (drawn by the server) and the same key as
 * text for who cannot scan, then the first code to show it works.
 */
export function TotpSetup<T>({ idPrefix, enrolment, confirm, onDone, onOtherError }: {
  idPrefix: string;
  enrolment: TotpEnrolment;
  confirm: (code: string) => Promise<T>;
  onDone: (result: T) => void;
  onOtherError?: (error: unknown) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="pw-totp-setup pw-panel">
      <Heading3>{t("twoFactor.setup.step1")}</Heading3>
      <Paragraph>{t("twoFactor.setup.scan")}</Paragraph>
      <img className="pw-totp-setup__qr" src={enrolment.qrCodeSvg} width={200} height={200} alt={t("twoFactor.setup.qrAlt")} />
      <Paragraph>{t("twoFactor.setup.manual")}</Paragraph>
      <p className="utrecht-paragraph">
        <code className="pw-totp-setup__secret" data-testid="totp-secret" aria-label={t("twoFactor.setup.secretLabel")}>{grouped(enrolment.secret)}</code>
      </p>
      <Heading3>{t("twoFactor.setup.step2")}</Heading3>
      <Paragraph>{t("twoFactor.setup.confirm")}</Paragraph>
      <CodeForm id={`${idPrefix}-code`} submitLabel={t("twoFactor.setup.submit")} send={confirm} onDone={onDone} {...(onOtherError ? { onOtherError } : {})} />
    </div>
  );
}
