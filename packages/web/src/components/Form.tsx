import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from "react";
import { useTranslation } from "react-i18next";

/** Turns a field name such as "members.0.bsn" into the id of its control. */
export function fieldId(prefix: string, name: string): string {
  return `${prefix}-${name.replace(/[^A-Za-z0-9_-]/g, "-")}`;
}

interface FieldShellProps {
  id: string;
  label: ReactNode;
  description?: ReactNode | undefined;
  error?: string | undefined;
  required?: boolean | undefined;
  noOptionalMark?: boolean | undefined;
  kind: "text" | "select" | "textarea";
  className?: string | undefined;
  children: (describedBy: string | undefined) => ReactNode;
}

/** Label, description, error message and control of one form field, wired together for assistive technology. */
function FieldShell({ id, label, description, error, required, noOptionalMark, kind, className, children }: FieldShellProps) {
  const { t } = useTranslation();
  const descriptionId = description ? `${id}-description` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [errorId, descriptionId].filter(Boolean).join(" ") || undefined;
  return (
    <div
      className={[
        "utrecht-form-field",
        `utrecht-form-field--${kind}`,
        "utrecht-form-field--distanced",
        error ? "utrecht-form-field--invalid" : "",
        className ?? "",
      ].filter(Boolean).join(" ")}
    >
      <div className="utrecht-form-field__label">
        <label className="utrecht-form-label" htmlFor={id}>
          {label}
          {required || noOptionalMark ? null : <span className="pw-optional"> ({t("form.optional")})</span>}
        </label>
      </div>
      {description ? (
        <div className="utrecht-form-field-description utrecht-form-field__description" id={descriptionId}>
          {description}
        </div>
      ) : null}
      {error ? (
        <div className="utrecht-form-field-error-message utrecht-form-field__error-message" id={errorId}>
          <span className="pw-visually-hidden">{t("form.errorPrefix")} </span>
          {error}
        </div>
      ) : null}
      <div className="utrecht-form-field__input">{children(describedBy)}</div>
    </div>
  );
}

interface CommonFieldProps {
  label: ReactNode;
  description?: ReactNode | undefined;
  error?: string | undefined;
  /** Defaults to a generated id; pass one to link to the field from an error summary. */
  id?: string | undefined;
  fieldClassName?: string | undefined;
  /** Leave out "(niet verplicht)" after the label, e.g. for a search box. */
  noOptionalMark?: boolean | undefined;
}

export type TextFieldProps = CommonFieldProps & Omit<InputHTMLAttributes<HTMLInputElement>, "id">;

export function TextField({ label, description, error, id, fieldClassName, noOptionalMark, className, required, ...input }: TextFieldProps) {
  const generated = useId();
  const controlId = id ?? generated;
  return (
    <FieldShell id={controlId} label={label} description={description} error={error} required={required} noOptionalMark={noOptionalMark} kind="text" className={fieldClassName}>
      {(describedBy) => (
        <input
          {...input}
          id={controlId}
          required={required}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          className={["utrecht-textbox", "utrecht-textbox--html-input", error ? "utrecht-textbox--invalid" : "", className ?? ""].filter(Boolean).join(" ")}
        />
      )}
    </FieldShell>
  );
}

export type SelectFieldProps = CommonFieldProps & Omit<SelectHTMLAttributes<HTMLSelectElement>, "id">;

export function SelectField({ label, description, error, id, fieldClassName, noOptionalMark, className, required, children, ...select }: SelectFieldProps) {
  const generated = useId();
  const controlId = id ?? generated;
  return (
    <FieldShell id={controlId} label={label} description={description} error={error} required={required} noOptionalMark={noOptionalMark} kind="select" className={fieldClassName}>
      {(describedBy) => (
        <select
          {...select}
          id={controlId}
          required={required}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          className={["utrecht-select", "utrecht-select--html-select", error ? "utrecht-select--invalid" : "", className ?? ""].filter(Boolean).join(" ")}
        >
          {children}
        </select>
      )}
    </FieldShell>
  );
}

export type TextareaFieldProps = CommonFieldProps & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "id">;

export function TextareaField({ label, description, error, id, fieldClassName, noOptionalMark, className, required, ...area }: TextareaFieldProps) {
  const generated = useId();
  const controlId = id ?? generated;
  return (
    <FieldShell id={controlId} label={label} description={description} error={error} required={required} noOptionalMark={noOptionalMark} kind="textarea" className={fieldClassName}>
      {(describedBy) => (
        <textarea
          {...area}
          id={controlId}
          required={required}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          className={["utrecht-textarea", "utrecht-textarea--html-textarea", error ? "utrecht-textarea--invalid" : "", className ?? ""].filter(Boolean).join(" ")}
        />
      )}
    </FieldShell>
  );
}

/** A group of related fields with a legend (utrecht-form-fieldset). */
export function Fieldset({ legend, children, className, describedBy }: { legend: ReactNode; children: ReactNode; className?: string; describedBy?: string }) {
  return (
    <fieldset
      className={["utrecht-form-fieldset", "utrecht-form-fieldset--html-fieldset", "pw-fieldset", className].filter(Boolean).join(" ")}
      aria-describedby={describedBy}
    >
      <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{legend}</legend>
      {children}
    </fieldset>
  );
}
