import { useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../api/endpoints.ts";
import { keys } from "../../api/queryKeys.ts";

export function useMeetings(trajectoryId: string) {
  return useQuery({ queryKey: keys.meetings(trajectoryId), queryFn: () => api.meetings(trajectoryId) });
}

/** One MDO, read from the trajectory's list (one request serves the list and every meeting page). */
export function useMeeting(trajectoryId: string, meetingId: string) {
  const list = useMeetings(trajectoryId);
  return { ...list, meeting: list.data?.items.find((m) => m.id === meetingId) };
}

/** After a change to an MDO: the meetings, and the plan (a held MDO's agreements become actions). */
export function useRefreshMeetings(trajectoryId: string) {
  const queryClient = useQueryClient();
  return async () => {
    await queryClient.invalidateQueries({ queryKey: keys.meetings(trajectoryId) });
    void queryClient.invalidateQueries({ queryKey: keys.plan(trajectoryId) });
    void queryClient.invalidateQueries({ queryKey: keys.caseloadOverviewAll });
  };
}
