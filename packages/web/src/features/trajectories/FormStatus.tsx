import { useTranslation } from "react-i18next";
import { Alert } from "../../components/Alert.tsx";
import type { ActionProblem } from "./actionErrors.ts";

/**
 * Under a small form: the success message in a live region, and an error that is not about one
 * field. Stale conflicts are shown once, at the top of the page.
 */
export function FormStatus({ saved, problem }: { saved: string | null; problem: ActionProblem }) {
  const { t } = useTranslation();
  return (
    <>
      <div role="status" aria-live="polite">
        {saved ? <Alert type="ok"><p className="utrecht-paragraph">{saved}</p></Alert> : null}
      </div>
      {problem.message && !problem.stale ? (
        <Alert type="error" role="alert" heading={t("trajectory.notSaved")}>
          <p className="utrecht-paragraph">{problem.message}</p>
        </Alert>
      ) : null}
    </>
  );
}
