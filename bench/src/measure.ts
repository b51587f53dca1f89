/** Everything measured on one engine: the product's CLI for the data, the use case in-process. */
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { validateMeasurementCsv } from "@ploegwerk/domain";
import { sql } from "drizzle-orm";
import type { Actor } from "../../packages/server/src/authz/actor.ts";
import { queryRows, type Database, type Db } from "../../packages/server/src/db/database.ts";
import { findInstrument } from "../../packages/server/src/features/instruments/instruments.queries.ts";
import { findOrganisationBySlug } from "../../packages/server/src/features/organisations/organisations.service.ts";
import { outcomeReport } from "../../packages/server/src/features/outcomes/outcomes.service.ts";
import { aggregateQuery, compareFigures, figuresFromReport, sqlAggregate, type AggregateFigures } from "./aggregate.ts";
import type { BenchOptions, EngineName } from "./args.ts";
import { CliError, ploegwerk, type CliResult } from "./cli.ts";
import { pgliteEngine, postgresEngine, type Engine } from "./engines.ts";
import { captureReportQueries, explainAnalyze, timeReportParts, type ReportPartTimes } from "./reportParts.ts";
import { interleave, round, summarize, timed, type Sample } from "./stats.ts";

const INSTRUMENT = "ploeg-9";

export interface EngineResult {
  engine: EngineName;
  location: string;
  status: "ok" | "error";
  error: string | null;
  families: number;
  organisations: { report: string | null; imports: string[] };
  /** Whether the planner had column statistics for the tables the report reads. */
  tableStatistics: Record<string, boolean>;
  analyzed: boolean;
  setup: { createOrganisationMs: number | null; seedMs: number | null; exportMs: number | null; csvBytes: number | null; csvMetingen: number | null };
  /** Figures of the report and of the SQL statement, and every difference between them. */
  correctness: { equal: boolean | null; differences: string[]; report: AggregateFigures | null; sql: AggregateFigures | null; dataChecks: string[] };
  report: Sample | null;
  sql: Sample | null;
  ratio: number | null;
  reportParts: Record<keyof ReportPartTimes, Sample> | null;
  import: {
    runs: Sample | null;
    summaries: string[];
    /** `ploegwerk migrate --help`: node, tsx and loading the sources, no database. */
    processStart: Sample | null;
    /** `ploegwerk migrate`: the above plus opening the database, the migrations check, ensuring instruments. */
    startWithDatabase: Sample | null;
    /** validateMeasurementCsv on the exported file, in-process. */
    parseValidate: Sample | null;
    /** The imported organisation's figures equal the seeded one's. */
    roundTripEqual: boolean | null;
    roundTripDifferences: string[];
  };
  plans: { report: string | null; sql: string | null };
  /** The report with its per-family part (CLI JSON, research export): not the dashboard, timed for information. */
  reportWithFamilies: Sample | null;
  cleanup: string;
}

function log(engine: EngineName, message: string): void {
  process.stderr.write(`[${engine}] ${message}\n`);
}

function emptyResult(engine: Engine, families: number): EngineResult {
  return {
    engine: engine.name,
    location: engine.location,
    status: "error",
    error: null,
    families,
    organisations: { report: null, imports: [] },
    tableStatistics: {},
    analyzed: false,
    setup: { createOrganisationMs: null, seedMs: null, exportMs: null, csvBytes: null, csvMetingen: null },
    correctness: { equal: null, differences: [], report: null, sql: null, dataChecks: [] },
    report: null,
    sql: null,
    ratio: null,
    reportParts: null,
    import: { runs: null, summaries: [], processStart: null, startWithDatabase: null, parseValidate: null, roundTripEqual: null, roundTripDifferences: [] },
    plans: { report: null, sql: null },
    reportWithFamilies: null,
    cleanup: "",
  };
}

const STAT_TABLES = ["measurements", "families"] as const;

async function tableStatistics(db: Db): Promise<Record<string, boolean>> {
  const rows = await queryRows<{ tablename: string; n: number }>(
    db,
    sql`select tablename, count(*)::int as n from pg_stats where schemaname = current_schema()
          and tablename in (${sql.join(STAT_TABLES.map((t) => sql`${t}`), sql`, `)}) group by tablename`,
  );
  return Object.fromEntries(STAT_TABLES.map((t) => [t, rows.some((r) => r.tablename === t && Number(r.n) > 0)]));
}

async function actorFor(db: Db, slug: string): Promise<Actor> {
  const org = await findOrganisationBySlug(db, slug);
  if (!org) throw new Error(`organisation ${slug} not found after creating it`);
  return { kind: "system", organisationId: org.organisationId, label: "bench" };
}

/** `ploegwerk ARGS` on one engine. */
type Cli = (args: readonly string[], opts?: { stdoutFile?: string }) => Promise<CliResult>;

