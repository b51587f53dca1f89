import type { PlanContent } from "@ploegwerk/domain";
import { usePlanOverview, usePlanVersion } from "../plans/queries.ts";
import { workingContentOf } from "../plans/workingContent.ts";

/** The plan an MDO works with: the latest version with the effective statuses; null while there is no plan. */
export function useWorkingPlan(trajectoryId: string): { content: PlanContent | null; latestSigned: boolean; isPending: boolean } {
  const overview = usePlanOverview(trajectoryId);
  const latest = usePlanVersion(trajectoryId, overview.data?.latest ?? null);
  const none = overview.data !== undefined && overview.data.latest === null;
  return {
    content: latest.data ? workingContentOf(latest.data) : null,
    latestSigned: latest.data?.status === "definitive",
    isPending: overview.isPending || (!none && latest.isPending),
  };
}
