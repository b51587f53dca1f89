import { z } from "zod";
import { Id } from "../contracts/common.ts";
import { MemberRole } from "../contracts/family.ts";
import { Meeting } from "../trajectory/meetingContract.ts";
import { EffectiveActionView } from "../trajectory/planApiContract.ts";
import { PHASES } from "../trajectory/phases.ts";
import { WeeklyReport } from "../trajectory/weeklyReportContract.ts";
import { CONSENT_CATEGORIES } from "./consent.ts";

/*
 * What a ketenpartner gets of a family that shared with its organisation. Every part is null when
 * no active consent names a category for it, so an answer never holds more than was consented.
 */

export const SharedFamilySummary = z.object({
  familyId: Id,
  caseNumber: z.string(),
  /** The family's name only with consent for "basis"; otherwise null. */
  familyName: z.string().nullable(),
  coachName: z.string().nullable(),
  teamName: z.string(),
  categories: z.array(z.enum(CONSENT_CATEGORIES)),
  purposes: z.array(z.string()),
  /** Actions of the plan in force this organisation carries out that are still open (null without consent for them). */
  openActionCount: z.number().int().nullable(),
});
export type SharedFamilySummary = z.infer<typeof SharedFamilySummary>;
export const SharedFamilyList = z.object({ items: z.array(SharedFamilySummary) });

export const SharedMember = z.object({ id: Id, givenName: z.string(), surname: z.string(), role: MemberRole, dateOfBirth: z.string() });

export const SharedGoal = z.object({
  id: Id,
  domain: z.string(),
  domainLabel: z.string(),
  description: z.string(),
  targetDate: z.string().nullable(),
  actions: z.array(EffectiveActionView),
});

export const SharedFamily = SharedFamilySummary.extend({
  members: z.array(SharedMember).nullable(),
  address: z.object({ street: z.string().nullable(), houseNumber: z.string().nullable(), postcode: z.string().nullable(), city: z.string().nullable() }).nullable(),
  trajectory: z.object({ id: Id, phase: z.enum(PHASES), phaseSince: z.string() }).nullable(),
  plan: z
    .object({
      number: z.number().int(),
      signedOn: z.string().nullable(),
      /** "all" with consent for the whole plan; "own" when only this organisation's actions are shared. */
      scope: z.enum(["all", "own"]),
      overallGoals: z.array(z.object({ id: Id, description: z.string(), targetDate: z.string().nullable() })),
      goals: z.array(SharedGoal),
    })
    .nullable(),
  meetings: z.array(Meeting).nullable(),
  measurements: z
    .array(
      z.object({
        id: Id,
        instrumentKey: z.string(),
        round: z.number().int(),
        measuredOn: z.string().nullable(),
        scores: z.array(z.object({ domain: z.string(), label: z.string(), score: z.number().int(), justification: z.string().nullable() })),
      }),
    )
    .nullable(),
  weeklyReports: z.array(WeeklyReport).nullable(),
});
export type SharedFamily = z.infer<typeof SharedFamily>;
