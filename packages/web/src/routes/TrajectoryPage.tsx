import type { Trajectory } from "@ploegwerk/domain";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useLocation, useNavigate, useParams } from "react-router";
import { keys } from "../api/queryKeys.ts";
import { Alert } from "../components/Alert.tsx";
import { TextLink } from "../components/Button.tsx";
import { Page, Section } from "../components/Page.tsx";
import { BackLinks } from "../features/plans/trajectoryFamily.tsx";
import { LoadError, Loading } from "../components/QueryState.tsx";
import { useSession } from "../features/auth/session.ts";
import { ChecksSection } from "../features/trajectories/ChecksSection.tsx";
import { ClosingSummary } from "../features/trajectories/ClosingSummary.tsx";
import { DeadlineList } from "../features/trajectories/DeadlineList.tsx";
import { DecisionSection } from "../features/trajectories/DecisionSection.tsx";
import { ExtensionSection } from "../features/trajectories/ExtensionSection.tsx";
import { FeedbackSection } from "../features/trajectories/FeedbackSection.tsx";
import { IntakeSection } from "../features/trajectories/IntakeSection.tsx";
import { MeetingsSummary } from "../features/trajectories/MeetingsSummary.tsx";
import { useTrajectoryLabels } from "../features/trajectories/labels.ts";
import { canTrajectory } from "../features/trajectories/permissions.ts";
import { PhaseChangeSection } from "../features/trajectories/PhaseChangeSection.tsx";
import { noticeFrom, type TrajectoryNotice } from "../features/trajectories/notice.ts";
import { PhaseStepper } from "../features/trajectories/PhaseStepper.tsx";
import { PlanSummary } from "../features/trajectories/PlanSummary.tsx";
import { useTrajectory, useTrajectoryFamily } from "../features/trajectories/queries.ts";
import { ReferralDetails } from "../features/trajectories/ReferralDetails.tsx";
import { StaleNotice } from "../features/trajectories/StaleNotice.tsx";
import { TimelineTable } from "../features/trajectories/TimelineTable.tsx";
import { TrajectoryOverview } from "../features/trajectories/TrajectoryOverview.tsx";
import { WeeklyReportsSummary } from "../features/trajectories/WeeklyReportsSummary.tsx";

