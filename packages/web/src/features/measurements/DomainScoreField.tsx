import { isProblemScore, type InstrumentDefinition, type InstrumentDomain } from "@ploegwerk/domain";
import { useTranslation } from "react-i18next";
import { fieldId, TextareaField } from "../../components/Form.tsx";
import { useFormat } from "../../i18n/format.ts";

/** "0 (worst imaginable)" stays as it is; "Probleem" becomes "2 Probleem". */
function labelText(value: number, label: string): string {
  return label.startsWith(String(value)) ? label : `${value} ${label}`;
}

export interface ScoreDraft {
  score: number | null;
  justification: string;
}

export const ID_PREFIX = "meting";
export const scoreInputId = (domainKey: string) => fieldId(ID_PREFIX, `scores.${domainKey}.score`);
export const justificationId = (domainKey: string) => fieldId(ID_PREFIX, `scores.${domainKey}.justification`);

/**
 * One leefgebied as a radio group: fieldset + legend (label and description), one radio per scale
 * value ("1 – Aanzienlijk probleem"); arrow keys move between the values. A problem score asks
 * for the beschrijving problematiek.
 */
export function DomainScoreField({ def, domain, value, onChange, scoreError, justificationError, readOnly }: {
  def: InstrumentDefinition;
  domain: InstrumentDomain;
  value: ScoreDraft;
  onChange: (next: ScoreDraft) => void;
  scoreError?: string | undefined;
  justificationError?: string | undefined;
  readOnly: boolean;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const problem = value.score !== null && isProblemScore(def, value.score);
  const showJustification = problem || value.justification.trim() !== "";
  const descriptionId = domain.description ? `${scoreInputId(domain.key)}-description` : undefined;
  const errorId = scoreError ? `${scoreInputId(domain.key)}-error` : undefined;
  const name = `score-${domain.key}`;
  const compact = def.scale.values.length > 6;
  const first = def.scale.values[0];
  const last = def.scale.values[def.scale.values.length - 1];
  return (
    <fieldset
      className={["utrecht-form-fieldset", "utrecht-form-fieldset--html-fieldset", "pw-domain", scoreError ? "utrecht-form-fieldset--invalid pw-domain--invalid" : "", problem ? "pw-domain--problem" : ""].filter(Boolean).join(" ")}
      aria-describedby={[errorId, descriptionId].filter(Boolean).join(" ") || undefined}
    >
      <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend pw-domain__legend">
        {fmt.text(domain.label)}
        {problem ? <span className="pw-badge pw-badge--problem">{t("measurement.problemBadge")}</span> : null}
      </legend>
      {domain.description ? (
        <p className="utrecht-form-field-description pw-domain__description" id={descriptionId}>{fmt.text(domain.description)}</p>
      ) : null}
      {scoreError ? (
        <p className="utrecht-form-field-error-message pw-domain__error" id={errorId}>
          <span className="pw-visually-hidden">{t("form.errorPrefix")} </span>
          {scoreError}
        </p>
      ) : null}
      {compact && first && last ? (
        <p className="pw-scale-ends" aria-hidden="true">
          <span>{labelText(first.value, fmt.text(first.label))}</span>
          <span>{labelText(last.value, fmt.text(last.label))}</span>
        </p>
      ) : null}
      <div className={compact ? "pw-radios pw-radios--compact" : "pw-radios"}>
        {def.scale.values.map((v, i) => {
          const id = i === 0 ? scoreInputId(domain.key) : `${scoreInputId(domain.key)}-${v.value}`;
          const anchor = domain.anchors?.[String(v.value)];
          const checked = value.score === v.value;
          return (
            <div key={v.value} className={["utrecht-form-field", "utrecht-form-field--radio", "pw-radio", checked ? "pw-radio--checked" : ""].filter(Boolean).join(" ")}>
              <div className="utrecht-form-field__input">
                <input
                  type="radio"
                  className={["utrecht-radio-button", "utrecht-radio-button--html-input", scoreError ? "utrecht-radio-button--invalid" : ""].filter(Boolean).join(" ")}
                  id={id}
                  name={name}
                  value={v.value}
                  checked={checked}
                  required
                  disabled={readOnly}
                  aria-invalid={scoreError ? true : undefined}
                  onChange={() => onChange({ ...value, score: v.value })}
                />
              </div>
              <div className="utrecht-form-field__label">
                <label className="utrecht-form-label utrecht-form-label--radio" htmlFor={id}>
                  {compact ? (
                    // Long scales show the number; the full label stays the accessible name.
                    <>
                      <span className="pw-radio__value" aria-hidden="true">{v.value}</span>
                      <span className="pw-visually-hidden">{labelText(v.value, fmt.text(v.label))}</span>
                    </>
                  ) : fmt.text(v.label).startsWith(String(v.value)) ? (
                    <span className="pw-radio__text">{fmt.text(v.label)}</span>
                  ) : (
                    <>
                      <span className="pw-radio__value">{v.value}</span> <span className="pw-radio__text">{fmt.text(v.label)}</span>
                    </>
                  )}
                  {anchor ? <span className="pw-radio__anchor">{fmt.text(anchor)}</span> : null}
                </label>
              </div>
            </div>
          );
        })}
      </div>
      {showJustification ? (
        <TextareaField
          id={justificationId(domain.key)}
          label={problem ? t("measurement.justification") : t("measurement.justificationOptional")}
          description={problem ? t("measurement.justificationHint", { domain: fmt.text(domain.label) }) : undefined}
          required={problem}
          rows={3}
          readOnly={readOnly}
          value={value.justification}
          error={justificationError}
          onChange={(e) => onChange({ ...value, justification: e.target.value })}
        />
      ) : null}
    </fieldset>
  );
}
