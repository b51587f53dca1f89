import { useTranslation } from "react-i18next";
import { isApiError } from "../api/client.ts";
import { Alert } from "./Alert.tsx";
import { Button } from "./Button.tsx";

export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <p className="utrecht-paragraph pw-loading" role="status">
      {label ?? t("common.loading")}
    </p>
  );
}

/** A readable message for a failed request, with a retry button when one is given. */
export function LoadError({ error, retry }: { error: unknown; retry?: () => void }) {
  const { t } = useTranslation();
  let message = t("errors.generic");
  if (isApiError(error)) {
    if (error.status === 0) message = t("errors.network");
    else if (error.code === "not_found") message = t("errors.notFound");
    else if (error.code === "forbidden") message = t("errors.forbidden");
    else if (error.detail) message = error.detail;
  }
  return (
    <Alert type="error" role="alert" heading={t("errors.loadFailed")}>
      <p className="utrecht-paragraph">{message}</p>
      {retry ? (
        <Button appearance="secondary" onClick={retry}>
          {t("common.retry")}
        </Button>
      ) : null}
    </Alert>
  );
}
