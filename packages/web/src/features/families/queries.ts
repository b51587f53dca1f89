import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { api } from "../../api/endpoints.ts";
import { keys } from "../../api/queryKeys.ts";

export const PAGE_SIZE = 25;

export function useFamilies(q: string, page: number) {
  return useQuery({
    queryKey: keys.families(q, page),
    queryFn: () => api.families({ q: q || undefined, page, pageSize: PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
}

export function useFamily(familyId: string) {
  return useQuery({ queryKey: keys.family(familyId), queryFn: () => api.family(familyId) });
}

export function useTeams() {
  return useQuery({ queryKey: keys.teams, queryFn: api.teams, staleTime: 5 * 60_000 });
}

export function useStaff() {
  return useQuery({ queryKey: keys.staff, queryFn: api.staff, staleTime: 5 * 60_000 });
}
