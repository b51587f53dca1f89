import type { Family, ReferralDecision, Trajectory } from "@ploegwerk/domain";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Alert } from "../../components/Alert.tsx";
import { Section } from "../../components/Page.tsx";
import { useFormat } from "../../i18n/format.ts";
import { DecisionForm } from "./DecisionForm.tsx";
import { useTrajectoryLabels } from "./labels.ts";

/** Go/no-go: the recorded decision with the introductiegesprek, or the form while the aanmelding is open. */
export function DecisionSection({ trajectory, family, canDecide, onStale }: { trajectory: Trajectory; family: Family; canDecide: boolean; onStale: () => void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const labels = useTrajectoryLabels();
  const [justDecided, setJustDecided] = useState<ReferralDecision | null>(null);
  const d = trajectory.decision;

  function decided(decision: ReferralDecision) {
    setJustDecided(decision);
    // The form is replaced by the decision: bring the reader to the section's heading.
    requestAnimationFrame(() => document.getElementById("decision-heading")?.focus());
  }

  return (
    <Section id="decision" title={t("decision.title")}>
      <div role="status" aria-live="polite">
        {justDecided ? <Alert type="ok"><p className="utrecht-paragraph">{t(`decision.saved.${justDecided}`)}</p></Alert> : null}
      </div>
      {d ? (
        <dl className="utrecht-data-list utrecht-data-list--rows pw-facts">
          <div className="utrecht-data-list__item pw-facts__item">
            <dt className="utrecht-data-list__item-key">{t("decision.decision")}</dt>
            <dd className="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd"><strong>{t(`decision.choices.${d.decision}`)}</strong></dd>
          </div>
          <div className="utrecht-data-list__item pw-facts__item">
            <dt className="utrecht-data-list__item-key">{t("decision.on")}</dt>
            <dd className="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd">{fmt.date(d.on)}</dd>
          </div>
          {d.reason ? (
            <div className="utrecht-data-list__item pw-facts__item">
              <dt className="utrecht-data-list__item-key">{t("decision.reason")}</dt>
              <dd className="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd pw-prewrap">{d.reason}</dd>
            </div>
          ) : null}
          {trajectory.introduction ? (
            <div className="utrecht-data-list__item pw-facts__item">
              <dt className="utrecht-data-list__item-key">{t("decision.introduction")}</dt>
              <dd className="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd">
                {labels.dateTime(trajectory.introduction.at)}
                {trajectory.introduction.place ? `, ${trajectory.introduction.place}` : ""}
              </dd>
            </div>
          ) : null}
        </dl>
      ) : canDecide && trajectory.phase === "referral" ? (
        <DecisionForm trajectory={trajectory} family={family} onStale={onStale} onDecided={decided} />
      ) : (
        <p className="utrecht-paragraph">{t("decision.notYet")}</p>
      )}
    </Section>
  );
}
