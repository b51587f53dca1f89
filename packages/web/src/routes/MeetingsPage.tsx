import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { Page } from "../components/Page.tsx";
import { LoadError, Loading } from "../components/QueryState.tsx";
import { MeetingsSection } from "../features/meetings/MeetingsSection.tsx";
import { BackLinks, useTrajectoryAndFamily } from "../features/plans/trajectoryFamily.tsx";

/** /trajecten/:trajectoryId/mdo: the trajectory's MDO's and planning a new one. */
export function MeetingsPage() {
  const { t } = useTranslation();
  const { trajectoryId = "" } = useParams();
  const { trajectory, family, isPending, error, retry } = useTrajectoryAndFamily(trajectoryId);
  if (error) return <Page title={t("meeting.pageTitle")} documentTitle={t("meeting.pageTitle")}><LoadError error={error} retry={retry} /></Page>;
  if (isPending || !trajectory || !family) return <Loading />;
  return (
    <Page preHeading={t("plan.preHeading", { caseNumber: family.caseNumber })} title={t("meeting.pageTitle")} documentTitle={`${t("meeting.pageTitle")} – ${family.caseNumber}`}>
      <BackLinks trajectory={trajectory} family={family} />
      <MeetingsSection trajectoryId={trajectoryId} family={family} />
    </Page>
  );
}
