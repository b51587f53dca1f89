import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import "./trajectory.css";

export interface Choice<V extends string> {
  value: V;
  label: ReactNode;
}

/**
 * A radio group: fieldset with legend, error and description, one radio per choice. The first
 * radio carries `id`, so an error summary can jump to the group; arrow keys move between choices.
 */
export function ChoiceField<V extends string>({ id, name, legend, description, error, choices, value, onChange, required = false, inline = false }: {
  id: string;
  name: string;
  legend: ReactNode;
  description?: ReactNode;
  error?: string | undefined;
  choices: readonly Choice<V>[];
  value: V | "";
  onChange: (value: V) => void;
  required?: boolean;
  inline?: boolean;
}) {
  const { t } = useTranslation();
  const descriptionId = description ? `${id}-description` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <fieldset
      className={["utrecht-form-fieldset", "utrecht-form-fieldset--html-fieldset", "pw-choice", error ? "utrecht-form-fieldset--invalid pw-choice--invalid" : ""].filter(Boolean).join(" ")}
      aria-describedby={[errorId, descriptionId].filter(Boolean).join(" ") || undefined}
    >
      <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend pw-choice__legend">
        {legend}
        {required ? null : <span className="pw-optional"> ({t("form.optional")})</span>}
      </legend>
      {description ? <p className="utrecht-form-field-description pw-choice__description" id={descriptionId}>{description}</p> : null}
      {error ? (
        <p className="utrecht-form-field-error-message pw-choice__error" id={errorId}>
          <span className="pw-visually-hidden">{t("form.errorPrefix")} </span>
          {error}
        </p>
      ) : null}
      <div className={inline ? "pw-choice__options pw-choice__options--inline" : "pw-choice__options"}>
        {choices.map((c, i) => {
          const controlId = i === 0 ? id : `${id}-${c.value}`;
          return (
            <div key={c.value} className="utrecht-form-field utrecht-form-field--radio pw-choice__option">
              <div className="utrecht-form-field__input">
                <input
                  type="radio"
                  id={controlId}
                  name={name}
                  value={c.value}
                  checked={value === c.value}
                  required={required}
                  aria-invalid={error ? true : undefined}
                  onChange={() => onChange(c.value)}
                  className={["utrecht-radio-button", "utrecht-radio-button--html-input", error ? "utrecht-radio-button--invalid" : ""].filter(Boolean).join(" ")}
                />
              </div>
              <div className="utrecht-form-field__label">
                <label className="utrecht-form-label utrecht-form-label--radio" htmlFor={controlId}>{c.label}</label>
              </div>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
