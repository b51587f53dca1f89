/**
 * Read logging for the HTTP API (NEN 7513), in one place: every /api request runs in an audit
 * context (audit/requestContext.ts) that the dossier lookups note their reads in; when the
 * answer is a success, the reads are written as audit rows of kind "read" in one short
 * transaction before the answer leaves. If that write fails the client gets a 500 instead of
 * data nobody logged. A 4xx/5xx answer (not found, forbidden, invalid, conflict) logs no read.
 */
import { PURPOSE_HEADER } from "@ploegwerk/domain";
import { sql } from "drizzle-orm";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { auditMany, type AuditEntry } from "../../audit/audit.ts";
import type { Actor } from "../../authz/actor.ts";
import { parsePurpose } from "../../audit/purpose.ts";
import { readEntries } from "../../audit/readEntries.ts";
import { newAuditContext, runInAuditContext, type AuditContext, type ReadNote } from "../../audit/requestContext.ts";
import type { Db } from "../../db/database.ts";

declare module "fastify" {
  interface FastifyRequest {
    auditContext: AuditContext | null;
  }
}

/**
 * The safety net: a successful GET of a route with a :familyId has read that family even if its
 * handler took another way than the dossier lookups (a chain partner's view, a new feature), so
 * it is logged all the same. A route that holds none of the family's data opts out with
 * `config: { readLog: false }`.
 */
function unnotedFamily(req: FastifyRequest, reads: readonly ReadNote[]): ReadNote[] {
  const familyId = (req.params as Record<string, string | undefined>).familyId;
  if ((req.method !== "GET" && req.method !== "HEAD") || !familyId || reads.some((r) => r.familyId === familyId)) return [];
  return [{ familyId, entityType: "family", entityId: familyId, action: "family.viewed" }];
}

function routeOf(req: FastifyRequest) {
  return { method: req.method, url: req.routeOptions.url ?? req.url, params: req.params as Record<string, string> };
}

export function registerReadLog(app: FastifyInstance, db: Db): void {
  app.decorateRequest("auditContext", null);
  // preHandler, not onRequest: it runs after authentication, and the async context entered here
  // reaches the handler even for requests with a body (the body parser does not keep it).
  app.addHook("preHandler", (req, _reply, done) => {
    if (!req.url.startsWith("/api/")) return done();
    let purpose: string | null;
    try {
      purpose = parsePurpose(req.headers[PURPOSE_HEADER]);
    } catch (err) {
      return done(err as Error);
    }
    const context = newAuditContext(purpose);
    req.auditContext = context;
    runInAuditContext(context, () => done());
  });
  /** A read through break-the-glass is flagged on the row itself, so the review sees what was opened. */
  const flagged = (actor: Actor, e: AuditEntry) =>
    actor.kind === "user" && e.familyId && actor.breakGlassFamilyIds.includes(e.familyId) ? { ...e.details, breakGlass: true } : e.details;
  app.addHook("onSend", async (req, reply, payload) => {
    const context = req.auditContext;
    if (!context || reply.statusCode >= 400 || !req.actor) return payload;
    // Once: an error answer sent after a failed write passes through onSend again.
    req.auditContext = null;
    if ((req.routeOptions.config as { readLog?: boolean } | undefined)?.readLog === false) return payload;
    const reads = [...context.reads, ...unnotedFamily(req, context.reads)];
    const entries = readEntries(reads, routeOf(req), context.writtenFamilies);
    if (entries.length === 0) return payload;
    const actor = req.actor;
    await db.transaction(async (tx) => {
      // The read row does not wait for the WAL flush (about 3 of the 4 ms it costs on PostgreSQL).
      // Only a database crash in the next fraction of a second could lose it, together with its
      // place in the chain (the chain stays whole); changes keep their synchronous commit.
      await tx.execute(sql`set local synchronous_commit = off`);
      await auditMany(tx, actor, entries.map((e) => ({ ...e, purpose: context.purpose, details: flagged(actor, e) })));
    });
    return payload;
  });
}
