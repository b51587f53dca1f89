import type { Family, Trajectory } from "@ploegwerk/domain";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { NavLink } from "react-router";
import { api } from "../../api/endpoints.ts";
import { keys } from "../../api/queryKeys.ts";
import { useTrajectoryOf } from "./queries.ts";

/** The trajectory and its family, for pages under /trajecten/:trajectoryId/…. */
export function useTrajectoryAndFamily(trajectoryId: string) {
  const trajectory = useTrajectoryOf(trajectoryId);
  const familyId = trajectory.data?.familyId ?? "";
  const family = useQuery({ queryKey: keys.family(familyId), queryFn: () => api.family(familyId), enabled: familyId !== "" });
  return {
    trajectory: trajectory.data,
    family: family.data,
    isPending: trajectory.isPending || family.isPending,
    error: trajectory.error ?? family.error ?? null,
    retry: () => {
      void trajectory.refetch();
      if (familyId) void family.refetch();
    },
  };
}

/**
 * The trajectory's work pages, above each of them: the trajectory itself, the gezinsplan, the
 * MDO's, the weekoverzichten, afronding and nazorg, EKC/opschaling/dwang en drang, and the family file. The current page is
 * marked with aria-current.
 */
export function BackLinks({ trajectory, family }: { trajectory: Trajectory; family: Family }) {
  const { t } = useTranslation();
  const base = `/trajecten/${trajectory.id}`;
  const links: [string, string, boolean][] = [
    [base, t("plan.nav.trajectory"), true],
    [`${base}/gezinsplan`, t("plan.nav.plan"), false],
    [`${base}/mdo`, t("plan.nav.meetings"), false],
    [`${base}/weekoverzichten`, t("plan.nav.weeklyReports"), true],
    [`${base}/afronding`, t("plan.nav.closing"), true],
    [`${base}/ekc-opschaling-drang`, t("plan.nav.registers"), true],
    [`/gezinnen/${family.id}`, t("plan.backToFamily", { caseNumber: family.caseNumber }), true],
  ];
  return (
    <nav className="pw-back-links pw-no-print" aria-label={t("plan.nav.label", { caseNumber: family.caseNumber })}>
      <ul>
        {links.map(([to, label, end]) => (
          <li key={to}>
            <NavLink to={to} end={end} className={({ isActive }) => ["utrecht-link", "utrecht-link--html-a", isActive ? "pw-back-links__current" : ""].filter(Boolean).join(" ")}>
              {label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
