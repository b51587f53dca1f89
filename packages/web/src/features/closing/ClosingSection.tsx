import type { ClosingRecord, Family } from "@ploegwerk/domain";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Alert } from "../../components/Alert.tsx";
import { Button } from "../../components/Button.tsx";
import { Section } from "../../components/Page.tsx";
import { LoadError, Loading } from "../../components/QueryState.tsx";
import { useFormat } from "../../i18n/format.ts";
import { useSession } from "../auth/session.ts";
import { usePeople } from "../plans/people.ts";
import { canEditPlan } from "../plans/permissions.ts";
import { useTrajectoryOf } from "../plans/queries.ts";
import { AftercarePlanForm } from "./AftercarePlanForm.tsx";
import { CheckinsPanel } from "./CheckinsPanel.tsx";
import { useAftercareCheckins, useClosing, useRefreshClosing } from "./queries.ts";
import { StabilityAssessment } from "./StabilityAssessment.tsx";
import { StabilityCheckForm } from "./StabilityCheckForm.tsx";
import "../plans/plans.css";
import "./closing.css";

/** Where each part may be written, as the server allows it. */
const STABILITY_PHASES = ["execution", "closing"];
const AFTERCARE_PLAN_PHASES = ["execution", "closing", "aftercare"];

/**
 * "Afronding en nazorg" on the trajectory page: the stabilisatiecheck filled in with the family,
 * the nazorgplan with what is still missing, and in nazorg the check-ins with the relapse signal.
 */
export function ClosingSection({ trajectoryId, family }: { trajectoryId: string; family: Family }) {
  const { t } = useTranslation();
  const me = useSession().data;
  const trajectory = useTrajectoryOf(trajectoryId);
  const closing = useClosing(trajectoryId);
  const phase = trajectory.data?.phase ?? "";
  const inAftercare = phase === "aftercare";
  const checkins = useAftercareCheckins(trajectoryId, inAftercare);
  const refresh = useRefreshClosing(trajectoryId);
  const people = usePeople(family);
  const canEdit = canEditPlan(me?.role);
  const [message, setMessage] = useState<string | null>(null);
  const [stale, setStale] = useState(false);
  const messageRef = useRef<HTMLDivElement>(null);
  const done = (text: string) => {
    setMessage(text);
    requestAnimationFrame(() => messageRef.current?.focus());
  };

  return (
    <Section id="closing" title={t("closing.title")}>
      <div role="status" aria-live="polite">
        {message ? <Alert ref={messageRef} type="ok"><p className="utrecht-paragraph">{message}</p></Alert> : null}
      </div>
      {stale ? (
        <Alert type="error" role="alert" heading={t("closing.staleTitle")}>
          <p className="utrecht-paragraph">{t("closing.staleBody")}</p>
          <Button appearance="primary" onClick={() => { setStale(false); void refresh(); }}>{t("plan.reload")}</Button>
        </Alert>
      ) : null}
      {closing.isPending || trajectory.isPending ? <Loading /> : closing.isError ? (
        <LoadError error={closing.error} retry={() => void closing.refetch()} />
      ) : (
        <div className="pw-closing">
          <h3 className="utrecht-heading-3">{t("closing.stability.title")}</h3>
          <p className="utrecht-paragraph">{t("closing.stability.intro")}</p>
          <StabilityAssessment record={closing.data} people={people} />
          {canEdit && STABILITY_PHASES.includes(phase) && !stale ? (
            <StabilityCheckForm key={`s-${closing.data.version}`} trajectoryId={trajectoryId} family={family} record={closing.data} onDone={done} onStale={() => setStale(true)} />
          ) : !STABILITY_PHASES.includes(phase) ? <p className="utrecht-paragraph pw-muted">{t("closing.stability.notInPhase")}</p> : null}

          <h3 className="utrecht-heading-3">{t("closing.aftercare.title")}</h3>
          {canEdit && AFTERCARE_PLAN_PHASES.includes(phase) && !stale ? (
            <AftercarePlanForm key={`a-${closing.data.version}`} trajectoryId={trajectoryId} record={closing.data} onDone={done} onStale={() => setStale(true)} />
          ) : (
            <AftercarePlanView record={closing.data} />
          )}

          <h3 className="utrecht-heading-3">{t("closing.checkins.title")}</h3>
          {!inAftercare ? <p className="utrecht-paragraph">{t("closing.checkins.notInAftercare")}</p> : checkins.isPending ? <Loading /> : checkins.isError ? (
            <LoadError error={checkins.error} retry={() => void checkins.refetch()} />
          ) : (
            <CheckinsPanel trajectoryId={trajectoryId} list={checkins.data} canWrite={canEdit} />
          )}
        </div>
      )}
    </Section>
  );
}

function AftercarePlanView({ record }: { record: ClosingRecord }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const p = record.aftercarePlan;
  if (!p) return <p className="utrecht-paragraph">{t("closing.aftercare.none")}</p>;
  const rows: [string, string | null][] = [
    [t("closing.aftercare.fields.contactPersonName"), p.contactPersonName],
    [t("closing.aftercare.fields.contactOrganisation"), p.contactOrganisation],
    [t("closing.aftercare.fields.contactEveryWeeks"), p.contactEveryWeeks ? t("closing.aftercare.every", { count: p.contactEveryWeeks }) : null],
    [t("closing.aftercare.fields.handoverTo"), p.handoverTo],
    [t("closing.aftercare.fields.relapseAgreement"), p.relapseAgreement],
    [t("closing.aftercare.fields.startsOn"), p.startsOn ? fmt.date(p.startsOn) : null],
  ];
  return (
    <dl className="utrecht-data-list pw-facts">
      {rows.map(([k, v]) => (
        <div key={k} className="utrecht-data-list__item pw-facts__item">
          <dt className="utrecht-data-list__item-key">{k}</dt>
          <dd className="utrecht-data-list__item-value">{v ?? t("closing.missing")}</dd>
        </div>
      ))}
    </dl>
  );
}
