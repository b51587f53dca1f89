import type { Family, Meeting, PlanContent } from "@ploegwerk/domain";
import { useEffect, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/endpoints.ts";
import { Alert } from "../../components/Alert.tsx";
import { Button, ButtonGroup } from "../../components/Button.tsx";
import { ErrorSummary } from "../../components/ErrorSummary.tsx";
import { fieldId } from "../../components/Form.tsx";
import type { People } from "../plans/people.ts";
import { partnerContactsOf } from "../plans/workingContent.ts";
import { useDateTime } from "./dateTime.ts";
import { invitedColleagues, meetingDraftOf } from "./meetingDraft.ts";
import { schedulingChanges } from "./meetingPatch.ts";
import { MeetingPlanningFields } from "./MeetingPlanningFields.tsx";
import { useRefreshMeetings } from "./queries.ts";
import { useMeetingDraftForm } from "./useMeetingDraftForm.ts";

const idOf = (name: string) => fieldId("mdo-edit", name);

/**
 * Changing a planned MDO: another date or time, another place, who is invited, the agenda. Only
 * what changed is sent; invitees who stay keep their place in the list. A held or cancelled MDO's
 * planning is fixed (the server says so with a 409).
 */
export function EditMeetingForm({ trajectoryId, meeting, family, people, plan, onDone, onCancel, onStale }: {
  trajectoryId: string;
  meeting: Meeting;
  family: Family;
  people: People;
  /** The plan as it is being worked on, for its chain partners' contacts; null without a plan. */
  plan: PlanContent | null;
  onDone: (message: string) => void;
  onCancel: () => void;
  onStale: () => void;
}) {
  const { t } = useTranslation();
  const dateTime = useDateTime();
  const refresh = useRefreshMeetings(trajectoryId);
  const planPartners = partnerContactsOf(plan);
  const [draft, setDraft] = useState(() => meetingDraftOf(meeting, { family, planPartners }));
  const form = useMeetingDraftForm({
    draft,
    call: () => api.updateMeeting(trajectoryId, meeting.id, { version: meeting.version, ...schedulingChanges(draft, meeting, planPartners) }),
    onSaved: async (m) => {
      await refresh();
      onDone(t("meeting.updated", { when: dateTime(m.scheduledAt) }));
    },
    onStale,
  });
  useEffect(() => {
    document.getElementById(idOf("date"))?.focus();
  }, []);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (Object.keys(schedulingChanges(draft, meeting, planPartners)).length === 0) onDone(t("meeting.unchanged"));
    else form.submit();
  };
  const chair = meeting.chair?.name;

  return (
    <form className="pw-panel pw-meeting-form" noValidate onSubmit={submit} aria-labelledby="mdo-edit-heading">
      <h2 className="utrecht-heading-2" id="mdo-edit-heading">{t("meeting.editTitle")}</h2>
      <ErrorSummary errors={form.summary(idOf)} focusKey={form.attempt} />
      {form.problem.message ? <Alert type="error" role="alert" heading={t("plan.notSaved")}><p className="utrecht-paragraph">{form.problem.message}</p></Alert> : null}
      <MeetingPlanningFields draft={draft} onChange={setDraft} errors={form.errors} idOf={idOf} family={family} people={people} planPartners={planPartners}
        chairId={meeting.chair?.id} alsoInvited={invitedColleagues(meeting)} inviteHint={chair ? t("meeting.inviteEditHint", { chair }) : t("meeting.inviteHint")} agendaHint={t("meeting.agendaEditHint")} />
      <ButtonGroup className="pw-form-actions">
        <Button type="submit" appearance="primary" busy={form.busy} disabled={form.busy}>{t("meeting.editSubmit")}</Button>
        <Button appearance="subtle" onClick={onCancel}>{t("common.cancel")}</Button>
      </ButtonGroup>
    </form>
  );
}
