import type { InstrumentDefinition, Measurement } from "@ploegwerk/domain";
import { useQuery } from "@tanstack/react-query";
import { api } from "../../api/endpoints.ts";
import { keys } from "../../api/queryKeys.ts";

export function useInstruments() {
  return useQuery({ queryKey: keys.instruments, queryFn: api.instruments, staleTime: 30 * 60_000 });
}

/** The definition a measurement was taken with: from the list when it is the newest version, else fetched. */
export function useInstrumentDefinition(key: string | undefined, version: number | undefined) {
  const list = useInstruments();
  const fromList = list.data?.items.find((d) => d.key === key && (version === undefined || d.version === version));
  const exact = useQuery({
    queryKey: ["instrument", key, version],
    queryFn: () => api.instrumentVersion(key ?? "", version ?? 1),
    enabled: Boolean(key && version !== undefined && list.data && !fromList),
    staleTime: Infinity,
  });
  const data: InstrumentDefinition | undefined = fromList ?? exact.data;
  return { data, isPending: list.isPending || (!fromList && exact.isPending && exact.fetchStatus !== "idle"), error: list.error ?? exact.error };
}

export function useMeasurements(familyId: string) {
  return useQuery({ queryKey: keys.measurements(familyId), queryFn: () => api.measurements(familyId) });
}

export function useMeasurement(familyId: string, measurementId: string | undefined) {
  return useQuery({
    queryKey: keys.measurement(familyId, measurementId ?? "new"),
    queryFn: () => api.measurement(familyId, measurementId ?? ""),
    enabled: Boolean(measurementId),
  });
}

/** Measurements of one instrument for the family as a whole (memberId null) or one member. */
export interface MeasurementGroup {
  instrumentKey: string;
  memberId: string | null;
  items: Measurement[];
}

export function groupMeasurements(items: readonly Measurement[]): MeasurementGroup[] {
  const groups = new Map<string, MeasurementGroup>();
  for (const m of items) {
    const id = `${m.instrument.key}|${m.memberId ?? ""}`;
    let g = groups.get(id);
    if (!g) groups.set(id, (g = { instrumentKey: m.instrument.key, memberId: m.memberId, items: [] }));
    g.items.push(m);
  }
  for (const g of groups.values()) g.items.sort((a, b) => a.round - b.round);
  return [...groups.values()];
}

/** The next free round (meting) for an instrument and member, 0 when there is none yet. */
export function nextRound(items: readonly Measurement[], instrumentKey: string, memberId: string | null): number {
  const taken = new Set(items.filter((m) => m.instrument.key === instrumentKey && m.memberId === memberId).map((m) => m.round));
  let round = 0;
  while (taken.has(round)) round++;
  return round;
}
