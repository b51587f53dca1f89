import { requiredDeviations, type Deviation, type Family, type PlanOverview, type PlanVersionDetail, type Trajectory } from "@ploegwerk/domain";
import { useMutation } from "@tanstack/react-query";
import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useBlocker, useNavigate } from "react-router";
import { api } from "../../../api/endpoints.ts";
import { Alert } from "../../../components/Alert.tsx";
import { Button, ButtonGroup, ButtonLink } from "../../../components/Button.tsx";
import { ErrorSummary } from "../../../components/ErrorSummary.tsx";
import { TextField } from "../../../components/Form.tsx";
import { todayIso, useFormat } from "../../../i18n/format.ts";
import { formProblem, noFormProblem, placeErrors, type FormProblem } from "../formProblem.ts";
import type { PlanLabels } from "../labels.ts";
import type { People } from "../people.ts";
import { useRefreshPlan } from "../queries.ts";
import { readinessProblems } from "../readiness.ts";
import { contentOf, draftFrom, emptyDraft, emptyGoal, fid, type PlanDraft } from "./draft.ts";
import type { EditorApi } from "./editorApi.ts";
import { GoalFields } from "./GoalFields.tsx";
import { OverallGoalsFields } from "./OverallGoalsFields.tsx";
import { ParticipationFields } from "./ParticipationFields.tsx";
import { RemovedItemsFields } from "./RemovedItemsFields.tsx";
import { fieldOrder, validateDraft } from "./validateDraft.ts";

export interface PlanEditorProps {
  trajectory: Trajectory;
  family: Family;
  overview: PlanOverview;
  /** The latest version: the concept to edit, or the signed version to build the next one on; undefined for the first plan. */
  latest: PlanVersionDetail | undefined;
  /** The plan in force (latest signed version): deviations from its dates need a reason. */
  agreed: PlanVersionDetail | undefined;
  people: People;
  labels: PlanLabels;
  /** Fetch the newest versions again (after someone else saved); the page then starts the editor afresh on them. */
  onReload: () => Promise<void>;
}

function initialDraft(p: Pick<PlanEditorProps, "latest" | "trajectory" | "family">): PlanDraft {
  if (p.latest) return draftFrom(p.latest, p.family.coachId);
  const d = emptyDraft(todayIso(), p.trajectory.referral.instrumentKey);
  d.goals.push(emptyGoal());
  return d;
}

/**
 * The gezinsplan editor: the latest concept edited in place, or a new concept version on top of
 * the signed plan. Keyboard friendly: every item is a fieldset with its own add and remove
 * buttons, focus goes to the new item (or back to the add button after a removal), and the
 * reasons for deviating from the signed plan are asked right where a date moved.
 */
