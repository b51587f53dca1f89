import { BUILTIN_INSTRUMENTS, type InstrumentDefinition } from "@ploegwerk/domain";
import { DISTRICTS, GIVEN_NAMES_ADULT, GIVEN_NAMES_CHILD, NEIGHBOURHOODS, STREETS, SURNAMES } from "./names.ts";

/** A small deterministic PRNG (mulberry32) so demo and benchmark data are the same every run. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(rnd: () => number, list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;
const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, v));

export interface GeneratedMember {
  givenName: string;
  surname: string;
  role: "parent" | "child";
  dateOfBirth: string;
}

export interface GeneratedFamily {
  caseNumber: string;
  street: string;
  houseNumber: string;
  postcode: string;
  city: string;
  district: string;
  neighbourhood: string;
  members: GeneratedMember[];
  network: { name: string; relation: string; contact: string | null }[];
  /** Round → date and scores per domain of ploeg-9. */
  measurements: { round: number; measuredOn: string; scores: Record<string, number>; justification: Record<string, string> }[];
}

const JUSTIFICATION: Record<string, string> = {
  onderwijs_werk: "Oudste kind verzuimt vaak; leerplicht is betrokken. Ouder zoekt werk maar heeft geen startkwalificatie.",
  huisvesting: "Huurachterstand van drie maanden; woningcorporatie dreigt met ontruiming.",
  inkomen: "Schulden bij meerdere schuldeisers; geen overzicht van vaste lasten.",
  opvoeding: "Ouders zijn het vaak oneens over regels; kinderen krijgen weinig structuur.",
  geestelijke_gezondheid: "Moeder heeft somberheidsklachten en is niet in behandeling.",
  lichamelijke_gezondheid: "Vader heeft diabetes die slecht is ingesteld.",
  sociaal_netwerk: "Weinig contact met familie; buren helpen af en toe.",
  vrije_tijd: "Kinderen sporten niet; er is geen geld voor contributie.",
  justitiele_veiligheid: "Meldingen van overlast bij de wijkagent; één melding van huiselijk geweld.",
};

function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/**
 * Families with two metingen on ploeg-9 that look like the field's: about seven problem domains
 * at the nulmeting, about five half a year later, with housing and income improving most.
 */
export function generateFamilies(count: number, options: { seed?: number; prefix?: string; today?: Date } = {}): GeneratedFamily[] {
  const rnd = random(options.seed ?? 2012);
  const def = BUILTIN_INSTRUMENTS.find((d) => d.key === "ploeg-9") as InstrumentDefinition;
  const today = options.today ?? new Date("2026-11-01T00:00:00Z");
  const prefix = options.prefix ?? "DEMO";
  const width = Math.max(4, String(count).length);
  const families: GeneratedFamily[] = [];
  for (let i = 1; i <= count; i++) {
    const surnameA = pick(rnd, SURNAMES);
    const surnameB = rnd() < 0.5 ? surnameA : pick(rnd, SURNAMES);
    const parentAge = 24 + Math.floor(rnd() * 20);
    const members: GeneratedMember[] = [
      { givenName: pick(rnd, GIVEN_NAMES_ADULT), surname: surnameA, role: "parent", dateOfBirth: `${today.getUTCFullYear() - parentAge}-0${1 + Math.floor(rnd() * 9)}-1${Math.floor(rnd() * 9)}` },
    ];
    if (rnd() < 0.6) members.push({ givenName: pick(rnd, GIVEN_NAMES_ADULT), surname: surnameB, role: "parent", dateOfBirth: `${today.getUTCFullYear() - parentAge - 2}-1${Math.floor(rnd() * 3)}-0${1 + Math.floor(rnd() * 9)}` });
    const children = 1 + Math.floor(rnd() * 4);
    for (let c = 0; c < children; c++) {
      // Children often carry a different surname (BRIEF §1).
      const surname = rnd() < 0.3 ? pick(rnd, SURNAMES) : surnameA;
      members.push({ givenName: pick(rnd, GIVEN_NAMES_CHILD), surname, role: "child", dateOfBirth: `${today.getUTCFullYear() - 1 - Math.floor(rnd() * 16)}-0${1 + Math.floor(rnd() * 9)}-2${Math.floor(rnd() * 8)}` });
    }
    const start = new Date(today.getTime() - (240 + Math.floor(rnd() * 300)) * 86_400_000);
    const later = new Date(start.getTime() + (190 + Math.floor(rnd() * 60)) * 86_400_000);
    const base: Record<string, number> = {};
    const after: Record<string, number> = {};
    for (const d of def.domains) {
      const s0 = clamp(Math.round(1 + rnd() * 3.2), 1, 5);
      const lever = d.key === "huisvesting" || d.key === "inkomen" ? 1.4 : d.key === "vrije_tijd" || d.key === "lichamelijke_gezondheid" ? 0.2 : 0.7;
      const s1 = clamp(s0 + Math.round(rnd() * lever * 1.6 - 0.25), 1, 5);
      base[d.key] = s0;
      after[d.key] = s1;
    }
    const justify = (scores: Record<string, number>) =>
      Object.fromEntries(Object.entries(scores).filter(([, s]) => s <= 3).map(([k]) => [k, JUSTIFICATION[k] ?? "Zie dossier."]));
    families.push({
      caseNumber: `${prefix}-${String(i).padStart(width, "0")}`,
      street: pick(rnd, STREETS),
      houseNumber: String(1 + Math.floor(rnd() * 200)),
      postcode: `97${10 + Math.floor(rnd() * 89)}${String.fromCharCode(65 + Math.floor(rnd() * 26))}${String.fromCharCode(65 + Math.floor(rnd() * 26))}`,
      city: "Voorbeeldstad",
      district: pick(rnd, DISTRICTS),
      neighbourhood: pick(rnd, NEIGHBOURHOODS),
      members,
      network: rnd() < 0.7 ? [{ name: `${pick(rnd, GIVEN_NAMES_ADULT)} ${pick(rnd, SURNAMES)}`, relation: pick(rnd, ["oma", "buurvrouw", "oom", "vriendin", "trainer"]), contact: "06-00000000" }] : [],
      measurements: [
        { round: 0, measuredOn: isoDate(start), scores: base, justification: justify(base) },
        { round: 1, measuredOn: isoDate(later), scores: after, justification: justify(after) },
      ],
    });
  }
  return families;
}
