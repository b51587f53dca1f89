import { FEEDBACK_CHANNELS, type FEEDBACK_SUBJECTS, type Trajectory } from "@ploegwerk/domain";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/endpoints.ts";
import type { FieldErrors } from "../../api/fieldErrors.ts";
import { Button } from "../../components/Button.tsx";
import { fieldId, SelectField, TextareaField, TextField } from "../../components/Form.tsx";
import { todayIso } from "../../i18n/format.ts";
import { ChoiceField } from "./ChoiceField.tsx";
import { FormStatus } from "./FormStatus.tsx";
import { ISO_DATE } from "./labels.ts";
import { focusFirstError, useFocusServerErrors, useTrajectoryAction } from "./useTrajectoryAction.ts";

type Subject = (typeof FEEDBACK_SUBJECTS)[number];
type Channel = (typeof FEEDBACK_CHANNELS)[number];
const ORDER = ["subject", "sentOn", "channel", "note"];
const id = (name: string) => fieldId("terugkoppeling", name);

/** Records that the referrer has been told (about the decision, or the start of uitvoering). */
export function FeedbackForm({ trajectory, onStale, onSaved }: { trajectory: Trajectory; onStale: () => void; onSaved: (subject: Subject) => void }) {
  const { t } = useTranslation();
  const owed = trajectory.feedbackOwed;
  const [subject, setSubject] = useState<Subject | "">(owed[0] ?? "");
  const [sentOn, setSentOn] = useState(todayIso());
  const [channel, setChannel] = useState<Channel | "">("");
  const [note, setNote] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const { mutation, problem } = useTrajectoryAction(
    (body: { subject: Subject; sentOn: string; channel: Channel; note: string | null }) => api.recordFeedback(trajectory.id, body),
    { onStale, onSaved: (_, body) => onSaved(body.subject) },
  );
  useFocusServerErrors(problem, ORDER, id);

  function submit(event: FormEvent) {
    event.preventDefault();
    const found: FieldErrors = {};
    if (!subject) found.subject = t("feedback.errors.subjectRequired");
    if (!ISO_DATE.test(sentOn)) found.sentOn = t("feedback.errors.dateRequired");
    else if (sentOn > todayIso()) found.sentOn = t("feedback.errors.dateFuture");
    if (!channel) found.channel = t("feedback.errors.channelRequired");
    setErrors(found);
    if (focusFirstError(ORDER, found, id) || !subject || !channel) return;
    mutation.mutate({ subject, sentOn, channel, note: note.trim() || null });
  }

  const err = (name: string) => errors[name] ?? problem.fields[name];
  return (
    <div className="pw-panel">
      <h3 className="utrecht-heading-3">{t("feedback.formTitle")}</h3>
      <form noValidate onSubmit={submit} className="utrecht-form pw-traj-form">
        <div className="pw-grid-2">
          <SelectField id={id("subject")} label={t("feedback.subject")} required value={subject}
            onChange={(e) => setSubject(e.target.value === "start" ? "start" : "decision")} error={err("subject")}>
            {owed.map((s) => <option key={s} value={s}>{t(`feedback.subjects.${s}`)}</option>)}
          </SelectField>
          <TextField id={id("sentOn")} type="date" label={t("feedback.sentOn")} required max={todayIso()}
            value={sentOn} onChange={(e) => setSentOn(e.target.value)} error={err("sentOn")} />
        </div>
        <ChoiceField id={id("channel")} name="feedback-channel" legend={t("feedback.channel")} required inline
          choices={FEEDBACK_CHANNELS.map((c) => ({ value: c, label: t(`feedback.channels.${c}`) }))}
          value={channel} onChange={setChannel} error={err("channel")} />
        <TextareaField id={id("note")} label={t("feedback.note")} rows={2} value={note} onChange={(e) => setNote(e.target.value)} error={err("note")} />
        <Button type="submit" appearance="primary" busy={mutation.isPending} disabled={mutation.isPending}>
          {mutation.isPending ? t("common.saving") : t("feedback.submit")}
        </Button>
        <FormStatus saved={null} problem={problem} />
      </form>
    </div>
  );
}
