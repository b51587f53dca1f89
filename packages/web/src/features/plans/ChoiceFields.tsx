import { CheckboxField } from "../../components/CheckboxField.tsx";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

export interface Option<V extends string> {
  value: V;
  label: ReactNode;
  hint?: ReactNode;
}

interface GroupShell {
  id: string;
  legend: ReactNode;
  description?: ReactNode;
  error?: string | undefined;
  required?: boolean;
  inline?: boolean;
  children: ReactNode;
}

/** fieldset + legend + description + error for a group of radios or checkboxes (utrecht-form-fieldset). */
function Group({ id, legend, description, error, required = false, inline = false, children }: GroupShell) {
  const { t } = useTranslation();
  const descriptionId = description ? `${id}-description` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <fieldset
      className={["utrecht-form-fieldset", "utrecht-form-fieldset--html-fieldset", "pw-options", error ? "utrecht-form-fieldset--invalid pw-options--invalid" : ""].filter(Boolean).join(" ")}
      aria-describedby={[errorId, descriptionId].filter(Boolean).join(" ") || undefined}
    >
      <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend pw-options__legend">
        {legend}
        {required ? null : <span className="pw-optional"> ({t("form.optional")})</span>}
      </legend>
      {description ? <p className="utrecht-form-field-description pw-options__description" id={descriptionId}>{description}</p> : null}
      {error ? (
        <p className="utrecht-form-field-error-message pw-options__error" id={errorId}>
          <span className="pw-visually-hidden">{t("form.errorPrefix")} </span>
          {error}
        </p>
      ) : null}
      <div className={inline ? "pw-options__list pw-options__list--inline" : "pw-options__list"}>{children}</div>
    </fieldset>
  );
}

/**
 * Radios in a fieldset. The first radio carries `id`, so an error summary can jump to the group;
 * arrow keys move between the choices.
 */
export function RadioGroup<V extends string>({ id, name, legend, description, error, options, value, onChange, required = true, inline = false, disabled = false }: {
  id: string;
  name: string;
  legend: ReactNode;
  description?: ReactNode;
  error?: string | undefined;
  options: readonly Option<V>[];
  value: V | "";
  onChange: (value: V) => void;
  required?: boolean;
  inline?: boolean;
  disabled?: boolean;
}) {
  return (
    <Group id={id} legend={legend} description={description} error={error} required={required} inline={inline}>
      {options.map((o, i) => {
        const controlId = i === 0 ? id : `${id}-${o.value}`;
        return (
          <div key={o.value} className="utrecht-form-field utrecht-form-field--radio pw-option">
            <div className="utrecht-form-field__input">
              <input
                type="radio"
                id={controlId}
                name={name}
                value={o.value}
                checked={value === o.value}
                disabled={disabled}
                aria-invalid={error ? true : undefined}
                onChange={() => onChange(o.value)}
                className={["utrecht-radio-button", "utrecht-radio-button--html-input", error ? "utrecht-radio-button--invalid" : ""].filter(Boolean).join(" ")}
              />
            </div>
            <div className="utrecht-form-field__label">
              <label className="utrecht-form-label utrecht-form-label--radio" htmlFor={controlId}>
                {o.label}
                {o.hint ? <span className="pw-option__hint">{o.hint}</span> : null}
              </label>
            </div>
          </div>
        );
      })}
    </Group>
  );
}

/** Checkboxes in a fieldset for picking several values; the first carries `id`. */
export function CheckboxGroup<V extends string>({ id, legend, description, error, options, values, onChange, required = false, inline = false }: {
  id: string;
  legend: ReactNode;
  description?: ReactNode;
  error?: string | undefined;
  options: readonly Option<V>[];
  values: readonly V[];
  onChange: (values: V[]) => void;
  required?: boolean;
  inline?: boolean;
}) {
  const toggle = (v: V, on: boolean) => onChange(on ? [...values.filter((x) => x !== v), v] : values.filter((x) => x !== v));
  return (
    <Group id={id} legend={legend} description={description} error={error} required={required} inline={inline}>
      {options.map((o, i) => {
        const controlId = i === 0 ? id : `${id}-${o.value}`;
        return (
          <div key={o.value} className="utrecht-form-field utrecht-form-field--checkbox pw-option">
            <div className="utrecht-form-field__input">
              <input
                type="checkbox"
                id={controlId}
                checked={values.includes(o.value)}
                aria-invalid={error ? true : undefined}
                onChange={(e) => toggle(o.value, e.target.checked)}
                className={["utrecht-checkbox", "utrecht-checkbox--html-input", error ? "utrecht-checkbox--invalid" : ""].filter(Boolean).join(" ")}
              />
            </div>
            <div className="utrecht-form-field__label">
              <label className="utrecht-form-label utrecht-form-label--checkbox" htmlFor={controlId}>
                {o.label}
                {o.hint ? <span className="pw-option__hint">{o.hint}</span> : null}
              </label>
            </div>
          </div>
        );
      })}
    </Group>
  );
}

/** One checkbox on its own, laid out like the options of a group. */
export function Checkbox(props: { id: string; label: ReactNode; description?: ReactNode; checked: boolean; onChange: (checked: boolean) => void; error?: string | undefined }) {
  return <CheckboxField {...props} className="pw-option pw-option--single" />;
}
