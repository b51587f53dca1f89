/**
 * Assertions shared by the HTTP API tests: status codes with the body in the message, response
 * bodies parsed by the shared zod contracts (so a test also checks the answer's shape), problem
 * details (RFC 9457) and the audit trail of an organisation.
 */
import assert from "node:assert/strict";
import type { TestContext } from "node:test";
import { ProblemDetails } from "@ploegwerk/domain";
import { and, asc, eq, ne, type SQL } from "drizzle-orm";
import type { LightMyRequestResponse } from "fastify";
import type { z } from "zod";
import type { App } from "../app.ts";
import type { Db } from "../db/database.ts";
import { auditEvents } from "../db/schema.ts";
import { testApp } from "./http.ts";

export type Problem = z.infer<typeof ProblemDetails>;

/** A fresh app for one test, closed when the test ends (the log-in rate limit counts per app). */
export async function appFor(t: TestContext, db: Db): Promise<App> {
  const app = await testApp(db);
  t.after(() => app.close());
  return app;
}

export function expectStatus(res: LightMyRequestResponse, status: number): void {
  assert.equal(res.statusCode, status, `expected HTTP ${status}, got ${res.statusCode}: ${res.body.slice(0, 2000)}`);
}

/** Asserts the status and parses the body with a contract schema. */
export function bodyOf<S extends z.ZodType>(res: LightMyRequestResponse, status: number, schema: S): z.output<S> {
  expectStatus(res, status);
  return schema.parse(res.json());
}

export interface ExpectedProblem {
  status: number;
  code: string;
  /** Compared when given; `null` asserts there is no reason. */
  reason?: string | null;
  /** Names that must appear in invalidParams. */
  invalidParams?: readonly string[];
}

/** Asserts an RFC 9457 problem answer with the expected status, code and (optionally) reason and field names. */
export function expectProblem(res: LightMyRequestResponse, expected: ExpectedProblem): Problem {
  expectStatus(res, expected.status);
  assert.match(String(res.headers["content-type"]), /^application\/problem\+json/, "errors are application/problem+json");
  const problem = ProblemDetails.parse(res.json());
  assert.equal(problem.status, expected.status);
  assert.equal(problem.code, expected.code);
  if (expected.reason !== undefined) assert.equal(problem.reason, expected.reason ?? undefined);
  if (expected.invalidParams) {
    const names = paramNames(problem);
    for (const name of expected.invalidParams) {
      assert.ok(names.includes(name), `invalidParams should name '${name}'; got ${JSON.stringify(problem.invalidParams ?? [])}`);
    }
  }
  return problem;
}

export function paramNames(problem: Problem): string[] {
  return (problem.invalidParams ?? []).map((p) => p.name);
}

export type AuditRow = typeof auditEvents.$inferSelect;

/**
 * The audit rows of one organisation, oldest first, optionally narrowed by action and record.
 * Read rows (every GET of a dossier writes one) are left out unless asked for, so a test that
 * counts changes is not thrown by the reads it made along the way.
 */
export async function auditRows(db: Db, organisationId: string, filter: { action?: string; entityId?: string; familyId?: string; includeReads?: boolean } = {}): Promise<AuditRow[]> {
  const conditions: SQL[] = [eq(auditEvents.organisationId, organisationId)];
  if (!filter.includeReads) conditions.push(ne(auditEvents.kind, "read"));
  if (filter.action) conditions.push(eq(auditEvents.action, filter.action));
  if (filter.entityId) conditions.push(eq(auditEvents.entityId, filter.entityId));
  if (filter.familyId) conditions.push(eq(auditEvents.familyId, filter.familyId));
  return db
    .select()
    .from(auditEvents)
    .where(and(...conditions))
    .orderBy(asc(auditEvents.id));
}
