import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { DEFAULT_INSTRUMENT_KEY, DomainError } from "@ploegwerk/domain";
import { asc, eq, sql } from "drizzle-orm";
import { systemActor, type Actor } from "../authz/actor.ts";
import { loadConfig, type Config } from "../config.ts";
import type { Database } from "../db/database.ts";
import { organisations, teams, users } from "../db/schema.ts";
import { generateFamilies } from "../features/demo/generate.ts";
import { insertGeneratedFamilies } from "../features/demo/seed.queries.ts";
import { findInstrument, listLatestInstruments } from "../features/instruments/instruments.queries.ts";
import { importInstrument } from "../features/instruments/instruments.service.ts";
import { exportMeasurementsCsv, importMeasurementsCsv } from "../features/measurements/measurements.transfer.ts";
import { createOrganisation, createTeamRow, findOrganisationBySlug, firstOrganisation } from "../features/organisations/organisations.service.ts";
import { outcomeReport } from "../features/outcomes/outcomes.service.ts";
import { log, openRuntime } from "../runtime.ts";
import { auditBulkRead } from "../audit/bulkReads.ts";
import { parsePurpose } from "../audit/purpose.ts";
import { auditCommand, exportedCaseNumbers } from "./audit.ts";
import { outcomeCsv, outcomeTable } from "./format.ts";
import { accountsCommand } from "./accounts.ts";
import { retentionCommand } from "./retention.ts";
import { researchExportCommand } from "./research.ts";
import { catalogueCommand } from "./catalogue.ts";

const USAGE = `ploegwerk — command line for Ploegwerk

Usage:
  ploegwerk serve                                   start the web app and API (same as npm start)
  ploegwerk migrate                                 apply database migrations
  ploegwerk import measurements FILE.csv --instrument KEY [--create-families] [--team NAME]
  ploegwerk export measurements --instrument KEY
  ploegwerk export research --instrument KEY --from YYYY-MM-DD --to YYYY-MM-DD --out DIR [--dates month|shift]
                                                    pseudonymised research file and codebook (no names,
                                                    BSN, addresses or exact dates; see docs/RESEARCH.md)
  ploegwerk report outcomes --instrument KEY [--format json|csv|table]
  ploegwerk instruments list
  ploegwerk instruments import FILE.json
  ploegwerk seed --families N [--prefix GEN]        add N generated fictional families (benchmarks)
  ploegwerk organisations create NAME [--slug SLUG] [--team NAME]
                                                    add an organisation (tenant), optionally with a first team
  ploegwerk organisations list
  ploegwerk audit verify [--organisation SLUG]      check the audit log's hash chains (every organisation unless
                                                    one is named); exit code 1 when a chain is broken
  ploegwerk retention run [--dry-run] [--today YYYY-MM-DD] [--format text|json] [--organisation SLUG]
                                                    apply the bewaartermijnen: purge or pseudonymise what has
                                                    expired (every organisation unless one is named) and report
                                                    what was done; exit code 1 when a record could not be handled
  ploegwerk retention report [--today YYYY-MM-DD]   what a run would do (a dry run; --today may lie ahead)
  ploegwerk retention policy                        the bewaartermijnen per record type
  ploegwerk retention set TYPE --months N --action purge|pseudonymise --organisation SLUG
                                                    change one (family_file, no_go_referral, privacy_request,
                                                    quick_referral)
  ploegwerk accounts unlock|reset-two-factor|log-out EMAIL [--organisation SLUG]
                                                    lift a lock-out, reset a lost second factor, or end every
                                                    session of an account (when no beheerder can log in)
  ploegwerk catalogue import FILE [--format json|csv] [--organisation SLUG]
                                                    read "wat werkt" catalogue entries (all or nothing; matched on key)
  ploegwerk catalogue export [--format json|csv]    the whole catalogue in the exchange format (default json)

Options for every command:
  --organisation SLUG   the organisation to work in (default: the first one; created when there is none)
  --purpose TEXT        why personal data is read; stored with the audit log rows of an export or report

Configuration comes from the environment (DATABASE_URL, PLOEGWERK_DATA_DIR, …; see the README).
Logs go to stderr, data to stdout.`;

class UsageError extends Error {}

