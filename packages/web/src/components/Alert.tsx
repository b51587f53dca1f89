import { forwardRef, type ReactNode } from "react";

export type AlertType = "info" | "ok" | "warning" | "error";

export interface AlertProps {
  type?: AlertType;
  heading?: ReactNode;
  children?: ReactNode;
  /** "alert" interrupts screen readers; use for errors that appear after an action. */
  role?: "alert" | "status";
  id?: string;
  className?: string;
}

/** utrecht-alert: a coloured block with a message. */
export const Alert = forwardRef<HTMLDivElement, AlertProps>(function Alert(
  { type = "info", heading, children, role, id, className },
  ref,
) {
  return (
    <div
      ref={ref}
      id={id}
      role={role}
      tabIndex={-1}
      className={["utrecht-alert", `utrecht-alert--${type}`, "pw-alert", className].filter(Boolean).join(" ")}
    >
      <div className="utrecht-alert__content">
        <div className="utrecht-alert__message">
          {heading ? <p className="pw-alert__heading">{heading}</p> : null}
          {children}
        </div>
      </div>
    </div>
  );
});
