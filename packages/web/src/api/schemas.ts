import { Role } from "@ploegwerk/domain";
import { z } from "zod";

/** Answers that have no shared contract in @ploegwerk/domain yet; kept loose on purpose. */

export const SetupState = z.object({ needsSetup: z.boolean() });
export type SetupState = z.infer<typeof SetupState>;

export const StaffMember = z.object({
  id: z.string(),
  name: z.string(),
  role: Role,
  teamId: z.string().nullable(),
});
export type StaffMember = z.infer<typeof StaffMember>;

export const itemsOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });

/** POST …/family-group-conferences/:id/plan: the number of the concept version that now holds the agreements. */
export const ConferencePlacement = z.object({ planVersion: z.number().int() });
export type ConferencePlacement = z.infer<typeof ConferencePlacement>;

const RoundOutcome = z.object({
  meting: z.number().int(),
  families: z.number().int(),
  domainMeans: z.record(z.string(), z.number().nullable()),
  problemDomainsMean: z.number().nullable(),
  problemDomainDistribution: z.record(z.string(), z.number()),
  selfRelianceMean: z.number().nullable(),
});

const Transition = z.object({
  from: z.number().int(),
  to: z.number().int(),
  families: z.number().int(),
  improved: z.number().int(),
  same: z.number().int(),
  declined: z.number().int(),
});

const FamilyOutcome = z.object({
  family: z.string(),
  measurements: z.array(
    z.object({
      meting: z.number().int(),
      selfReliance: z.number().nullable(),
      level: z.number().nullable(),
      problemDomains: z.number(),
      scores: z.record(z.string(), z.number()),
    }),
  ),
});

/** Mirrors `OutcomeReport` in packages/domain/src/outcomes/report.ts. */
export const OutcomeReportSchema = z.object({
  instrument: z.object({ key: z.string(), version: z.number().int() }),
  familyCount: z.number().int(),
  families: z.array(FamilyOutcome).optional(),
  metingen: z.array(RoundOutcome),
  transitions: z.array(Transition),
});
