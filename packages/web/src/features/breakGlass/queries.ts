import { useQuery } from "@tanstack/react-query";
import { api } from "../../api/endpoints.ts";
import { keys } from "../../api/queryKeys.ts";

/** Noodtoegang openings: the unreviewed ones, or all (teamleider and beheerder). */
export function useBreakGlassGrants(status: "unreviewed" | "all", enabled = true) {
  return useQuery({ queryKey: keys.breakGlassGrants(status), queryFn: () => api.breakGlassGrants(status), enabled });
}
