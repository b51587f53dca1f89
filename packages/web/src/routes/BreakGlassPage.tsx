import { useTranslation } from "react-i18next";
import { TextLink } from "../components/Button.tsx";
import { Page, Paragraph } from "../components/Page.tsx";
import { BreakGlassForm } from "../features/breakGlass/BreakGlassForm.tsx";

/** /noodtoegang: "Dossier openen in noodsituatie", for a team lead. */
export function BreakGlassPage() {
  const { t } = useTranslation();
  return (
    <Page title={t("breakGlass.title")} documentTitle={t("breakGlass.title")}>
      <Paragraph lead>{t("breakGlass.intro")}</Paragraph>
      <BreakGlassForm />
      <Paragraph><TextLink to="/beheer/noodtoegang">{t("breakGlass.toReview")}</TextLink></Paragraph>
    </Page>
  );
}
