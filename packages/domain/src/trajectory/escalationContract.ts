import { z } from "zod";
import { Id, IsoDate, Version } from "../contracts/common.ts";
import type { LocalizedText } from "../i18n.ts";

/*
 * Mandaat, convenant and opschaling (BRIEF §3): organisations that signed the mandate agreement
 * (covenant) give the coach a functional mandate and accept a dwingend advies, which they may only
 * refuse on legal grounds. A refusal is escalated: it goes to the team lead, who records the outcome.
 */

const Text = (what: string, max: number) => z.string().trim().min(1, `fill in ${what}`).max(max, `${what} is too long (at most ${max} characters)`);
const OptionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullable()
    .default(null)
    .transform((v) => (v === "" ? null : v));

/** How organisation names are compared: case, accents and spacing do not make another organisation. */
export function organisationKey(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();
}

export const NewCovenantSignatory = z.object({
  partnerOrganisation: Text("the organisation", 200),
  signedOn: IsoDate,
  /** The contact person at the organisation (one contact per partner). */
  contact: OptionalText(300),
  note: OptionalText(2000),
});
export type NewCovenantSignatory = z.infer<typeof NewCovenantSignatory>;
export type NewCovenantSignatoryInput = z.input<typeof NewCovenantSignatory>;

export const CovenantSignatory = z.object({
  id: Id,
  partnerOrganisation: z.string(),
  signedOn: z.string(),
  contact: z.string().nullable(),
  note: z.string().nullable(),
  createdAt: z.string(),
});
export type CovenantSignatory = z.infer<typeof CovenantSignatory>;

export const CovenantSignatoryList = z.object({ items: z.array(CovenantSignatory) });

export const ESCALATION_STATUSES = ["open", "resolved"] as const;
export type EscalationStatus = (typeof ESCALATION_STATUSES)[number];
export const ESCALATION_STATUS_LABELS: Readonly<Record<EscalationStatus, LocalizedText>> = {
  open: { nl: "Open (bij de teamleider)", en: "Open (with the team lead)" },
  resolved: { nl: "Afgehandeld", en: "Resolved" },
};

/** A partner refused the coach's dwingend advies. */
export const NewEscalation = z.object({
  partnerOrganisation: Text("the partner organisation", 200),
  /** The dwingend advies the coach gave. */
  advice: Text("the advice (dwingend advies)", 5000),
  /** The refusal and the grounds the partner gave. */
  refusal: Text("the refusal and its grounds", 5000),
  raisedOn: IsoDate,
});
export type NewEscalation = z.infer<typeof NewEscalation>;
export type NewEscalationInput = z.input<typeof NewEscalation>;

/** The team lead's decision, after contacting the partner's director (opschaling). */
export const EscalationResolution = z.object({
  outcome: Text("the outcome", 5000),
  resolvedOn: IsoDate,
  version: Version,
});
export type EscalationResolution = z.infer<typeof EscalationResolution>;

export const EscalationQuery = z.object({ status: z.enum([...ESCALATION_STATUSES, "all"]).default("open") });

export const Escalation = z.object({
  id: Id,
  trajectoryId: Id,
  familyId: Id,
  caseNumber: z.string(),
  partnerOrganisation: z.string(),
  /** Whether the partner signed the covenant (mandate agreement), matched by organisation name. */
  partnerSignedCovenant: z.boolean(),
  covenantSignedOn: z.string().nullable(),
  advice: z.string(),
  refusal: z.string(),
  raisedOn: z.string(),
  raisedById: Id.nullable(),
  raisedByName: z.string().nullable(),
  status: z.enum(ESCALATION_STATUSES),
  outcome: z.string().nullable(),
  resolvedOn: z.string().nullable(),
  resolvedById: Id.nullable(),
  resolvedByName: z.string().nullable(),
  /** Days from raisedOn to resolvedOn, or to today while open. */
  daysOpen: z.number().int(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Escalation = z.infer<typeof Escalation>;

export const EscalationList = z.object({ items: z.array(Escalation) });
