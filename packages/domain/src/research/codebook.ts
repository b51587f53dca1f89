/**
 * The codebook of a research export (pure): every column with its type, meaning and allowed
 * values, the instrument's leefgebieden with their keys, names and scale wording, the SR formula,
 * how the data were pseudonymised and dates treated, and the export's date and filters. The export
 * key is not an input, so it cannot end up here.
 */
import type { LocalizedText } from "../i18n.ts";
import type { IsoDay } from "../trajectory/calendar.ts";
import type { ResearchExportFilter } from "./exportContract.ts";
import { MAX_DATE_SHIFT_DAYS, PSEUDONYM_HEX_LENGTH, PSEUDONYM_PREFIX } from "./pseudonyms.ts";
import type { ResearchColumn, ResearchLayout } from "./researchRows.ts";

export interface ResearchExportFacts {
  /** The day the export was made. */
  createdOn: IsoDay;
  filter: ResearchExportFilter;
  rows: number;
  families: number;
}

export const CODEBOOK_FORMAT = "ploegwerk-research-codebook";

const UNIT: LocalizedText = {
  nl: "Eén rij per gezin per meting: alleen metingen op gezinsniveau (niet die van één gezinslid) van het gekozen instrument, met een meetdatum in de gekozen periode (begin en eind inbegrepen), van de hele organisatie.",
  en: "One row per family per meting: family-level metingen only (not those of a single member) of the chosen instrument, measured within the chosen period (both ends included), across the whole organisation.",
};

const PSEUDONYMISATION: LocalizedText = {
  nl: `Gezinnen zijn gepseudonimiseerd met een sleutel van 32 willekeurige bytes die alleen voor deze export gemaakt is en daarna weggegooid: het pseudoniem is ${PSEUDONYM_PREFIX} met de eerste ${PSEUDONYM_HEX_LENGTH} hexadecimale tekens van HMAC-SHA256(sleutel, gezins-id). Binnen dit bestand heeft een gezin steeds hetzelfde pseudoniem; in een andere export een ander, zodat exports niet via het pseudoniem te koppelen zijn. De sleutel staat nergens, ook niet in dit codeboek. Rijen staan op volgorde van pseudoniem.`,
  en: `Families are pseudonymised with a key of 32 random bytes made for this export only and then discarded: the pseudonym is ${PSEUDONYM_PREFIX} followed by the first ${PSEUDONYM_HEX_LENGTH} hexadecimal characters of HMAC-SHA256(key, family id). Within this file a family always has the same pseudonym; in another export a different one, so exports cannot be linked by pseudonym. The key is stored nowhere, not in this codebook either. Rows are ordered by pseudonym.`,
};

const NOT_INCLUDED: LocalizedText = {
  nl: "Niet in dit bestand: namen van gezinsleden, BSN, adres, postcode, woonplaats, geboortedatums, dossiernummer, interne ids, team, wijk en buurt, namen van medewerkers, toelichtingen en andere vrije tekst, en metingen van afzonderlijke gezinsleden. Team en wijk zijn weggelaten omdat ze, samen met de datums, een klein aantal gezinnen kunnen aanwijzen.",
  en: "Not in this file: names of family members, BSN, address, postcode, town, dates of birth, case number, internal ids, team, district and neighbourhood, staff names, justifications and other free text, and metingen of single members. Team and district are left out because, together with the dates, they can point to a small number of families.",
};

