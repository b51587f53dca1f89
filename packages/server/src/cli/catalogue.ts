/**
 * `ploegwerk catalogue import FILE` and `ploegwerk catalogue export --format json|csv`: the "wat
 * werkt" catalogue in the exchange format (docs/CATALOGUE.md). An import is all or nothing; its
 * errors go to stderr with line (CSV) or entry (JSON) and field, and the exit code is 1.
 */
import { readFileSync } from "node:fs";
import { extname } from "node:path";
import type { ExchangeFormat } from "@ploegwerk/domain";
import type { Actor } from "../authz/actor.ts";
import type { Database } from "../db/database.ts";
import { exportInterventions, importInterventions } from "../features/interventions/interventions.transfer.ts";
import { log } from "../runtime.ts";

/** The format: --format when given, else the file's extension. */
function formatOf(file: string | undefined, format: string | undefined): ExchangeFormat | null {
  const f = (format ?? (file ? extname(file).slice(1) : "")).toLowerCase();
  return f === "json" || f === "csv" ? f : null;
}

export async function catalogueCommand(
  database: Database,
  actor: Actor,
  subject: string | undefined,
  file: string | undefined,
  values: { format?: string | undefined },
  write: (data: string) => void,
  usage: (message: string) => Error,
): Promise<number> {
  if (subject === "import") {
    if (!file) throw usage("give the file: ploegwerk catalogue import FILE.csv|FILE.json [--organisation SLUG]");
    const format = formatOf(file, values.format);
    if (!format) throw usage(`cannot tell the format of '${file}'; name it .csv or .json, or pass --format csv|json`);
    const summary = await importInterventions(database.db, { actor, format, content: readFileSync(file, "utf8") });
    for (const w of summary.warnings) log(`warning: ${w.name}: ${w.reason}`);
    log(`Imported the catalogue: ${summary.created} added, ${summary.updated} updated, ${summary.unchanged} unchanged.`);
    return 0;
  }
  if (subject === "export") {
    const format = formatOf(undefined, values.format ?? "json");
    if (!format) throw usage(`unknown format '${values.format ?? ""}'; use json or csv`);
    write(await exportInterventions(database.db, { actor, format }));
    return 0;
  }
  throw usage("use: ploegwerk catalogue import FILE | ploegwerk catalogue export --format json|csv");
}
