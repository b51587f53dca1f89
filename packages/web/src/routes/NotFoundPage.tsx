import { useTranslation } from "react-i18next";
import { isRouteErrorResponse, useRouteError } from "react-router";
import { TextLink } from "../components/Button.tsx";
import { Page, Paragraph } from "../components/Page.tsx";

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Page title={t("notFound.title")} documentTitle={t("notFound.title")}>
      <Paragraph>{t("notFound.body")}</Paragraph>
      <Paragraph><TextLink to="/">{t("notFound.home")}</TextLink></Paragraph>
    </Page>
  );
}

/** Shown when a page crashes; keeps the user inside the app with a way back. */
export function RouteErrorPage() {
  const { t } = useTranslation();
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />;
  console.error(error);
  return (
    <Page title={t("errors.crashTitle")} documentTitle={t("errors.crashTitle")}>
      <Paragraph>{t("errors.crashBody")}</Paragraph>
      <Paragraph><TextLink to="/">{t("notFound.home")}</TextLink></Paragraph>
    </Page>
  );
}
