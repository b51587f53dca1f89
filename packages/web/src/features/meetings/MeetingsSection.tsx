import { MEETING_PHASES, type Family } from "@ploegwerk/domain";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Alert } from "../../components/Alert.tsx";
import { Button } from "../../components/Button.tsx";
import { Section } from "../../components/Page.tsx";
import { LoadError, Loading } from "../../components/QueryState.tsx";
import { useSession } from "../auth/session.ts";
import { usePeople } from "../plans/people.ts";
import { canEditPlan } from "../plans/permissions.ts";
import { useTrajectoryOf } from "../plans/queries.ts";
import { MeetingList } from "./MeetingList.tsx";
import { useMeetings } from "./queries.ts";
import { ScheduleMeetingForm } from "./ScheduleMeetingForm.tsx";
import { useWorkingPlan } from "./useWorkingPlan.ts";
import "../plans/plans.css";
import "./meetings.css";

/**
 * "MDO's" on the trajectory page: the multidisciplinary meetings planned, held and called off, and
 * planning a new one. Holding or cancelling one happens on its own page (/trajecten/:id/mdo/:meetingId).
 */
export function MeetingsSection({ trajectoryId, family }: { trajectoryId: string; family: Family }) {
  const { t } = useTranslation();
  const me = useSession().data;
  const meetings = useMeetings(trajectoryId);
  const trajectory = useTrajectoryOf(trajectoryId);
  const plan = useWorkingPlan(trajectoryId);
  const people = usePeople(family);
  const [planning, setPlanning] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const phaseAllows = trajectory.data ? (MEETING_PHASES as readonly string[]).includes(trajectory.data.phase) : false;
  const canPlan = canEditPlan(me?.role) && phaseAllows;

  return (
    <Section
      id="meetings"
      title={t("meeting.sectionTitle")}
      actions={canPlan && !planning ? (
        <Button appearance="primary" id="mdo-plan-button" onClick={() => { setMessage(null); setPlanning(true); }}>{t("meeting.scheduleButton")}</Button>
      ) : null}
    >
      <div role="status" aria-live="polite">
        {message ? <Alert type="ok"><p className="utrecht-paragraph">{message}</p></Alert> : null}
      </div>
      {planning ? (
        plan.isPending ? <Loading /> : (
          <ScheduleMeetingForm
            trajectoryId={trajectoryId}
            family={family}
            people={people}
            plan={plan.content}
            onCancel={() => { setPlanning(false); requestAnimationFrame(() => document.getElementById("mdo-plan-button")?.focus()); }}
            onDone={(text) => { setPlanning(false); setMessage(text); requestAnimationFrame(() => document.getElementById("mdo-plan-button")?.focus()); }}
          />
        )
      ) : null}
      {meetings.isPending ? <Loading /> : meetings.isError ? (
        <LoadError error={meetings.error} retry={() => void meetings.refetch()} />
      ) : meetings.data.items.length === 0 ? (
        <p className="utrecht-paragraph">{t("meeting.noneYet")}</p>
      ) : (
        <MeetingList trajectoryId={trajectoryId} meetings={meetings.data.items} />
      )}
      {!phaseAllows && trajectory.data ? <p className="utrecht-paragraph pw-muted">{t("meeting.notInPhase")}</p> : null}
    </Section>
  );
}
