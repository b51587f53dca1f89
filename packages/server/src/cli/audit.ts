/**
 * `ploegwerk audit verify [--organisation SLUG]`: recomputes each organisation's audit hash
 * chain. One line per organisation on stdout (tab-separated), a summary on stderr; exit code 1
 * when any chain is broken, 2 for a usage mistake.
 */
import { parseCsv } from "@ploegwerk/domain";
import { asc, eq } from "drizzle-orm";
import type { Database } from "../db/database.ts";
import { organisations } from "../db/schema.ts";
import { verifyChain, type ChainProblem } from "../audit/verify.ts";
import { log } from "../runtime.ts";

const PROBLEM_TEXT: Record<ChainProblem, string> = {
  gap: "gap",
  content_changed: "content changed",
  link_broken: "link broken",
  head_mismatch: "head mismatch",
};

export async function auditCommand(database: Database, subject: string | undefined, slug: string | undefined, write: (line: string) => void): Promise<number> {
  if (subject !== "verify") {
    log("error: use: ploegwerk audit verify [--organisation SLUG]");
    return 2;
  }
  const orgs = await database.db
    .select({ organisationId: organisations.organisationId, slug: organisations.slug })
    .from(organisations)
    .where(slug ? eq(organisations.slug, slug) : undefined)
    .orderBy(asc(organisations.createdAt));
  if (slug && orgs.length === 0) {
    log(`error: organisation '${slug}' does not exist`);
    return 2;
  }
  let broken = 0;
  let rows = 0;
  for (const org of orgs) {
    const r = await verifyChain(database.db, org.organisationId);
    rows += r.rows;
    if (r.break) {
      broken += 1;
      write(`${org.slug}\tBROKEN\t${r.rows} rows ok\tseq ${r.break.seq}${r.break.id !== null ? ` (id ${r.break.id})` : ""}: ${PROBLEM_TEXT[r.break.problem]} — ${r.break.detail}`);
    } else {
      write(`${org.slug}\tok\t${r.rows} rows\thead ${r.head ? `${r.head.seq} ${r.head.hash}` : "(empty)"}`);
    }
  }
  log(broken === 0 ? `Audit chains intact: ${orgs.length} organisation(s), ${rows} rows checked.` : `Audit chain BROKEN in ${broken} of ${orgs.length} organisation(s).`);
  return broken === 0 ? 0 : 1;
}

/** The case numbers in a measurement export (its first column, after the header). */
export function exportedCaseNumbers(csv: string): string[] {
  return parseCsv(csv)
    .slice(1)
    .map((r) => r.cells[0] ?? "")
    .filter((c) => c !== "");
}
