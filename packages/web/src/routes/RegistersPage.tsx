import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { Page } from "../components/Page.tsx";
import { LoadError, Loading } from "../components/QueryState.tsx";
import { EscalationsSection } from "../features/closing/EscalationsSection.tsx";
import { FamilyGroupConferencesSection } from "../features/closing/FamilyGroupConferencesSection.tsx";
import { LeveragesSection } from "../features/closing/LeveragesSection.tsx";
import { BackLinks, useTrajectoryAndFamily } from "../features/plans/trajectoryFamily.tsx";
import "../features/plans/plans.css";
import "../features/closing/closing.css";

/** /trajecten/:trajectoryId/ekc-opschaling-drang: Eigen Kracht-conferenties, opschalingen and the dwang en drang register. */
export function RegistersPage() {
  const { t } = useTranslation();
  const { trajectoryId = "" } = useParams();
  const { trajectory, family, isPending, error, retry } = useTrajectoryAndFamily(trajectoryId);
  const title = t("closing.registersTitle");
  if (error) return <Page title={title} documentTitle={title}><LoadError error={error} retry={retry} /></Page>;
  if (isPending || !trajectory || !family) return <Loading />;
  return (
    <Page preHeading={t("plan.preHeading", { caseNumber: family.caseNumber })} title={title} documentTitle={`${title} – ${family.caseNumber}`}>
      <BackLinks trajectory={trajectory} family={family} />
      <FamilyGroupConferencesSection trajectoryId={trajectoryId} />
      <EscalationsSection trajectoryId={trajectoryId} />
      <LeveragesSection trajectoryId={trajectoryId} />
    </Page>
  );
}
