/**
 * Looks inside the outcome report use case without changing it: the same functions the service
 * calls, timed one by one, and the report's own SQL captured for EXPLAIN ANALYZE.
 */
import { buildOutcomeReport, type InstrumentDefinition } from "@ploegwerk/domain";
import { sql, type SQL, type SQLWrapper } from "drizzle-orm";
import type { Actor } from "../../packages/server/src/authz/actor.ts";
import { outcomeScope } from "../../packages/server/src/authz/rules.ts";
import { queryRows, type Db } from "../../packages/server/src/db/database.ts";
import { findInstrument } from "../../packages/server/src/features/instruments/instruments.queries.ts";
import { selectOutcomeRows } from "../../packages/server/src/features/outcomes/outcomes.queries.ts";

type ExecuteHook = (query: SQLWrapper | string, run: () => Promise<unknown>) => Promise<unknown>;

/** The db with `execute` (the raw-SQL path `queryRows` uses) routed through a hook. */
function withExecuteHook(db: Db, hook: ExecuteHook): Db {
  return new Proxy(db, {
    get(target, prop, receiver) {
      if (prop === "execute") {
        return (query: SQLWrapper | string) => hook(query, async () => await target.execute(query));
      }
      return Reflect.get(target, prop, receiver);
    },
  });
}

export interface ReportPartTimes {
  /** Loading and parsing the instrument definition. */
  findInstrument: number;
  /** The outcome query in the database plus the driver turning its 20,000 rows into JS objects. */
  queryExecute: number;
  /** selectOutcomeRows turning key/score arrays into score records. */
  rowMapping: number;
  /** The pure builder (packages/domain/src/outcomes/report.ts). */
  build: number;
}

export async function timeReportParts(db: Db, actor: Actor, instrumentKey: string): Promise<ReportPartTimes> {
  const t0 = performance.now();
  const def = await findInstrument(db, actor.organisationId, instrumentKey);
  if (!def) throw new Error(`instrument ${instrumentKey} not found`);
  const t1 = performance.now();
  let executeMs = 0;
  const spy = withExecuteHook(db, async (_query, run) => {
    const s = performance.now();
    const result = await run();
    executeMs += performance.now() - s;
    return result;
  });
  const rows = await selectOutcomeRows(spy, { organisationId: actor.organisationId, instrumentKey: def.key, scope: outcomeScope(actor) });
  const t2 = performance.now();
  buildOutcomeReport(def, rows);
  const t3 = performance.now();
  return { findInstrument: t1 - t0, queryExecute: executeMs, rowMapping: t2 - t1 - executeMs, build: t3 - t2 };
}

class Captured extends Error {
  constructor(readonly query: SQLWrapper | string) {
    super("captured");
  }
}

/** The SQL statement selectOutcomeRows sends, exactly as the product builds it. */
export async function captureReportQuery(db: Db, actor: Actor, def: InstrumentDefinition): Promise<SQL> {
  const spy = withExecuteHook(db, (query) => Promise.reject(new Captured(query)));
  try {
    await selectOutcomeRows(spy, { organisationId: actor.organisationId, instrumentKey: def.key, scope: outcomeScope(actor) });
  } catch (err) {
    if (err instanceof Captured) return typeof err.query === "string" ? sql.raw(err.query) : err.query.getSQL();
    throw err;
  }
  throw new Error("selectOutcomeRows sent no raw SQL: the report query moved, update bench/src/reportParts.ts");
}

export async function explainAnalyze(db: Db, query: SQL): Promise<string> {
  const rows = await queryRows<Record<string, unknown>>(db, sql`explain (analyze, buffers) ${query}`);
  return rows.map((r) => String(Object.values(r)[0])).join("\n");
}
