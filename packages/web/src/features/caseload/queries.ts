import { useQuery } from "@tanstack/react-query";
import { api } from "../../api/endpoints.ts";
import { keys } from "../../api/queryKeys.ts";

/** The caseload overview of the user's own team; with a coach id only that coach's families. */
export function useCaseloadOverview(coachId: string) {
  return useQuery({
    queryKey: keys.caseloadOverview(coachId),
    queryFn: () => api.caseloadOverview(coachId ? { coachId } : {}),
  });
}
