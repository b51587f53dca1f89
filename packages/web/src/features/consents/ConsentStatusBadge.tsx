import type { ConsentStatus } from "@ploegwerk/domain";
import { useTranslation } from "react-i18next";

/** Geldig, verlopen, ingetrokken or nog niet geldig, in words and colour. */
export function ConsentStatusBadge({ status }: { status: ConsentStatus }) {
  const { t } = useTranslation();
  return <span className={`utrecht-status-badge pw-consent-status pw-consent-status--${status}`}>{t(`consents.status.${status}`)}</span>;
}
