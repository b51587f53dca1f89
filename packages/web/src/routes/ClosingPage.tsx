import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { Page } from "../components/Page.tsx";
import { LoadError, Loading } from "../components/QueryState.tsx";
import { ClosingSection } from "../features/closing/ClosingSection.tsx";
import { BackLinks, useTrajectoryAndFamily } from "../features/plans/trajectoryFamily.tsx";

/** /trajecten/:trajectoryId/afronding: stabilisatiecheck, nazorgplan and nazorg check-ins. */
export function ClosingPage() {
  const { t } = useTranslation();
  const { trajectoryId = "" } = useParams();
  const { trajectory, family, isPending, error, retry } = useTrajectoryAndFamily(trajectoryId);
  if (error) return <Page title={t("closing.pageTitle")} documentTitle={t("closing.pageTitle")}><LoadError error={error} retry={retry} /></Page>;
  if (isPending || !trajectory || !family) return <Loading />;
  return (
    <Page preHeading={t("plan.preHeading", { caseNumber: family.caseNumber })} title={t("closing.pageTitle")} documentTitle={`${t("closing.pageTitle")} – ${family.caseNumber}`}>
      <BackLinks trajectory={trajectory} family={family} />
      <ClosingSection trajectoryId={trajectoryId} family={family} />
    </Page>
  );
}
