/**
 * Looks inside the outcome report use case without changing it: every raw SQL statement it sends
 * is timed (execution plus the driver's row conversion), the rest is JavaScript and the instrument
 * lookup; the statements are captured for EXPLAIN ANALYZE.
 */
import { sql, type SQL, type SQLWrapper } from "drizzle-orm";
import type { Actor } from "../../packages/server/src/authz/actor.ts";
import { queryRows, type Db } from "../../packages/server/src/db/database.ts";
import { outcomeReport } from "../../packages/server/src/features/outcomes/outcomes.service.ts";

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
  /** The raw SQL statements, in the order sent (the service sends them together). */
  statements: number;
  /** Everything else: instrument versions lookup, assembling the figures in the domain package. */
  rest: number;
}

export async function timeReportParts(db: Db, actor: Actor, instrumentKey: string): Promise<ReportPartTimes> {
  let statements = 0;
  const spy = withExecuteHook(db, async (_query, run) => {
    const s = performance.now();
    const result = await run();
    statements += performance.now() - s;
    return result;
  });
  const t0 = performance.now();
  await outcomeReport(spy, { actor, instrumentKey });
  const total = performance.now() - t0;
  return { statements, rest: total - statements };
}

/** The SQL statements the outcome report sends, exactly as the product builds them. */
export async function captureReportQueries(db: Db, actor: Actor, instrumentKey: string): Promise<SQL[]> {
  const captured: SQL[] = [];
  const spy = withExecuteHook(db, async (query, run) => {
    captured.push(typeof query === "string" ? sql.raw(query) : query.getSQL());
    return run();
  });
  await outcomeReport(spy, { actor, instrumentKey });
  if (captured.length === 0) throw new Error("the outcome report sent no raw SQL: the report query moved, update bench/src/reportParts.ts");
  return captured;
}

export async function explainAnalyze(db: Db, query: SQL): Promise<string> {
  const rows = await queryRows<Record<string, unknown>>(db, sql`explain (analyze, buffers) ${query}`);
  return rows.map((r) => String(Object.values(r)[0])).join("\n");
}
