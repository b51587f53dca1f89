import { z } from "zod";
import { LocalizedText } from "../i18n.ts";

const Key = z
  .string()
  .regex(/^[a-z][a-z0-9_-]{1,62}$/, "lowercase letters, digits, '_' or '-', starting with a letter");

export const ScaleValue = z.object({
  value: z.number().int(),
  label: LocalizedText,
});

export const InstrumentDomain = z.object({
  key: Key,
  label: LocalizedText,
  description: LocalizedText.optional(),
  /** Wording per score value ("cell texts"); licensed instruments ship without them. */
  anchors: z.record(z.string().regex(/^-?\d+$/), LocalizedText).optional(),
});

export const InstrumentDefinition = z
  .object({
    key: Key,
    version: z.number().int().min(1),
    name: LocalizedText,
    description: LocalizedText.optional(),
    /** Licence or source note shown with the instrument. */
    source: z.string().optional(),
    domains: z.array(InstrumentDomain).min(1),
    scale: z.object({ values: z.array(ScaleValue).min(2) }),
    /** Scores at or under this value are problem domains; null where the idea does not apply. */
    problemThreshold: z.number().int().nullable(),
    weightedSelfReliance: z.boolean(),
    /** Labels of the self-reliance levels 1..5, required when the weighted score applies. */
    selfRelianceLevels: z.array(ScaleValue).optional(),
  })
  .superRefine((def, ctx) => {
    const seen = new Set<string>();
    def.domains.forEach((d, i) => {
      if (seen.has(d.key)) {
        ctx.addIssue({ code: "custom", path: ["domains", i, "key"], message: `domain key '${d.key}' appears twice` });
      }
      seen.add(d.key);
      for (const anchor of Object.keys(d.anchors ?? {})) {
        if (!def.scale.values.some((v) => String(v.value) === anchor)) {
          ctx.addIssue({ code: "custom", path: ["domains", i, "anchors", anchor], message: `anchor for ${anchor}, which is not on the scale` });
        }
      }
    });
    const values = def.scale.values.map((v) => v.value);
    values.forEach((v, i) => {
      if (i > 0 && v !== (values[i - 1] ?? 0) + 1) {
        ctx.addIssue({ code: "custom", path: ["scale", "values", i, "value"], message: "scale values must be consecutive integers in ascending order" });
      }
    });
    const min = values[0] ?? 0;
    const max = values[values.length - 1] ?? 0;
    if (def.problemThreshold !== null && (def.problemThreshold < min || def.problemThreshold > max)) {
      ctx.addIssue({ code: "custom", path: ["problemThreshold"], message: `problem threshold ${def.problemThreshold} is outside the scale ${min}..${max}` });
    }
    if (def.weightedSelfReliance) {
      if (min !== 1 || max !== 5) {
        ctx.addIssue({ code: "custom", path: ["weightedSelfReliance"], message: "the weighted self-reliance score needs a 1..5 scale" });
      }
      const levels = (def.selfRelianceLevels ?? []).map((l) => l.value).join(",");
      if (levels !== "1,2,3,4,5") {
        ctx.addIssue({ code: "custom", path: ["selfRelianceLevels"], message: "give labels for self-reliance levels 1, 2, 3, 4 and 5 in that order" });
      }
    }
  });
export type InstrumentDefinition = z.infer<typeof InstrumentDefinition>;
export type InstrumentDomain = z.infer<typeof InstrumentDomain>;

export function scaleBounds(def: InstrumentDefinition): { min: number; max: number } {
  const values = def.scale.values.map((v) => v.value);
  return { min: Math.min(...values), max: Math.max(...values) };
}

export function isOnScale(def: InstrumentDefinition, score: number): boolean {
  return def.scale.values.some((v) => v.value === score);
}

export function isProblemScore(def: InstrumentDefinition, score: number): boolean {
  return def.problemThreshold !== null && score <= def.problemThreshold;
}

export function instrumentRef(def: Pick<InstrumentDefinition, "key" | "version">): string {
  return `${def.key}@${def.version}`;
}
