/**
 * Recomputes an organisation's audit chain from genesis and says where it first breaks.
 *
 * What each finding means:
 * - gap: a seq is missing — a row was removed (or the first row is not seq 1).
 * - content_changed: the row's hash does not match its content and the previous hash, while
 *   the next row (or the head) still links to the stored hash: the row was edited after it was
 *   written. (A row whose predecessor was rewritten together with its hash looks the same: the
 *   break is then named at the first row after the rewrite.)
 * - link_broken: the stored hash matches neither the content nor what the next row links to —
 *   the hash itself was replaced — or a row is not in the chain at all.
 * - head_mismatch: the chain is intact but the head (last seq and hash) says otherwise — rows
 *   were removed from the end, or the head was changed.
 */
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "../db/database.ts";
import { auditChainHeads, auditEvents } from "../db/schema.ts";
import { chainHash, GENESIS_HASH, type ChainLink } from "./chain.ts";
import { chainedRows, type StoredRow } from "./chainRows.ts";

export type ChainProblem = "gap" | "content_changed" | "link_broken" | "head_mismatch";

export interface ChainBreak {
  /** The seq where the chain first breaks (for a gap: the first missing seq). */
  seq: number;
  /** The row's id, when there is a row at that place. */
  id: number | null;
  problem: ChainProblem;
  detail: string;
}

export interface ChainReport {
  organisationId: string;
  /** Chained rows that were checked. */
  rows: number;
  head: ChainLink | null;
  break: ChainBreak | null;
}

const BATCH = 5000;

async function headOf(db: Db, organisationId: string): Promise<ChainLink | null> {
  const [head] = await db.select({ seq: auditChainHeads.seq, hash: auditChainHeads.hash }).from(auditChainHeads).where(eq(auditChainHeads.organisationId, organisationId));
  return head ? { seq: Number(head.seq), hash: head.hash } : null;
}

/** Does whatever follows `row` in the chain (the next row, or the head) link to its stored hash? */
async function successorLinksTo(db: Db, organisationId: string, row: StoredRow, head: ChainLink | null): Promise<boolean> {
  const seq = row.seq ?? 0;
  const [next] = await chainedRows(db, organisationId, seq, 1);
  if (next && next.seq === seq + 1) return row.hash !== null && chainHash(next, seq + 1, row.hash) === next.hash;
  return head !== null && head.seq === seq && head.hash === row.hash;
}

export async function verifyChain(db: Db, organisationId: string): Promise<ChainReport> {
  const head = await headOf(db, organisationId);
  let prev: ChainLink = { seq: 0, hash: GENESIS_HASH };
  let checked = 0;
  const report = (b: ChainBreak | null): ChainReport => ({ organisationId, rows: checked, head, break: b });

  for (;;) {
    const rows = await chainedRows(db, organisationId, prev.seq, BATCH);
    if (rows.length === 0) break;
    for (const row of rows) {
      const seq = row.seq ?? 0;
      if (seq !== prev.seq + 1) {
        const missing = seq - prev.seq - 1;
        return report({ seq: prev.seq + 1, id: null, problem: "gap", detail: `seq ${prev.seq + 1}${missing > 1 ? `–${seq - 1}` : ""} is missing (${missing} row${missing > 1 ? "s" : ""} removed); the next row is seq ${seq} (id ${row.id})` });
      }
      if (row.hash === null || chainHash(row, seq, prev.hash) !== row.hash) {
        const changed = await successorLinksTo(db, organisationId, row, head);
        return report({
          seq,
          id: row.id,
          problem: changed ? "content_changed" : "link_broken",
          detail: changed
            ? `row id ${row.id} (${row.action} ${row.entityType} ${row.entityId}) no longer matches its hash: its content was changed after it was written, or the row before it was rewritten`
            : `the hash stored on row id ${row.id} matches neither its content nor the next link: the hash was replaced`,
        });
      }
      checked += 1;
      prev = { seq, hash: row.hash };
    }
  }

  const [stray] = await db
    .select({ id: auditEvents.id, n: sql<string>`count(*) over ()` })
    .from(auditEvents)
    .where(and(eq(auditEvents.organisationId, organisationId), isNull(auditEvents.seq)))
    .limit(1);
  if (stray) {
    return report({ seq: prev.seq + 1, id: stray.id, problem: "link_broken", detail: `${stray.n} row(s) are not in the chain (first id ${stray.id}): written around the audit writer` });
  }
  const expected = head ?? { seq: 0, hash: GENESIS_HASH };
  if (expected.seq !== prev.seq || expected.hash !== prev.hash) {
    return report({
      // Rows missing at the end: the first missing one; otherwise the last row, which the head should name.
      seq: expected.seq > prev.seq ? prev.seq + 1 : prev.seq,
      id: null,
      problem: "head_mismatch",
      detail: `the head says seq ${expected.seq} (${expected.hash.slice(0, 12)}…), the chain ends at seq ${prev.seq} (${prev.hash.slice(0, 12)}…)${expected.seq > prev.seq ? `: rows after seq ${prev.seq} were removed` : ""}`,
    });
  }
  return report(null);
}
