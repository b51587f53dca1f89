import { useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../api/endpoints.ts";
import { keys } from "../../api/queryKeys.ts";

export function useClosing(trajectoryId: string) {
  return useQuery({ queryKey: keys.closing(trajectoryId), queryFn: () => api.closingRecord(trajectoryId) });
}

export function useAftercareCheckins(trajectoryId: string, enabled: boolean) {
  return useQuery({ queryKey: keys.aftercareCheckins(trajectoryId), queryFn: () => api.aftercareCheckins(trajectoryId), enabled });
}

/** After a change: the closing record or check-ins, the trajectory (its guards read them) and the caseload signals. */
export function useRefreshClosing(trajectoryId: string) {
  const queryClient = useQueryClient();
  return async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: keys.closing(trajectoryId) }),
      queryClient.invalidateQueries({ queryKey: keys.aftercareCheckins(trajectoryId) }),
    ]);
    void queryClient.invalidateQueries({ queryKey: keys.trajectory(trajectoryId), exact: true });
    void queryClient.invalidateQueries({ queryKey: keys.caseloadOverviewAll });
  };
}
