import { z } from "zod";
import { Id, IsoDate } from "../contracts/common.ts";
import type { LocalizedText } from "../i18n.ts";

/**
 * The stabilisation checklist (stabilisatiecheck) filled in with the family before afronding
 * (BRIEF §2.5: "when goals reached and situation stabilised; a form checks stabilisation and how
 * nazorg contacts are secured"). Crises first meant finances and housing (§2.4), and child safety
 * is an intended outcome, so those are items of their own.
 */
export const STABILITY_ITEMS = [
  "goals_reached",
  "no_acute_crisis",
  "income_stable",
  "housing_secure",
  "children_safe",
  "regular_help_arranged",
  "aftercare_contact_secured",
  "family_agrees",
] as const;
export type StabilityItem = (typeof STABILITY_ITEMS)[number];

/** Items that may be "niet van toepassing": the others are always asked. */
const MAY_NOT_APPLY: ReadonlySet<StabilityItem> = new Set<StabilityItem>(["children_safe", "regular_help_arranged"]);

export const STABILITY_ITEM_LABELS: Readonly<Record<StabilityItem, LocalizedText>> = {
  goals_reached: { nl: "De doelen uit het gezinsplan zijn bereikt of overgedragen", en: "The plan's goals are reached or handed over" },
  no_acute_crisis: { nl: "Er is geen acute crisis meer", en: "There is no acute crisis any more" },
  income_stable: { nl: "Het inkomen is stabiel en de schulden zijn geregeld", en: "Income is stable and debts are under control" },
  housing_secure: { nl: "De woonsituatie is zeker: geen huurachterstand of dreigende ontruiming", en: "Housing is secure: no rent arrears or threat of eviction" },
  children_safe: { nl: "De kinderen zijn veilig", en: "The children are safe" },
  regular_help_arranged: { nl: "Hulp die nog nodig is, loopt via de reguliere hulpverlening", en: "Help still needed runs through regular services" },
  aftercare_contact_secured: { nl: "Het contact in de nazorg is geregeld (wie, hoe vaak)", en: "Aftercare contact is arranged (who, how often)" },
  family_agrees: { nl: "Het gezin is het eens met de afronding", en: "The family agrees to closing" },
};

export const STABILITY_ANSWERS = ["yes", "no", "not_applicable"] as const;

export const StabilityCheck = z.object({
  completedOn: IsoDate,
  completedBy: Id,
  /** The family members who filled it in with the coach; the method asks for the family's own view. */
  withMembers: z.array(Id),
  answers: z.partialRecord(
    z.enum(STABILITY_ITEMS),
    z.object({ answer: z.enum(STABILITY_ANSWERS), note: z.string().trim().max(2000).nullable().default(null) }),
  ),
});
export type StabilityCheck = z.infer<typeof StabilityCheck>;

export interface StabilityAssessment {
  /** Items without an answer. */
  unanswered: StabilityItem[];
  /** Items answered "not applicable" that always apply. */
  wronglyNotApplicable: StabilityItem[];
  /** Items answered "no": the situation is not (yet) stable there. */
  notStable: StabilityItem[];
  /** Filled in without any family member. */
  withoutFamily: boolean;
  /** Complete, filled in with the family, and every item yes (or fairly not applicable). */
  stabilised: boolean;
}

export function assessStabilityCheck(check: StabilityCheck): StabilityAssessment {
  const unanswered: StabilityItem[] = [];
  const wronglyNotApplicable: StabilityItem[] = [];
  const notStable: StabilityItem[] = [];
  for (const item of STABILITY_ITEMS) {
    const a = check.answers[item];
    if (!a) unanswered.push(item);
    else if (a.answer === "no") notStable.push(item);
    else if (a.answer === "not_applicable" && !MAY_NOT_APPLY.has(item)) wronglyNotApplicable.push(item);
  }
  const withoutFamily = check.withMembers.length === 0;
  return {
    unanswered,
    wronglyNotApplicable,
    notStable,
    withoutFamily,
    stabilised: unanswered.length === 0 && wronglyNotApplicable.length === 0 && notStable.length === 0 && !withoutFamily,
  };
}
