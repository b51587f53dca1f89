/**
 * The rows of a research export (pure): one row per family per meting, with the pseudonym, the
 * meting number, a reduced or shifted date, the days since the family's nulmeting, every domain
 * score, SR, its level and the number of problem domains, plus two coarse bands of the family's
 * make-up. Nothing else from the family file is an input here, so nothing else can end up in a
 * row: no names, BSN, address, birth dates, case number, internal ids, staff or free text.
 */
import { csvLine } from "../csv/csv.ts";
import type { LocalizedText } from "../i18n.ts";
import type { InstrumentDefinition, InstrumentDomain } from "../instruments/definition.ts";
import { roundHalfUp, type Ratio } from "../outcomes/ratio.ts";
import { addDays, daysBetween, type IsoDay } from "../trajectory/calendar.ts";
import type { ResearchDateMode } from "./exportContract.ts";
import type { Pseudonymiser } from "./pseudonyms.ts";

export type ResearchColumnType = "text" | "integer" | "decimal" | "date" | "month";

export interface ResearchValue {
  value: string;
  label: LocalizedText;
}

export interface ResearchColumn {
  name: string;
  type: ResearchColumnType;
  meaning: LocalizedText;
  /** The allowed values, when they are a short list. */
  values?: ResearchValue[];
  /** The allowed range of a number. */
  range?: { min: number; max: number };
  /** For a domain score: the leefgebied. */
  domain?: { key: string; label: LocalizedText; description?: LocalizedText };
  /** Empty cells: what they mean. */
  empty?: LocalizedText;
}

/** Bands of the family's make-up, top-coded so that a rare large family does not stand out. */
export const FAMILY_SIZE_BANDS = ["1 to 2", "3 to 4", "5 or more"] as const;
export const CHILDREN_BANDS = ["0", "1", "2 to 3", "4 or more"] as const;
export type FamilySizeBand = (typeof FAMILY_SIZE_BANDS)[number];
export type ChildrenBand = (typeof CHILDREN_BANDS)[number];

export function familySizeBand(members: number): FamilySizeBand {
  if (members <= 2) return "1 to 2";
  return members <= 4 ? "3 to 4" : "5 or more";
}

export function childrenBand(children: number): ChildrenBand {
  if (children <= 1) return children <= 0 ? "0" : "1";
  return children <= 3 ? "2 to 3" : "4 or more";
}

const BAND_LABELS: Record<FamilySizeBand | ChildrenBand, LocalizedText> = {
  "1 to 2": { nl: "1 of 2", en: "1 or 2" },
  "3 to 4": { nl: "3 of 4", en: "3 or 4" },
  "5 or more": { nl: "5 of meer", en: "5 or more" },
  "0": { nl: "geen", en: "none" },
  "1": { nl: "1", en: "1" },
  "2 to 3": { nl: "2 of 3", en: "2 or 3" },
  "4 or more": { nl: "4 of meer", en: "4 or more" },
};

/** One family-level meting as the export reads it from the database. */
export interface ResearchSource {
  familyId: string;
  round: number;
  measuredOn: IsoDay;
  /** The date of the family's nulmeting (meting 0) on this instrument, wherever it lies; null when there is none with a date. */
  nulmetingOn: IsoDay | null;
  instrumentVersion: number;
  /** Scores by domain key; a domain not scored is absent. */
  scores: Readonly<Record<string, number>>;
  problemCount: number;
  /** The exact weighted SR stored with the meting; null when the instrument has none or nothing was scored. */
  selfReliance: Ratio | null;
  selfRelianceLevel: number | null;
  /** Members of the family at the time of the export, and how many of them are children. */
  memberCount: number;
  childCount: number;
}

/** The column layout of one export: fixed columns around the instrument's domains. */
export interface ResearchLayout {
  /** The newest version: names and scale wording. */
  instrument: InstrumentDefinition;
  versions: number[];
  /** Every domain of every version, the newest version's first, then domains only older versions had. */
  domains: InstrumentDomain[];
  dateMode: ResearchDateMode;
  selfReliance: boolean;
  problemDomains: boolean;
  columns: ResearchColumn[];
}

export const RESEARCH_FIXED_COLUMNS = ["family", "meting", "date", "daysSinceNulmeting", "instrumentVersion", "selfReliance", "selfRelianceLevel", "problemDomains", "familySize", "children"] as const;