export function PlanEditor({ trajectory, family, overview, latest, agreed, people, labels, onReload }: PlanEditorProps) {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const navigate = useNavigate();
  const refresh = useRefreshPlan(trajectory.id);
  const [draft, setDraft] = useState<PlanDraft>(() => initialDraft({ latest, trajectory, family }));
  const [reasons, setReasons] = useState<Record<string, string>>(() =>
    Object.fromEntries((latest?.status === "concept" ? latest.deviations : []).map((d) => [d.id, d.reason])),
  );
  const [pristine] = useState(() => JSON.stringify(initialDraft({ latest, trajectory, family })));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<FormProblem>(noFormProblem);
  const [attempt, setAttempt] = useState(0);
  const [announcement, setAnnouncement] = useState("");
  const [focusTarget, setFocusTarget] = useState<{ id: string; n: number } | null>(null);
  const [saved, setSaved] = useState(false);
  const staleRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (focusTarget) document.getElementById(focusTarget.id)?.focus();
  }, [focusTarget]);
  useEffect(() => {
    if (problem.stale) staleRef.current?.focus();
  }, [problem.stale]);

  const content = useMemo(() => contentOf(draft), [draft]);
  const deviations: Deviation[] = useMemo(() => (agreed ? requiredDeviations(agreed.content, content) : []), [agreed, content]);
  const dated = useMemo(() => new Map(deviations.filter((d) => d.change !== "removed").map((d) => [d.id, d])), [deviations]);
  const removed = deviations.filter((d) => d.change === "removed");
  const dirty = JSON.stringify(draft) !== pristine;

  const blocker = useBlocker(({ currentLocation, nextLocation }) => dirty && !saved && currentLocation.pathname !== nextLocation.pathname);
  useEffect(() => {
    if (!dirty || saved) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty, saved]);

  const edit = useCallback((fn: (d: PlanDraft) => void) => {
    setDraft((prev) => {
      const next = structuredClone(prev);
      fn(next);
      return next;
    });
  }, []);
  const ed: EditorApi = {
    family,
    people,
    labels,
    errors,
    edit,
    bind: (fn) => (e) => {
      const value = e.target.value;
      edit((d) => fn(d, value));
    },
    reasons,
    setReason: (id, text) => setReasons((r) => ({ ...r, [id]: text })),
    datedDeviation: (id) => dated.get(id),
    focus: (id) => setFocusTarget((f) => ({ id, n: (f?.n ?? 0) + 1 })),
    announce: setAnnouncement,
    startDate: draft.startDate,
  };

  const isConcept = latest?.status === "concept";
  const nextNumber = isConcept ? latest.number : (overview.latest ?? 0) + 1;

  const save = useMutation({
    mutationFn: () =>
      api.savePlan(trajectory.id, {
        basedOn: overview.latest,
        version: isConcept ? latest.version : null,
        content,
        deviations: deviations.map((d) => ({ id: d.id, reason: (reasons[d.id] ?? "").trim() })),
      }),
    onSuccess: async (result) => {
      setSaved(true);
      await refresh();
      void navigate(`/trajecten/${trajectory.id}/gezinsplan?versie=${result.number}`, {
        state: { notice: t(isConcept ? "plan.editor.savedConcept" : "plan.editor.savedNew", { number: result.number }) },
      });
    },
    onError: (error) => {
      // A missing reason for a moved date is reported on the date; show it at the reason field.
      const rename = (name: string) => {
        const n = name.replace(/^content\./, "");
        const d = deviations.find((x) => x.name === n && !(reasons[x.id] ?? "").trim());
        return d ? `deviations.${d.id}` : n;
      };
      const p = formProblem(error, t, i18n.language, rename);
      setProblem(p);
      setErrors(placeErrors(p.fields, fieldOrder(draft, deviations), "startDate"));
      setAttempt((n) => n + 1);
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    if (problem.stale || save.isPending) return;
    const found = validateDraft(draft, deviations, reasons, t, fmt.date);
    setErrors(found);
    setProblem(noFormProblem);
    setAttempt((n) => n + 1);
    if (Object.keys(found).length === 0) save.mutate();
  }

  async function reload() {
    await onReload();
    setProblem(noFormProblem);
    setErrors({});
  }

  const order = fieldOrder(draft, deviations);
  const rank = (name: string) => {
    const i = order.indexOf(name);
    return i === -1 ? order.length : i;
  };
  const summary = Object.entries(errors)
    .sort(([a], [b]) => rank(a) - rank(b))
    .map(([name, message]) => ({ target: fid(name), message }));
  const notReady = readinessProblems(content, t);
  const removeGoal = (gi: number) => {
    edit((d) => { d.goals.splice(gi, 1); });
    setAnnouncement(t("plan.editor.removedGoal", { number: gi + 1 }));
    ed.focus("plan-add-goal");
  };
  const describeRemoved = (d: Deviation): string => {
    const c = agreed?.content;
    if (!c) return d.id;
    const text =
      c.overallGoals.find((g) => g.id === d.id)?.description ??
      c.goals.find((g) => g.id === d.id)?.description ??
      c.goals.flatMap((g) => g.actions).find((a) => a.id === d.id)?.description ??
      d.id;
    return `${t(`plan.editor.removedKind.${d.entity}`)} “${text}”`;
  };

  return (
    <>
      {blocker.state === "blocked" ? (
        <Alert type="warning" role="alert" heading={t("plan.editor.leaveTitle")}>
          <p className="utrecht-paragraph">{t("plan.editor.leaveBody")}</p>
          <ButtonGroup>
            <Button appearance="primary" onClick={() => blocker.reset()}>{t("plan.editor.stay")}</Button>
            <Button onClick={() => blocker.proceed()}>{t("plan.editor.leave")}</Button>
          </ButtonGroup>
        </Alert>
      ) : null}
      <Alert type="info">
        <p className="utrecht-paragraph">
          {isConcept
            ? t("plan.editor.introConcept", { number: nextNumber })
            : latest
              ? t("plan.editor.introNew", { number: nextNumber, basedOn: latest.number })
              : t("plan.editor.introFirst")}
        </p>
        {agreed ? <p className="utrecht-paragraph">{t("plan.editor.introDeviations", { number: agreed.number })}</p> : null}
      </Alert>
      <ErrorSummary errors={summary} focusKey={attempt} />
      {problem.stale ? (
        <Alert ref={staleRef} type="error" role="alert" heading={t("plan.editor.staleTitle")}>
          <p className="utrecht-paragraph">{t("plan.editor.staleBody")}</p>
          <Button appearance="primary" onClick={() => void reload()}>{t("plan.editor.staleReload")}</Button>
        </Alert>
      ) : problem.message ? (
        <Alert type="error" role="alert" heading={t("plan.notSaved")}>
          <p className="utrecht-paragraph">{problem.message}</p>
        </Alert>
      ) : null}
      <div className="pw-visually-hidden" role="status" aria-live="polite">{announcement}</div>

      <form className="utrecht-form pw-plan-editor" noValidate onSubmit={submit} aria-label={t("plan.editor.formLabel")}>
        <section className="pw-form-section" aria-labelledby="plan-general-heading">
          <h2 className="utrecht-heading-2" id="plan-general-heading">{t("plan.editor.general")}</h2>
          <div className="pw-grid-2">
            <TextField id={fid("startDate")} label={t("plan.startDate")} description={t("plan.editor.startDateHint")} required type="date" className="pw-input-date"
              value={draft.startDate} onChange={ed.bind((d, v) => { d.startDate = v; })} error={errors.startDate} />
            <div className="utrecht-form-field utrecht-form-field--distanced">
              <p className="utrecht-form-label pw-static-field__label">{t("plan.editor.instrument")}</p>
              <p className="utrecht-paragraph pw-static-field__value">{labels.instrument ? fmt.text(labels.instrument.name) : draft.instrumentKey}</p>
            </div>
          </div>
        </section>

        <OverallGoalsFields ed={ed} goals={draft.overallGoals} />
        <ParticipationFields ed={ed} rows={draft.participation} />

        <section className="pw-form-section" aria-labelledby="plan-goals-heading">
          <h2 className="utrecht-heading-2" id="plan-goals-heading">{t("plan.goals")}</h2>
          <p className="utrecht-paragraph">{t("plan.editor.goalsIntro")}</p>
          {draft.goals.map((g, gi) => (
            <GoalFields key={g.id} ed={ed} goal={g} gi={gi} onRemove={() => removeGoal(gi)} />
          ))}
          <Button id="plan-add-goal" onClick={() => { edit((d) => { d.goals.push(emptyGoal()); }); ed.focus(fid(`goals.${draft.goals.length}.domain`)); }}>
            {t("plan.editor.addGoal")}
          </Button>
        </section>

        <RemovedItemsFields ed={ed} removed={removed} describe={describeRemoved} />

        {notReady.length > 0 ? (
          <Alert type="info" heading={t("plan.editor.notReadyTitle")}>
            <ul className="utrecht-unordered-list">
              {notReady.map((p) => <li key={p} className="utrecht-unordered-list__item">{p}</li>)}
            </ul>
          </Alert>
        ) : null}

        <ButtonGroup className="pw-form-actions">
          <Button type="submit" appearance="primary" busy={save.isPending} disabled={save.isPending || problem.stale}>
            {save.isPending ? t("common.saving") : t("plan.editor.save", { number: nextNumber })}
          </Button>
          <ButtonLink appearance="subtle" to={overview.versions.length > 0 ? `/trajecten/${trajectory.id}/gezinsplan` : `/trajecten/${trajectory.id}`}>
            {t("common.cancel")}
          </ButtonLink>
        </ButtonGroup>
      </form>
    </>
  );
}
