/*
 * A "wat werkt" catalogue entry over HTTP and in the exchange files: the Wraparound toolkit's six
 * fields (doelgroep, doel, theoretische onderbouwing, werkwijze, aanbieder, geografisch bereik),
 * the leefgebieden it addresses, effectladder and erkenning, cost, contact and sources.
 */
import { z } from "zod";
import { Id, Version } from "../contracts/common.ts";
import { COST_UNITS, RECOGNITIONS, TARGET_GROUPS } from "./catalogueLabels.ts";

const Text = (what: string, max: number) => z.string().trim().min(1, `fill in ${what}`).max(max, `${what} is too long (at most ${max} characters)`);
/** Optional text: empty becomes null, so a cleared field and an absent one are the same. */
const OptionalText = (what: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `${what} is too long (at most ${max} characters)`)
    .nullable()
    .default(null)
    .transform((v) => (v === "" ? null : v));

/** The stable exchange key: lowercase letters, digits, '-' and '_' (e.g. "schuldhulp-gkb"). */
export const InterventionKey = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9_-]{1,99}$/, "use 2 to 100 lowercase letters, digits, '-' or '_', starting with a letter or digit");
/** A leefgebied as a domain key of the organisation's instruments (checked by the server). */
const DomainKey = z.string().trim().regex(/^[a-z][a-z0-9_-]{1,62}$/, "a leefgebied key such as 'inkomen' or 'huisvesting'");
/** The largest amount the catalogue takes: ten million euro, in cents. */
export const MAX_ENTRY_COST_CENTS = 1_000_000_000;

export const InterventionSource = z.object({
  title: Text("the title of the source", 300),
  url: z
    .string()
    .trim()
    .max(2000)
    .nullable()
    .default(null)
    .transform((v) => (v === "" ? null : v))
    .refine((v) => v === null || /^https?:\/\/[^\s]+$/i.test(v), "a web address starting with http:// or https://"),
  year: z.number().int().min(1900, "a year from 1900").max(2100, "a year up to 2100").nullable().default(null),
});
export type InterventionSource = z.infer<typeof InterventionSource>;

const uniqueList = <T extends z.ZodType<string>>(item: T, max: number, what: string) =>
  z
    .array(item)
    .max(max, `at most ${max} ${what}`)
    .default([])
    .refine((xs) => new Set(xs).size === xs.length, `each of the ${what} only once`);

/** The fields every way of writing an entry shares (form, API, exchange file). */
export const ENTRY_FIELDS = {
  name: Text("the name", 200),
  /** A short description in plain language (B1): what it is, in one or two sentences. */
  summary: OptionalText("the summary", 1000),
  /** Doelgroep (free text) and tags for filtering. */
  targetGroup: OptionalText("the target group", 5000),
  targetGroups: uniqueList(z.enum(TARGET_GROUPS, { error: `choose from: ${TARGET_GROUPS.join(", ")}` }), TARGET_GROUPS.length, "target groups"),
  goal: OptionalText("the goal", 5000),
  theory: OptionalText("the theoretical foundation", 5000),
  method: OptionalText("the method", 5000),
  provider: OptionalText("the provider", 300),
  /** The registered chain partner that provides it, when it is one. */
  providerPartnerId: Id.nullable().default(null),
  geographicReach: OptionalText("the geographic reach", 500),
  /** Regions for filtering: CBS gemeente/wijk codes (GM0014, WK001401) or place names. */
  regions: uniqueList(z.string().trim().min(1, "a region may not be empty").max(100, "a region is at most 100 characters"), 50, "regions"),
  domains: uniqueList(DomainKey, 30, "leefgebieden"),
  evidenceLevel: z.number().int("a step of the effectladder from 0 to 4").min(0, "a step of the effectladder from 0 to 4").max(4, "a step of the effectladder from 0 to 4").nullable().default(null),
  recognition: z.enum(RECOGNITIONS, { error: `choose from: ${RECOGNITIONS.join(", ")}` }).nullable().default(null),
  costCents: z.number().int("whole cents").min(0, "the cost cannot be negative").max(MAX_ENTRY_COST_CENTS, "at most ten million euro").nullable().default(null),
  costUnit: z.enum(COST_UNITS, { error: `choose from: ${COST_UNITS.join(", ")}` }).nullable().default(null),
  costIncludes: OptionalText("what the cost includes", 1000),
  contact: OptionalText("the contact", 500),
  sources: z.array(InterventionSource).max(20, "at most 20 sources").default([]),
  active: z.boolean().default(true),
};