function dateColumn(mode: ResearchDateMode): ResearchColumn {
  return mode === "month"
    ? {
        name: "date",
        type: "month",
        meaning: { nl: "Maand van de meting (JJJJ-MM). De dag is weggelaten.", en: "Month of the meting (YYYY-MM). The day is left out." },
      }
    : {
        name: "date",
        type: "date",
        meaning: {
          nl: "Datum van de meting (JJJJ-MM-DD), verschoven: alle datums van één gezin zijn met hetzelfde geheime aantal dagen verschoven (tussen −180 en +180, nooit 0). Dit is dus niet de echte datum; de tijd tussen twee metingen van één gezin klopt wel.",
          en: "Date of the meting (YYYY-MM-DD), shifted: every date of one family moved by the same secret number of days (between −180 and +180, never 0). It is not the true date; the time between two metingen of one family is true.",
        },
      };
}

function scaleValues(def: InstrumentDefinition, domain: InstrumentDomain): ResearchValue[] {
  return def.scale.values.map((v) => {
    const anchor = domain.anchors?.[String(v.value)];
    return { value: String(v.value), label: anchor ? { nl: `${v.label.nl}: ${anchor.nl}`, en: `${v.label.en}: ${anchor.en}` } : v.label };
  });
}

/**
 * The layout for an instrument's stored versions. Columns of domains are named by their key (as in
 * the measurement CSV); a key that would clash with a fixed column is refused.
 */
export function researchLayout(versions: readonly InstrumentDefinition[], dateMode: ResearchDateMode): ResearchLayout {
  const sorted = [...versions].sort((a, b) => b.version - a.version);
  const latest = sorted[0];
  if (!latest) throw new RangeError("an export needs at least one instrument version");
  if (sorted.some((d) => d.key !== latest.key)) throw new RangeError("the versions belong to different instruments");
  const domains: InstrumentDomain[] = [];
  const owner = new Map<string, InstrumentDefinition>();
  for (const def of sorted) {
    for (const d of def.domains) {
      if (owner.has(d.key)) continue;
      if ((RESEARCH_FIXED_COLUMNS as readonly string[]).includes(d.key)) throw new RangeError(`domain key '${d.key}' clashes with a column of the research export`);
      owner.set(d.key, def);
      domains.push(d);
    }
  }
  const selfReliance = sorted.some((d) => d.weightedSelfReliance);
  const problemDomains = sorted.some((d) => d.problemThreshold !== null);
  const { min, max } = { min: Math.min(...latest.scale.values.map((v) => v.value)), max: Math.max(...latest.scale.values.map((v) => v.value)) };
  const notScored: LocalizedText = { nl: "leeg: dit leefgebied is bij deze meting niet gescoord", en: "empty: this domain was not scored at this meting" };

  const columns: ResearchColumn[] = [
    {
      name: "family",
      type: "text",
      meaning: {
        nl: "Pseudoniem van het gezin, alleen geldig in dit bestand: hetzelfde gezin heeft in dit bestand steeds hetzelfde pseudoniem, in een ander exportbestand een ander.",
        en: "Pseudonym of the family, valid in this file only: the same family has the same pseudonym throughout this file and a different one in any other export.",
      },
    },
    { name: "meting", type: "integer", meaning: { nl: "Nummer van de meting: 0 = nulmeting, 1 = eerste vervolgmeting, enzovoort.", en: "Number of the meting: 0 = baseline, 1 = first follow-up, and so on." }, range: { min: 0, max: 99 } },
    dateColumn(dateMode),
    {
      name: "daysSinceNulmeting",
      type: "integer",
      meaning: {
        nl: "Aantal dagen tussen de nulmeting van dit gezin en deze meting, berekend met de echte datums (ook als de nulmeting buiten de gekozen periode valt).",
        en: "Days between this family's baseline (meting 0) and this meting, computed from the true dates (also when the baseline lies outside the period chosen).",
      },
      empty: { nl: "leeg: het gezin heeft op dit instrument geen nulmeting met een datum", en: "empty: the family has no dated baseline on this instrument" },
    },
    {
      name: "instrumentVersion",
      type: "integer",
      meaning: { nl: `Versie van het instrument ${latest.key} waarmee gemeten is.`, en: `Version of the instrument ${latest.key} the meting was taken with.` },
      values: sorted.map((d) => ({ value: String(d.version), label: d.name })).reverse(),
    },
    ...domains.map((d): ResearchColumn => ({
      name: d.key,
      type: "integer",
      meaning: { nl: `Score op het leefgebied ${d.label.nl}.`, en: `Score on the life domain ${d.label.en}.` },
      values: scaleValues(owner.get(d.key) ?? latest, d),
      range: { min, max },
      domain: { key: d.key, label: d.label, ...(d.description ? { description: d.description } : {}) },
      empty: notScored,
    })),
  ];
  if (selfReliance) {
    columns.push(
      {
        name: "selfReliance",
        type: "decimal",
        meaning: {
          nl: "Gewogen zelfredzaamheid SR = Σ score·(6 − score) / Σ (6 − score) over de gescoorde leefgebieden, afgerond op één decimaal (half naar boven). Decimaalteken: punt.",
          en: "Weighted self-reliance SR = Σ score·(6 − score) / Σ (6 − score) over the scored domains, rounded half-up to one decimal. Decimal point: a full stop.",
        },
        range: { min: 1, max: 5 },
        empty: { nl: "leeg: niets gescoord of het instrument kent geen gewogen zelfredzaamheid", en: "empty: nothing scored or the instrument has no weighted self-reliance" },
      },
      {
        name: "selfRelianceLevel",
        type: "integer",
        meaning: { nl: "Niveau van zelfredzaamheid: SR (exact) afgerond op een geheel getal, half naar boven.", en: "Self-reliance level: the exact SR rounded half-up to a whole number." },
        values: latest.selfRelianceLevels?.map((l) => ({ value: String(l.value), label: l.label })) ?? [],
        empty: { nl: "leeg: geen SR", en: "empty: no SR" },
      },
    );
  }
  if (problemDomains) {
    columns.push({
      name: "problemDomains",
      type: "integer",
      meaning: {
        nl: `Aantal probleemgebieden: leefgebieden met een score van ${latest.problemThreshold ?? "de drempel"} of lager.`,
        en: `Number of problem domains: domains scored ${latest.problemThreshold ?? "the threshold"} or lower.`,
      },
      range: { min: 0, max: domains.length },
    });
  }
  columns.push(
    {
      name: "familySize",
      type: "text",
      meaning: { nl: "Aantal gezinsleden, in klassen, zoals het gezin nu in het dossier staat (niet per meting).", en: "Number of family members, in bands, as the family file holds it now (not per meting)." },
      values: FAMILY_SIZE_BANDS.map((b) => ({ value: b, label: BAND_LABELS[b] })),
    },
    {
      name: "children",
      type: "text",
      meaning: { nl: "Aantal kinderen in het gezin, in klassen, zoals het gezin nu in het dossier staat.", en: "Number of children in the family, in bands, as the family file holds it now." },
      values: CHILDREN_BANDS.map((b) => ({ value: b, label: BAND_LABELS[b] })),
    },
  );
  return { instrument: latest, versions: sorted.map((d) => d.version).reverse(), domains, dateMode, selfReliance, problemDomains, columns };
}

