import type { Family, Trajectory } from "@ploegwerk/domain";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n/format.ts";
import { useTrajectoryLabels } from "./labels.ts";

/** The facts at a glance: phase and days in it, coach, aanmelder, urgency. */
export function TrajectoryOverview({ trajectory, family }: { trajectory: Trajectory; family: Family | undefined }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const labels = useTrajectoryLabels();
  const r = trajectory.referral;
  const rows: [string, string][] = [
    [t("trajectory.phase"), labels.phase(trajectory.phase)],
    [t("trajectory.daysInPhaseLabel"), t("trajectory.daysInPhase", { count: trajectory.daysInPhase, since: fmt.date(trajectory.phaseSince) })],
    [t("family.coach"), family ? family.coachName ?? t("family.noCoach") : "…"],
    [t("referral.referrer"), `${r.referrerOrganisation} (${labels.referrerKind(r.referrerKind)})`],
    [t("referral.urgency"), labels.urgency(r.urgency)],
    [t("referral.coercion"), labels.coercion(r.coercion)],
  ];
  return (
    <dl className="utrecht-data-list utrecht-data-list--rows pw-facts pw-facts--three">
      {rows.map(([key, value]) => (
        <div key={key} className="utrecht-data-list__item pw-facts__item">
          <dt className="utrecht-data-list__item-key">{key}</dt>
          <dd className="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
