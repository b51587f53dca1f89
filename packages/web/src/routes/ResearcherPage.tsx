import { useTranslation } from "react-i18next";
import { Heading2, Page, Paragraph } from "../components/Page.tsx";
import { ResearchExportForm } from "../features/research/ResearchExportForm.tsx";

const IN_FILE = ["in1", "in2", "in3", "in4", "in5"] as const;
const NOT_IN_FILE = ["out1", "out2", "out3", "out4", "out5", "out6"] as const;

/** /onderzoek: the onderzoeker downloads pseudonymised research files; what is in them and what is not, in plain words. */
export function ResearcherPage() {
  const { t } = useTranslation();
  return (
    <Page title={t("researcher.title")} documentTitle={t("researcher.title")}>
      <Paragraph lead>{t("researcher.intro")}</Paragraph>
      <Heading2>{t("researcher.inTitle")}</Heading2>
      <ul className="utrecht-unordered-list">
        {IN_FILE.map((k) => (
          <li key={k} className="utrecht-unordered-list__item">{t(`researcher.${k}`)}</li>
        ))}
      </ul>
      <Heading2>{t("researcher.outTitle")}</Heading2>
      <ul className="utrecht-unordered-list">
        {NOT_IN_FILE.map((k) => (
          <li key={k} className="utrecht-unordered-list__item">{t(`researcher.${k}`)}</li>
        ))}
      </ul>
      <Heading2>{t("researcher.codesTitle")}</Heading2>
      <Paragraph>{t("researcher.codes")}</Paragraph>
      <ResearchExportForm />
      <Heading2>{t("researcher.cannotTitle")}</Heading2>
      <ul className="utrecht-unordered-list">
        <li className="utrecht-unordered-list__item">{t("researcher.cannot1")}</li>
        <li className="utrecht-unordered-list__item">{t("researcher.cannot2")}</li>
        <li className="utrecht-unordered-list__item">{t("researcher.cannot3")}</li>
      </ul>
      <Paragraph>{t("researcher.contact")}</Paragraph>
    </Page>
  );
}