function datesText(layout: ResearchLayout): LocalizedText {
  const interval: LocalizedText = {
    nl: "De kolom daysSinceNulmeting geeft in beide gevallen het echte aantal dagen sinds de nulmeting van het gezin.",
    en: "In both cases the column daysSinceNulmeting holds the true number of days since the family's baseline.",
  };
  return layout.dateMode === "month"
    ? {
        nl: `Datums zijn teruggebracht tot de maand (JJJJ-MM). ${interval.nl}`,
        en: `Dates are reduced to their month (YYYY-MM). ${interval.en}`,
      }
    : {
        nl: `Datums zijn per gezin verschoven: alle datums van één gezin met hetzelfde geheime aantal dagen tussen −${MAX_DATE_SHIFT_DAYS} en +${MAX_DATE_SHIFT_DAYS} (nooit 0), per export opnieuw getrokken. Tussenpozen binnen een gezin kloppen; de echte datum en de volgorde tussen gezinnen niet. Rijen kunnen daardoor een datum buiten de gekozen periode hebben. ${interval.nl}`,
        en: `Dates are shifted per family: every date of one family by the same secret number of days between −${MAX_DATE_SHIFT_DAYS} and +${MAX_DATE_SHIFT_DAYS} (never 0), drawn anew for each export. Intervals within a family are true; the real date and the order between families are not. Rows may therefore show a date outside the period chosen. ${interval.en}`,
      };
}

function selfRelianceText(layout: ResearchLayout): LocalizedText | null {
  if (!layout.selfReliance) return null;
  return {
    nl: "Gewogen zelfredzaamheid (Intraval 2012): een leefgebied met score s telt (6 − s) keer mee. SR = Σ s·(6 − s) / Σ (6 − s) over de gescoorde leefgebieden, exact berekend en daarna afgerond op één decimaal, half naar boven (1,45 → 1,5). Niveau = de exacte SR afgerond op een geheel getal, half naar boven (2,5 → 3). Probleemgebied = score op of onder de drempel van het instrument.",
    en: "Weighted self-reliance (Intraval 2012): a domain scored s counts (6 − s) times. SR = Σ s·(6 − s) / Σ (6 − s) over the scored domains, computed exactly and then rounded half-up to one decimal (1.45 → 1.5). Level = the exact SR rounded half-up to a whole number (2.5 → 3). Problem domain = a score at or below the instrument's threshold.",
  };
}

export interface ResearchCodebook {
  format: typeof CODEBOOK_FORMAT;
  formatVersion: 1;
  export: {
    createdOn: IsoDay;
    instrument: { key: string; name: LocalizedText; versions: number[] };
    period: { from: IsoDay; to: IsoDay };
    dateMode: ResearchLayout["dateMode"];
    rows: number;
    families: number;
    unit: LocalizedText;
  };
  pseudonymisation: LocalizedText;
  dates: LocalizedText;
  selfReliance: LocalizedText | null;
  instrument: {
    key: string;
    name: LocalizedText;
    description: LocalizedText | null;
    source: string | null;
    scale: { value: number; label: LocalizedText }[];
    problemThreshold: number | null;
    selfRelianceLevels: { value: number; label: LocalizedText }[];
    domains: { key: string; label: LocalizedText; description: LocalizedText | null; anchors: Record<string, LocalizedText> | null }[];
  };
  columns: ResearchColumn[];
  notIncluded: LocalizedText;
}

export function researchCodebook(layout: ResearchLayout, facts: ResearchExportFacts): ResearchCodebook {
  const def = layout.instrument;
  return {
    format: CODEBOOK_FORMAT,
    formatVersion: 1,
    export: {
      createdOn: facts.createdOn,
      instrument: { key: def.key, name: def.name, versions: layout.versions },
      period: { from: facts.filter.from, to: facts.filter.to },
      dateMode: layout.dateMode,
      rows: facts.rows,
      families: facts.families,
      unit: UNIT,
    },
    pseudonymisation: PSEUDONYMISATION,
    dates: datesText(layout),
    selfReliance: selfRelianceText(layout),
    instrument: {
      key: def.key,
      name: def.name,
      description: def.description ?? null,
      source: def.source ?? null,
      scale: def.scale.values,
      problemThreshold: def.problemThreshold,
      selfRelianceLevels: def.selfRelianceLevels ?? [],
      domains: layout.domains.map((d) => ({ key: d.key, label: d.label, description: d.description ?? null, anchors: d.anchors ?? null })),
    },
    columns: layout.columns,
    notIncluded: NOT_INCLUDED,
  };
}

/** A Markdown table cell: no line breaks, pipes escaped. */
function cell(text: string): string {
  return text.replace(/\r?\n/g, " ").replace(/\|/g, "\\|");
}