const OPTIONS = {
  instrument: { type: "string" },
  format: { type: "string" },
  "create-families": { type: "boolean" },
  team: { type: "string" },
  organisation: { type: "string" },
  families: { type: "string" },
  prefix: { type: "string" },
  slug: { type: "string" },
  purpose: { type: "string" },
  "dry-run": { type: "boolean" },
  today: { type: "string" },
  months: { type: "string" },
  action: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

async function organisationActor(database: Database, slug: string | undefined): Promise<Actor> {
  if (slug) {
    const org = await findOrganisationBySlug(database.db, slug);
    if (!org) throw new UsageError(`organisation '${slug}' does not exist`);
    return systemActor(org.organisationId, "cli");
  }
  const org = await firstOrganisation(database.db);
  if (org) return systemActor(org.organisationId, "cli");
  log("No organisation yet: creating the default organisation 'Standaardorganisatie' with team 'Team 1'.");
  const created = await createOrganisation(database.db, { name: "Standaardorganisatie", slug: "standaard" });
  await createTeamRow(database.db, created.organisationId, "Team 1");
  return systemActor(created.organisationId, "cli");
}

async function teamIdByName(database: Database, actor: Actor, name: string | undefined): Promise<string | undefined> {
  if (!name) return undefined;
  const rows = await database.db.select({ id: teams.id, name: teams.name }).from(teams).where(eq(teams.organisationId, actor.organisationId));
  const team = rows.find((t) => t.name === name);
  if (!team) throw new UsageError(`team '${name}' does not exist; teams: ${rows.map((t) => t.name).join(", ") || "(none)"}`);
  return team.id;
}

function write(data: string): void {
  process.stdout.write(data.endsWith("\n") ? data : `${data}\n`);
}

function printDomainError(err: DomainError): void {
  log(`error: ${err.text.en}`);
  for (const p of err.invalidParams) log(`  ${p.name}: ${p.reason}`);
}

async function run(args: string[], config: Config): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: OPTIONS, allowPositionals: true, strict: true });
  const [command, subject, file] = positionals;
  if (values.help || !command) {
    write(USAGE);
    return command ? 0 : 2;
  }
  if (command === "serve") {
    // Loaded only here: the other commands start faster without the HTTP stack.
    const { serve } = await import("../serve.ts");
    await serve(config);
    return 0;
  }
  const { database } = await openRuntime(config);
  try {
    if (command === "migrate") {
      log(`Migrations applied (${database.kind}, ${database.location}).`);
      return 0;
    }
    if (command === "organisations") return await organisationsCommand(database, subject, positionals.slice(2).join(" "), values.slug, values.team);
    // Before organisationActor: verifying must not create a default organisation, and checks all by default.
    if (command === "audit") return await auditCommand(database, subject, values.organisation, write);
    if (command === "retention") return await retentionCommand(database, subject, file, values, write);
    if (command === "accounts") return await accountsCommand(database, subject, file, values.organisation);
    const actor = await organisationActor(database, values.organisation);
    if (command === "catalogue") return await catalogueCommand(database, actor, subject, file, values, write, (m) => new UsageError(m));
    const instrumentKey = values.instrument ?? DEFAULT_INSTRUMENT_KEY;
    switch (`${command} ${subject ?? ""}`.trim()) {
      case "import measurements": {
        if (!file) throw new UsageError("give the CSV file: ploegwerk import measurements FILE.csv --instrument KEY");
        if (!values.instrument) throw new UsageError("give the instrument: --instrument ploeg-9");
        const csv = readFileSync(file, "utf8");
        const summary = await importMeasurementsCsv(database.db, {
          actor,
          instrumentKey,
          csv,
          createFamilies: values["create-families"] ?? false,
          teamId: await teamIdByName(database, actor, values.team),
        });
        await refreshStatistics(database);
        log(`Imported ${summary.measurements} measurements for ${summary.families} families (${summary.createdFamilies} families created).`);
        return 0;
      }
      case "export measurements": {
        const csv = await exportMeasurementsCsv(database.db, { actor, instrumentKey });
        // Logged before it leaves (NEN 7513): one read row per family in the file.
        await auditBulkRead(database.db, actor, { action: "measurements.exported", caseNumbers: exportedCaseNumbers(csv), purpose: parsePurpose(values.purpose), details: { instrument: instrumentKey } });
        write(csv);
        return 0;
      }
      case "report outcomes": {
        const format = values.format ?? "json";
        if (!["json", "csv", "table"].includes(format)) throw new UsageError(`unknown format '${format}'; use json, csv or table`);
        const def = await findInstrument(database.db, actor.organisationId, instrumentKey);
        if (!def) throw new UsageError(`unknown instrument '${instrumentKey}'`);
        const report = await outcomeReport(database.db, { actor, instrumentKey, includeFamilies: true });
        const caseNumbers = (report.families ?? []).map((f) => f.family);
        await auditBulkRead(database.db, actor, { action: "outcomes.exported", caseNumbers, purpose: parsePurpose(values.purpose), details: { instrument: instrumentKey, format } });
        write(format === "json" ? JSON.stringify(report, null, 2) : format === "csv" ? outcomeCsv(def, report) : outcomeTable(def, report));
        return 0;
      }
      case "instruments list":
        for (const d of await listLatestInstruments(database.db, actor.organisationId)) write(`${d.key}@${d.version}\t${d.name.nl}\t${d.domains.length} domains`);
        return 0;
      case "instruments import": {
        if (!subject || !file) throw new UsageError("give the JSON file: ploegwerk instruments import FILE.json");
        let definition: unknown;
        try {
          definition = JSON.parse(readFileSync(file, "utf8"));
        } catch (err) {
          throw new UsageError(`${file} is not valid JSON: ${err instanceof Error ? err.message : String(err)}`);
        }
        const def = await importInstrument(database.db, { actor, definition });
        log(`Imported instrument ${def.key} version ${def.version} (${def.domains.length} domains).`);
        return 0;
      }
      case "seed": {
        const n = Number(values.families ?? "");
        if (!Number.isInteger(n) || n < 1 || n > 1_000_000) throw new UsageError("give the number of families: ploegwerk seed --families N (1 to 1,000,000)");
        await seedFamilies(database, actor, n, values.prefix ?? "GEN");
        await refreshStatistics(database);
        log(`Seeded ${n} generated families with two metingen each.`);
        return 0;
      }
      default:
        throw new UsageError(`unknown command '${positionals.join(" ")}'`);
    }
  } finally {
    await database.close();
  }
}

