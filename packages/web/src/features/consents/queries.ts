import { useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../api/endpoints.ts";
import { keys } from "../../api/queryKeys.ts";

export function useConsents(familyId: string) {
  return useQuery({ queryKey: keys.consents(familyId), queryFn: () => api.consents(familyId) });
}

export function useSharingOverview(familyId: string) {
  return useQuery({ queryKey: keys.sharing(familyId), queryFn: () => api.sharingOverview(familyId) });
}

/** After a consent is recorded, changed or withdrawn: the list and "wie kan wat zien". */
export function useRefreshConsents(familyId: string) {
  const queryClient = useQueryClient();
  return async () => {
    await queryClient.invalidateQueries({ queryKey: keys.consents(familyId) });
    void queryClient.invalidateQueries({ queryKey: keys.sharing(familyId) });
    void queryClient.invalidateQueries({ queryKey: keys.accessHistory(familyId) });
  };
}
