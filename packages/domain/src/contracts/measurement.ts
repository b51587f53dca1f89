import { z } from "zod";
import { Id, IsoDate } from "./common.ts";

export const MEASUREMENT_SOURCES = ["interview", "dossier", "merged", "import"] as const;

export const ScoreInput = z.object({
  score: z.number().int("score must be a whole number"),
  justification: z.string().trim().max(5000).nullable().default(null),
});

export const NewMeasurement = z.object({
  instrument: z.object({ key: z.string().min(1), version: z.number().int().min(1).optional() }),
  round: z.number().int().min(0, "meting must be 0 (nulmeting) or higher").max(99),
  measuredOn: IsoDate,
  /** Free text when the person who measured is not a user (e.g. an external researcher). */
  measuredByName: z.string().trim().max(200).nullable().default(null),
  memberId: Id.nullable().default(null),
  source: z.enum(MEASUREMENT_SOURCES).default("interview"),
  note: z.string().trim().max(5000).nullable().default(null),
  scores: z.record(z.string(), ScoreInput),
});
export type NewMeasurement = z.infer<typeof NewMeasurement>;
export type NewMeasurementInput = z.input<typeof NewMeasurement>;

/** Absent fields stay as they are (no defaults here); `scores`, when sent, replaces all scores. */
export const MeasurementPatch = z.object({
  version: z.number().int().min(1),
  round: NewMeasurement.shape.round.optional(),
  measuredOn: IsoDate.optional(),
  measuredByName: z.string().trim().max(200).nullable().optional(),
  source: z.enum(MEASUREMENT_SOURCES).optional(),
  note: z.string().trim().max(5000).nullable().optional(),
  scores: z.record(z.string(), ScoreInput).optional(),
});
export type MeasurementPatch = z.infer<typeof MeasurementPatch>;

export const Measurement = z.object({
  id: Id,
  familyId: Id,
  memberId: Id.nullable(),
  instrument: z.object({ key: z.string(), version: z.number().int() }),
  round: z.number().int(),
  measuredOn: z.string().nullable(),
  measuredById: Id.nullable(),
  measuredByName: z.string().nullable(),
  source: z.enum(MEASUREMENT_SOURCES),
  note: z.string().nullable(),
  scores: z.record(z.string(), z.object({ score: z.number().int(), justification: z.string().nullable() })),
  selfReliance: z.number().nullable(),
  level: z.number().int().nullable(),
  problemDomains: z.array(z.string()),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Measurement = z.infer<typeof Measurement>;
