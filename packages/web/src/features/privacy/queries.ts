import { useQuery } from "@tanstack/react-query";
import { api } from "../../api/endpoints.ts";
import { keys } from "../../api/queryKeys.ts";

/** The family's correction history (AVG art. 16), newest first. */
export function useCorrections(familyId: string) {
  return useQuery({ queryKey: keys.corrections(familyId), queryFn: () => api.corrections(familyId) });
}

/** The family's AVG register. */
export function usePrivacyRequests(familyId: string) {
  return useQuery({ queryKey: keys.privacyRequests(familyId), queryFn: () => api.privacyRequests(familyId) });
}
