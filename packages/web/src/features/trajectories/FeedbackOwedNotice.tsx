import type { Trajectory } from "@ploegwerk/domain";
import { useTranslation } from "react-i18next";
import { Alert } from "../../components/Alert.tsx";

/** Terugkoppeling that the referrer is still owed: visible until it is recorded as sent. */
export function FeedbackOwedNotice({ trajectory }: { trajectory: Trajectory }) {
  const { t } = useTranslation();
  if (trajectory.feedbackOwed.length === 0) return null;
  return (
    <Alert type="warning" heading={t("feedback.owedTitle")}>
      <ul className="utrecht-unordered-list pw-compact-list">
        {trajectory.feedbackOwed.map((s) => (
          <li key={s} className="utrecht-unordered-list__item">
            {t(`feedback.owed.${s}`, { referrer: trajectory.referral.referrerOrganisation })}
          </li>
        ))}
      </ul>
    </Alert>
  );
}
