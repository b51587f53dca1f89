import { MEETING_PHASES } from "@ploegwerk/domain";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { Alert } from "../components/Alert.tsx";
import { Button, ButtonGroup, TextLink } from "../components/Button.tsx";
import { Page } from "../components/Page.tsx";
import { LoadError, Loading } from "../components/QueryState.tsx";
import { useSession } from "../features/auth/session.ts";
import { CancelMeetingForm } from "../features/meetings/CancelMeetingForm.tsx";
import { useDateTime } from "../features/meetings/dateTime.ts";
import { EditMeetingForm } from "../features/meetings/EditMeetingForm.tsx";
import { HoldMeetingForm } from "../features/meetings/HoldMeetingForm.tsx";
import { MeetingDetails } from "../features/meetings/MeetingDetails.tsx";
import { useMeeting } from "../features/meetings/queries.ts";
import { useWorkingPlan } from "../features/meetings/useWorkingPlan.ts";
import { usePlanLabels } from "../features/plans/labels.ts";
import { usePeople } from "../features/plans/people.ts";
import { canEditPlan } from "../features/plans/permissions.ts";
import { BackLinks, useTrajectoryAndFamily } from "../features/plans/trajectoryFamily.tsx";
import "../features/plans/plans.css";
import "../features/meetings/meetings.css";

const EDIT_BUTTON = "mdo-edit-button";

/** /trajecten/:trajectoryId/mdo/:meetingId: one MDO; a planned one can be changed, recorded as held or called off. */
export function MeetingPage() {
  const { t } = useTranslation();
  const { trajectoryId = "", meetingId = "" } = useParams();
  const me = useSession().data;
  const dateTime = useDateTime();
  const { trajectory, family, isPending, error, retry } = useTrajectoryAndFamily(trajectoryId);
  const query = useMeeting(trajectoryId, meetingId);
  const plan = useWorkingPlan(trajectoryId);
  const people = usePeople(family);
  const planLabels = usePlanLabels(plan.content?.instrumentKey);
  const [message, setMessage] = useState<string | null>(null);
  const [stale, setStale] = useState(false);
  const [editing, setEditing] = useState(false);
  const messageRef = useRef<HTMLDivElement>(null);
  const staleRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // The form that hit the conflict is gone; the message takes the focus.
    if (stale) staleRef.current?.focus();
  }, [stale]);

  const loadError = error ?? query.error;
  if (loadError) return <Page title={t("meeting.pageTitle")} documentTitle={t("meeting.pageTitle")}><LoadError error={loadError} retry={() => { retry(); void query.refetch(); }} /></Page>;
  if (isPending || query.isPending || !trajectory || !family) return <Loading />;
  const meeting = query.meeting;
  if (!meeting) {
    return (
      <Page title={t("meeting.pageTitle")} documentTitle={t("meeting.pageTitle")}>
        <Alert type="warning"><p className="utrecht-paragraph">{t("meeting.notFound")}</p></Alert>
        <TextLink to={`/trajecten/${trajectoryId}/mdo`}>{t("meeting.backToList")}</TextLink>
      </Page>
    );
  }
  const title = t("meeting.titleOn", { when: dateTime(meeting.scheduledAt) });
  const mayWrite = canEditPlan(me?.role) && (MEETING_PHASES as readonly string[]).includes(trajectory.phase);
  /** A planned MDO this user may change, hold or call off (not while a conflict waits for a reload). */
  const changeable = meeting.status === "planned" && mayWrite && !stale;
  const done = (text: string) => {
    setEditing(false);
    setMessage(text);
    requestAnimationFrame(() => messageRef.current?.focus());
  };
  const stopEditing = () => {
    setEditing(false);
    requestAnimationFrame(() => document.getElementById(EDIT_BUTTON)?.focus());
  };

  return (
    <Page preHeading={t("plan.preHeading", { caseNumber: family.caseNumber })} title={title} documentTitle={`${t("meeting.pageTitle")} – ${family.caseNumber}`}>
      <BackLinks trajectory={trajectory} family={family} />
      <p className="utrecht-paragraph pw-no-print"><TextLink to={`/trajecten/${trajectoryId}/mdo`}>{t("meeting.backToList")}</TextLink></p>
      <div role="status" aria-live="polite">
        {message ? <Alert ref={messageRef} type="ok"><p className="utrecht-paragraph">{message}</p></Alert> : null}
      </div>
      {stale ? (
        <Alert ref={staleRef} type="error" role="alert" heading={t("meeting.staleTitle")}>
          <p className="utrecht-paragraph">{t("meeting.staleBody")}</p>
          <Button appearance="primary" onClick={() => void query.refetch().then(() => setStale(false))}>{t("plan.reload")}</Button>
        </Alert>
      ) : null}
      {changeable && editing ? (
        plan.isPending ? <Loading /> : (
          <EditMeetingForm key={meeting.version} trajectoryId={trajectoryId} meeting={meeting} family={family} people={people} plan={plan.content}
            onDone={done} onCancel={stopEditing} onStale={() => setStale(true)} />
        )
      ) : (
        <>
          {changeable ? (
            <ButtonGroup className="pw-no-print">
              <Button id={EDIT_BUTTON} onClick={() => { setMessage(null); setEditing(true); }}>{t("meeting.editButton")}</Button>
            </ButtonGroup>
          ) : null}
          <MeetingDetails trajectoryId={trajectoryId} meeting={meeting} people={people} planLabels={planLabels} plan={plan.content} />
          {changeable ? (
            plan.isPending ? <Loading /> : (
              <>
                <HoldMeetingForm
                  key={meeting.version}
                  trajectoryId={trajectoryId}
                  meeting={meeting}
                  family={family}
                  people={people}
                  planLabels={planLabels}
                  plan={plan.content}
                  planSigned={plan.latestSigned}
                  onDone={done}
                  onStale={() => setStale(true)}
                />
                <CancelMeetingForm key={`cancel-${meeting.version}`} trajectoryId={trajectoryId} meeting={meeting} onDone={done} onStale={() => setStale(true)} />
              </>
            )
          ) : null}
        </>
      )}
    </Page>
  );
}
