import { COST_UNITS, RECOGNITIONS, TARGET_GROUPS, type CostUnit, type Intervention, type InterventionUpdateInput, type NewInterventionInput, type Recognition, type TargetGroup } from "@ploegwerk/domain";
import { centsOf } from "./searchParams.ts";

/** The edit form's working copy: every input as text; lists as they are picked. */
export interface SourceDraft {
  key: string;
  title: string;
  url: string;
  year: string;
}

export interface EntryDraft {
  key: string;
  name: string;
  summary: string;
  targetGroup: string;
  targetGroups: TargetGroup[];
  goal: string;
  theory: string;
  method: string;
  provider: string;
  providerPartnerId: string;
  geographicReach: string;
  regions: string;
  domains: string[];
  evidenceLevel: string;
  recognition: string;
  cost: string;
  costUnit: string;
  costIncludes: string;
  contact: string;
  sources: SourceDraft[];
  active: boolean;
}

export const newKey = (): string => crypto.randomUUID();

export function emptyDraft(): EntryDraft {
  return {
    key: "", name: "", summary: "", targetGroup: "", targetGroups: [], goal: "", theory: "", method: "", provider: "", providerPartnerId: "",
    geographicReach: "", regions: "", domains: [], evidenceLevel: "", recognition: "", cost: "", costUnit: "", costIncludes: "", contact: "", sources: [], active: true,
  };
}

const euros = (cents: number | null) => (cents === null ? "" : cents % 100 === 0 ? String(cents / 100) : (cents / 100).toFixed(2).replace(".", ","));

export function draftOf(e: Intervention): EntryDraft {
  return {
    key: e.key,
    name: e.name,
    summary: e.summary ?? "",
    targetGroup: e.targetGroup ?? "",
    targetGroups: [...e.targetGroups],
    goal: e.goal ?? "",
    theory: e.theory ?? "",
    method: e.method ?? "",
    provider: e.provider ?? "",
    providerPartnerId: e.providerPartnerId ?? "",
    geographicReach: e.geographicReach ?? "",
    regions: e.regions.join("; "),
    domains: [...e.domains],
    evidenceLevel: e.evidenceLevel === null ? "" : String(e.evidenceLevel),
    recognition: e.recognition ?? "",
    cost: euros(e.costCents),
    costUnit: e.costUnit ?? "",
    costIncludes: e.costIncludes ?? "",
    contact: e.contact ?? "",
    sources: e.sources.map((s) => ({ key: newKey(), title: s.title, url: s.url ?? "", year: s.year === null ? "" : String(s.year) })),
    active: e.active,
  };
}

const orNull = (s: string) => (s.trim() === "" ? null : s.trim());

/** The fields every write sends (without key or version). */
export function fieldsOf(d: EntryDraft): Omit<NewInterventionInput, "key"> {
  const cents = d.costUnit === "free" && d.cost.trim() === "" ? null : centsOf(d.cost);
  return {
    name: d.name.trim(),
    summary: orNull(d.summary),
    targetGroup: orNull(d.targetGroup),
    targetGroups: TARGET_GROUPS.filter((g) => d.targetGroups.includes(g)),
    goal: orNull(d.goal),
    theory: orNull(d.theory),
    method: orNull(d.method),
    provider: orNull(d.provider),
    providerPartnerId: d.providerPartnerId || null,
    geographicReach: orNull(d.geographicReach),
    regions: [...new Set(d.regions.split(";").map((r) => r.trim()).filter(Boolean))],
    domains: [...d.domains],
    evidenceLevel: d.evidenceLevel === "" ? null : Number(d.evidenceLevel),
    recognition: (RECOGNITIONS as readonly string[]).includes(d.recognition) ? (d.recognition as Recognition) : null,
    costCents: cents,
    costUnit: (COST_UNITS as readonly string[]).includes(d.costUnit) ? (d.costUnit as CostUnit) : null,
    costIncludes: orNull(d.costIncludes),
    contact: orNull(d.contact),
    sources: d.sources.map((s) => ({ title: s.title.trim(), url: orNull(s.url), year: s.year.trim() === "" ? null : Number(s.year) })),
    active: d.active,
  };
}

export const createBody = (d: EntryDraft): NewInterventionInput => ({ key: orNull(d.key), ...fieldsOf(d) });
export const updateBody = (d: EntryDraft, version: number): InterventionUpdateInput => ({ version, ...fieldsOf(d) });

/** The checks the form makes before sending; keys are the API's field names. */
export function draftErrors(d: EntryDraft, msg: (key: "name" | "cost" | "costUnit" | "costWithoutAmount" | "freeWithAmount" | "year" | "url" | "sourceTitle") => string): Record<string, string> {
  const e: Record<string, string> = {};
  if (!d.name.trim()) e.name = msg("name");
  const hasAmount = d.cost.trim() !== "";
  if (hasAmount && centsOf(d.cost) === null) e.costCents = msg("cost");
  else if (hasAmount && d.costUnit === "") e.costUnit = msg("costUnit");
  else if (hasAmount && d.costUnit === "free" && centsOf(d.cost) !== 0) e.costCents = msg("freeWithAmount");
  else if (!hasAmount && d.costUnit !== "" && d.costUnit !== "free") e.costCents = msg("costWithoutAmount");
  d.sources.forEach((s, i) => {
    if (!s.title.trim()) e[`sources.${i}.title`] = msg("sourceTitle");
    if (s.url.trim() && !/^https?:\/\/\S+$/i.test(s.url.trim())) e[`sources.${i}.url`] = msg("url");
    if (s.year.trim() && !/^(19|20|21)\d{2}$/.test(s.year.trim())) e[`sources.${i}.year`] = msg("year");
  });
  return e;
}
