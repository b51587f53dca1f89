import { useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../api/endpoints.ts";
import { keys } from "../../api/queryKeys.ts";

export function useWeeklyReports(trajectoryId: string) {
  return useQuery({ queryKey: keys.weeklyReports(trajectoryId), queryFn: () => api.weeklyReports(trajectoryId) });
}

/** After writing a weekoverzicht: the list (and its missing weeks) and the caseload overview's signals. */
export function useRefreshWeeklyReports(trajectoryId: string) {
  const queryClient = useQueryClient();
  return async () => {
    await queryClient.invalidateQueries({ queryKey: keys.weeklyReports(trajectoryId) });
    void queryClient.invalidateQueries({ queryKey: keys.caseloadOverviewAll });
  };
}
