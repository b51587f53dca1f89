/*
 * The exchange format of the catalogue, so knowledge platforms and other organisations can share
 * it: a JSON document and a CSV file with the same fields. Entries are matched on `key` when
 * imported (upsert). The chain partner that provides an entry travels by name (`providerPartner`),
 * because ids are local to one organisation.
 *
 * CSV: one entry per line, the header names the columns (any order; `key` and `name` are
 * required, other columns may be left out). Lists are joined with ";" (targetGroups, regions,
 * domains, sources); a source is "title|url|year". A ";", "|" or "\" inside an item is written
 * as "\;", "\|" or "\\". `cost` is in euros ("6500" or "6500.50"); `active` is true/false (empty:
 * true). Cells are written with formula-injection protection (csvCell).
 */
import { z } from "zod";
import type { InvalidParam } from "../errors.ts";
import { CsvSyntaxError, csvLine, parseCsv } from "../csv/csv.ts";
import { checkCost, ENTRY_FIELDS, InterventionKey, type Intervention } from "./catalogueContract.ts";

export const EXCHANGE_FORMAT = "ploegwerk-interventies";
export const EXCHANGE_VERSION = 1;

/** One entry in an exchange file. */
export const ExchangeEntry = z
  .object({
    key: InterventionKey,
    ...(({ providerPartnerId: _omit, ...rest }) => rest)(ENTRY_FIELDS),
    /** The name of the registered chain partner that provides it (matched without case or accents). */
    providerPartner: z
      .string()
      .trim()
      .max(200)
      .nullable()
      .default(null)
      .transform((v) => (v === "" ? null : v)),
  })
  .superRefine(checkCost);
export type ExchangeEntry = z.infer<typeof ExchangeEntry>;

/** The JSON document; an import also takes a bare array of entries. */
export interface ExchangeDocument {
  format: typeof EXCHANGE_FORMAT;
  version: typeof EXCHANGE_VERSION;
  exportedAt: string;
  entries: ExchangeEntry[];
}

export const CSV_COLUMNS = [
  "key",
  "name",
  "summary",
  "targetGroup",
  "targetGroups",
  "goal",
  "theory",
  "method",
  "provider",
  "providerPartner",
  "geographicReach",
  "regions",
  "domains",
  "evidenceLevel",
  "recognition",
  "cost",
  "costUnit",
  "costIncludes",
  "contact",
  "sources",
  "active",
] as const;
type CsvColumn = (typeof CSV_COLUMNS)[number];
const LIST_COLUMNS = new Set<CsvColumn>(["targetGroups", "regions", "domains", "sources"]);

export interface ExchangeResult {
  entries: ExchangeEntry[];
  /** Every problem, with where (line and column, or entry and field) and how to fix it. Empty = the file may be imported. */
  errors: InvalidParam[];
  /** Where a field of entries[i] is in the file, for errors found later (e.g. an unknown leefgebied): "line 3, column domains". */
  fieldAt(index: number, field: string, item?: number): string;
}

/** An entry as the exchange file holds it. */
export function toExchangeEntry(e: Intervention): ExchangeEntry {
  return {
    key: e.key,
    name: e.name,
    summary: e.summary,
    targetGroup: e.targetGroup,
    targetGroups: [...e.targetGroups],
    goal: e.goal,
    theory: e.theory,
    method: e.method,
    provider: e.provider,
    providerPartner: e.providerPartnerName,
    geographicReach: e.geographicReach,
    regions: [...e.regions],
    domains: [...e.domains],
    evidenceLevel: e.evidenceLevel,
    recognition: e.recognition,
    costCents: e.costCents,
    costUnit: e.costUnit,
    costIncludes: e.costIncludes,
    contact: e.contact,
    sources: e.sources.map((s) => ({ ...s })),
    active: e.active,
  };
}

export function writeExchangeJson(entries: readonly ExchangeEntry[], exportedAt: string): string {
  const doc: ExchangeDocument = { format: EXCHANGE_FORMAT, version: EXCHANGE_VERSION, exportedAt, entries: [...entries] };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

// ── CSV lists ────────────────────────────────────────────────────────────────────────────────

const escapeItem = (s: string, also = "") => s.replace(new RegExp(`[\\\\;${also}]`, "g"), (c) => `\\${c}`);

/** Splits on `sep` where it is not escaped; the parts keep their escapes (for a second split). */
function splitRaw(text: string, sep: string): string[] {
  const parts: string[] = [];
  let current = "";
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (ch === "\\" && i + 1 < text.length) {
      current += ch + (text[i + 1] as string);
      i++;
    } else if (ch === sep) {
      parts.push(current);
      current = "";
    } else current += ch;
  }
  parts.push(current);
  return parts;
}

