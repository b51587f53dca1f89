/**
 * `ploegwerk export research --instrument KEY --from DAY --to DAY [--dates month|shift] --out DIR
 * [--organisation SLUG] [--purpose TEXT]`: the pseudonymised research file and its codebook
 * (features/research). Every argument is checked before the database is opened; the files are
 * written under temporary names and renamed only when all three are complete, so an error leaves
 * nothing behind. Logged as one export row (system actor, counts and purpose). Paths of the files
 * go to stdout, messages to stderr; exit code 2 for a usage mistake, 1 when the export failed.
 */
import { randomBytes } from "node:crypto";
import { createWriteStream, existsSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { once } from "node:events";
import { join, resolve } from "node:path";
import { finished } from "node:stream/promises";
import { parseArgs } from "node:util";
import { codebookMarkdown, DomainError, isIsoDay, RESEARCH_DATE_MODES, todayInNetherlands, type ResearchDateMode, type ResearchExportFilter } from "@ploegwerk/domain";
import { asc } from "drizzle-orm";
import { systemActor } from "../authz/actor.ts";
import { parsePurpose } from "../audit/purpose.ts";
import type { Config } from "../config.ts";
import type { Database } from "../db/database.ts";
import { organisations } from "../db/schema.ts";
import { auditResearchExport, newExportKey, planCodebook, planResearchExport, researchCsvChunks } from "../features/research/research.service.ts";
import { findOrganisationBySlug, firstOrganisation } from "../features/organisations/organisations.service.ts";
import { log, openRuntime } from "../runtime.ts";

export const RESEARCH_USAGE = `use: ploegwerk export research --instrument KEY --from YYYY-MM-DD --to YYYY-MM-DD --out DIR
                               [--dates month|shift] [--organisation SLUG] [--purpose TEXT]
  --instrument  the instrument's key (ploegwerk instruments list), e.g. ploeg-9
  --from --to   the period of measuring dates, both days included
  --dates       month: every date reduced to its month (default); shift: all dates of a family
                moved by one secret number of days (−180..180), so intervals stay true
  --out         an existing directory; research-<date>.csv, codebook-<date>.md and .json are written there
  --purpose     why the data are exported (stored with the audit log row)`;

class ResearchUsageError extends Error {}

const OPTIONS = {
  instrument: { type: "string" },
  from: { type: "string" },
  to: { type: "string" },
  dates: { type: "string" },
  out: { type: "string" },
  organisation: { type: "string" },
  purpose: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

interface Checked {
  filter: ResearchExportFilter;
  dir: string;
  organisation: string | undefined;
  purpose: string | null;
  files: { csv: string; md: string; json: string };
}

function day(name: "from" | "to", value: string | undefined, example: string): string {
  if (value === undefined) throw new ResearchUsageError(`--${name} is missing: give the ${name === "from" ? "first" : "last"} day of the period as YYYY-MM-DD, e.g. --${name} ${example}`);
  if (!isIsoDay(value)) throw new ResearchUsageError(`--${name} '${value}' is not a date: write it as YYYY-MM-DD, e.g. --${name} ${example}`);
  return value;
}

/** Every argument, checked without touching the database or the file system beyond a look at --out. */
function checkArguments(args: readonly string[]): Checked | "help" {
  const { values, positionals } = parseArgs({ args: [...args], options: OPTIONS, allowPositionals: true, strict: true });
  if (values.help) return "help";
  if (positionals.length > 0) throw new ResearchUsageError(`unexpected argument '${positionals[0]}': every value needs its option name (e.g. --out ${positionals[0]})`);
  const instrument = values.instrument?.trim();
  if (!instrument) throw new ResearchUsageError("--instrument is missing: give the instrument's key, e.g. --instrument ploeg-9 (ploegwerk instruments list shows them)");
  const from = day("from", values.from, "2024-01-01");
  const to = day("to", values.to, "2024-12-31");
  if (to < from) throw new ResearchUsageError(`--to ${to} lies before --from ${from}: the period runs from --from to --to; swap them or correct one`);
  const dates = values.dates ?? "month";
  if (!(RESEARCH_DATE_MODES as readonly string[]).includes(dates)) {
    throw new ResearchUsageError(`--dates '${dates}' is not known: use --dates month (every date reduced to its month, the default) or --dates shift (dates moved per family)`);
  }
  if (values.out === undefined || values.out.trim() === "") throw new ResearchUsageError("--out is missing: give an existing directory to write the files in, e.g. --out ./onderzoek");
  const dir = resolve(values.out);
  if (!existsSync(dir)) throw new ResearchUsageError(`--out '${values.out}' does not exist: create the directory first (mkdir -p ${values.out}) or choose another`);
  if (!statSync(dir).isDirectory()) throw new ResearchUsageError(`--out '${values.out}' is a file, not a directory: give a directory`);
  const stamp = todayInNetherlands();
  const files = { csv: join(dir, `research-${stamp}.csv`), md: join(dir, `codebook-${stamp}.md`), json: join(dir, `codebook-${stamp}.json`) };
  for (const f of Object.values(files)) {
    if (existsSync(f)) throw new ResearchUsageError(`${f} already exists: move it away or choose another --out directory (nothing is overwritten)`);
  }
  let purpose: string | null;
  try {
    purpose = parsePurpose(values.purpose);
  } catch (err) {
    throw new ResearchUsageError(`--purpose: ${err instanceof DomainError ? (err.invalidParams[0]?.reason ?? err.text.en) : String(err)}`);
  }
  return { filter: { instrument, from, to, dates: dates as ResearchDateMode }, dir, organisation: values.organisation, purpose, files };
}

async function organisationOf(database: Database, slug: string | undefined): Promise<{ organisationId: string; slug: string }> {
  const org = slug ? await findOrganisationBySlug(database.db, slug) : await firstOrganisation(database.db);
  if (org) return org;
  if (!slug) throw new ResearchUsageError("there is no organisation in this database yet, so there is nothing to export");
  const known = await database.db.select({ slug: organisations.slug }).from(organisations).orderBy(asc(organisations.createdAt));
  throw new ResearchUsageError(`--organisation '${slug}' does not exist; organisations: ${known.map((o) => o.slug).join(", ") || "(none)"}`);
}

/** Writes the CSV chunk by chunk, waiting when the disk is slower than the database. */
async function writeChunks(path: string, chunks: AsyncGenerator<string>): Promise<void> {
  const out = createWriteStream(path, { flags: "wx", mode: 0o600 });
  try {
    for await (const chunk of chunks) if (!out.write(chunk)) await once(out, "drain");
  } finally {
    out.end();
    await finished(out);
  }
}

async function exportResearch(database: Database, c: Checked): Promise<number> {
  const org = await organisationOf(database, c.organisation);
  const actor = systemActor(org.organisationId, "cli");
  const key = newExportKey();
  let plan;
  try {
    plan = await planResearchExport(database.db, { actor, filter: c.filter, key });
  } catch (err) {
    if (err instanceof DomainError && err.reason === "unknown_instrument") {
      throw new ResearchUsageError(`--instrument '${c.filter.instrument}' does not exist in organisation '${org.slug}': ${err.invalidParams[0]?.reason ?? ""}`);
    }
    throw err;
  } finally {
    key.fill(0);
  }
  const tag = randomBytes(6).toString("hex");
  const temp = { csv: `${c.files.csv}.${tag}.tmp`, md: `${c.files.md}.${tag}.tmp`, json: `${c.files.json}.${tag}.tmp` };
  const renamed: string[] = [];
  try {
    await writeChunks(temp.csv, researchCsvChunks(database.db, plan));
    const book = planCodebook(plan);
    writeFileSync(temp.md, codebookMarkdown(book), { flag: "wx", mode: 0o600 });
    writeFileSync(temp.json, `${JSON.stringify(book, null, 2)}\n`, { flag: "wx", mode: 0o600 });
    await auditResearchExport(database.db, actor, plan, { purpose: c.purpose, channel: "cli" });
    for (const k of ["csv", "md", "json"] as const) {
      renameSync(temp[k], c.files[k]);
      renamed.push(c.files[k]);
    }
  } catch (err) {
    for (const f of [...Object.values(temp), ...renamed]) rmSync(f, { force: true });
    throw err;
  }
  process.stdout.write(`${c.files.csv}\n${c.files.md}\n${c.files.json}\n`);
  log(`Research export: ${plan.rows} rows for ${plan.familyIds.length} families (${c.filter.instrument}, ${c.filter.from} to ${c.filter.to}, dates: ${c.filter.dates}).`);
  if (plan.rows === 0) log("No metingen in this period: the file holds the header only.");
  return 0;
}

/** Runs the command; returns the exit code. */
export async function researchExportCommand(args: readonly string[], config: Pick<Config, "DATABASE_URL" | "PLOEGWERK_DATA_DIR">): Promise<number> {
  let checked: Checked | "help";
  try {
    checked = checkArguments(args);
  } catch (err) {
    const message = err instanceof ResearchUsageError || (err instanceof TypeError && "code" in err) ? err.message : String(err);
    log(`error: ${message}\n${RESEARCH_USAGE}`);
    return 2;
  }
  if (checked === "help") {
    process.stdout.write(`${RESEARCH_USAGE}\n`);
    return 0;
  }
  const { database } = await openRuntime(config);
  try {
    return await exportResearch(database, checked);
  } catch (err) {
    if (err instanceof ResearchUsageError) {
      log(`error: ${err.message}\n${RESEARCH_USAGE}`);
      return 2;
    }
    if (err instanceof DomainError) {
      log(`error: ${err.text.en}`);
      for (const p of err.invalidParams) log(`  ${p.name}: ${p.reason}`);
      return 1;
    }
    log(`error: ${err instanceof Error ? err.message : String(err)}; nothing was written`);
    return 1;
  } finally {
    await database.close();
  }
}
