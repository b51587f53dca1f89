/**
 * Why the targets are missed, measured: run after `npm run bench -- --keep` on the data it kept.
 *
 *   node --import tsx bench/src/diagnose.ts --organisation SLUG --data-dir DIR      (PGlite)
 *   node --import tsx bench/src/diagnose.ts --organisation SLUG --postgres URL      (PostgreSQL)
 *
 * It changes nothing: it times the product's parts and an alternative shape of the outcome query,
 * and runs the import in-process inside a transaction that is rolled back.
 */
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { openDatabase, queryRows, type Db } from "../../packages/server/src/db/database.ts";
import { findInstrument } from "../../packages/server/src/features/instruments/instruments.queries.ts";
import { exportMeasurementsCsv, importMeasurementsCsv } from "../../packages/server/src/features/measurements/measurements.transfer.ts";
import { createOrganisation, createTeamRow, findOrganisationBySlug } from "../../packages/server/src/features/organisations/organisations.service.ts";
import { outcomeReport } from "../../packages/server/src/features/outcomes/outcomes.service.ts";
import { selectOutcomeRows } from "../../packages/server/src/features/outcomes/outcomes.queries.ts";
import { captureReportQuery, timeReportParts } from "./reportParts.ts";
import { formatMs, summarize } from "./stats.ts";

const RUNS = 7;

class RolledBack extends Error {}

async function median(fn: () => Promise<unknown> | unknown, runs = RUNS): Promise<number> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return summarize(times).median;
}

function line(label: string, ms: number, note = ""): void {
  console.log(`${label.padEnd(72)} ${formatMs(ms).padStart(9)}${note ? `  ${note}` : ""}`);
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { organisation: { type: "string" }, "data-dir": { type: "string" }, postgres: { type: "string" } }, strict: true });
  if (!values.organisation || (!values["data-dir"] && !values.postgres)) {
    throw new Error("give --organisation SLUG and --data-dir DIR or --postgres URL (run npm run bench -- --keep first)");
  }
  const database = await openDatabase(values.postgres ? { databaseUrl: values.postgres, poolSize: 2 } : { dataDir: values["data-dir"] });
  try {
    const db: Db = database.db;
    const org = await findOrganisationBySlug(db, values.organisation);
    if (!org) throw new Error(`organisation ${values.organisation} not found`);
    const actor = { kind: "system", organisationId: org.organisationId, label: "bench" } as const;
    const def = await findInstrument(db, org.organisationId, "ploeg-9");
    if (!def) throw new Error("ploeg-9 missing");
    console.log(`${database.kind} ${database.location}, organisation ${values.organisation}; medians of ${RUNS} runs\n`);

    line("outcome report (use case)", await median(() => outcomeReport(db, { actor, instrumentKey: "ploeg-9" })));
    const parts: number[][] = [[], [], []];
    for (let i = 0; i < RUNS; i++) {
      const p = await timeReportParts(db, actor, "ploeg-9");
      parts[0]?.push(p.queryExecute);
      parts[1]?.push(p.rowMapping);
      parts[2]?.push(p.build);
    }
    line("  outcome query + driver", summarize(parts[0] ?? []).median);
    line("  row mapping", summarize(parts[1] ?? []).median);
    line("  buildOutcomeReport", summarize(parts[2] ?? []).median);

    const rows = await selectOutcomeRows(db, { organisationId: org.organisationId, instrumentKey: def.key, scope: { all: true } });

    // 1. The outcome query: as the product sends it, and pre-aggregated per measurement as one int[]
    //    in the instrument's domain order (streams off the primary key, no text[] to parse).
    const current = await captureReportQuery(db, actor, def);
    const positional = sql.join(def.domains.map((d) => sql`max(score) filter (where domain_key = ${d.key})`), sql`, `);
    const alternative = sql`
      select f.case_number as family, m.round::int as round, s.scores
        from measurements m
        join families f on f.organisation_id = m.organisation_id and f.id = m.family_id
        join (select measurement_id, array[${positional}]::int[] as scores
                from measurement_scores where organisation_id = ${org.organisationId}::uuid
               group by measurement_id) s on s.measurement_id = m.id
       where m.organisation_id = ${org.organisationId}::uuid and m.instrument_key = ${def.key} and m.member_id is null`;
    const alt = await queryRows<{ family: string; round: number; scores: (number | null)[] }>(db, alternative);
    const same =
      alt.length === rows.length &&
      alt.every((a) => {
        const r = rows.find((x) => x.family === a.family && x.round === Number(a.round));
        return !!r && def.domains.every((d, i) => (r.scores[d.key] ?? null) === (a.scores[i] ?? null));
      });
    const stats = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from pg_stats where tablename in ('measurements', 'measurement_scores', 'families')`);
    console.log(`\nplanner statistics: ${Number(stats[0]?.n ?? 0) > 0 ? "present" : "none (never ANALYZEd)"}; alternative query returns the same scores: ${same ? "yes" : "NO"}`);
    line("current outcome query, in the database only (select count(*) from (…))", await median(() => db.execute(sql`select count(*) from (${current}) q`)));
    line("current outcome query, rows to JS (keys text[] + scores int[])", await median(() => db.execute(current)));
    line("pre-aggregated positional int[] query, in the database only", await median(() => db.execute(sql`select count(*) from (${alternative}) q`)));
    line("pre-aggregated positional int[] query, rows to JS", await median(() => db.execute(alternative)));
    line(
      "current outcome query with SET LOCAL enable_nestloop = off, rows to JS",
      await median(() =>
        db.transaction(async (tx) => {
          await tx.execute(sql`set local enable_nestloop = off`);
          return tx.execute(current);
        }),
      ),
    );

    // 2. The import, in-process and rolled back: the use case without process start, and the
    //    ANALYZE the CLI runs after it (inside the same transaction, so the statistics roll back too).
    const csv = await exportMeasurementsCsv(db, { actor, instrumentKey: def.key });
    let importMs = 0;
    let analyzeMs = 0;
    await db
      .transaction(async (tx) => {
        const fresh = await createOrganisation(tx, { name: "Bench diagnose (rolled back)", slug: `bench-diagnose-${Date.now()}` });
        await createTeamRow(tx, fresh.organisationId, "Team 1");
        const start = performance.now();
        await importMeasurementsCsv(tx, { actor: { kind: "system", organisationId: fresh.organisationId, label: "bench" }, instrumentKey: def.key, csv, createFamilies: true });
        importMs = performance.now() - start;
        const analyzeStart = performance.now();
        await tx.execute(sql`analyze families, members, measurements, measurement_scores`);
        analyzeMs = performance.now() - analyzeStart;
        throw new RolledBack();
      })
      .catch((err: unknown) => {
        if (!(err instanceof RolledBack)) throw err;
      });
    console.log("");
    line(`import use case in-process (${rows.length.toLocaleString("en")} metingen, rolled back)`, importMs, "(one run)");
    line("ANALYZE families, members, measurements, measurement_scores", analyzeMs, "(one run)");
  } finally {
    await database.close();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exitCode = 1;
});