type CostFields = { costCents: number | null; costUnit: (typeof COST_UNITS)[number] | null };
/** An amount needs its unit; "gratis" has no amount (or 0). */
export function checkCost(v: CostFields, ctx: z.RefinementCtx): void {
  if (v.costCents !== null && v.costUnit === null) ctx.addIssue({ code: "custom", path: ["costUnit"], message: "say what the amount is for: per participant, per group per year or per family" });
  if (v.costUnit === "free" && v.costCents !== null && v.costCents !== 0) ctx.addIssue({ code: "custom", path: ["costCents"], message: "an entry marked free has no amount; clear the amount or choose another unit" });
  if (v.costUnit !== null && v.costUnit !== "free" && v.costCents === null) ctx.addIssue({ code: "custom", path: ["costCents"], message: "fill in the amount, or clear the unit when the cost is unknown" });
}

/** A new entry; the key is made from the name when not given. */
export const NewIntervention = z.object({ key: InterventionKey.nullable().default(null), ...ENTRY_FIELDS }).superRefine(checkCost);
export type NewIntervention = z.infer<typeof NewIntervention>;
export type NewInterventionInput = z.input<typeof NewIntervention>;

/** The whole entry again with the version that was read (optimistic concurrency); the key never changes. */
export const InterventionUpdate = z.object({ version: Version, ...ENTRY_FIELDS }).superRefine(checkCost);
export type InterventionUpdate = z.infer<typeof InterventionUpdate>;
export type InterventionUpdateInput = z.input<typeof InterventionUpdate>;

export const ArchiveIntervention = z.object({ version: Version });

export const Intervention = z.object({
  id: Id,
  key: z.string(),
  name: z.string(),
  summary: z.string().nullable(),
  targetGroup: z.string().nullable(),
  targetGroups: z.array(z.enum(TARGET_GROUPS)),
  goal: z.string().nullable(),
  theory: z.string().nullable(),
  method: z.string().nullable(),
  provider: z.string().nullable(),
  providerPartnerId: Id.nullable(),
  /** The registered chain partner's name, when linked. */
  providerPartnerName: z.string().nullable(),
  geographicReach: z.string().nullable(),
  regions: z.array(z.string()),
  domains: z.array(z.string()),
  evidenceLevel: z.number().int().nullable(),
  recognition: z.enum(RECOGNITIONS).nullable(),
  costCents: z.number().int().nullable(),
  costUnit: z.enum(COST_UNITS).nullable(),
  costIncludes: z.string().nullable(),
  contact: z.string().nullable(),
  sources: z.array(z.object({ title: z.string(), url: z.string().nullable(), year: z.number().int().nullable() })),
  active: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Intervention = z.infer<typeof Intervention>;

/** An entry as a search result: what a result card shows. */
export const InterventionSummary = Intervention.pick({
  id: true,
  key: true,
  name: true,
  summary: true,
  targetGroups: true,
  provider: true,
  providerPartnerId: true,
  regions: true,
  domains: true,
  evidenceLevel: true,
  recognition: true,
  costCents: true,
  costUnit: true,
  active: true,
});
export type InterventionSummary = z.infer<typeof InterventionSummary>;

export const INTERVENTION_ACTIVE_FILTERS = ["true", "false", "all"] as const;

/**
 * The search: Dutch full text (`q`, web-search syntax: "woorden", OR, -niet) and filters. Without
 * `q` the results are sorted by name; with it, by relevance and then name.
 */
export const InterventionSearch = z.object({
  q: z.string().trim().max(200, "a search of at most 200 characters").optional(),
  /** A leefgebied key the entry addresses. */
  domain: DomainKey.optional(),
  targetGroup: z.enum(TARGET_GROUPS).optional(),
  /** A region the entry lists (exact, case-insensitive). */
  region: z.string().trim().min(1).max(100).optional(),
  /** At least this effectladder step. */
  minEvidence: z.coerce.number().int().min(0).max(4).optional(),
  recognition: z.enum(RECOGNITIONS).optional(),
  /** At most this amount in cents (whatever the unit); free entries count as 0, entries without a known cost are left out. */
  maxCostCents: z.coerce.number().int().min(0).max(MAX_ENTRY_COST_CENTS).optional(),
  costUnit: z.enum(COST_UNITS).optional(),
  /** "true" (default): in use; "false": archived; "all". */
  active: z.enum(INTERVENTION_ACTIVE_FILTERS).default("true"),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type InterventionSearch = z.infer<typeof InterventionSearch>;

export const InterventionPage = z.object({
  items: z.array(InterventionSummary),
  /** All entries that match, over all pages. */
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type InterventionPage = z.infer<typeof InterventionPage>;

/** A key made from a name: "Houd me vast (groepstraining)" → "houd-me-vast-groepstraining". */
export function interventionKeyFromName(name: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 90)
    .replace(/-+$/, "");
  return slug.length >= 2 ? slug : `interventie-${slug}`.replace(/-$/, "");
}
