import type { Trajectory } from "@ploegwerk/domain";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/endpoints.ts";
import { Button } from "../../components/Button.tsx";
import { TextField } from "../../components/Form.tsx";
import { todayIso, useFormat } from "../../i18n/format.ts";
import { FormStatus } from "./FormStatus.tsx";
import { ISO_DATE } from "./labels.ts";
import { useFocusServerErrors, useTrajectoryAction } from "./useTrajectoryAction.ts";

const ID = "toestemming-signedOn";

/** The date the family signed the toestemmingsformulier; needed before the gezinsplan phase. */
export function ConsentForm({ trajectory, onStale }: { trajectory: Trajectory; onStale: () => void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [signedOn, setSignedOn] = useState(trajectory.consentSignedOn ?? todayIso());
  const [error, setError] = useState<string | undefined>(undefined);
  const [saved, setSaved] = useState<string | null>(null);
  const { mutation, problem } = useTrajectoryAction((body: { signedOn: string }) => api.recordConsent(trajectory.id, body), {
    onStale,
    onSaved: (s) => setSaved(t("consent.saved", { date: fmt.date(s.consentSignedOn) })),
  });
  useFocusServerErrors(problem, ["signedOn"], () => ID);

  function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(null);
    const found = !ISO_DATE.test(signedOn) ? t("consent.errors.dateRequired") : signedOn > todayIso() ? t("consent.errors.dateFuture") : undefined;
    setError(found);
    if (found) {
      document.getElementById(ID)?.focus();
      return;
    }
    mutation.mutate({ signedOn });
  }

  return (
    <form noValidate onSubmit={submit} className="utrecht-form pw-inline-form pw-traj-form">
      <TextField id={ID} type="date" label={t("consent.signedOn")} required max={todayIso()} description={t("consent.hint")}
        value={signedOn} onChange={(e) => setSignedOn(e.target.value)} error={error ?? problem.fields.signedOn} />
      <Button type="submit" appearance="secondary" busy={mutation.isPending} disabled={mutation.isPending}>
        {mutation.isPending ? t("common.saving") : trajectory.consentSignedOn ? t("consent.change") : t("consent.submit")}
      </Button>
      <div className="pw-inline-form__status">
        <FormStatus saved={saved} problem={problem} />
      </div>
    </form>
  );
}
