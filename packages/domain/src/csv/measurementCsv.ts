import { CaseNumber } from "../contracts/family.ts";
import type { InvalidParam } from "../errors.ts";
import { isOnScale, scaleBounds, type InstrumentDefinition } from "../instruments/definition.ts";
import { CsvSyntaxError, csvLine, parseCsv } from "./csv.ts";

/** The measurement file: `family,meting,date,<domain keys…>`; an empty cell means "not scored". */
export const MEASUREMENT_CSV_FIXED = ["family", "meting", "date"] as const;

export interface MeasurementCsvRecord {
  line: number;
  family: string;
  round: number;
  measuredOn: string | null;
  scores: Record<string, number>;
}

export interface MeasurementCsvContext {
  /** Case numbers that exist in the organisation. */
  knownFamilies: ReadonlySet<string>;
  /** `${caseNumber}|${round}` of family-level metingen that already exist on this instrument. */
  existingRounds: ReadonlySet<string>;
  createFamilies: boolean;
}

export interface MeasurementCsvResult {
  records: MeasurementCsvRecord[];
  errors: InvalidParam[];
  /** Case numbers that will be created (only with createFamilies). */
  newFamilies: string[];
}

const at = (line: number, column?: string) => (column ? `line ${line}, column ${column}` : `line ${line}`);

function isIsoDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/**
 * Checks a whole measurement file against an instrument and what already exists. Every problem is
 * listed with its line and column; the caller imports nothing unless `errors` is empty.
 */
export function validateMeasurementCsv(def: InstrumentDefinition, text: string, ctx: MeasurementCsvContext): MeasurementCsvResult {
  const errors: InvalidParam[] = [];
  let rows;
  try {
    rows = parseCsv(text);
  } catch (err) {
    if (err instanceof CsvSyntaxError) return { records: [], errors: [{ name: at(err.line), reason: err.message.replace(/^line \d+: /, "") }], newFamilies: [] };
    throw err;
  }
  const header = rows[0];
  if (!header) return { records: [], errors: [{ name: "line 1", reason: "the file is empty; the first line must be the header family,meting,date,<domain keys>" }], newFamilies: [] };
  const columns = header.cells.map((c) => c.trim());
  const domainKeys = new Set(def.domains.map((d) => d.key));
  const seenColumns = new Set<string>();
  columns.forEach((c, i) => {
    if (seenColumns.has(c)) errors.push({ name: at(1, c || `#${i + 1}`), reason: `column '${c}' appears twice` });
    seenColumns.add(c);
    if (!domainKeys.has(c) && !(MEASUREMENT_CSV_FIXED as readonly string[]).includes(c)) {
      errors.push({ name: at(1, c || `#${i + 1}`), reason: `unknown column '${c}'; use family, meting, date and the domain keys of ${def.key}: ${[...domainKeys].join(", ")}` });
    }
  });
  for (const required of ["family", "meting"]) {
    if (!seenColumns.has(required)) errors.push({ name: at(1), reason: `the header has no '${required}' column` });
  }
  if (![...seenColumns].some((c) => domainKeys.has(c))) errors.push({ name: at(1), reason: `the header names no domain of ${def.key}` });
  if (errors.length > 0) return { records: [], errors, newFamilies: [] };

  const { min, max } = scaleBounds(def);
  const records: MeasurementCsvRecord[] = [];
  const seen = new Map<string, number>();
  const newFamilies = new Set<string>();
  for (const row of rows.slice(1)) {
    if (row.cells.length !== columns.length) {
      errors.push({ name: at(row.line), reason: `has ${row.cells.length} cells where the header has ${columns.length}` });
      continue;
    }
    const cell = (name: string) => (row.cells[columns.indexOf(name)] ?? "").trim();
    const rowErrors: InvalidParam[] = [];
    const family = cell("family");
    const parsedFamily = CaseNumber.safeParse(family);
    if (!parsedFamily.success) rowErrors.push({ name: at(row.line, "family"), reason: family ? `'${family}' is not a valid case number: ${parsedFamily.error.issues[0]?.message ?? "invalid"}` : "the case number is empty" });
    const roundText = cell("meting");
    const round = /^\d{1,2}$/.test(roundText) ? Number(roundText) : NaN;
    if (Number.isNaN(round)) rowErrors.push({ name: at(row.line, "meting"), reason: `'${roundText}' is not a meting number; use 0 for the nulmeting, then 1, 2, …` });
    const dateText = seenColumns.has("date") ? cell("date") : "";
    if (dateText && !isIsoDate(dateText)) rowErrors.push({ name: at(row.line, "date"), reason: `'${dateText}' is not a date; write it as YYYY-MM-DD or leave it empty` });
    const scores: Record<string, number> = {};
    for (const d of def.domains) {
      if (!seenColumns.has(d.key)) continue;
      const raw = cell(d.key);
      if (raw === "") continue;
      const n = /^-?\d+$/.test(raw) ? Number(raw) : NaN;
      if (Number.isNaN(n)) rowErrors.push({ name: at(row.line, d.key), reason: `'${raw}' is not a whole number; use ${min} to ${max} or leave the cell empty` });
      else if (!isOnScale(def, n)) rowErrors.push({ name: at(row.line, d.key), reason: `${n} is outside the scale ${min} to ${max}` });
      else scores[d.key] = n;
    }
    if (rowErrors.length === 0 && Object.keys(scores).length === 0) rowErrors.push({ name: at(row.line), reason: "no domain is scored on this line" });
    if (parsedFamily.success && !Number.isNaN(round)) {
      const key = `${family}|${round}`;
      const earlier = seen.get(key);
      if (earlier !== undefined) rowErrors.push({ name: at(row.line), reason: `family ${family} meting ${round} also appears on line ${earlier}` });
      else seen.set(key, row.line);
      if (ctx.existingRounds.has(key)) rowErrors.push({ name: at(row.line), reason: `family ${family} already has meting ${round} on ${def.key}; edit it in the family file instead` });
      if (!ctx.knownFamilies.has(family)) {
        if (ctx.createFamilies) newFamilies.add(family);
        else rowErrors.push({ name: at(row.line, "family"), reason: `unknown family '${family}'; register it first or import with --create-families` });
      }
    }
    if (rowErrors.length > 0) errors.push(...rowErrors);
    else records.push({ line: row.line, family, round, measuredOn: dateText || null, scores });
  }
  if (rows.length === 1) errors.push({ name: at(1), reason: "the file has a header but no measurements" });
  return { records: errors.length > 0 ? [] : records, errors, newFamilies: errors.length > 0 ? [] : [...newFamilies] };
}

/** Writes measurements back in the import format, sorted by family and meting. */
export function writeMeasurementCsv(def: InstrumentDefinition, records: readonly Omit<MeasurementCsvRecord, "line">[]): string {
  const keys = def.domains.map((d) => d.key);
  const sorted = [...records].sort((a, b) => a.family.localeCompare(b.family, "en", { numeric: true }) || a.round - b.round);
  const lines = [csvLine([...MEASUREMENT_CSV_FIXED, ...keys])];
  for (const r of sorted) lines.push(csvLine([r.family, r.round, r.measuredOn, ...keys.map((k) => r.scores[k])]));
  return `${lines.join("\n")}\n`;
}
