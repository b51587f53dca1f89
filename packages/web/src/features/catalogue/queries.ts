import { useQuery } from "@tanstack/react-query";
import { api } from "../../api/endpoints.ts";
import { keys } from "../../api/queryKeys.ts";
import { useInstruments } from "../measurements/queries.ts";
import { useFormat } from "../../i18n/format.ts";

export function useInterventionSearch(query: Record<string, string | number | undefined>, enabled = true) {
  return useQuery({ queryKey: keys.interventions(query), queryFn: () => api.interventions(query), enabled, placeholderData: (previous) => previous });
}

export function useIntervention(id: string | undefined) {
  return useQuery({ queryKey: keys.intervention(id ?? ""), queryFn: () => api.intervention(id ?? ""), enabled: Boolean(id), staleTime: 60_000 });
}

export function useInterventionEvidence(id: string, enabled: boolean) {
  return useQuery({ queryKey: keys.interventionEvidence(id), queryFn: () => api.interventionEvidence(id), enabled });
}

/**
 * The leefgebieden an entry may address: the domains of the organisation's instruments, each key
 * once, with its label in the user's language (the first instrument that has the key names it).
 */
export function useLeefgebieden(): { options: { key: string; label: string }[]; label: (key: string) => string; isPending: boolean } {
  const instruments = useInstruments();
  const fmt = useFormat();
  const byKey = new Map<string, string>();
  // ploeg-9 first: the organisation's own leefgebieden lead, the other instruments add theirs.
  const ordered = [...(instruments.data?.items ?? [])].sort((a, b) => (a.key === "ploeg-9" ? -1 : b.key === "ploeg-9" ? 1 : a.key.localeCompare(b.key)));
  for (const d of ordered) for (const dom of d.domains) if (!byKey.has(dom.key)) byKey.set(dom.key, fmt.text(dom.label));
  return {
    options: [...byKey.entries()].map(([key, label]) => ({ key, label })),
    label: (key) => byKey.get(key) ?? key,
    isPending: instruments.isPending,
  };
}
