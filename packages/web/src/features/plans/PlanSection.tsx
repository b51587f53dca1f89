import type { Family } from "@ploegwerk/domain";
import { useTranslation } from "react-i18next";
import { ButtonLink } from "../../components/Button.tsx";
import { Section } from "../../components/Page.tsx";
import { LoadError, Loading } from "../../components/QueryState.tsx";
import { useSession } from "../auth/session.ts";
import { ActionsInForce } from "./ActionsInForce.tsx";
import { usePlanLabels } from "./labels.ts";
import { usePeople } from "./people.ts";
import { canEditPlan } from "./permissions.ts";
import { PlanStatusSummary } from "./PlanStatusSummary.tsx";
import { usePlanOverview } from "./queries.ts";
import { VersionList } from "./VersionList.tsx";
import "./plans.css";

/** The label of the button that opens the editor: start the plan, edit the concept, or make a new version. */
export function editLabelKey(latest: { status: "concept" | "definitive" } | undefined): "plan.create" | "plan.editConcept" | "plan.newVersion" {
  return !latest ? "plan.create" : latest.status === "concept" ? "plan.editConcept" : "plan.newVersion";
}

/**
 * "Gezinsplan" on the trajectory page: where the plan stands, its versions, and the open actions of
 * the plan in force (their status can be changed here). The full plan, signing and comparing are
 * on /trajecten/:trajectoryId/gezinsplan.
 */
export function PlanSection({ trajectoryId, family }: { trajectoryId: string; family: Family }) {
  const { t } = useTranslation();
  const me = useSession().data;
  const overview = usePlanOverview(trajectoryId);
  const people = usePeople(family);
  const latest = overview.data?.versions.find((v) => v.latest);
  const labels = usePlanLabels(undefined);
  const canEdit = canEditPlan(me?.role) && Boolean(overview.data?.editable);
  const base = `/trajecten/${trajectoryId}/gezinsplan`;

  return (
    <Section
      id="plan"
      title={t("plan.title")}
      actions={overview.data ? (
        <>
          {overview.data.versions.length > 0 ? <ButtonLink to={base}>{t("plan.open")}</ButtonLink> : null}
          {canEdit ? <ButtonLink appearance="primary" to={`${base}/bewerken`}>{t(editLabelKey(latest))}</ButtonLink> : null}
        </>
      ) : null}
    >
      {overview.isPending ? <Loading /> : overview.isError ? (
        <LoadError error={overview.error} retry={() => void overview.refetch()} />
      ) : (
        <>
          <PlanStatusSummary overview={overview.data} people={people} labels={labels} />
          {overview.data.inForce !== null ? (
            <>
              <h3 className="utrecht-heading-3">{t("plan.openActionsTitle")}</h3>
              {overview.data.openActions.length === 0 ? <p className="utrecht-paragraph">{t("plan.noOpenActions")}</p> : (
                <ActionsInForce
                  trajectoryId={trajectoryId}
                  actions={overview.data.openActions}
                  people={people}
                  labels={labels}
                  canEdit={canEditPlan(me?.role) && overview.data.signable}
                  caption={t("plan.openActionsTitle")}
                />
              )}
            </>
          ) : null}
          {overview.data.versions.length > 0 ? (
            <>
              <h3 className="utrecht-heading-3">{t("plan.versionsTitle")}</h3>
              <VersionList trajectoryId={trajectoryId} versions={overview.data.versions} people={people} labels={labels} />
            </>
          ) : null}
        </>
      )}
    </Section>
  );
}