const unescapeItem = (s: string) => s.replace(/\\(.)/g, "$1");

/** The raw items of a list cell ("" is no items). */
function listItems(cell: string): string[] {
  return cell.trim() === "" ? [] : splitRaw(cell, ";");
}

const noEntries = (errors: InvalidParam[]): ExchangeResult => ({ entries: [], errors, fieldAt: () => "(file)" });

function splitList(cell: string): string[] {
  return listItems(cell).map((s) => unescapeItem(s).trim());
}

function joinList(items: readonly string[]): string {
  return items.map((s) => escapeItem(s)).join(";");
}

function formatEuros(cents: number | null): string | null {
  if (cents === null) return null;
  return cents % 100 === 0 ? String(cents / 100) : (cents / 100).toFixed(2);
}

export function writeExchangeCsv(entries: readonly ExchangeEntry[]): string {
  const lines = [csvLine(CSV_COLUMNS)];
  for (const e of entries) {
    const sources = e.sources.map((s) => [escapeItem(s.title, "|"), escapeItem(s.url ?? "", "|"), s.year === null ? "" : String(s.year)].join("|").replace(/\|+$/, ""));
    const cells: Record<CsvColumn, string | number | null> = {
      key: e.key,
      name: e.name,
      summary: e.summary,
      targetGroup: e.targetGroup,
      targetGroups: joinList(e.targetGroups),
      goal: e.goal,
      theory: e.theory,
      method: e.method,
      provider: e.provider,
      providerPartner: e.providerPartner,
      geographicReach: e.geographicReach,
      regions: joinList(e.regions),
      domains: joinList(e.domains),
      evidenceLevel: e.evidenceLevel,
      recognition: e.recognition,
      cost: formatEuros(e.costCents),
      costUnit: e.costUnit,
      costIncludes: e.costIncludes,
      contact: e.contact,
      sources: sources.join(";"),
      active: e.active ? "true" : "false",
    };
    lines.push(csvLine(CSV_COLUMNS.map((c) => cells[c])));
  }
  return `${lines.join("\n")}\n`;
}

// ── reading ──────────────────────────────────────────────────────────────────────────────────

const at = (line: number, column?: string) => (column ? `line ${line}, column ${column}` : `line ${line}`);
const atEntry = (index: number, field?: string) => (field ? `entry ${index + 1}, field ${field}` : `entry ${index + 1}`);

/** Which CSV column a field path of ExchangeEntry comes from. */
function columnOf(path: readonly PropertyKey[]): string {
  const head = String(path[0] ?? "");
  if (head === "costCents") return "cost";
  return (CSV_COLUMNS as readonly string[]).includes(head) ? head : head || "(entry)";
}

function issueText(issue: z.core.$ZodIssue, listItem: boolean): string {
  const where = listItem && issue.path.length > 1 ? `item ${Number(issue.path[1]) + 1}: ` : "";
  return `${where}${issue.message}`;
}

/** Duplicate keys: every line or entry that repeats a key earlier in the file. */
function duplicateKeys(keys: readonly { key: string; where: string }[]): InvalidParam[] {
  const first = new Map<string, string>();
  const errors: InvalidParam[] = [];
  for (const k of keys) {
    const earlier = first.get(k.key);
    if (earlier) errors.push({ name: k.where, reason: `key '${k.key}' also appears at ${earlier}; every entry needs its own key` });
    else first.set(k.key, k.where);
  }
  return errors;
}

const TRUE = new Set(["true", "ja", "yes", "1", ""]);
const FALSE = new Set(["false", "nee", "no", "0"]);

