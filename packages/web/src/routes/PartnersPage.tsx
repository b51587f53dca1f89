import { useTranslation } from "react-i18next";
import { Page, Paragraph } from "../components/Page.tsx";
import { PartnersSection } from "../features/partners/PartnersSection.tsx";

/** /beheer/ketenpartners: the chain partner organisations, for the beheerder and team leads. */
export function PartnersPage() {
  const { t } = useTranslation();
  return (
    <Page title={t("partners.title")} documentTitle={t("partners.title")}>
      <Paragraph lead>{t("partners.intro")}</Paragraph>
      <PartnersSection />
    </Page>
  );
}
