import { useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../api/endpoints.ts";
import { keys } from "../../api/queryKeys.ts";

export function usePlanOverview(trajectoryId: string) {
  return useQuery({ queryKey: keys.plan(trajectoryId), queryFn: () => api.planOverview(trajectoryId) });
}

export function usePlanVersion(trajectoryId: string, number: number | null) {
  return useQuery({
    queryKey: keys.planVersion(trajectoryId, number ?? 0),
    queryFn: () => api.planVersion(trajectoryId, number ?? 0),
    enabled: number !== null && number > 0,
  });
}

export function usePlanDiff(trajectoryId: string, from: number | null, to: number | null) {
  return useQuery({
    queryKey: keys.planDiff(trajectoryId, from ?? 0, to ?? 0),
    queryFn: () => api.planDiff(trajectoryId, from ?? 0, to ?? 0),
    enabled: from !== null && to !== null && from > 0 && to > 0 && from !== to,
  });
}

/** The trajectory (for the family id and phase); the same cache entry as the trajectory pages use. */
export function useTrajectoryOf(trajectoryId: string) {
  return useQuery({ queryKey: keys.trajectory(trajectoryId), queryFn: () => api.trajectory(trajectoryId) });
}

/**
 * After a change to the plan: every plan query of the trajectory, the trajectory itself (a signed
 * plan opens the way to uitvoering) and the caseload overview's signals.
 */
export function useRefreshPlan(trajectoryId: string) {
  const queryClient = useQueryClient();
  return async () => {
    await queryClient.invalidateQueries({ queryKey: keys.plan(trajectoryId) });
    void queryClient.invalidateQueries({ queryKey: keys.trajectory(trajectoryId), exact: true });
    void queryClient.invalidateQueries({ queryKey: keys.meetings(trajectoryId) });
    void queryClient.invalidateQueries({ queryKey: keys.caseloadOverviewAll });
  };
}
