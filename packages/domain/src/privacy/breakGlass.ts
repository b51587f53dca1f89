import { z } from "zod";
import { Id } from "../contracts/common.ts";

/**
 * Break-the-glass: in an emergency a team lead opens the file of a family outside their teams,
 * with a reason, for a few hours, to read only. Every opening is flagged and later reviewed by
 * another team lead or a beheerder (never by the one who opened it).
 */
export const BREAK_GLASS_HOURS = 8;
export const BREAK_GLASS_VERDICTS = ["justified", "not_justified"] as const;
export type BreakGlassVerdict = (typeof BREAK_GLASS_VERDICTS)[number];

export const OpenBreakGlass = z.object({
  caseNumber: z.string().trim().min(1, "fill in the case number (dossiernummer) of the family").max(100),
  reason: z.string().trim().min(20, "explain why the file must be opened now (at least 20 characters)").max(2000),
});
export type OpenBreakGlass = z.infer<typeof OpenBreakGlass>;

export const ReviewBreakGlass = z.object({
  verdict: z.enum(BREAK_GLASS_VERDICTS, { error: `one of: ${BREAK_GLASS_VERDICTS.join(", ")}` }),
  note: z.string().trim().max(2000).nullable().default(null).transform((v) => (v === "" ? null : v)),
});
export type ReviewBreakGlass = z.infer<typeof ReviewBreakGlass>;

export const BreakGlassGrant = z.object({
  id: Id,
  familyId: Id,
  caseNumber: z.string(),
  user: z.object({ id: Id, name: z.string() }),
  reason: z.string(),
  grantedAt: z.string(),
  expiresAt: z.string(),
  active: z.boolean(),
  review: z.object({ by: z.object({ id: Id, name: z.string() }), at: z.string(), verdict: z.enum(BREAK_GLASS_VERDICTS), note: z.string().nullable() }).nullable(),
});
export type BreakGlassGrant = z.infer<typeof BreakGlassGrant>;
export const BreakGlassGrantList = z.object({ items: z.array(BreakGlassGrant) });
