import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useLocation, useNavigate, useParams } from "react-router";
import { ButtonLink } from "../components/Button.tsx";
import { Page } from "../components/Page.tsx";
import { LoadError, Loading } from "../components/QueryState.tsx";
import { useSession } from "../features/auth/session.ts";
import { canEditPlan } from "../features/plans/permissions.ts";
import { PlanDetails } from "../features/plans/PlanDetails.tsx";
import { editLabelKey } from "../features/plans/PlanSection.tsx";
import { usePlanOverview } from "../features/plans/queries.ts";
import { BackLinks, useTrajectoryAndFamily } from "../features/plans/trajectoryFamily.tsx";
import "../features/caseload/print.css";

function noticeFrom(state: unknown): string | null {
  if (typeof state !== "object" || state === null) return null;
  const notice = (state as { notice?: unknown }).notice;
  return typeof notice === "string" ? notice : null;
}

/** /trajecten/:trajectoryId/gezinsplan: the family's plan with its versions, signature, actions and comparison. */
export function PlanPage() {
  const { t } = useTranslation();
  const { trajectoryId = "" } = useParams();
  const me = useSession().data;
  const location = useLocation();
  const navigate = useNavigate();
  const { trajectory, family, isPending, error, retry } = useTrajectoryAndFamily(trajectoryId);
  const overview = usePlanOverview(trajectoryId);
  // A message from the editor is shown once: a reload or "back" does not repeat it.
  const [notice] = useState(() => noticeFrom(location.state));
  useEffect(() => {
    if (location.state) void navigate(location.pathname + location.search, { replace: true, state: null });
  }, [location.state, location.pathname, location.search, navigate]);

  if (error) {
    return (
      <Page title={t("plan.title")} documentTitle={t("plan.title")}>
        <LoadError error={error} retry={retry} />
      </Page>
    );
  }
  if (isPending || !trajectory || !family) return <Loading />;
  const latest = overview.data?.versions.find((v) => v.latest);
  const mayEdit = canEditPlan(me?.role) && Boolean(overview.data?.editable);
  return (
    <Page
      preHeading={t("plan.preHeading", { caseNumber: family.caseNumber })}
      title={t("plan.title")}
      documentTitle={t("plan.documentTitle", { caseNumber: family.caseNumber })}
      actions={mayEdit ? <ButtonLink appearance="primary" to={`/trajecten/${trajectoryId}/gezinsplan/bewerken`}>{t(editLabelKey(latest))}</ButtonLink> : null}
    >
      <BackLinks trajectory={trajectory} family={family} />
      <PlanDetails trajectoryId={trajectoryId} family={family} notice={notice} />
    </Page>
  );
}
