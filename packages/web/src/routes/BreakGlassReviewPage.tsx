import { useTranslation } from "react-i18next";
import { Page, Paragraph } from "../components/Page.tsx";
import { ReviewList } from "../features/breakGlass/ReviewList.tsx";

/** /beheer/noodtoegang: openings through noodtoegang, judged by another team lead or the beheerder. */
export function BreakGlassReviewPage() {
  const { t } = useTranslation();
  return (
    <Page title={t("breakGlass.review.title")} documentTitle={t("breakGlass.review.title")}>
      <Paragraph lead>{t("breakGlass.review.intro")}</Paragraph>
      <ReviewList />
    </Page>
  );
}
