import { ACTION_STATUS_LABELS, SIGNATURE_METHOD_LABELS, type ActionStatus, type InstrumentDefinition } from "@ploegwerk/domain";
import { useFormat } from "../../i18n/format.ts";
import { useInstrumentDefinition, useInstruments } from "../measurements/queries.ts";

/** Words for the plan's keys: action status, signature method, leefgebied, participatieladder step. */
export function usePlanLabels(instrumentKey: string | undefined) {
  const fmt = useFormat();
  const instrument = useInstrumentDefinition(instrumentKey, undefined);
  const ladder = useInstruments().data?.items.find((d) => d.key === "participatieladder");
  return {
    instrument: instrument.data as InstrumentDefinition | undefined,
    status: (s: ActionStatus) => fmt.text(ACTION_STATUS_LABELS[s]),
    method: (m: "paper" | "screen") => fmt.text(SIGNATURE_METHOD_LABELS[m]),
    domain(key: string): string {
      const d = instrument.data?.domains.find((x) => x.key === key);
      return d ? fmt.text(d.label) : key;
    },
    /** "3 – Deelname georganiseerde activiteiten". */
    step(n: number): string {
      const v = ladder?.scale.values.find((x) => x.value === n);
      return v ? `${n} – ${fmt.text(v.label)}` : String(n);
    },
  };
}
export type PlanLabels = ReturnType<typeof usePlanLabels>;
