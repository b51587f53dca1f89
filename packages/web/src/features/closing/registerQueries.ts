import { useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../api/endpoints.ts";
import { keys } from "../../api/queryKeys.ts";

export function useFamilyGroupConferences(trajectoryId: string) {
  return useQuery({ queryKey: keys.familyGroupConferences(trajectoryId), queryFn: () => api.familyGroupConferences(trajectoryId) });
}

export function useEscalations(trajectoryId: string) {
  return useQuery({ queryKey: keys.escalations(trajectoryId), queryFn: () => api.escalations(trajectoryId) });
}

export function useLeverages(trajectoryId: string) {
  return useQuery({ queryKey: keys.leverages(trajectoryId), queryFn: () => api.leverages(trajectoryId) });
}

export function useRefreshKey() {
  const queryClient = useQueryClient();
  return (key: readonly unknown[]) => queryClient.invalidateQueries({ queryKey: key });
}
