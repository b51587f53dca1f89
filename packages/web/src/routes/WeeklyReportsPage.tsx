import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { Page } from "../components/Page.tsx";
import { LoadError, Loading } from "../components/QueryState.tsx";
import { BackLinks, useTrajectoryAndFamily } from "../features/plans/trajectoryFamily.tsx";
import { WeeklyReportsSection } from "../features/weeklyReports/WeeklyReportsSection.tsx";

/** /trajecten/:trajectoryId/weekoverzichten: the family's weekoverzichten and the weeks still missing. */
export function WeeklyReportsPage() {
  const { t } = useTranslation();
  const { trajectoryId = "" } = useParams();
  const { trajectory, family, isPending, error, retry } = useTrajectoryAndFamily(trajectoryId);
  if (error) return <Page title={t("weeklyReport.title")} documentTitle={t("weeklyReport.title")}><LoadError error={error} retry={retry} /></Page>;
  if (isPending || !trajectory || !family) return <Loading />;
  return (
    <Page preHeading={t("plan.preHeading", { caseNumber: family.caseNumber })} title={t("weeklyReport.title")} documentTitle={`${t("weeklyReport.title")} – ${family.caseNumber}`}>
      <BackLinks trajectory={trajectory} family={family} />
      <WeeklyReportsSection trajectoryId={trajectoryId} family={family} />
    </Page>
  );
}
