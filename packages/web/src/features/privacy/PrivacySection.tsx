import type { Family } from "@ploegwerk/domain";
import { useTranslation } from "react-i18next";
import { Paragraph, Section } from "../../components/Page.tsx";
import { CorrectionsTable } from "./CorrectionsTable.tsx";
import { InzageDownload } from "./InzageDownload.tsx";
import { PrivacyRequestsPanel } from "./PrivacyRequestsPanel.tsx";
import "./privacy.css";

/** "Privacy (AVG)" on the family page: inzage downloads, the correction history and the AVG register. */
export function PrivacySection({ family }: { family: Family }) {
  const { t } = useTranslation();
  return (
    <Section id="privacy" title={t("privacy.title")}>
      <Paragraph>{t("privacy.intro")}</Paragraph>
      <InzageDownload family={family} />
      <CorrectionsTable family={family} />
      <PrivacyRequestsPanel family={family} />
    </Section>
  );
}
