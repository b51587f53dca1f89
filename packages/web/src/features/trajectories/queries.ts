import type { Trajectory } from "@ploegwerk/domain";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../api/endpoints.ts";
import { keys } from "../../api/queryKeys.ts";

export function useFamilyTrajectories(familyId: string) {
  return useQuery({ queryKey: keys.familyTrajectories(familyId), queryFn: () => api.familyTrajectories(familyId) });
}

export function useTrajectory(trajectoryId: string) {
  return useQuery({ queryKey: keys.trajectory(trajectoryId), queryFn: () => api.trajectory(trajectoryId) });
}

/** The open trajectory of a family, else the most recent one; null when there is none. */
export function currentTrajectory(items: readonly Trajectory[]): Trajectory | null {
  const open = items.find((t) => t.phase !== "closed");
  if (open) return open;
  return [...items].sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0] ?? null;
}

/** After any change: the answer is the new trajectory; the family file and caseload show it too. */
export function useStoreTrajectory() {
  const queryClient = useQueryClient();
  return (saved: Trajectory) => {
    queryClient.setQueryData(keys.trajectory(saved.id), saved);
    void queryClient.invalidateQueries({ queryKey: keys.familyTrajectories(saved.familyId) });
    void queryClient.invalidateQueries({ queryKey: keys.family(saved.familyId), exact: true });
    void queryClient.invalidateQueries({ queryKey: keys.familiesAll });
  };
}

/** The family of a trajectory, once the trajectory (and so the family id) is known. */
export function useTrajectoryFamily(familyId: string | undefined) {
  return useQuery({ queryKey: keys.family(familyId ?? ""), queryFn: () => api.family(familyId ?? ""), enabled: Boolean(familyId) });
}