/** Runs the CLI on this engine; a step over the timeout is stopped, with its server statement. */
function cliFor(engine: Engine, timeoutMs: number): Cli {
  return (args, opts = {}) => ploegwerk(args, engine.env, { ...opts, timeoutMs, onTimeout: () => engine.cancelRunning() });
}

async function createOrganisation(cli: Cli, slug: string, name: string): Promise<number> {
  const res = await cli(["organisations", "create", name, "--slug", slug, "--team", "Team 1"]);
  if (res.stdout.trim() !== slug) throw new Error(`organisations create printed '${res.stdout.trim()}', expected the slug ${slug}`);
  return res.ms;
}

async function timeCli(cli: Cli, args: readonly string[], times: number): Promise<Sample> {
  const runs: number[] = [];
  for (let i = 0; i < times; i++) runs.push((await cli(args)).ms);
  return summarize(runs);
}

export async function benchEngine(name: EngineName, o: BenchOptions): Promise<EngineResult> {
  const id = `${new Date().toISOString().slice(0, 10).replaceAll("-", "")}-${randomBytes(3).toString("hex")}`;
  const engine = name === "pglite" ? pgliteEngine() : postgresEngine(o.postgresUrl, `ploegwerk-bench-${id}`, o.timeoutMs);
  const cli = cliFor(engine, o.timeoutMs);
  const result = emptyResult(engine, o.families);
  const slugs: string[] = [];
  const work = mkdtempSync(join(tmpdir(), "ploegwerk-bench-work-"));
  const n = o.families;
  try {
    log(name, `data in ${engine.location}`);
    // 1. The data, made by the product itself.
    const reportSlug = `bench-${id}`;
    // organisations create is one transaction: the slug is remembered for cleanup once it exists.
    result.setup.createOrganisationMs = round(await createOrganisation(cli, reportSlug, `Benchmark ${id}`));
    slugs.push(reportSlug);
    result.organisations.report = reportSlug;
    log(name, `organisation ${reportSlug}; seeding ${n.toLocaleString("en")} families (ploegwerk seed) …`);
    const seed = await cli(["seed", "--families", String(n), "--organisation", reportSlug]);
    result.setup.seedMs = round(seed.ms);
    const csvFile = join(work, "measurements.csv");
    const exported = await cli(["export", "measurements", "--instrument", INSTRUMENT, "--organisation", reportSlug], { stdoutFile: csvFile });
    result.setup.exportMs = round(exported.ms);
    const csv = readFileSync(csvFile, "utf8");
    result.setup.csvBytes = statSync(csvFile).size;
    result.setup.csvMetingen = csv.trimEnd().split("\n").length - 1;
    log(name, `seeded in ${(seed.ms / 1000).toFixed(1)} s; exported ${result.setup.csvMetingen} metingen (${(result.setup.csvBytes / 1e6).toFixed(2)} MB)`);

    // 2. The report against the same aggregate as one SQL statement, in-process.
    let seededFigures: AggregateFigures;
    const database: Database = await engine.open();
    try {
      const db = database.db;
      const actor = await actorFor(db, reportSlug);
      if (o.analyze) {
        log(name, "ANALYZE (--analyze)");
        await db.execute(sql`analyze`);
        result.analyzed = true;
      }
      result.tableStatistics = await tableStatistics(db);
      const def = await findInstrument(db, actor.organisationId, INSTRUMENT);
      if (!def) throw new Error(`instrument ${INSTRUMENT} missing in ${reportSlug}`);

      const report = await outcomeReport(db, { actor, instrumentKey: INSTRUMENT, includeFamilies: true });
      seededFigures = figuresFromReport(report);
      const sqlFigures = await sqlAggregate(db, def, actor.organisationId);
      const differences = compareFigures(seededFigures, sqlFigures);
      const dataChecks: string[] = [];
      if (report.familyCount !== n) dataChecks.push(`the report counts ${report.familyCount} families, expected ${n}`);
      if (report.families?.length !== n) dataChecks.push(`the report lists ${report.families?.length} families, expected ${n}`);
      for (const m of report.metingen) if (m.families !== n) dataChecks.push(`meting ${m.meting} has ${m.families} families, expected ${n}`);
      if (report.metingen.length !== 2) dataChecks.push(`the report has ${report.metingen.length} metingen, expected 2`);
      if (result.setup.csvMetingen !== 2 * n) dataChecks.push(`the export has ${result.setup.csvMetingen} metingen, expected ${2 * n}`);
      result.correctness = { equal: differences.length === 0, differences, report: seededFigures, sql: sqlFigures, dataChecks };
      if (differences.length > 0) log(name, `MISMATCH between report and SQL:\n  ${differences.join("\n  ")}`);

      log(name, `timing the report and the SQL statement: ${o.warmup} warm-up + ${o.runs} runs each, interleaved …`);
      const samples = await interleave(
        {
          report: () => outcomeReport(db, { actor, instrumentKey: INSTRUMENT }),
          sql: () => sqlAggregate(db, def, actor.organisationId),
        },
        { warmup: o.warmup, runs: o.runs },
      );
      result.report = samples.report ?? null;
      result.sql = samples.sql ?? null;
      if (result.report && result.sql) result.ratio = round(result.report.median / result.sql.median, 2);

      log(name, "timing the parts of the report …");
      const parts: Record<keyof ReportPartTimes, number[]> = { statements: [], rest: [] };
      for (let i = 0; i < o.warmup + o.runs; i++) {
        const t = await timeReportParts(db, actor, INSTRUMENT);
        if (i < o.warmup) continue;
        for (const k of Object.keys(parts) as (keyof ReportPartTimes)[]) parts[k].push(t[k]);
      }
      result.reportParts = { statements: summarize(parts.statements), rest: summarize(parts.rest) };

      log(name, "timing the report with its per-family part (research export) …");
      const withFamilies = await interleave({ full: () => outcomeReport(db, { actor, instrumentKey: INSTRUMENT, includeFamilies: true }) }, { warmup: 1, runs: Math.min(o.runs, 5) });
      result.reportWithFamilies = withFamilies.full ?? null;

      const plans: string[] = [];
      for (const q of await captureReportQueries(db, actor, INSTRUMENT)) plans.push(await explainAnalyze(db, q));
      result.plans.report = plans.join("\n\n");
      result.plans.sql = await explainAnalyze(db, aggregateQuery(def, actor.organisationId));

      const validateRuns: number[] = [];
      for (let i = 0; i < 4; i++) {
        const { ms, value } = await timed(async () => validateMeasurementCsv(def, csv, { knownFamilies: new Set(), existingRounds: new Set(), createFamilies: true }));
        if (value.errors.length > 0 || value.records.length !== result.setup.csvMetingen) throw new Error(`the exported CSV does not validate: ${value.errors.slice(0, 3).map((e) => `${e.name}: ${e.reason}`).join("; ")}`);
        if (i > 0) validateRuns.push(ms);
      }
      result.import.parseValidate = summarize(validateRuns);
    } finally {
      await database.close();
    }

    // 3. The import, as a user runs it: a child process each time, into a fresh organisation.
    log(name, "timing CLI start-up (ploegwerk migrate --help, ploegwerk migrate) …");
    result.import.processStart = await timeCli(cli, ["migrate", "--help"], 3);
    result.import.startWithDatabase = await timeCli(cli, ["migrate"], 3);
    const importRuns: number[] = [];
    for (let i = 1; i <= o.importRuns; i++) {
      const slug = `bench-${id}-import-${i}`;
      await createOrganisation(cli, slug, `Benchmark ${id} import ${i}`);
      slugs.push(slug);
      result.organisations.imports.push(slug);
      log(name, `import ${i}/${o.importRuns}: ploegwerk import measurements … --create-families --organisation ${slug}`);
      const res = await cli(["import", "measurements", csvFile, "--instrument", INSTRUMENT, "--create-families", "--organisation", slug]);
      importRuns.push(res.ms);
      const summary = res.stderr.trim().split("\n").pop() ?? "";
      result.import.summaries.push(summary);
      const expected = `Imported ${2 * n} measurements for ${n} families (${n} families created).`;
      if (summary !== expected) result.correctness.dataChecks.push(`import ${i} said '${summary}', expected '${expected}'`);
      log(name, `import ${i}: ${(res.ms / 1000).toFixed(2)} s — ${summary}`);
    }
    result.import.runs = summarize(importRuns);

    // The imported copy must give the same figures as the seeded original.
    const check = await engine.open();
    try {
      // Statistics taken before the import know nothing of the new organisation: the planner then
      // expects one row and picks nested loops that can take hours. --analyze means fresh statistics.
      if (o.analyze) await check.db.execute(sql`analyze`);
      const lastImport = result.organisations.imports[result.organisations.imports.length - 1] as string;
      const actor = await actorFor(check.db, lastImport);
      const imported = figuresFromReport(await outcomeReport(check.db, { actor, instrumentKey: INSTRUMENT }));
      result.import.roundTripDifferences = compareFigures(seededFigures, imported, ["seeded", "imported"]);
      result.import.roundTripEqual = result.import.roundTripDifferences.length === 0;
    } finally {
      await check.close();
    }
    result.status = "ok";
  } catch (err) {
    result.error = err instanceof CliError ? `${err.message}\n${err.result.stderr.trim()}` : err instanceof Error ? (err.stack ?? err.message) : String(err);
    log(name, `ERROR: ${result.error}`);
  } finally {
    try {
      result.cleanup = await engine.cleanup(slugs, o.keep);
    } catch (err) {
      result.cleanup = `cleanup failed, left organisations ${slugs.join(", ")}: ${err instanceof Error ? err.message : String(err)}`;
    }
    rmSync(work, { recursive: true, force: true });
    log(name, result.cleanup);
  }
  return result;
}
