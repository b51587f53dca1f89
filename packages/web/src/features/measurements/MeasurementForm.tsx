import {
  MEASUREMENT_SOURCES,
  isProblemScore,
  summarizeMeasurement,
  type Family,
  type InstrumentDefinition,
  type Measurement,
  type NewMeasurementInput,
} from "@ploegwerk/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useMemo, useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { isApiError } from "../../api/client.ts";
import { api } from "../../api/endpoints.ts";
import { fieldErrorsFrom, problemMessage, type FieldErrors } from "../../api/fieldErrors.ts";
import { keys } from "../../api/queryKeys.ts";
import { Alert } from "../../components/Alert.tsx";
import { Button, ButtonGroup, ButtonLink } from "../../components/Button.tsx";
import { ErrorSummary, type SummaryError } from "../../components/ErrorSummary.tsx";
import { fieldId, SelectField, TextareaField, TextField } from "../../components/Form.tsx";
import { todayIso, useFormat } from "../../i18n/format.ts";
import { DomainScoreField, ID_PREFIX, justificationId, scoreInputId, type ScoreDraft } from "./DomainScoreField.tsx";
import { useLevelLabel, useRoundLabel } from "./labels.ts";
import { nextRound } from "./queries.ts";

type Source = (typeof MEASUREMENT_SOURCES)[number];
/** Sources a user can pick; "import" is only set by the CSV import and shown when present. */
const PICKABLE: Source[] = ["interview", "dossier", "merged"];

export interface MeasurementFormProps {
  family: Family;
  /** All instruments (newest versions) for the select when creating. */
  instruments: readonly InstrumentDefinition[];
  /** The family's measurements, for suggesting the next free round. */
  existing: readonly Measurement[];
  /** The measurement being edited, or undefined for a new one. */
  measurement?: Measurement | undefined;
  /** The definition the edited measurement was taken with. */
  editDefinition?: InstrumentDefinition | undefined;
  readOnly: boolean;
  /** Called after a stale-version conflict when the user asks for the newest version. */
  onReload: () => void;
  initialInstrumentKey: string;
}

function emptyScores(def: InstrumentDefinition | undefined): Record<string, ScoreDraft> {
  const out: Record<string, ScoreDraft> = {};
  for (const d of def?.domains ?? []) out[d.key] = { score: null, justification: "" };
  return out;
}

function scoresFrom(m: Measurement, def: InstrumentDefinition | undefined): Record<string, ScoreDraft> {
  const out = emptyScores(def);
  for (const [key, entry] of Object.entries(m.scores)) out[key] = { score: entry.score, justification: entry.justification ?? "" };
  return out;
}

const f = (name: string) => fieldId(ID_PREFIX, name);

/** A fact that cannot be changed here (instrument and member of an existing measurement). */
function StaticField({ label, value }: { label: string; value: string }) {
  return (
    <div className="utrecht-form-field utrecht-form-field--distanced pw-static-field">
      <p className="utrecht-form-label pw-static-field__label">{label}</p>
      <p className="utrecht-paragraph pw-static-field__value">{value}</p>
    </div>
  );
}

