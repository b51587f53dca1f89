import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { Alert } from "../components/Alert.tsx";
import { ButtonLink } from "../components/Button.tsx";
import { Page } from "../components/Page.tsx";
import { LoadError, Loading } from "../components/QueryState.tsx";
import { PlanEditor } from "../features/plans/editor/PlanEditor.tsx";
import { usePlanLabels } from "../features/plans/labels.ts";
import { usePeople } from "../features/plans/people.ts";
import { usePlanOverview, usePlanVersion, useRefreshPlan } from "../features/plans/queries.ts";
import { BackLinks, useTrajectoryAndFamily } from "../features/plans/trajectoryFamily.tsx";
import "../features/plans/plans.css";

/** /trajecten/:trajectoryId/gezinsplan/bewerken: the editor for the latest concept or a new version. */
export function PlanEditPage() {
  const { t } = useTranslation();
  const { trajectoryId = "" } = useParams();
  const { trajectory, family, isPending, error, retry } = useTrajectoryAndFamily(trajectoryId);
  const overview = usePlanOverview(trajectoryId);
  const latest = usePlanVersion(trajectoryId, overview.data?.latest ?? null);
  const agreed = usePlanVersion(trajectoryId, overview.data?.inForce ?? null);
  const refresh = useRefreshPlan(trajectoryId);
  const instrumentKey = latest.data?.content.instrumentKey ?? trajectory?.referral.instrumentKey;
  const labels = usePlanLabels(instrumentKey);
  const people = usePeople(family);
  const title = t("plan.editor.title");

  const loadError = error ?? overview.error ?? latest.error ?? agreed.error;
  if (loadError) {
    return (
      <Page title={title} documentTitle={title}>
        <LoadError error={loadError} retry={() => { retry(); void overview.refetch(); }} />
      </Page>
    );
  }
  const o = overview.data;
  if (isPending || !trajectory || !family || !o) return <Loading />;
  if ((o.latest !== null && latest.isPending) || (o.inForce !== null && agreed.isPending) || !labels.instrument) return <Loading />;

  const l = latest.data;
  const heading = !l ? t("plan.editor.titleFirst") : l.status === "concept" ? t("plan.editor.titleConcept", { number: l.number }) : t("plan.editor.titleNew", { number: (o.latest ?? 0) + 1 });
  return (
    <Page preHeading={t("plan.preHeading", { caseNumber: family.caseNumber })} title={heading} documentTitle={`${heading} – ${family.caseNumber}`}>
      <BackLinks trajectory={trajectory} family={family} />
      {!o.editable ? (
        <Alert type="warning">
          <p className="utrecht-paragraph">{t("plan.notEditableInPhase")}</p>
          <ButtonLink to={`/trajecten/${trajectoryId}/gezinsplan`}>{t("plan.open")}</ButtonLink>
        </Alert>
      ) : (
        // A new key after a reload starts the editor afresh on the newest version.
        <PlanEditor key={`${l?.number ?? 0}:${l?.version ?? 0}`} trajectory={trajectory} family={family} overview={o} latest={l} agreed={agreed.data} people={people} labels={labels} onReload={refresh} />
      )}
    </Page>
  );
}
