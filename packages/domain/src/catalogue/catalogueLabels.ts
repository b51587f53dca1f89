/*
 * The vocabularies of the "wat werkt" catalogue (BRIEF §3, §5): the effectladder, the erkenning by
 * an independent panel, cost units and target-group tags. Keys are stable (they are stored and
 * exchanged); labels are Dutch first with English beside.
 */
import type { LocalizedText } from "../i18n.ts";

/**
 * Effectladder (Van Yperen & Veerman, NJi): how much is known about whether an intervention works.
 * Each step includes the ones below it. The Wraparound programme aimed at step 2.
 */
export const EVIDENCE_LEVELS = [0, 1, 2, 3, 4] as const;
export type EvidenceLevel = (typeof EVIDENCE_LEVELS)[number];
export const EVIDENCE_LEVEL_LABELS: Readonly<Record<EvidenceLevel, LocalizedText>> = {
  0: { nl: "Impliciete kennis", en: "Implicit knowledge" },
  1: { nl: "Goed beschreven", en: "Well described" },
  2: { nl: "Goed onderbouwd", en: "Theoretically founded" },
  3: { nl: "Eerste aanwijzingen voor effectiviteit", en: "First indications of effectiveness" },
  4: { nl: "Effectief (causaal aangetoond)", en: "Effective (causally shown)" },
};
/** What a step means, in plain language (B1), for help texts. */
export const EVIDENCE_LEVEL_EXPLANATIONS: Readonly<Record<EvidenceLevel, LocalizedText>> = {
  0: { nl: "Professionals weten uit ervaring dat het helpt, maar het staat nog niet op papier.", en: "Professionals know from experience that it helps, but it is not written down yet." },
  1: { nl: "Doel, doelgroep, aanpak en randvoorwaarden zijn duidelijk beschreven.", en: "Goal, target group, approach and preconditions are clearly described." },
  2: { nl: "Er is ook uitgelegd waarom het zou moeten werken (theorie).", en: "It is also explained why it should work (theory)." },
  3: { nl: "Onderzoek laat zien dat de doelen vaak gehaald worden.", en: "Research shows that the goals are often reached." },
  4: { nl: "Onderzoek met een vergelijkingsgroep laat zien dat het werkt.", en: "Research with a comparison group shows that it works." },
};

/**
 * Erkenning: the judgement of an independent recognition panel (Erkenningscommissie Interventies),
 * from low to high. "Effectief" comes with first, good or strong indications.
 */
export const RECOGNITIONS = ["goed_beschreven", "goed_onderbouwd", "effectief_eerste", "effectief_goede", "effectief_sterke"] as const;
export type Recognition = (typeof RECOGNITIONS)[number];
export const RECOGNITION_LABELS: Readonly<Record<Recognition, LocalizedText>> = {
  goed_beschreven: { nl: "Goed beschreven", en: "Well described" },
  goed_onderbouwd: { nl: "Goed onderbouwd", en: "Well founded" },
  effectief_eerste: { nl: "Effectief – eerste aanwijzingen", en: "Effective – first indications" },
  effectief_goede: { nl: "Effectief – goede aanwijzingen", en: "Effective – good indications" },
  effectief_sterke: { nl: "Effectief – sterke aanwijzingen", en: "Effective – strong indications" },
};

/** What the cost amount is for. "free": no cost to the organisation or the family. */
export const COST_UNITS = ["per_participant", "per_group_per_year", "per_family", "free"] as const;
export type CostUnit = (typeof COST_UNITS)[number];
export const COST_UNIT_LABELS: Readonly<Record<CostUnit, LocalizedText>> = {
  per_participant: { nl: "per deelnemer", en: "per participant" },
  per_group_per_year: { nl: "per groep per jaar", en: "per group per year" },
  per_family: { nl: "per gezin", en: "per family" },
  free: { nl: "gratis", en: "free" },
};

/**
 * Target-group tags for filtering; the free-text doelgroep says the rest. Ages follow the usual
 * split of the social domain: jeugdwet up to 18, jongvolwassenen up to 27 (the age many
 * youth-to-adult transition arrangements run to), ouderen from 65.
 */
export const TARGET_GROUPS = ["gezinnen", "ouders", "kinderen_0_12", "jongeren_12_18", "jongvolwassenen_18_27", "volwassenen", "ouderen"] as const;
export type TargetGroup = (typeof TARGET_GROUPS)[number];
export const TARGET_GROUP_LABELS: Readonly<Record<TargetGroup, LocalizedText>> = {
  gezinnen: { nl: "Gezinnen", en: "Families" },
  ouders: { nl: "Ouders en opvoeders", en: "Parents and carers" },
  kinderen_0_12: { nl: "Kinderen (0–12 jaar)", en: "Children (0–12)" },
  jongeren_12_18: { nl: "Jongeren (12–18 jaar)", en: "Young people (12–18)" },
  jongvolwassenen_18_27: { nl: "Jongvolwassenen (18–27 jaar)", en: "Young adults (18–27)" },
  volwassenen: { nl: "Volwassenen", en: "Adults" },
  ouderen: { nl: "Ouderen (65+)", en: "Older people (65+)" },
};

/** The minimum number of families behind any figure of practice-based evidence. */
export const EVIDENCE_MIN_FAMILIES = 5;
