import { z } from "zod";
import { Id } from "../contracts/common.ts";
import type { LocalizedText } from "../i18n.ts";

/** The kinds of chain partner (ketenpartner) the method works with (BRIEF §1). */
export const PARTNER_KINDS = [
  "schuldhulp",
  "woningcorporatie",
  "jeugdhulp",
  "school",
  "leerplicht",
  "politie",
  "huisarts",
  "ggz",
  "sociale_dienst",
  "wijkteam",
  "veilig_thuis",
  "other",
] as const;
export type PartnerKind = (typeof PARTNER_KINDS)[number];

export const PARTNER_KIND_LABELS: Readonly<Record<PartnerKind, LocalizedText>> = {
  schuldhulp: { nl: "Schuldhulpverlening", en: "Debt counselling" },
  woningcorporatie: { nl: "Woningcorporatie", en: "Housing corporation" },
  jeugdhulp: { nl: "Jeugdhulp", en: "Youth care" },
  school: { nl: "School", en: "School" },
  leerplicht: { nl: "Leerplicht", en: "School attendance office" },
  politie: { nl: "Politie", en: "Police" },
  huisarts: { nl: "Huisarts", en: "General practitioner" },
  ggz: { nl: "GGZ (geestelijke gezondheidszorg)", en: "Mental health care" },
  sociale_dienst: { nl: "Sociale dienst", en: "Social services" },
  wijkteam: { nl: "Wijkteam", en: "Neighbourhood team" },
  veilig_thuis: { nl: "Veilig Thuis", en: "Veilig Thuis (domestic violence and child abuse)" },
  other: { nl: "Andere organisatie", en: "Other organisation" },
};

export const NewPartnerOrganisation = z.object({
  name: z.string().trim().min(1, "fill in the name of the organisation").max(200, "the name is too long (at most 200 characters)"),
  kind: z.enum(PARTNER_KINDS, { error: `choose one of: ${PARTNER_KINDS.join(", ")}` }),
  contact: z.string().trim().max(300).nullable().default(null).transform((v) => (v === "" ? null : v)),
});
export type NewPartnerOrganisation = z.infer<typeof NewPartnerOrganisation>;

export const PartnerOrganisation = z.object({
  id: Id,
  name: z.string(),
  kind: z.enum(PARTNER_KINDS),
  contact: z.string().nullable(),
  /** How many user accounts work for it. */
  userCount: z.number().int(),
});
export type PartnerOrganisation = z.infer<typeof PartnerOrganisation>;
export const PartnerOrganisationList = z.object({ items: z.array(PartnerOrganisation) });
