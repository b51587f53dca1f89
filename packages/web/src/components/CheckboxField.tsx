import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

/** One checkbox with its label to the right, an optional description and an error message. */
export function CheckboxField({ id, label, description, error, checked, onChange, className = "pw-checkbox" }: {
  id: string;
  /** Layout class of the field (pw-checkbox stacked in a form; pw-option in a group of options). */
  className?: string;
  label: ReactNode;
  description?: ReactNode;
  error?: string | undefined;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  const { t } = useTranslation();
  const descriptionId = description ? `${id}-description` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className={["utrecht-form-field", "utrecht-form-field--checkbox", "utrecht-form-field--distanced", className, error ? "utrecht-form-field--invalid" : ""].filter(Boolean).join(" ")}>
      <div className="utrecht-form-field__input">
        <input
          type="checkbox"
          id={id}
          checked={checked}
          aria-invalid={error ? true : undefined}
          aria-describedby={[errorId, descriptionId].filter(Boolean).join(" ") || undefined}
          onChange={(e) => onChange(e.target.checked)}
          className={["utrecht-checkbox", "utrecht-checkbox--html-input", error ? "utrecht-checkbox--invalid" : ""].filter(Boolean).join(" ")}
        />
      </div>
      <div className="utrecht-form-field__label">
        <label className="utrecht-form-label utrecht-form-label--checkbox" htmlFor={id}>{label}</label>
      </div>
      {description ? <div className="utrecht-form-field-description utrecht-form-field__description" id={descriptionId}>{description}</div> : null}
      {error ? (
        <div className="utrecht-form-field-error-message utrecht-form-field__error-message" id={errorId}>
          <span className="pw-visually-hidden">{t("form.errorPrefix")} </span>
          {error}
        </div>
      ) : null}
    </div>
  );
}