/** /trajecten/:trajectoryId — one family's trajectory from aanmelding to nazorg. */
export function TrajectoryPage() {
  const { t } = useTranslation();
  const labels = useTrajectoryLabels();
  const { trajectoryId = "" } = useParams();
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const me = useSession().data;
  const trajectory = useTrajectory(trajectoryId);
  const family = useTrajectoryFamily(trajectory.data?.familyId);
  const [notice, setNotice] = useState<TrajectoryNotice | null>(() => noticeFrom(location.state));
  const [stale, setStale] = useState(false);
  const [reloading, setReloading] = useState(false);
  // Forms start again from the newest data after a reload.
  const [generation, setGeneration] = useState(0);
  const noticeRef = useRef<HTMLDivElement>(null);
  const staleRef = useRef<HTMLDivElement>(null);

  // A message passed by the previous page is shown once: a reload or "back" does not repeat it.
  useEffect(() => {
    if (location.state) void navigate(location.pathname, { replace: true, state: null });
  }, [location.state, location.pathname, navigate]);
  useEffect(() => {
    if (stale) staleRef.current?.focus();
  }, [stale]);

  const role = me?.role;
  const canEdit = role ? canTrajectory.edit(role) : false;
  const canDecide = role ? canTrajectory.decide(role) : false;
  const canExtend = role ? canTrajectory.extend(role) : false;

  async function reload() {
    setReloading(true);
    await queryClient.refetchQueries({ queryKey: keys.trajectory(trajectoryId) });
    if (trajectory.data) void queryClient.invalidateQueries({ queryKey: keys.family(trajectory.data.familyId), exact: true });
    setReloading(false);
    setStale(false);
    setGeneration((g) => g + 1);
  }

  function phaseChanged(saved: Trajectory) {
    setNotice({ notice: t("phaseChange.saved", { phase: labels.phase(saved.phase) }), version: saved.version });
    requestAnimationFrame(() => noticeRef.current?.querySelector<HTMLElement>(".pw-alert")?.focus());
  }

  if (trajectory.isPending) return <Loading />;
  if (trajectory.isError) {
    return (
      <Page title={t("trajectory.notFoundTitle")} documentTitle={t("trajectory.notFoundTitle")}>
        <LoadError error={trajectory.error} retry={() => void trajectory.refetch()} />
      </Page>
    );
  }
  const tr = trajectory.data;
  const onStale = () => setStale(true);
  const entered = new Set(tr.history.map((h) => h.to));

  return (
    <Page
      preHeading={<TextLink to={`/gezinnen/${tr.familyId}`}>{t("measurement.backTo", { caseNumber: tr.caseNumber })}</TextLink>}
      title={
        <>
          {t("trajectory.title", { caseNumber: tr.caseNumber })}
          <span className="pw-visually-hidden">, </span>
          <span className="pw-title-phase" data-testid="title-phase">{t("trajectory.phaseBadge", { phase: labels.phase(tr.phase) })}</span>
        </>
      }
      documentTitle={t("trajectory.documentTitle", { caseNumber: tr.caseNumber })}
    >
      {stale ? <StaleNotice ref={staleRef} onReload={() => void reload()} busy={reloading} /> : null}
      <div ref={noticeRef} role="status" aria-live="polite">
        {notice && notice.version === tr.version ? <Alert type="ok"><p className="utrecht-paragraph">{notice.notice}</p></Alert> : null}
      </div>

      {family.data ? <BackLinks trajectory={tr} family={family.data} /> : null}
      <PhaseStepper trajectory={tr} />
      <TrajectoryOverview trajectory={tr} family={family.data} />
      {tr.decision?.decision === "go" ? (
        <p className="utrecht-paragraph">
          <a className="utrecht-link utrecht-link--html-a" href={`/api/v1/trajectories/${encodeURIComponent(tr.id)}/handover-letter.pdf`}>
            {t("trajectory.handoverLetter")}
          </a>
        </p>
      ) : null}

      <Section id="deadlines" title={t("deadlines.title")}>
        <DeadlineList deadlines={tr.deadlines} />
      </Section>

      <ReferralDetails trajectory={tr} collapsed={tr.phase !== "referral"} />

      <div key={generation}>
        <ChecksSection trajectory={tr} canEdit={canEdit} onStale={onStale} />
        {family.data ? (
          <DecisionSection trajectory={tr} family={family.data} canDecide={canDecide} onStale={onStale} />
        ) : family.isError ? <LoadError error={family.error} /> : <Loading />}
        <FeedbackSection trajectory={tr} canEdit={canEdit} onStale={onStale} />
        <IntakeSection trajectory={tr} canEdit={canEdit} onStale={onStale} />
        {/*
          The records other parts of the method keep, at a glance here; each is worked on its own
          page (BackLinks above): gezinsplan and MDO's from the informatiefase on, weekoverzichten
          and afronding/nazorg from the uitvoering on.
        */}
        {entered.has("intake") ? <PlanSummary trajectory={tr} family={family.data} /> : null}
        {entered.has("intake") ? <MeetingsSummary trajectory={tr} /> : null}
        {entered.has("execution") ? <WeeklyReportsSummary trajectory={tr} /> : null}
        {entered.has("execution") ? <ClosingSummary trajectory={tr} inAftercare={tr.phase === "aftercare"} /> : null}
        <ExtensionSection trajectory={tr} canExtend={canExtend} onStale={onStale} />
        <PhaseChangeSection trajectory={tr} canEdit={canEdit} onStale={onStale} onChanged={phaseChanged} />
      </div>

      <TimelineTable trajectory={tr} />
    </Page>
  );
}
