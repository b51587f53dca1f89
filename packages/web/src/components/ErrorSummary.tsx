import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";

export interface SummaryError {
  /** Id of the control to jump to. */
  target: string;
  message: string;
}

/**
 * The list of errors above a form after a failed submit. Receives focus when it appears;
 * every item links to its field.
 */
export function ErrorSummary({ errors, focusKey }: { errors: SummaryError[]; focusKey: number }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // Runs on every submit attempt (focusKey), not on every change of the list while the user corrects it.
    if (errors.length > 0) ref.current?.focus();
  }, [focusKey]); // errors.length deliberately left out
  if (errors.length === 0) return null;
  return (
    <div ref={ref} tabIndex={-1} role="alert" className="utrecht-alert utrecht-alert--error pw-alert pw-error-summary" aria-labelledby="error-summary-heading">
      <div className="utrecht-alert__content">
        <div className="utrecht-alert__message">
          <h2 className="utrecht-heading-3" id="error-summary-heading">
            {t("form.errorSummary", { count: errors.length })}
          </h2>
          <ul className="utrecht-unordered-list">
            {errors.map((e) => (
              <li key={`${e.target}-${e.message}`} className="utrecht-unordered-list__item">
                <a
                  className="utrecht-link utrecht-link--html-a"
                  href={`#${e.target}`}
                  onClick={(event) => {
                    const el = document.getElementById(e.target);
                    if (el) {
                      event.preventDefault();
                      el.focus();
                      el.scrollIntoView({ block: "center" });
                    }
                  }}
                >
                  {e.message}
                </a>
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}
