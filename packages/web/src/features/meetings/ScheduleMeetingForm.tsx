import { openGoalsAgenda, type Family, type ParticipantInput, type PlanContent } from "@ploegwerk/domain";
import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/endpoints.ts";
import { Alert } from "../../components/Alert.tsx";
import { Button, ButtonGroup } from "../../components/Button.tsx";
import { ErrorSummary } from "../../components/ErrorSummary.tsx";
import { fieldId, Fieldset, TextField } from "../../components/Form.tsx";
import { todayIso, useFormat } from "../../i18n/format.ts";
import { useSession } from "../auth/session.ts";
import { CheckboxGroup } from "../plans/ChoiceFields.tsx";
import { formProblem, noFormProblem, placeErrors, type FormProblem } from "../plans/formProblem.ts";
import type { People } from "../plans/people.ts";
import { partnerContactsOf } from "../plans/workingContent.ts";
import { AgendaRows, type AgendaRow } from "./AgendaRows.tsx";
import { localDateTimeIso, useDateTime } from "./dateTime.ts";
import { PartnerRows, type PartnerRow } from "./PartnerRows.tsx";
import { useRefreshMeetings } from "./queries.ts";
import { useFocusLater } from "./useFocusLater.ts";

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
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const dateTime = useDateTime();
  const me = useSession().data;
  const refresh = useRefreshMeetings(trajectoryId);
  const focus = useFocusLater();
  const [date, setDate] = useState("");
  const [time, setTime] = useState("");
  const [location, setLocation] = useState("");
  const [memberIds, setMemberIds] = useState<string[]>(() => family.members.filter((m) => m.role === "parent").map((m) => m.id));
  const [networkIds, setNetworkIds] = useState<string[]>([]);
  const [userIds, setUserIds] = useState<string[]>([]);
  const planPartners = partnerContactsOf(plan);
  const [planPartnerKeys, setPlanPartnerKeys] = useState<string[]>([]);
  const [partners, setPartners] = useState<PartnerRow[]>([]);
  const [agenda, setAgenda] = useState<AgendaRow[]>(() => openGoalsAgenda(plan).map((a) => ({ key: crypto.randomUUID(), goalId: a.goalId, text: a.text })));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<FormProblem>(noFormProblem);
  const [attempt, setAttempt] = useState(0);
  const partnerKey = (p: { organisation: string; contactName: string }) => `${p.organisation}|${p.contactName}`;

  function participants(): ParticipantInput[] {
    const out: ParticipantInput[] = [
      ...memberIds.map((memberId) => ({ kind: "member" as const, memberId })),
      ...networkIds.map((networkPersonId) => ({ kind: "networkPerson" as const, networkPersonId })),
      ...userIds.map((userId) => ({ kind: "user" as const, userId })),
    ];
    for (const p of planPartners.filter((x) => planPartnerKeys.includes(partnerKey(x)))) {
      out.push({ kind: "partnerContact", organisation: p.organisation, contactName: p.contactName, contact: p.contact });
    }
    for (const r of partners) out.push({ kind: "partnerContact", organisation: r.organisation.trim(), contactName: r.contactName.trim(), contact: r.contact.trim() || null });
    return out;
  }

  const schedule = useMutation({
    mutationFn: () =>
      api.scheduleMeeting(trajectoryId, {
        scheduledAt: localDateTimeIso(date, time),
        location: location.trim() || null,
        participants: participants(),
        agenda: agenda.map((a) => ({ goalId: a.goalId, text: a.text.trim() })),
      }),
    onSuccess: async (m) => {
      await refresh();
      onDone(t("meeting.scheduled", { when: dateTime(m.scheduledAt) }));
    },
    onError: (error) => {
      const p = formProblem(error, t, i18n.language, (n) => (n === "scheduledAt" ? "date" : n.startsWith("participants") ? "participants" : n));
      setProblem(p);
      setErrors(placeErrors(p.fields, ["date", "time", "location", "participants", ...agenda.map((_, i) => `agenda.${i}.text`)], "date"));
      setAttempt((n) => n + 1);
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) found.date = t("meeting.errors.date");
    if (!/^\d{2}:\d{2}/.test(time)) found.time = t("meeting.errors.time");
    partners.forEach((r, i) => {
      if (!r.organisation.trim()) found[`partners.${i}.organisation`] = t("meeting.errors.partnerOrganisation", { number: i + 1 });
      if (!r.contactName.trim()) found[`partners.${i}.contactName`] = t("meeting.errors.partnerContactName", { number: i + 1 });
    });
    agenda.forEach((a, i) => {
      if (!a.text.trim()) found[`agenda.${i}.text`] = t("meeting.errors.agendaText", { number: i + 1 });
    });
    setErrors(found);
    setProblem(noFormProblem);
    setAttempt((n) => n + 1);
    if (Object.keys(found).length === 0) schedule.mutate();
  }

  const order = ["date", "time", "location", "participants", ...partners.flatMap((_, i) => [`partners.${i}.organisation`, `partners.${i}.contactName`]), ...agenda.map((_, i) => `agenda.${i}.text`)];
  const summary = order.filter((n) => errors[n]).map((n) => ({ target: n === "participants" ? idOf("members") : idOf(n), message: errors[n] ?? "" }));
  const colleagues = people.colleagues.filter((s) => s.id !== me?.id);

  return (
    <form className="pw-panel pw-meeting-form" noValidate onSubmit={submit} aria-labelledby="mdo-schedule-heading">
      <h3 className="utrecht-heading-3" id="mdo-schedule-heading">{t("meeting.scheduleTitle")}</h3>
      <ErrorSummary errors={summary} focusKey={attempt} />
      {problem.message ? <Alert type="error" role="alert" heading={t("plan.notSaved")}><p className="utrecht-paragraph">{problem.message}</p></Alert> : null}
      <div className="pw-grid-3">
        <TextField id={idOf("date")} label={t("meeting.date")} required type="date" className="pw-input-date" value={date} onChange={(e) => setDate(e.target.value)} error={errors.date} />
        <TextField id={idOf("time")} label={t("meeting.time")} required type="time" className="pw-input-date" value={time} onChange={(e) => setTime(e.target.value)} error={errors.time} />
        <TextField id={idOf("location")} label={t("meeting.location")} description={t("meeting.locationHint")} maxLength={300} value={location} onChange={(e) => setLocation(e.target.value)} error={errors.location} />
      </div>
      {date && date < todayIso() ? <p className="utrecht-paragraph pw-muted">{t("meeting.inPastHint", { date: fmt.date(date) })}</p> : null}

      <Fieldset legend={t("meeting.invite")} describedBy="mdo-invite-hint">
        <p className="utrecht-paragraph" id="mdo-invite-hint">{t("meeting.inviteHint")}</p>
        {errors.participants ? <p className="utrecht-form-field-error-message">{errors.participants}</p> : null}
        <CheckboxGroup id={idOf("members")} legend={t("meeting.familyMembers")} options={family.members.map((m) => ({ value: m.id, label: `${m.givenName} ${m.surname}`, hint: t(`memberRoles.${m.role}`) }))}
          values={memberIds} onChange={setMemberIds} inline />
        {family.network.length > 0 ? (
          <CheckboxGroup id={idOf("network")} legend={t("meeting.network")} options={family.network.map((n) => ({ value: n.id, label: n.name, hint: n.relation }))}
            values={networkIds} onChange={setNetworkIds} inline />
        ) : null}
        {colleagues.length > 0 ? (
          <CheckboxGroup id={idOf("users")} legend={t("meeting.colleagues")} options={colleagues.map((s) => ({ value: s.id, label: s.name, hint: t(`roles.${s.role}`) }))}
            values={userIds} onChange={setUserIds} inline />
        ) : null}
        {planPartners.length > 0 ? (
          <CheckboxGroup id={idOf("planPartners")} legend={t("meeting.planPartners")} description={t("meeting.planPartnersHint")}
            options={planPartners.map((p) => ({ value: partnerKey(p), label: p.contactName, hint: p.organisation }))}
            values={planPartnerKeys} onChange={setPlanPartnerKeys} inline />
        ) : null}
        <h4 className="utrecht-heading-4">{t("meeting.otherPartners")}</h4>
        <PartnerRows rows={partners} onChange={setPartners} errors={errors} idOf={idOf} focus={focus} />
      </Fieldset>

      <Fieldset legend={t("meeting.agenda")}>
        <p className="utrecht-paragraph">{plan ? t("meeting.agendaHint") : t("meeting.agendaNoPlan")}</p>
        <AgendaRows rows={agenda} onChange={setAgenda} errors={errors} idOf={idOf} focus={focus} />
      </Fieldset>

      <ButtonGroup className="pw-form-actions">
        <Button type="submit" appearance="primary" busy={schedule.isPending} disabled={schedule.isPending}>{t("meeting.scheduleSubmit")}</Button>
        <Button appearance="subtle" onClick={onCancel}>{t("common.cancel")}</Button>
      </ButtonGroup>
    </form>
  );
}
