import { useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../api/endpoints.ts";
import { keys } from "../../api/queryKeys.ts";

export function useSharedFamilies() {
  return useQuery({ queryKey: keys.sharedFamilies, queryFn: api.sharedFamilies });
}

/** A family as shared with the ketenpartner's organisation; a 404 means nothing is shared (any more). */
export function useSharedFamily(familyId: string) {
  return useQuery({ queryKey: keys.sharedFamily(familyId), queryFn: () => api.sharedFamily(familyId), retry: false });
}

/** After the ketenpartner changed an action's status: the family and the list's open-action counts. */
export function useRefreshShared() {
  const queryClient = useQueryClient();
  return async () => {
    await queryClient.invalidateQueries({ queryKey: keys.sharedAll });
  };
}
