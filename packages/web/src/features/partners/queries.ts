import { useQuery } from "@tanstack/react-query";
import { api } from "../../api/endpoints.ts";
import { keys } from "../../api/queryKeys.ts";

/** The registered chain partner organisations (team roles and beheerder may read them). */
export function usePartnerOrganisations(enabled = true) {
  return useQuery({ queryKey: keys.partnerOrganisations, queryFn: api.partnerOrganisations, enabled, staleTime: 60_000 });
}
