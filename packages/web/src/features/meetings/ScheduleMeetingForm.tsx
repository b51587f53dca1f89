import type { Family, PlanContent } from "@ploegwerk/domain";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/endpoints.ts";
import { Alert } from "../../components/Alert.tsx";
import { Button, ButtonGroup } from "../../components/Button.tsx";
import { ErrorSummary } from "../../components/ErrorSummary.tsx";
import { fieldId } from "../../components/Form.tsx";
import { useSession } from "../auth/session.ts";
import type { People } from "../plans/people.ts";
import { partnerContactsOf } from "../plans/workingContent.ts";
import { localDateTimeIso, useDateTime } from "./dateTime.ts";
import { agendaItems, newMeetingDraft, participantInputs } from "./meetingDraft.ts";
import { MeetingPlanningFields } from "./MeetingPlanningFields.tsx";
import { useRefreshMeetings } from "./queries.ts";
import { useMeetingDraftForm } from "./useMeetingDraftForm.ts";

const idOf = (name: string) => fieldId("mdo", name);

/**
 * Planning an MDO: date, time and place; who is invited (family members, network, colleagues,
 * chain partners' contacts); and the agenda, by default the plan's open goals. The coach who
 * plans it chairs it.
 */
export function ScheduleMeetingForm({ trajectoryId, family, people, plan, onDone, onCancel }: {
  trajectoryId: string;
  family: Family;
  people: People;
  /** The plan as it is being worked on (effective statuses), for the default agenda and partners; null without a plan. */
  plan: PlanContent | null;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const dateTime = useDateTime();
  const me = useSession().data;
  const refresh = useRefreshMeetings(trajectoryId);
  const planPartners = partnerContactsOf(plan);
  const [draft, setDraft] = useState(() => newMeetingDraft(family, plan));
  const form = useMeetingDraftForm({
    draft,
    call: () =>
      api.scheduleMeeting(trajectoryId, {
        scheduledAt: localDateTimeIso(draft.date, draft.time),
        location: draft.location.trim() || null,
        participants: participantInputs(draft, planPartners),
        agenda: agendaItems(draft),
      }),
    onSaved: async (m) => {
      await refresh();
      onDone(t("meeting.scheduled", { when: dateTime(m.scheduledAt) }));
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    form.submit();
  };

  return (
    <form className="pw-panel pw-meeting-form" noValidate onSubmit={submit} aria-labelledby="mdo-schedule-heading">
      <h3 className="utrecht-heading-3" id="mdo-schedule-heading">{t("meeting.scheduleTitle")}</h3>
      <ErrorSummary errors={form.summary(idOf)} focusKey={form.attempt} />
      {form.problem.message ? <Alert type="error" role="alert" heading={t("plan.notSaved")}><p className="utrecht-paragraph">{form.problem.message}</p></Alert> : null}
      <MeetingPlanningFields draft={draft} onChange={setDraft} errors={form.errors} idOf={idOf} family={family} people={people} planPartners={planPartners}
        chairId={me?.id} inviteHint={t("meeting.inviteHint")} agendaHint={plan ? t("meeting.agendaHint") : t("meeting.agendaNoPlan")} />
      <ButtonGroup className="pw-form-actions">
        <Button type="submit" appearance="primary" busy={form.busy} disabled={form.busy}>{t("meeting.scheduleSubmit")}</Button>
        <Button appearance="subtle" onClick={onCancel}>{t("common.cancel")}</Button>
      </ButtonGroup>
    </form>
  );
}
