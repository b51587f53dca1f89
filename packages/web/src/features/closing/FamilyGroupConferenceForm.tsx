import { FGC_STATUS_LABELS, FGC_STATUSES, type Family, type FamilyGroupConference, type FgcStatus } from "@ploegwerk/domain";
import { useMutation } from "@tanstack/react-query";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/endpoints.ts";
import { keys } from "../../api/queryKeys.ts";
import { Alert } from "../../components/Alert.tsx";
import { Button, ButtonGroup } from "../../components/Button.tsx";
import { ErrorSummary } from "../../components/ErrorSummary.tsx";
import { fieldId, Fieldset, SelectField, TextareaField, TextField } from "../../components/Form.tsx";
import { todayIso, useFormat } from "../../i18n/format.ts";
import { useFocusLater } from "../meetings/useFocusLater.ts";
import { noFormProblem, placeErrors, type FormProblem } from "../plans/formProblem.ts";
import { ConferenceAgreementFields } from "./ConferenceAgreementFields.tsx";
import { bodyOf, draftErrors, draftOf, fieldNames, showsNetworkPlan, type ConferenceDraft } from "./conferenceDraft.ts";
import { conferenceProblem } from "./conferenceProblem.ts";
import { FollowUpFields } from "./FollowUpFields.tsx";
import { useRefreshKey } from "./registerQueries.ts";

const idOf = (name: string) => fieldId("ekc", name);

/**
 * Recording a new Eigen Kracht-conferentie, or changing one: the state (with the reason when called
 * off), the coordinator, the date held, the network plan's agreements and the two follow-up calls.
 * An edit sends the whole record with the version it started from; a 409 means someone else saved first.
 */
export function FamilyGroupConferenceForm({ trajectoryId, family, conference, inPlan, onDone, onCancel, onStale }: {
  trajectoryId: string;
  family: Family;
  /** null: a new conference. */
  conference: FamilyGroupConference | null;
  inPlan: ReadonlySet<string>;
  onDone: (message: string) => void;
  onCancel: () => void;
  onStale: () => void;
}) {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const refreshKey = useRefreshKey();
  const focus = useFocusLater();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [draft, setDraft] = useState<ConferenceDraft>(() => draftOf(conference));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<FormProblem>(noFormProblem);
  const [attempt, setAttempt] = useState(0);
  const set = (patch: Partial<ConferenceDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const shows = showsNetworkPlan(draft);
  const headingId = conference ? `ekc-edit-heading-${conference.id}` : "ekc-form-heading";

  useEffect(() => headingRef.current?.focus(), []);

  const save = useMutation({
    mutationFn: () =>
      conference
        ? api.updateFamilyGroupConference(trajectoryId, conference.id, { ...bodyOf(draft), version: conference.version })
        : api.createFamilyGroupConference(trajectoryId, bodyOf(draft)),
    onSuccess: async () => {
      await refreshKey(keys.familyGroupConferences(trajectoryId));
      onDone(conference ? t("closing.ekc.updated") : t("closing.ekc.saved"));
    },
    onError: (error) => {
      const p = conferenceProblem(error, t, i18n.language, fmt.date);
      setProblem(p);
      if (p.stale) onStale();
      setErrors(placeErrors(p.fields, fieldNames(draft), "status"));
      setAttempt((n) => n + 1);
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const found = draftErrors(draft, { t, today: todayIso(), date: fmt.date });
    setErrors(found);
    setProblem(noFormProblem);
    setAttempt((n) => n + 1);
    if (Object.keys(found).length === 0) save.mutate();
  }

  const summary = Object.entries(errors).map(([name, message]) => ({ target: idOf(name), message }));
  return (
    <form className="pw-panel pw-closing-form" noValidate onSubmit={submit} aria-labelledby={headingId}>
      <h3 className="utrecht-heading-3" id={headingId} ref={headingRef} tabIndex={-1}>{conference ? t("closing.ekc.editTitle") : t("closing.ekc.formTitle")}</h3>
      <ErrorSummary errors={summary} focusKey={attempt} />
      {problem.message && !problem.stale ? <Alert type="error" role="alert" heading={t("plan.notSaved")}><p className="utrecht-paragraph">{problem.message}</p></Alert> : null}
      <div className="pw-grid-2">
        <SelectField id={idOf("status")} label={t("closing.ekc.status")} required value={draft.status}
          onChange={(e) => set({ status: (FGC_STATUSES as readonly string[]).includes(e.target.value) ? (e.target.value as FgcStatus) : "" })} error={errors.status}>
          <option value="">{t("form.choose")}</option>
          {FGC_STATUSES.map((s) => <option key={s} value={s}>{fmt.text(FGC_STATUS_LABELS[s])}</option>)}
        </SelectField>
        <TextField id={idOf("coordinator")} label={t("closing.ekc.coordinator")} maxLength={200} value={draft.coordinator} onChange={(e) => set({ coordinator: e.target.value })} error={errors.coordinator} />
      </div>
      {draft.status === "held" ? (
        <TextField id={idOf("heldOn")} label={t("closing.ekc.heldOn")} required type="date" max={todayIso()} className="pw-input-date" value={draft.heldOn} onChange={(e) => set({ heldOn: e.target.value })} error={errors.heldOn} />
      ) : null}
      {draft.status === "called_off" ? (
        <TextareaField id={idOf("statusReason")} label={t("closing.ekc.statusReason")} required rows={2} maxLength={2000} value={draft.statusReason} onChange={(e) => set({ statusReason: e.target.value })} error={errors.statusReason} />
      ) : null}
      {shows.agreements ? (
        <Fieldset legend={t("closing.ekc.agreements")}>
          <p className="utrecht-paragraph">{t("closing.ekc.agreementsIntro")}</p>
          {errors.agreements ? <p className="utrecht-form-field-error-message" id={idOf("agreements")} tabIndex={-1}>{errors.agreements}</p> : null}
          <ConferenceAgreementFields rows={draft.agreements} onChange={(agreements) => set({ agreements })} errors={errors} idOf={idOf} focus={focus}
            family={family} heldOn={draft.status === "held" ? draft.heldOn : ""} inPlan={inPlan} />
        </Fieldset>
      ) : null}
      {shows.followUps ? (
        <Fieldset legend={t("closing.ekc.followUps")}>
          <FollowUpFields value={draft.followUps} onChange={(followUps) => set({ followUps })} errors={errors} idOf={idOf} heldOn={draft.status === "held" ? draft.heldOn : ""} />
        </Fieldset>
      ) : null}
      <ButtonGroup className="pw-form-actions">
        <Button type="submit" appearance="primary" busy={save.isPending} disabled={save.isPending || problem.stale}>{t("closing.save")}</Button>
        <Button appearance="subtle" onClick={onCancel}>{t("common.cancel")}</Button>
      </ButtonGroup>
    </form>
  );
}
