import type { PlanContent } from "@ploegwerk/domain";
import { useWorkingPlan } from "../meetings/useWorkingPlan.ts";
import { usePlanOverview } from "../plans/queries.ts";

export interface ConferencePlan {
  /** The latest version with the effective statuses (what the server adds to); null while there is no plan. */
  content: PlanContent | null;
  /** The number of the latest version; null while there is no plan. */
  latest: number | null;
  /** The latest version is signed: agreements make a new concept (latest + 1). */
  latestSigned: boolean;
  /** The phase allows writing the plan. */
  editable: boolean;
  /** Ids of the actions in the latest version: an agreement with such an id is in the gezinsplan already. */
  actionIds: ReadonlySet<string>;
  isPending: boolean;
}

/** The gezinsplan as far as the network plan's agreements are concerned. */
export function useConferencePlan(trajectoryId: string): ConferencePlan {
  const overview = usePlanOverview(trajectoryId);
  const working = useWorkingPlan(trajectoryId);
  return {
    content: working.content,
    latest: overview.data?.latest ?? null,
    latestSigned: working.latestSigned,
    editable: overview.data?.editable ?? false,
    actionIds: new Set((working.content?.goals ?? []).flatMap((g) => g.actions.map((a) => a.id))),
    isPending: working.isPending,
  };
}
