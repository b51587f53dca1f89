import type { Family } from "@ploegwerk/domain";
import { useTranslation } from "react-i18next";
import { Fieldset, TextField } from "../../components/Form.tsx";
import { todayIso, useFormat } from "../../i18n/format.ts";
import type { People } from "../plans/people.ts";
import { AgendaRows } from "./AgendaRows.tsx";
import { InviteeFields } from "./InviteeFields.tsx";
import type { MeetingDraft, PartnerContact } from "./meetingDraft.ts";
import { useFocusLater } from "./useFocusLater.ts";

/** The planning of an MDO, for a new one and for a planned one that changes: date, time and place, who is invited, and the agenda. */
export function MeetingPlanningFields({ draft, onChange, errors, idOf, family, people, planPartners, chairId, alsoInvited, inviteHint, agendaHint }: {
  draft: MeetingDraft;
  onChange: (next: MeetingDraft) => void;
  errors: Readonly<Record<string, string>>;
  idOf: (name: string) => string;
  family: Family;
  people: People;
  planPartners: readonly PartnerContact[];
  /** The chair always takes part, so is not offered as a colleague to invite. */
  chairId: string | undefined;
  /** Colleagues already invited, shown even when they are not in the team's list. */
  alsoInvited?: readonly { id: string; name: string }[];
  inviteHint: string;
  agendaHint: string;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const focus = useFocusLater();
  const set = (patch: Partial<MeetingDraft>) => onChange({ ...draft, ...patch });
  return (
    <>
      <div className="pw-grid-3">
        <TextField id={idOf("date")} label={t("meeting.date")} required type="date" className="pw-input-date" value={draft.date} onChange={(e) => set({ date: e.target.value })} error={errors.date} />
        <TextField id={idOf("time")} label={t("meeting.time")} required type="time" className="pw-input-date" value={draft.time} onChange={(e) => set({ time: e.target.value })} error={errors.time} />
        <TextField id={idOf("location")} label={t("meeting.location")} description={t("meeting.locationHint")} maxLength={300} value={draft.location}
          onChange={(e) => set({ location: e.target.value })} error={errors.location} />
      </div>
      {draft.date && draft.date < todayIso() ? <p className="utrecht-paragraph pw-muted">{t("meeting.inPastHint", { date: fmt.date(draft.date) })}</p> : null}

      <InviteeFields draft={draft} onChange={set} errors={errors} idOf={idOf} focus={focus} family={family} people={people} planPartners={planPartners} chairId={chairId}
        alsoInvited={alsoInvited} hint={inviteHint} />

      <Fieldset legend={t("meeting.agenda")}>
        <p className="utrecht-paragraph">{agendaHint}</p>
        {errors.agenda ? (
          <p className="utrecht-form-field-error-message" id={idOf("agenda")} tabIndex={-1}>
            <span className="pw-visually-hidden">{t("form.errorPrefix")} </span>
            {errors.agenda}
          </p>
        ) : null}
        <AgendaRows rows={draft.agenda} onChange={(agenda) => set({ agenda })} errors={errors} idOf={idOf} focus={focus} />
      </Fieldset>
    </>
  );
}