export function researchHeader(layout: ResearchLayout): string {
  return csvLine(layout.columns.map((c) => c.name));
}

/** "2024-03-17" → "2024-03". */
export function monthOf(date: IsoDay): string {
  return date.slice(0, 7);
}

/** The date as the export shows it: its month, or moved by the family's shift. */
export function exportDate(date: IsoDay, mode: ResearchDateMode, shift: number): string {
  return mode === "month" ? monthOf(date) : addDays(date, shift);
}

/** The cells of one row, in the layout's column order. */
export function researchCells(layout: ResearchLayout, pseudonyms: Pseudonymiser, source: ResearchSource): (string | number | null)[] {
  const shift = layout.dateMode === "shift" ? pseudonyms.dayShift(source.familyId) : 0;
  const cells: (string | number | null)[] = [
    pseudonyms.pseudonym(source.familyId),
    source.round,
    exportDate(source.measuredOn, layout.dateMode, shift),
    source.nulmetingOn === null ? null : daysBetween(source.nulmetingOn, source.measuredOn),
    source.instrumentVersion,
  ];
  for (const d of layout.domains) {
    const s = source.scores[d.key];
    cells.push(typeof s === "number" ? s : null);
  }
  if (layout.selfReliance) {
    // One decimal always ("3.0"), so the column reads as a decimal everywhere.
    cells.push(source.selfReliance ? roundHalfUp(source.selfReliance, 1).toFixed(1) : null, source.selfRelianceLevel);
  }
  if (layout.problemDomains) cells.push(source.problemCount);
  cells.push(familySizeBand(source.memberCount), childrenBand(source.childCount));
  return cells;
}

export function researchLine(layout: ResearchLayout, pseudonyms: Pseudonymiser, source: ResearchSource): string {
  return csvLine(researchCells(layout, pseudonyms, source));
}
