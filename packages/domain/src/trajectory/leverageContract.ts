import { z } from "zod";
import { Id, IsoDate, Version } from "../contracts/common.ts";
import type { LocalizedText } from "../i18n.ts";
import type { IsoDay } from "./calendar.ts";

/*
 * The dwang en drang register (leverage, BRIEF §3): per family the levers applied, by which party,
 * on which agreed condition, from when to when, and with what outcome. Drang: uitkering, woningtoewijzing,
 * leerplicht, politie, melding Veilig Thuis (formerly AMK). Dwang: raadsmelding → court measure, or a
 * benefit sanction.
 */

export const LEVERS = ["uitkering", "woningtoewijzing", "leerplicht", "politie", "veilig_thuis", "raadsmelding", "other"] as const;
export type Lever = (typeof LEVERS)[number];
export const LEVER_LABELS: Readonly<Record<Lever, LocalizedText>> = {
  uitkering: { nl: "Uitkering (sociale zaken)", en: "Benefits (social services)" },
  woningtoewijzing: { nl: "Woningtoewijzing / huurcontract", en: "Housing allocation / tenancy" },
  leerplicht: { nl: "Leerplicht", en: "Compulsory education" },
  politie: { nl: "Politie", en: "Police" },
  veilig_thuis: { nl: "Melding Veilig Thuis (AMK)", en: "Report to Veilig Thuis (child abuse centre)" },
  raadsmelding: { nl: "Raadsmelding (Raad voor de Kinderbescherming)", en: "Report to the Child Protection Board" },
  other: { nl: "Anders", en: "Other" },
};

export const LEVERAGE_KINDS = ["drang", "dwang"] as const;
export type LeverageKind = (typeof LEVERAGE_KINDS)[number];
export const LEVERAGE_KIND_LABELS: Readonly<Record<LeverageKind, LocalizedText>> = {
  drang: { nl: "Drang", en: "Pressure (drang)" },
  dwang: { nl: "Dwang", en: "Compulsion (dwang)" },
};

const Text = (what: string, max: number) => z.string().trim().min(1, `fill in ${what}`).max(max, `${what} is too long (at most ${max} characters)`);
const OptionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullable()
    .default(null)
    .transform((v) => (v === "" ? null : v));

const leverageShape = {
  lever: z.enum(LEVERS),
  kind: z.enum(LEVERAGE_KINDS),
  /** The party that applies it (sociale dienst, woningcorporatie, leerplichtambtenaar, …). */
  party: Text("the party that applies it", 200),
  /** What the family agreed to, and what happens if it does not. */
  condition: Text("the agreed condition", 2000),
  startsOn: IsoDate,
  endsOn: IsoDate.nullable().default(null),
  outcome: OptionalText(2000),
};

function withRules<S extends z.ZodType<{ startsOn: string; endsOn: string | null }>>(schema: S) {
  return schema.superRefine((l, ctx) => {
    if (l.endsOn !== null && l.endsOn < l.startsOn) ctx.addIssue({ code: "custom", path: ["endsOn"], message: `on or after the start (${l.startsOn})` });
  });
}

export const NewLeverage = withRules(z.object(leverageShape));
export type NewLeverage = z.infer<typeof NewLeverage>;
export type NewLeverageInput = z.input<typeof NewLeverage>;

/** An edit sends the whole entry again with the version the editor read. */
export const LeverageUpdate = withRules(z.object({ ...leverageShape, version: Version }));
export type LeverageUpdate = z.infer<typeof LeverageUpdate>;

/** In force on `today`: started, and not ended before today. */
export function leverageActive(l: { startsOn: IsoDay; endsOn: IsoDay | null }, today: IsoDay): boolean {
  return l.startsOn <= today && (l.endsOn === null || l.endsOn >= today);
}

export const Leverage = z.object({
  id: Id,
  trajectoryId: Id,
  lever: z.enum(LEVERS),
  kind: z.enum(LEVERAGE_KINDS),
  party: z.string(),
  condition: z.string(),
  startsOn: z.string(),
  endsOn: z.string().nullable(),
  outcome: z.string().nullable(),
  active: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Leverage = z.infer<typeof Leverage>;

export const LeverageList = z.object({ items: z.array(Leverage) });
