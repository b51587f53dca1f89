import { z } from "zod";
import { Id } from "../contracts/common.ts";
import { SIGNAL_CODES } from "./caseload.ts";
import { PHASES } from "./phases.ts";

const Localized = z.object({ nl: z.string(), en: z.string() });

export const CaseloadQuery = z.object({
  /** Defaults to the actor's own team. */
  teamId: Id.optional(),
  /** Only this coach's families (the two-weekly caseloadgesprek). */
  coachId: Id.optional(),
});

export const SignalView = z.object({
  code: z.enum(SIGNAL_CODES),
  familyId: Id,
  caseNumber: z.string(),
  coachId: Id.nullable(),
  phase: z.enum(PHASES),
  dueOn: z.string(),
  daysOverdue: z.number().int(),
  details: z.array(z.string()),
  message: Localized,
});

const AgendaItemView = z.object({ familyId: Id, caseNumber: z.string(), coachId: Id.nullable(), signals: z.array(SignalView) });
const LoadView = z.object({
  coachId: Id,
  active: z.number().int(),
  aftercare: z.number().int(),
  byPhase: z.partialRecord(z.enum(PHASES), z.number().int()),
  status: z.enum(["below", "within", "above"]),
});

/** The team lead's caseload overview: families, load per coach, signals and the two agendas. */
export const CaseloadOverview = z.object({
  today: z.string(),
  teamId: Id,
  norm: z.object({ min: z.number().int(), max: z.number().int() }),
  families: z.array(
    z.object({
      familyId: Id,
      trajectoryId: Id,
      caseNumber: z.string(),
      coachId: Id.nullable(),
      coachName: z.string().nullable(),
      phase: z.enum(PHASES),
      phaseSince: z.string(),
      daysInPhase: z.number().int(),
      signals: z.array(SignalView),
    }),
  ),
  coaches: z.array(LoadView.extend({ name: z.string() })),
  /** The weekly casuïstiekbespreking: families with a signal about the course of their trajectory. */
  caseReview: z.array(AgendaItemView),
  /** The two-weekly caseloadgesprek per coach: load and every signal of the coach's families. */
  caseloadReviews: z.array(z.object({ coachId: Id, name: z.string(), load: LoadView, items: z.array(AgendaItemView) })),
});
export type CaseloadOverview = z.infer<typeof CaseloadOverview>;
