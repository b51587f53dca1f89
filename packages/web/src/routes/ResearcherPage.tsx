import { useTranslation } from "react-i18next";
import { Alert } from "../components/Alert.tsx";
import { Heading2, Page, Paragraph } from "../components/Page.tsx";

/** /onderzoek: what the onderzoeker role can and cannot do in Ploegwerk today. No dossiers; research exports are planned. */
export function ResearcherPage() {
  const { t } = useTranslation();
  return (
    <Page title={t("researcher.title")} documentTitle={t("researcher.title")}>
      <Paragraph lead>{t("researcher.intro")}</Paragraph>
      <Heading2>{t("researcher.canTitle")}</Heading2>
      <Paragraph>{t("researcher.can")}</Paragraph>
      <Heading2>{t("researcher.cannotTitle")}</Heading2>
      <ul className="utrecht-unordered-list">
        <li className="utrecht-unordered-list__item">{t("researcher.cannot1")}</li>
        <li className="utrecht-unordered-list__item">{t("researcher.cannot2")}</li>
        <li className="utrecht-unordered-list__item">{t("researcher.cannot3")}</li>
      </ul>
      <Heading2>{t("researcher.plannedTitle")}</Heading2>
      <Alert type="info">
        <p className="utrecht-paragraph">{t("researcher.planned")}</p>
      </Alert>
      <Paragraph>{t("researcher.contact")}</Paragraph>
    </Page>
  );
}
