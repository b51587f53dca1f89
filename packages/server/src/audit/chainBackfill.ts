/**
 * Audit rows written before the hash chain existed (migration 0003) have no seq or hash. At
 * start-up, after the migrations, they are chained once per organisation in id order; the
 * append-only trigger allows exactly this update (seq and hash, on a row whose hash is null).
 */
import { sql } from "drizzle-orm";
import type { Db } from "../db/database.ts";
import { organisations } from "../db/schema.ts";
import { link, lockChainHead, setChainHead } from "./chain.ts";
import { unchainedRows } from "./chainRows.ts";

const BATCH = 1000;

/** Chains every unchained row; returns how many rows were chained (0 on every start but the first). */
export async function chainUnchainedAuditRows(db: Db): Promise<number> {
  let total = 0;
  for (const { organisationId } of await db.select({ organisationId: organisations.organisationId }).from(organisations)) {
    // A cheap look first (the (organisation_id, seq) index holds the nulls): no lock when nothing waits.
    if ((await unchainedRows(db, organisationId, 0, 1)).length === 0) continue;
    total += await db.transaction(async (tx) => {
      // Under the head lock a second process starting at the same time finds nothing left.
      let head = await lockChainHead(tx, organisationId);
      let chained = 0;
      let afterId = 0;
      for (;;) {
        const rows = await unchainedRows(tx, organisationId, afterId, BATCH);
        if (rows.length === 0) break;
        const links = link(head, rows);
        const values = sql.join(
          rows.map((r, i) => sql`(${r.id}::bigint, ${links[i]?.seq}::bigint, ${links[i]?.hash}::text)`),
          sql`, `,
        );
        await tx.execute(sql`update audit_events a set seq = v.seq, hash = v.hash
                               from (values ${values}) as v(id, seq, hash)
                              where a.organisation_id = ${organisationId}::uuid and a.id = v.id`);
        head = links[links.length - 1] ?? head;
        afterId = rows[rows.length - 1]?.id ?? afterId;
        chained += rows.length;
      }
      await setChainHead(tx, organisationId, head);
      return chained;
    });
  }
  return total;
}