function csvRecordToRaw(columns: readonly string[], cells: readonly string[], line: number, errors: InvalidParam[]): Record<string, unknown> {
  const raw: Record<string, unknown> = {};
  columns.forEach((column, i) => {
    const cell = cells[i] ?? "";
    const c = column as CsvColumn;
    if (c === "sources") {
      raw.sources = listItems(cell).map((item) => {
        const [title = "", url = "", year = ""] = splitRaw(item, "|").map((s) => unescapeItem(s).trim());
        if (year !== "" && !/^\d{4}$/.test(year)) errors.push({ name: at(line, "sources"), reason: `'${year}' is not a year; write a source as title|url|year, e.g. "Handboek|https://example.org|2021"` });
        return { title, url: url || null, year: /^\d{4}$/.test(year) ? Number(year) : null };
      });
    } else if (LIST_COLUMNS.has(c)) {
      raw[c] = splitList(cell);
    } else if (c === "evidenceLevel") {
      const t = cell.trim();
      if (t === "") raw.evidenceLevel = null;
      else if (/^\d+$/.test(t)) raw.evidenceLevel = Number(t);
      else errors.push({ name: at(line, c), reason: `'${t}' is not a step of the effectladder; write 0, 1, 2, 3 or 4, or leave it empty` });
    } else if (c === "cost") {
      const t = cell.trim();
      if (t === "") raw.costCents = null;
      else if (/^\d{1,8}([.,]\d{1,2})?$/.test(t)) {
        const [whole = "0", frac = ""] = t.split(/[.,]/);
        raw.costCents = Number(whole) * 100 + Number(frac.padEnd(2, "0") || "0");
      } else errors.push({ name: at(line, c), reason: `'${t}' is not an amount in euros; write it like 6500 or 6500.50, without a € sign or thousands separator` });
    } else if (c === "active") {
      const t = cell.trim().toLowerCase();
      if (TRUE.has(t)) raw.active = true;
      else if (FALSE.has(t)) raw.active = false;
      else errors.push({ name: at(line, c), reason: `'${cell.trim()}' is not true or false; write true (in use) or false (archived)` });
    } else if (c === "costUnit" || c === "recognition") {
      raw[c] = cell.trim() === "" ? null : cell.trim();
    } else {
      // csvCell put a quote before a leading = + - @ (formula protection); it comes off again here.
      raw[c] = /^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
    }
  });
  return raw;
}

/**
 * Checks a whole CSV file. Every problem is listed with its line and column; the caller imports
 * nothing unless `errors` is empty.
 */
export function readExchangeCsv(text: string): ExchangeResult {
  let rows;
  try {
    rows = parseCsv(text);
  } catch (err) {
    if (err instanceof CsvSyntaxError) return noEntries([{ name: at(err.line), reason: err.message.replace(/^line \d+: /, "") }]);
    throw err;
  }
  const header = rows[0];
  if (!header) return noEntries([{ name: at(1), reason: `the file is empty; the first line must be the header, e.g. ${CSV_COLUMNS.join(",")}` }]);
  const columns = header.cells.map((c) => c.trim());
  const errors: InvalidParam[] = [];
  const seen = new Set<string>();
  columns.forEach((c, i) => {
    if (seen.has(c)) errors.push({ name: at(1, c || `#${i + 1}`), reason: `column '${c}' appears twice` });
    seen.add(c);
    if (!(CSV_COLUMNS as readonly string[]).includes(c)) errors.push({ name: at(1, c || `#${i + 1}`), reason: `unknown column '${c}'; the columns are: ${CSV_COLUMNS.join(", ")}` });
  });
  for (const required of ["key", "name"]) if (!seen.has(required)) errors.push({ name: at(1), reason: `the header has no '${required}' column` });
  if (errors.length > 0) return noEntries(errors);
  if (rows.length === 1) return noEntries([{ name: at(1), reason: "the file has a header but no entries" }]);

  const entries: ExchangeEntry[] = [];
  const lines: number[] = [];
  const keys: { key: string; where: string }[] = [];
  for (const row of rows.slice(1)) {
    if (row.cells.length !== columns.length) {
      errors.push({ name: at(row.line), reason: `has ${row.cells.length} cells where the header has ${columns.length}; put a cell with a comma, quote or line break between double quotes` });
      continue;
    }
    const rowErrors: InvalidParam[] = [];
    const raw = csvRecordToRaw(columns, row.cells, row.line, rowErrors);
    const parsed = ExchangeEntry.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const column = columnOf(issue.path);
        // A field the CSV reading already reported (an amount that is not a number …) is not repeated.
        if (rowErrors.some((e) => e.name === at(row.line, column))) continue;
        rowErrors.push({ name: at(row.line, column), reason: issueText(issue, LIST_COLUMNS.has(column as CsvColumn)) });
      }
    }
    if (typeof raw.key === "string" && raw.key.trim()) keys.push({ key: raw.key.trim(), where: at(row.line) });
    errors.push(...rowErrors);
    if (parsed.success && rowErrors.length === 0) {
      entries.push(parsed.data);
      lines.push(row.line);
    }
  }
  errors.push(...duplicateKeys(keys));
  if (errors.length > 0) return noEntries(errors);
  return {
    entries,
    errors,
    fieldAt: (index, field, item) => `${at(lines[index] ?? 0, field === "costCents" ? "cost" : field)}${item === undefined ? "" : ` (item ${item + 1})`}`,
  };
}

