import type { Me, Role } from "@ploegwerk/domain";
import { useQuery } from "@tanstack/react-query";
import { isApiError } from "../../api/client.ts";
import { api } from "../../api/endpoints.ts";
import { keys } from "../../api/queryKeys.ts";

/** The logged-in user, or null when nobody is logged in. */
export function useSession() {
  return useQuery({
    queryKey: keys.session,
    queryFn: async (): Promise<Me | null> => {
      try {
        return await api.me();
      } catch (error) {
        if (isApiError(error) && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: 5 * 60_000,
    retry: false,
  });
}

/** What each role may do in the web app; the server enforces the same rules. */
export const can = {
  seeFamilies: (role: Role) => role !== "beheerder",
  editFamilies: (role: Role) => role === "coach" || role === "teamleider",
  seeOutcomes: (_role: Role) => true,
  manageUsers: (role: Role) => role === "beheerder",
};

/** Where a user lands after logging in. */
export function homePath(role: Role): string {
  return role === "beheerder" ? "/beheer/gebruikers" : "/";
}
