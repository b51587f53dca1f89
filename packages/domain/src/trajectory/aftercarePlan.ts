import { z } from "zod";
import { IsoDate } from "../contracts/common.ts";
import type { InvalidParam } from "../errors.ts";

/**
 * The nazorgplan (aftercarePlan): who keeps contact, how often, and the handover to regular help
 * such as the wijkteam (BRIEF §2.6: "tijdig starten met een nazorgplan"). It may be started early
 * and filled in bit by bit, so every field may still be empty; nazorg starts only when it is complete.
 */
export const AftercarePlan = z.object({
  contactPersonName: z.string().trim().max(200).nullable().default(null),
  /** Organisation of the contact person (e.g. the wijkteam); null when it is the coach's own team. */
  contactOrganisation: z.string().trim().max(200).nullable().default(null),
  /** How often contact is made, in weeks (1 = weekly … 13 = quarterly). */
  contactEveryWeeks: z.number().int().min(1).max(26).nullable().default(null),
  /** Regular help the family is handed over to (wijkteam, Sociaal Team, schuldhulp …). */
  handoverTo: z.string().trim().max(500).nullable().default(null),
  /** What counts as a relapse signal and how the coach is re-activated ("continue lijn"). */
  relapseAgreement: z.string().trim().max(2000).nullable().default(null),
  startsOn: IsoDate.nullable().default(null),
});
export type AftercarePlan = z.infer<typeof AftercarePlan>;
export type AftercarePlanInput = z.input<typeof AftercarePlan>;

const REQUIRED: readonly { field: keyof AftercarePlan; reason: string }[] = [
  { field: "contactPersonName", reason: "name who keeps contact with the family in nazorg" },
  { field: "contactEveryWeeks", reason: "say how often contact is made" },
  { field: "handoverTo", reason: "name the regular help the family is handed over to" },
  { field: "relapseAgreement", reason: "agree how a relapse re-activates the coach" },
  { field: "startsOn", reason: "give the date nazorg starts" },
];

/** What is still missing before nazorg can start; empty = complete. */
export function aftercarePlanGaps(plan: AftercarePlan): InvalidParam[] {
  return REQUIRED.filter(({ field }) => {
    const v = plan[field];
    return v === null || (typeof v === "string" && v.trim() === "");
  }).map(({ field, reason }) => ({ name: `aftercarePlan.${field}`, reason }));
}
