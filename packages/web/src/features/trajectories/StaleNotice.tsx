import { forwardRef } from "react";
import { useTranslation } from "react-i18next";
import { Alert } from "../../components/Alert.tsx";
import { Button } from "../../components/Button.tsx";

/** Someone else changed the trajectory while this page was open: nothing was saved; reload first. */
export const StaleNotice = forwardRef<HTMLDivElement, { onReload: () => void; busy: boolean }>(function StaleNotice({ onReload, busy }, ref) {
  const { t } = useTranslation();
  return (
    <Alert ref={ref} type="error" role="alert" heading={t("conflict.staleTitle")}>
      <p className="utrecht-paragraph">{t("trajectory.staleBody")}</p>
      <Button appearance="primary" onClick={onReload} busy={busy} disabled={busy}>{t("conflict.reload")}</Button>
    </Alert>
  );
});
