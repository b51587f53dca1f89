import { OPEN_PHASES } from "@ploegwerk/domain";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { keys } from "../../api/queryKeys.ts";
import { Alert } from "../../components/Alert.tsx";
import { Button, TextLink } from "../../components/Button.tsx";
import { Section } from "../../components/Page.tsx";
import { LoadError, Loading } from "../../components/QueryState.tsx";
import { useSession } from "../auth/session.ts";
import { usePlanLabels } from "../plans/labels.ts";
import { canEditPlan } from "../plans/permissions.ts";
import { useTrajectoryAndFamily } from "../plans/trajectoryFamily.tsx";
import { ConferenceToPlanForm } from "./ConferenceToPlanForm.tsx";
import { FamilyGroupConferenceForm } from "./FamilyGroupConferenceForm.tsx";
import { FamilyGroupConferenceTable } from "./FamilyGroupConferenceTable.tsx";
import { useFamilyGroupConferences, useRefreshKey } from "./registerQueries.ts";
import { useConferencePlan } from "./useConferencePlan.ts";

type Open = { kind: "add" } | { kind: "edit" | "plan"; id: string } | null;

/**
 * Eigen Kracht-conferenties: discussed, started, held or called off, the coordinator, the network
 * plan's agreements and the follow-up calls; chosen agreements go into the gezinsplan under a goal.
 */
export function FamilyGroupConferencesSection({ trajectoryId }: { trajectoryId: string }) {
  const { t } = useTranslation();
  const me = useSession().data;
  const list = useFamilyGroupConferences(trajectoryId);
  const { trajectory, family } = useTrajectoryAndFamily(trajectoryId);
  const plan = useConferencePlan(trajectoryId);
  const planLabels = usePlanLabels(plan.content?.instrumentKey);
  const refreshKey = useRefreshKey();
  const [open, setOpen] = useState<Open>(null);
  const [message, setMessage] = useState<{ text: string; planVersion: number | null } | null>(null);
  const [stale, setStale] = useState(false);
  const messageRef = useRef<HTMLDivElement>(null);
  const canEdit = canEditPlan(me?.role) && trajectory !== undefined && (OPEN_PHASES as readonly string[]).includes(trajectory.phase);
  const start = (next: Open) => { setMessage(null); setOpen(next); };
  const done = (text: string, planVersion: number | null = null) => {
    setOpen(null);
    setMessage({ text, planVersion });
    requestAnimationFrame(() => messageRef.current?.focus());
  };
  const chosen = open && open.kind !== "add" ? list.data?.items.find((c) => c.id === open.id) : undefined;

  return (
    <Section id="ekc" title={t("closing.ekc.title")}
      actions={canEdit && open === null && !stale ? <Button onClick={() => start({ kind: "add" })}>{t("closing.ekc.add")}</Button> : null}>
      <div role="status" aria-live="polite">
        {message ? (
          <Alert ref={messageRef} type="ok">
            <p className="utrecht-paragraph">{message.text}</p>
            {message.planVersion !== null ? (
              <p className="utrecht-paragraph">
                <TextLink to={`/trajecten/${trajectoryId}/gezinsplan?versie=${message.planVersion}#plan-version`}>{t("closing.ekc.toPlan.viewVersion", { number: message.planVersion })}</TextLink>
              </p>
            ) : null}
          </Alert>
        ) : null}
      </div>
      {stale ? (
        <Alert type="error" role="alert" heading={t("closing.ekc.staleTitle")}>
          <p className="utrecht-paragraph">{t("closing.ekc.staleBody")}</p>
          <Button appearance="primary" onClick={() => { setStale(false); void refreshKey(keys.familyGroupConferences(trajectoryId)); }}>{t("conflict.reload")}</Button>
        </Alert>
      ) : null}
      {family && open?.kind === "add" ? (
        <FamilyGroupConferenceForm trajectoryId={trajectoryId} family={family} conference={null} inPlan={plan.actionIds}
          onDone={done} onCancel={() => setOpen(null)} onStale={() => setStale(true)} />
      ) : null}
      {family && chosen && open?.kind === "edit" ? (
        <FamilyGroupConferenceForm key={`${chosen.id}-${chosen.version}`} trajectoryId={trajectoryId} family={family} conference={chosen} inPlan={plan.actionIds}
          onDone={done} onCancel={() => setOpen(null)} onStale={() => { setOpen(null); setStale(true); }} />
      ) : null}
      {chosen && open?.kind === "plan" ? (
        plan.content === null || plan.latest === null || plan.content.goals.length === 0 ? (
          <Alert type="warning" role="alert" heading={t("closing.ekc.toPlan.title")}>
            <p className="utrecht-paragraph">{plan.content === null ? t("closing.ekc.toPlan.noPlan") : t("closing.ekc.toPlan.noGoals")}</p>
            <Button onClick={() => setOpen(null)}>{t("closing.ekc.toPlan.close")}</Button>
          </Alert>
        ) : (
          <ConferenceToPlanForm key={chosen.id} trajectoryId={trajectoryId} conference={chosen} plan={plan.content} latest={plan.latest} latestSigned={plan.latestSigned}
            inPlan={plan.actionIds} planLabels={planLabels} onDone={done} onCancel={() => setOpen(null)} />
        )
      ) : null}
      {list.isPending ? <Loading /> : list.isError ? <LoadError error={list.error} retry={() => void list.refetch()} /> : list.data.items.length === 0 ? (
        <p className="utrecht-paragraph">{t("closing.ekc.none")}</p>
      ) : (
        <FamilyGroupConferenceTable items={list.data.items} inPlan={plan.actionIds}
          actions={canEdit && !stale ? { edit: (c) => start({ kind: "edit", id: c.id }), toPlan: plan.editable ? (c) => start({ kind: "plan", id: c.id }) : null } : null} />
      )}
    </Section>
  );
}
