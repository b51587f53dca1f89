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

/** The roles that work the families of their teams. */
export const TEAM_ROLES = ["coach", "teamleider", "ondersteuning"] as const satisfies readonly Role[];
/** The roles that see the organisation's aggregated outcomes. */
export const OUTCOME_ROLES = ["coach", "teamleider", "ondersteuning", "analist", "beheerder"] as const satisfies readonly Role[];

const isOneOf = (roles: readonly Role[], role: Role) => roles.includes(role);

/** What each role may do in the web app; the server enforces the same rules. */
export const can = {
  seeFamilies: (role: Role) => isOneOf(TEAM_ROLES, role),
  editFamilies: (role: Role) => role === "coach" || role === "teamleider",
  seeOutcomes: (role: Role) => isOneOf(OUTCOME_ROLES, role),
  manageUsers: (role: Role) => role === "beheerder",
  /** The list of chain partner organisations: the beheerder and team leads keep it. */
  managePartners: (role: Role) => role === "beheerder" || role === "teamleider",
  /** A ketenpartner sees only what families shared with their organisation. */
  seeShared: (role: Role) => role === "ketenpartner",
  /** Opening a file outside one's teams in an emergency (noodtoegang). */
  breakGlass: (role: Role) => role === "teamleider",
  reviewBreakGlass: (role: Role) => role === "beheerder" || role === "teamleider",
  /** The "wat werkt" catalogue: every role reads it; team lead, ondersteuning and beheerder keep it. */
  manageCatalogue: (role: Role) => role === "teamleider" || role === "ondersteuning" || role === "beheerder",
  /** Practice-based evidence is an outcome figure: the roles that see outcomes. */
  seeCatalogueEvidence: (role: Role) => isOneOf(OUTCOME_ROLES, role),
};

/** Where a user lands after logging in. */
export function homePath(role: Role): string {
  switch (role) {
    case "beheerder":
      return "/beheer/gebruikers";
    case "ketenpartner":
      return "/gedeeld";
    case "analist":
      return "/uitkomsten";
    case "onderzoeker":
      return "/onderzoek";
    default:
      return "/";
  }
}