/** Checks a JSON exchange document (or a bare array of entries). */
export function readExchangeJson(text: string): ExchangeResult {
  let value: unknown;
  try {
    value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (err) {
    return noEntries([{ name: "(file)", reason: `not valid JSON: ${err instanceof Error ? err.message : String(err)}` }]);
  }
  let list: unknown;
  if (Array.isArray(value)) list = value;
  else if (value !== null && typeof value === "object" && "entries" in value) {
    const doc = value as { format?: unknown; version?: unknown; entries: unknown };
    if (doc.format !== undefined && doc.format !== EXCHANGE_FORMAT) return noEntries([{ name: "format", reason: `'${String(doc.format)}' is not a catalogue file; expected "${EXCHANGE_FORMAT}"` }]);
    if (doc.version !== undefined && doc.version !== EXCHANGE_VERSION) return noEntries([{ name: "version", reason: `version ${String(doc.version)} is not supported; this version of Ploegwerk reads version ${EXCHANGE_VERSION}` }]);
    list = doc.entries;
  } else {
    return noEntries([{ name: "(file)", reason: `expected a catalogue document {"format": "${EXCHANGE_FORMAT}", "entries": [...]} or a list of entries` }]);
  }
  if (!Array.isArray(list)) return noEntries([{ name: "entries", reason: "must be a list of entries" }]);
  if (list.length === 0) return noEntries([{ name: "entries", reason: "the file has no entries" }]);
  const errors: InvalidParam[] = [];
  const entries: ExchangeEntry[] = [];
  const keys: { key: string; where: string }[] = [];
  list.forEach((item, i) => {
    const parsed = ExchangeEntry.safeParse(item);
    if (parsed.success) {
      entries.push(parsed.data);
      keys.push({ key: parsed.data.key, where: atEntry(i) });
    } else {
      for (const issue of parsed.error.issues) errors.push({ name: atEntry(i, issue.path.map(String).join(".") || undefined), reason: issue.message });
      const key = item !== null && typeof item === "object" && "key" in item ? (item as { key: unknown }).key : undefined;
      if (typeof key === "string" && key.trim()) keys.push({ key: key.trim(), where: atEntry(i) });
    }
  });
  errors.push(...duplicateKeys(keys));
  if (errors.length > 0) return noEntries(errors);
  return { entries, errors, fieldAt: (index, field, item) => atEntry(index, item === undefined ? field : `${field}.${item}`) };
}

export const EXCHANGE_FORMATS = ["json", "csv"] as const;
export type ExchangeFormat = (typeof EXCHANGE_FORMATS)[number];

export function readExchange(format: ExchangeFormat, text: string): ExchangeResult {
  return format === "csv" ? readExchangeCsv(text) : readExchangeJson(text);
}

/** POST /interventions/import: the file's text as it was read, and its format. */
export const ImportInterventions = z.object({
  format: z.enum(EXCHANGE_FORMATS, { error: "choose json or csv" }),
  content: z.string().min(1, "the file is empty").max(1_900_000, "the file is too large (at most about 1.9 MB); split it into smaller files"),
});
export type ImportInterventions = z.infer<typeof ImportInterventions>;

export const InterventionImportSummary = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  /** Entries in the file that were already exactly so. */
  unchanged: z.number().int(),
  /** Imported, but worth a look: e.g. a chain partner name that is not registered (the entry keeps its aanbieder text, unlinked). */
  warnings: z.array(z.object({ name: z.string(), reason: z.string() })),
});
export type InterventionImportSummary = z.infer<typeof InterventionImportSummary>;
