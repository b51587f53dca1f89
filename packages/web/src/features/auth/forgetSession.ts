import type { QueryClient } from "@tanstack/react-query";
import { keys } from "../../api/queryKeys.ts";

/**
 * After logging out: the session becomes null for every component that shows it (header, menu),
 * then everything cached for the old user goes. In this order because `clear()` first would drop
 * the session query under components that do not re-render, leaving the old user in the header.
 */
export function forgetSession(queryClient: QueryClient): void {
  queryClient.setQueryData(keys.session, null);
  queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== keys.session[0] });
}
