import { z } from "zod";
import { Id, IsoDate } from "../contracts/common.ts";
import { DEFAULT_INSTRUMENT_KEY } from "../instruments/builtin/index.ts";
import { COST_LINES } from "./costKinds.ts";
import { HourlyRates } from "./costContract.ts";

/*
 * "Kosten en resultaten": cost per family and per trajectory by wijk or team, per funding source,
 * beside the change in self-reliance and problem domains of the same families.
 */

export const COST_GROUPINGS = ["district", "team"] as const;
export type CostGrouping = (typeof COST_GROUPINGS)[number];

export const CostOutcomeQuery = z
  .object({
    teamId: Id.optional(),
    /** A wijk: its name, or its CBS wijkcode (WK + 6 digits). */
    district: z.string().trim().min(1).max(100).optional(),
    /** Bookings from and to these days (both included). */
    from: IsoDate.optional(),
    to: IsoDate.optional(),
    groupBy: z.enum(COST_GROUPINGS).default("district"),
    instrument: z.string().trim().min(1).max(64).default(DEFAULT_INSTRUMENT_KEY),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: "must not be before 'from'", path: ["to"] });
export type CostOutcomeQuery = z.infer<typeof CostOutcomeQuery>;

const Cents = z.number().int();
/** Null: hidden because it would describe fewer than five families. */
const Shown = <T extends z.ZodType>(t: T) => t.nullable();

export const CostLineCell = z.object({
  line: z.enum(COST_LINES),
  families: Shown(z.number().int()),
  totalCents: Shown(Cents),
  /** Mean over the families that have costs on this line. */
  meanCents: Shown(Cents),
});
export type CostLineCell = z.infer<typeof CostLineCell>;

export const CostOutcomeRow = z.object({
  /** The wijk (name, or CBS code for an analist) or team id; null for the total and for families without a wijk. */
  key: z.string().nullable(),
  label: z.string(),
  /** The whole row is hidden (fewer than five families, or it would reveal another row). */
  hidden: z.boolean(),
  families: Shown(z.number().int()),
  totalCents: Shown(Cents),
  meanCents: Shown(Cents),
  medianCents: Shown(Cents),
  trajectories: Shown(z.object({ count: z.number().int(), meanCents: Cents, medianCents: Cents })),
  lines: z.array(CostLineCell),
  /** Of the same families, those with a nulmeting and a later meting. */
  outcome: Shown(
    z.object({
      families: z.number().int(),
      /** Mean change in weighted self-reliance (two decimals); null when not every one of them has SR at both. */
      selfRelianceChange: z.number().nullable(),
      /** Mean change in the number of problem domains (two decimals; negative is fewer problems). */
      problemDomainChange: z.number(),
    }),
  ),
});
export type CostOutcomeRow = z.infer<typeof CostOutcomeRow>;

export const CostOutcomeReport = z.object({
  instrument: z.string(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  groupBy: z.enum(COST_GROUPINGS),
  /** Whether small numbers were hidden (aggregates only, for analists), and the threshold. */
  suppression: z.object({ applied: z.boolean(), minimumFamilies: z.number().int() }),
  rates: HourlyRates,
  total: CostOutcomeRow,
  groups: z.array(CostOutcomeRow),
});
export type CostOutcomeReport = z.infer<typeof CostOutcomeReport>;