function both(t: LocalizedText): string {
  return `${t.nl}\n\n*${t.en}*`;
}

function allowed(c: ResearchColumn): string {
  const parts: string[] = [];
  if (c.values && c.values.length > 0) parts.push(c.values.map((v) => `\`${v.value}\` ${v.label.nl} / ${v.label.en}`).join("; "));
  else if (c.range) parts.push(`${c.range.min} … ${c.range.max}`);
  if (c.empty) parts.push(`${c.empty.nl} / ${c.empty.en}`);
  return parts.join("; ") || "–";
}

/** The codebook as a document a researcher reads: Dutch first, English in italics. */
export function codebookMarkdown(book: ResearchCodebook): string {
  const e = book.export;
  const i = book.instrument;
  const lines: string[] = [
    `# Codeboek onderzoeksbestand / Research file codebook`,
    "",
    `| | |`,
    `|---|---|`,
    `| Gemaakt op / Created on | ${e.createdOn} |`,
    `| Instrument | ${cell(e.instrument.name.nl)} (\`${e.instrument.key}\`, versie/version ${e.instrument.versions.join(", ")}) |`,
    `| Periode / Period (meetdatum / date measured) | ${e.period.from} t/m / to ${e.period.to} |`,
    `| Datums / Dates | \`${e.dateMode}\` |`,
    `| Rijen / Rows | ${e.rows} |`,
    `| Gezinnen / Families | ${e.families} |`,
    "",
    "## Eenheid / Unit",
    "",
    both(e.unit),
    "",
    "## Pseudonimisering / Pseudonymisation",
    "",
    both(book.pseudonymisation),
    "",
    "## Datums / Dates",
    "",
    both(book.dates),
    "",
  ];
  if (book.selfReliance) lines.push("## Zelfredzaamheid / Self-reliance", "", both(book.selfReliance), "");
  lines.push(
    "## Kolommen / Columns",
    "",
    "| Kolom / Column | Type | Betekenis | Meaning | Waarden / Values |",
    "|---|---|---|---|---|",
    ...book.columns.map((c) => `| \`${c.name}\` | ${c.type} | ${cell(c.meaning.nl)} | ${cell(c.meaning.en)} | ${cell(allowed(c))} |`),
    "",
    `## Instrument: ${i.name.nl} / ${i.name.en}`,
    "",
  );
  if (i.description) lines.push(both(i.description), "");
  if (i.source) lines.push(`Bron / Source: ${i.source}`, "");
  lines.push(
    "Schaal / Scale:",
    "",
    ...i.scale.map((v) => `- \`${v.value}\` ${v.label.nl} / ${v.label.en}`),
    "",
  );
  if (i.problemThreshold !== null) lines.push(`Probleemgebied / Problem domain: score ≤ ${i.problemThreshold}`, "");
  if (i.selfRelianceLevels.length > 0) lines.push("Niveaus van zelfredzaamheid / Self-reliance levels:", "", ...i.selfRelianceLevels.map((v) => `- \`${v.value}\` ${v.label.nl} / ${v.label.en}`), "");
  lines.push("### Leefgebieden / Life domains", "", "| Sleutel / Key | Leefgebied | Life domain | Omschrijving / Description |", "|---|---|---|---|");
  for (const d of i.domains) {
    lines.push(`| \`${d.key}\` | ${cell(d.label.nl)} | ${cell(d.label.en)} | ${cell(d.description ? `${d.description.nl} / ${d.description.en}` : "–")} |`);
  }
  const anchored = i.domains.filter((d) => d.anchors && Object.keys(d.anchors).length > 0);
  for (const d of anchored) {
    lines.push("", `#### ${d.label.nl} / ${d.label.en}`, "", ...Object.entries(d.anchors ?? {}).map(([v, t]) => `- \`${v}\` ${t.nl} / ${t.en}`));
  }
  lines.push("", "## Niet in dit bestand / Not in this file", "", both(book.notIncluded), "");
  return lines.join("\n");
}
