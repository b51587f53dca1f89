import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { BUILTIN_INSTRUMENTS, storedFigures, toScoreColumns, type InstrumentDefinition } from "@ploegwerk/domain";
import { sql } from "drizzle-orm";
import pg from "pg";
import { MIGRATIONS_FOLDER, openDatabase, queryRows, type Database } from "./database.ts";
import { testTarget } from "../testing/testDatabase.ts";

/** The statements of one checked-in migration, as drizzle's migrator splits them. */
function statements(tag: string): string[] {
  return readFileSync(join(MIGRATIONS_FOLDER, `${tag}.sql`), "utf8")
    .split("--> statement-breakpoint")
    .map((s) => s.trim())
    .filter(Boolean);
}

async function apply(database: Database, tag: string): Promise<void> {
  for (const s of statements(tag)) await database.db.execute(sql.raw(s));
}

const def = (key: string) => BUILTIN_INSTRUMENTS.find((d) => d.key === key) as InstrumentDefinition;

/**
 * 0001 moves scores from measurement_scores onto the measurement. Existing data must come through
 * unchanged, with the derived figures equal to what the domain package computes.
 */
describe(`migration 0001 converts existing scores (${testTarget()})`, () => {
  let database: Database;
  let dropDatabase: (() => Promise<void>) | undefined;
  before(async () => {
    const url = process.env.PLOEGWERK_TEST_DATABASE ?? "pglite";
    if (url.startsWith("postgres")) {
      // A throw-away database: the shared test database is already fully migrated.
      const name = `ploegwerk_migration_${randomUUID().slice(0, 8)}`;
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`create database ${name}`);
      await admin.end();
      const u = new URL(url);
      u.pathname = `/${name}`;
      database = await openDatabase({ databaseUrl: u.toString(), poolSize: 1 });
      dropDatabase = async () => {
        const c = new pg.Client({ connectionString: url });
        await c.connect();
        await c.query(`drop database if exists ${name}`);
        await c.end();
      };
    } else {
      database = await openDatabase({ dataDir: "memory://" });
    }
  });
  after(async () => {
    await database.close();
    await dropDatabase?.();
  });

  test("scores land at their domain's position; problem count, SR and level match the domain engine", async () => {
    await apply(database, "0000_foundation");
    const org = randomUUID();
    const team = randomUUID();
    const family = randomUUID();
    const db = database.db;
    await db.execute(sql`insert into organisations (organisation_id, name, slug) values (${org}::uuid, 'Migratie', ${`migratie-${org.slice(0, 8)}`})`);
    await db.execute(sql`insert into teams (organisation_id, id, name) values (${org}::uuid, ${team}::uuid, 'Team')`);
    for (const key of ["ploeg-9", "positieve-gezondheid-6"]) {
      await db.execute(sql`insert into instruments (organisation_id, key, version, definition, builtin) values (${org}::uuid, ${key}, 1, ${JSON.stringify(def(key))}::jsonb, true)`);
    }
    await db.execute(sql`insert into families (organisation_id, id, case_number, team_id) values (${org}::uuid, ${family}::uuid, 'MIG-1', ${team}::uuid)`);
    const cases = [
      // Scored out of order, two domains left empty, a justification on a problem score.
      { key: "ploeg-9", round: 0, scores: { justitiele_veiligheid: 5, huisvesting: 1, onderwijs_werk: 2, inkomen: 3, opvoeding: 4, geestelijke_gezondheid: 3, sociaal_netwerk: 2 } },
      { key: "ploeg-9", round: 1, scores: { onderwijs_werk: 5, huisvesting: 5, inkomen: 5, opvoeding: 5, geestelijke_gezondheid: 5, lichamelijke_gezondheid: 5, sociaal_netwerk: 5, vrije_tijd: 5, justitiele_veiligheid: 5 } },
      // 0–10 scale without weighted SR.
      { key: "positieve-gezondheid-6", round: 0, scores: Object.fromEntries(def("positieve-gezondheid-6").domains.map((d, i) => [d.key, i * 2])) },
    ];
    const ids: string[] = [];
    for (const c of cases) {
      const id = randomUUID();
      ids.push(id);
      await db.execute(sql`insert into measurements (organisation_id, id, family_id, instrument_key, instrument_version, round) values (${org}::uuid, ${id}::uuid, ${family}::uuid, ${c.key}, 1, ${c.round})`);
      for (const [domain, score] of Object.entries(c.scores)) {
        const justification = score <= 3 ? `toelichting ${domain}` : null;
        await db.execute(sql`insert into measurement_scores (organisation_id, measurement_id, domain_key, score, justification) values (${org}::uuid, ${id}::uuid, ${domain}, ${score}, ${justification})`);
      }
    }

    await apply(database, "0001_scores_on_measurements");

    for (const [i, c] of cases.entries()) {
      const [row] = await queryRows<{ scores: (number | null)[]; justifications: (string | null)[]; problem_count: number; sr_num: number | null; sr_den: number | null; sr_level: number | null }>(
        db,
        sql`select scores, justifications, problem_count, sr_num, sr_den, sr_level from measurements where organisation_id = ${org}::uuid and id = ${ids[i]}::uuid`,
      );
      assert.ok(row);
      const d = def(c.key);
      const expected = toScoreColumns(d, Object.fromEntries(Object.entries(c.scores).map(([k, s]) => [k, { score: s, justification: s <= 3 ? `toelichting ${k}` : null }])));
      assert.deepEqual(row.scores.map((v) => (v === null ? null : Number(v))), expected.scores, `${c.key} meting ${c.round} scores`);
      assert.deepEqual(row.justifications, expected.justifications);
      const figures = storedFigures(d, c.scores);
      const num = (v: number | null) => (v === null ? null : Number(v));
      assert.deepEqual({ problemCount: Number(row.problem_count), srNum: num(row.sr_num), srDen: num(row.sr_den), srLevel: num(row.sr_level) }, figures, `${c.key} meting ${c.round} figures`);
    }
    const left = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from information_schema.tables where table_name = 'measurement_scores'`);
    assert.equal(left[0]?.n, 0, "measurement_scores is gone");
  });
});
