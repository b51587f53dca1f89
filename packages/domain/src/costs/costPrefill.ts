import { ratio, roundHalfUp } from "../outcomes/ratio.ts";

/*
 * A catalogue entry states its cost per participant, per family, per group per year, or free
 * (interventions.cost_cents / cost_unit). When a cost line is booked for that entry, the form fills
 * in the family's share as a suggestion; the person booking can change it.
 */

export interface CatalogueCost {
  costCents: number | null;
  costUnit: string | null;
}

export interface PrefillContext {
  /** Family members taking part, for a cost per participant (default 1). */
  participants?: number;
  /** Families in the group, for a group cost per year; without it there is no suggestion. */
  groupSize?: number;
}

export type CostPrefill =
  | { kind: "amount"; amountCents: number }
  /** A group cost needs the group's size before it can be shared out. */
  | { kind: "needsGroupSize"; groupCostCents: number }
  /** Free, or the catalogue gives no cost. */
  | { kind: "none" };

const positiveInt = (n: number | undefined, fallback: number | null): number | null => (n === undefined ? fallback : Number.isInteger(n) && n > 0 ? n : null);

/** The family's share of a catalogue entry's cost, in cents. */
export function prefillCost(entry: CatalogueCost, ctx: PrefillContext = {}): CostPrefill {
  const cents = entry.costCents;
  if (cents === null || !Number.isSafeInteger(cents) || cents <= 0) return { kind: "none" };
  switch (entry.costUnit) {
    case "per_family":
      return { kind: "amount", amountCents: cents };
    case "per_participant": {
      const n = positiveInt(ctx.participants, 1);
      return n === null ? { kind: "none" } : { kind: "amount", amountCents: cents * n };
    }
    case "per_group_per_year": {
      const size = positiveInt(ctx.groupSize, null);
      return size === null ? { kind: "needsGroupSize", groupCostCents: cents } : { kind: "amount", amountCents: roundHalfUp(ratio(cents, size), 0) };
    }
    default:
      return { kind: "none" };
  }
}