/** The measurement form: instrument, meting, date, optional member and every leefgebied on one screen. */
export function MeasurementForm({ family, instruments, existing, measurement, editDefinition, readOnly, onReload, initialInstrumentKey }: MeasurementFormProps) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const roundLabel = useRoundLabel();
  const levelLabel = useLevelLabel();
  const isNew = !measurement;

  const [instrumentKey, setInstrumentKey] = useState(measurement?.instrument.key ?? initialInstrumentKey);
  const [memberId, setMemberId] = useState<string>(measurement?.memberId ?? "");
  const [roundTouched, setRoundTouched] = useState(!isNew);
  const [roundText, setRoundText] = useState(String(measurement?.round ?? nextRound(existing, initialInstrumentKey, null)));
  const [measuredOn, setMeasuredOn] = useState(measurement ? measurement.measuredOn ?? "" : todayIso());
  // Imported measurements may have no date; then the date stays optional when editing.
  const dateRequired = !measurement || measurement.measuredOn !== null;
  const [measuredByName, setMeasuredByName] = useState(measurement?.measuredByName ?? "");
  const [source, setSource] = useState<Source>(measurement?.source ?? "interview");
  const [note, setNote] = useState(measurement?.note ?? "");
  const def = isNew ? instruments.find((d) => d.key === instrumentKey) : editDefinition;
  const [scores, setScores] = useState<Record<string, ScoreDraft>>(() => (measurement ? scoresFrom(measurement, def) : emptyScores(def)));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const [stale, setStale] = useState(false);
  const staleRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (stale) staleRef.current?.focus();
  }, [stale]);

  const suggested = nextRound(existing, instrumentKey, memberId || null);
  const round = roundTouched ? roundText : String(suggested);

  const numericScores = useMemo(() => {
    const out: Record<string, number> = {};
    for (const [key, s] of Object.entries(scores)) if (s.score !== null && def?.domains.some((d) => d.key === key)) out[key] = s.score;
    return out;
  }, [scores, def]);
  const summary = def ? summarizeMeasurement(def, numericScores) : null;

  function chooseInstrument(key: string) {
    setInstrumentKey(key);
    setScores(emptyScores(instruments.find((d) => d.key === key)));
    setErrors({});
  }

  const save = useMutation({
    mutationFn: async (): Promise<Measurement> => {
      if (!def) throw new Error("instrument not loaded");
      const scoreBody: Record<string, { score: number; justification: string | null }> = {};
      for (const d of def.domains) {
        const s = scores[d.key];
        if (!s || s.score === null) continue;
        const text = s.justification.trim();
        scoreBody[d.key] = { score: s.score, justification: text ? text : null };
      }
      const common = {
        round: Number(round),
        ...(measuredOn ? { measuredOn } : {}),
        measuredByName: measuredByName.trim() || null,
        source,
        note: note.trim() || null,
        scores: scoreBody,
      };
      if (measurement) {
        // Only send "measured by" when it was changed: the server fills it in for measurements a user took.
        const { measuredByName: by, ...rest } = common;
        const patch = by === (measurement.measuredByName ?? null) ? rest : common;
        return api.updateMeasurement(family.id, measurement.id, { ...patch, version: measurement.version });
      }
      const body: NewMeasurementInput = { ...common, measuredOn, instrument: { key: def.key, version: def.version }, memberId: memberId || null };
      return api.createMeasurement(family.id, body);
    },
    onSuccess: async (saved) => {
      queryClient.setQueryData(keys.measurement(family.id, saved.id), saved);
      await queryClient.invalidateQueries({ queryKey: keys.measurements(family.id) });
      void queryClient.invalidateQueries({ queryKey: keys.familiesAll });
      void queryClient.invalidateQueries({ queryKey: ["outcomes"] });
      // The trajectory's guards read the nulmeting (informatiefase → gezinsplan): show them afresh.
      void queryClient.invalidateQueries({ queryKey: keys.familyTrajectories(family.id) });
      void queryClient.invalidateQueries({ queryKey: keys.trajectoriesAll });
      void navigate(`/gezinnen/${family.id}`, { state: { notice: t("measurement.saved", { round: roundLabel(saved.round) }) } });
    },
    onError: (error) => {
      if (isApiError(error) && error.isConflict("stale_version")) {
        setStale(true);
        setErrors({});
      } else if (isApiError(error) && error.isConflict("duplicate_round")) {
        setErrors({ round: t("measurement.errors.duplicateRound", { round: roundLabel(Number(round)) }) });
      } else {
        setErrors(fieldErrorsFrom(error));
      }
      setAttempt((n) => n + 1);
    },
  });

  function validate(): FieldErrors {
    const out: FieldErrors = {};
    if (!def) return { instrument: t("measurement.errors.instrumentRequired") };
    const r = Number(round);
    if (round.trim() === "" || !Number.isInteger(r) || r < 0 || r > 99) out.round = t("measurement.errors.roundInvalid");
    // An imported measurement without a date may stay without one.
    if (measuredOn || dateRequired) {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(measuredOn)) out.measuredOn = t("measurement.errors.dateRequired");
      else if (measuredOn > todayIso()) out.measuredOn = t("measurement.errors.dateFuture");
    }
    for (const d of def.domains) {
      const s = scores[d.key];
      if (!s || s.score === null) out[`scores.${d.key}.score`] = t("measurement.errors.scoreRequired", { domain: fmt.text(d.label) });
      else if (isProblemScore(def, s.score) && !s.justification.trim()) {
        out[`scores.${d.key}.justification`] = t("measurement.errors.justificationRequired", { domain: fmt.text(d.label) });
      }
    }
    return out;
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (readOnly || stale) return;
    const found = validate();
    setErrors(found);
    setAttempt((n) => n + 1);
    if (Object.keys(found).length === 0) save.mutate();
  }

  const order = ["instrument", "memberId", "round", "measuredOn", "measuredByName", "source",
    ...(def?.domains.flatMap((d) => [`scores.${d.key}.score`, `scores.${d.key}.justification`]) ?? []), "note"];
  const targetOf = (name: string) => {
    const m = /^scores\.([^.]+)\.(score|justification)$/.exec(name);
    if (m) return m[2] === "score" ? scoreInputId(m[1] ?? "") : justificationId(m[1] ?? "");
    if (/^scores\.[^.]+$/.test(name)) return scoreInputId(name.slice("scores.".length));
    return f(order.includes(name) ? name : "round");
  };
  const summaryErrors: SummaryError[] = Object.entries(errors)
    .sort(([a], [b]) => (order.indexOf(a) === -1 ? 999 : order.indexOf(a)) - (order.indexOf(b) === -1 ? 999 : order.indexOf(b)))
    .map(([name, message]) => ({ target: targetOf(name), message }));
  const domainError = (key: string, part: "score" | "justification") => errors[`scores.${key}.${part}`] ?? (part === "score" ? errors[`scores.${key}`] : undefined);
  const members = family.members;

  return (
    <>
      <ErrorSummary errors={summaryErrors} focusKey={attempt} />
      {stale ? (
        <Alert ref={staleRef} type="error" role="alert" heading={t("measurement.staleTitle")}>
          <p className="utrecht-paragraph">{t("measurement.staleBody")}</p>
          <Button appearance="primary" onClick={onReload}>{t("measurement.staleReload")}</Button>
        </Alert>
      ) : null}
      {save.isError && !stale && summaryErrors.length === 0 ? (
        <Alert type="error" role="alert">
          <p className="utrecht-paragraph">{problemMessage(save.error, t)}</p>
        </Alert>
      ) : null}
      <form className="utrecht-form pw-measurement" noValidate onSubmit={submit}>
        <div className="pw-measurement__layout">
          <div className="pw-measurement__main">
            <fieldset className="pw-plain-fieldset" disabled={readOnly}>
              <legend className="pw-visually-hidden">{t("measurement.generalLegend")}</legend>
              <div className="pw-grid-2">
                {isNew ? (
                  <SelectField id={f("instrument")} label={t("measurement.instrument")} required value={instrumentKey}
                    onChange={(e) => chooseInstrument(e.target.value)} error={errors.instrument}>
                    {instruments.map((d) => (
                      <option key={d.key} value={d.key}>{fmt.text(d.name)}</option>
                    ))}
                  </SelectField>
                ) : (
                  <StaticField label={t("measurement.instrument")}
                    value={def ? `${fmt.text(def.name)} (${t("measurement.version", { version: def.version })})` : measurement?.instrument.key ?? ""} />
                )}
                {isNew ? (
                  <SelectField id={f("memberId")} label={t("measurement.forWhom")} noOptionalMark description={t("measurement.forWhomHint")}
                    value={memberId} onChange={(e) => setMemberId(e.target.value)} error={errors.memberId}>
                    <option value="">{t("measurement.wholeFamily")}</option>
                    {members.map((m) => (
                      <option key={m.id} value={m.id}>{m.givenName} {m.surname}</option>
                    ))}
                  </SelectField>
                ) : (
                  <StaticField label={t("measurement.forWhom")}
                    value={(() => {
                      const m = members.find((x) => x.id === measurement?.memberId);
                      return m ? `${m.givenName} ${m.surname}` : t("measurement.wholeFamily");
                    })()} />
                )}
                <TextField
                  id={f("round")}
                  label={t("measurement.round")}
                  required
                  type="number"
                  inputMode="numeric"
                  min={0}
                  max={99}
                  className="pw-input-narrow"
                  description={isNew ? t("measurement.roundHint", { suggested: roundLabel(suggested) }) : t("measurement.roundHintEdit")}
                  value={round}
                  onChange={(e) => { setRoundTouched(true); setRoundText(e.target.value); }}
                  error={errors.round}
                />
                <TextField id={f("measuredOn")} label={t("measurement.date")} required={dateRequired} type="date" max={todayIso()}
                  value={measuredOn} onChange={(e) => setMeasuredOn(e.target.value)} error={errors.measuredOn} />
                <TextField id={f("measuredByName")} label={t("measurement.measuredByName")} description={t("measurement.measuredByNameHint")}
                  value={measuredByName} onChange={(e) => setMeasuredByName(e.target.value)} error={errors.measuredByName} />
                <SelectField id={f("source")} label={t("measurement.source")} required value={source}
                  onChange={(e) => setSource(e.target.value as Source)} error={errors.source}>
                  {(source === "import" ? [...PICKABLE, source] : PICKABLE).map((s) => (
                    <option key={s} value={s}>{t(`measurement.sources.${s}`)}</option>
                  ))}
                </SelectField>
              </div>
            </fieldset>

            {def ? (
              <section aria-labelledby="domains-heading" className="pw-domains">
                <h2 className="utrecht-heading-2" id="domains-heading">{t("measurement.domainsTitle")}</h2>
                <p className="utrecht-paragraph">{t("measurement.domainsIntro", { count: def.domains.length })}</p>
                {def.domains.map((d) => (
                  <DomainScoreField
                    key={`${def.key}-${d.key}`}
                    def={def}
                    domain={d}
                    value={scores[d.key] ?? { score: null, justification: "" }}
                    onChange={(next) => setScores((s) => ({ ...s, [d.key]: next }))}
                    scoreError={domainError(d.key, "score")}
                    justificationError={domainError(d.key, "justification")}
                    readOnly={readOnly}
                  />
                ))}
              </section>
            ) : null}

            <TextareaField id={f("note")} label={t("measurement.note")} rows={3} readOnly={readOnly}
              value={note} onChange={(e) => setNote(e.target.value)} error={errors.note} />

            {readOnly ? (
              <ButtonLink to={`/gezinnen/${family.id}`}>{t("measurement.backToFamily")}</ButtonLink>
            ) : (
              <ButtonGroup className="pw-form-actions">
                <Button type="submit" appearance="primary" busy={save.isPending} disabled={save.isPending || stale}>
                  {save.isPending ? t("common.saving") : t("measurement.save")}
                </Button>
                <ButtonLink to={`/gezinnen/${family.id}`} appearance="subtle">{t("common.cancel")}</ButtonLink>
              </ButtonGroup>
            )}
          </div>

          {def && summary ? (
            <section className="pw-measurement__summary" aria-labelledby="live-summary-heading">
              <div className="pw-summary-card">
                <h2 className="utrecht-heading-3" id="live-summary-heading">{t("measurement.liveTitle")}</h2>
                <div aria-live="polite" aria-atomic="true">
                  {def.weightedSelfReliance ? (
                    <p className="pw-summary-card__sr">
                      <span className="pw-summary-card__label">{t("measurement.selfReliance")}</span>
                      <span data-testid="self-reliance" className="pw-summary-card__number">{fmt.number(summary.selfReliance, 1)}</span>
                      {summary.level !== null ? <span className="pw-summary-card__level">{levelLabel(def, summary.level)}</span> : null}
                    </p>
                  ) : null}
                  {def.problemThreshold !== null ? (
                    <p className="utrecht-paragraph" data-testid="problem-count">
                      {t("measurement.problemDomainsCount", { count: summary.problemDomainCount })}
                    </p>
                  ) : null}
                  <p className="utrecht-paragraph pw-muted">
                    {t("measurement.scoredCount", { scored: summary.scoredDomainCount, total: def.domains.length })}
                  </p>
                </div>
              </div>
            </section>
          ) : null}
        </div>
      </form>
    </>
  );
}