/**
 * After a bulk load the planner's statistics still describe the empty tables and it picks
 * nested loops over tens of thousands of rows; autovacuum catches up only later.
 */
async function refreshStatistics(database: Database): Promise<void> {
  await database.db.execute(sql`analyze families, members, measurements`);
}

async function organisationsCommand(database: Database, subject: string | undefined, name: string, slug: string | undefined, team: string | undefined): Promise<number> {
  if (subject === "list") {
    for (const o of await database.db.select().from(organisations).orderBy(asc(organisations.createdAt))) write(`${o.slug}\t${o.name}`);
    return 0;
  }
  if (subject !== "create" || !name.trim()) throw new UsageError("use: ploegwerk organisations create NAME [--slug SLUG] [--team NAME]");
  const org = await createOrganisation(database.db, { name: name.trim(), ...(slug ? { slug } : {}) });
  if (team) await createTeamRow(database.db, org.organisationId, team);
  write(org.slug);
  log(`Created organisation '${org.name}' (slug ${org.slug})${team ? ` with team '${team}'` : ""}.`);
  return 0;
}

async function seedFamilies(database: Database, actor: Actor, count: number, prefix: string): Promise<void> {
  const db = database.db;
  let teamRows = await db.select({ id: teams.id }).from(teams).where(eq(teams.organisationId, actor.organisationId)).orderBy(asc(teams.createdAt));
  if (teamRows.length === 0) teamRows = [await createTeamRow(db, actor.organisationId, "Team 1")];
  const coachRows = await db.select({ id: users.id, teamId: users.teamId }).from(users).where(eq(users.organisationId, actor.organisationId));
  const coachIdsByTeam = new Map<string, string[]>();
  for (const c of coachRows) if (c.teamId) coachIdsByTeam.set(c.teamId, [...(coachIdsByTeam.get(c.teamId) ?? []), c.id]);
  const def = await findInstrument(db, actor.organisationId, "ploeg-9");
  if (!def) throw new Error("this organisation has no ploeg-9 instrument to seed metingen with");
  await db.transaction(async (tx) => {
    await insertGeneratedFamilies(tx, {
      actor,
      teamIds: teamRows.map((t) => t.id),
      coachIdsByTeam,
      families: generateFamilies(count, { prefix, seed: count }),
      instrument: def,
    });
  });
}

/** Runs the CLI; returns the exit code (0 ok, 1 failed, 2 usage). */
export async function main(args: string[]): Promise<number> {
  try {
    // Its own options and checks (cli/research.ts): every argument is checked before the database opens.
    if (args[0] === "export" && args[1] === "research") return await researchExportCommand(args.slice(2), loadConfig());
    return await run(args, loadConfig());
  } catch (err) {
    if (err instanceof UsageError || (err instanceof TypeError && "code" in err && String((err as { code: unknown }).code).startsWith("ERR_PARSE_ARGS"))) {
      log(`error: ${err.message}\n\n${USAGE}`);
      return 2;
    }
    if (err instanceof DomainError) {
      printDomainError(err);
      return 1;
    }
    log(`error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    return 1;
  }
}
