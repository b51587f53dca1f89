import assert from "node:assert/strict";
import { after, before, describe, test, type TestContext } from "node:test";
import { CreatedFamily } from "@ploegwerk/domain";
import { eq, sql } from "drizzle-orm";
import { systemActor } from "../authz/actor.ts";
import { auditCommand } from "../cli/audit.ts";
import type { Database } from "../db/database.ts";
import { auditEvents } from "../db/schema.ts";
import { appFor, bodyOf } from "../testing/api.ts";
import { bypassingTrigger, chainOf, deleteRow, headOf, restoreRow, setDetails, setHash, setHead } from "../testing/auditTamper.ts";
import { createTestOrganisation, familyInput } from "../testing/factories.ts";
import { loginAs } from "../testing/http.ts";
import { testDatabase, testTarget } from "../testing/testDatabase.ts";
import { audit, auditMany } from "./audit.ts";
import { chainHash, GENESIS_HASH, stableJson, type AuditContent } from "./chain.ts";
import { chainUnchainedAuditRows } from "./chainBackfill.ts";
import { verifyChain } from "./verify.ts";

/** Drizzle wraps the database error; the trigger's message is on its cause. */
const appendOnly = (err: unknown): boolean => err instanceof Error && /append-only/.test(`${err.message} ${err.cause instanceof Error ? err.cause.message : ""}`);

describe("canonical form", () => {
  test("sorts keys at every level and drops undefined, so equal values hash equal", () => {
    assert.equal(stableJson({ b: 1, a: { d: [1, { f: 2, e: undefined }], c: null } }), '{"a":{"c":null,"d":[1,{"f":2}]},"b":1}');
    const content: AuditContent = {
      organisationId: "00000000-0000-0000-0000-000000000001",
      occurredAt: new Date("2026-03-01T09:30:00.123Z"),
      kind: "write",
      actorUserId: null,
      actorLabel: "system:test",
      actorRole: null,
      actorPartnerOrganisationId: null,
      action: "family.created",
      entityType: "family",
      entityId: "x",
      familyId: null,
      purpose: null,
      details: { z: 1, a: "b" },
    };
    const h = chainHash(content, 1, GENESIS_HASH);
    assert.match(h, /^[0-9a-f]{64}$/);
    assert.equal(chainHash({ ...content, details: { a: "b", z: 1 } }, 1, GENESIS_HASH), h, "key order does not matter");
    assert.notEqual(chainHash(content, 2, GENESIS_HASH), h, "the place in the chain is hashed");
    assert.notEqual(chainHash(content, 1, "f".repeat(64)), h, "the previous hash is hashed");
    assert.notEqual(chainHash({ ...content, purpose: "x" }, 1, GENESIS_HASH), h);
  });
});

describe(`audit hash chain (${testTarget()})`, () => {
  let database: Database;
  before(async () => {
    database = await testDatabase();
  });
  after(async () => database.close());

  async function chainedOrganisation() {
    const org = await createTestOrganisation(database.db);
    // A few rows of each kind, with details that jsonb reorders and a Date that JSON turns into text.
    await audit(database.db, org.system, { action: "team.created", entityType: "team", entityId: org.teamId, details: { zeta: 1, alpha: [3, 2, { b: true, a: null }], when: new Date("2026-01-02T03:04:05.678Z"), dropped: undefined } });
    await auditMany(database.db, org.system, [
      { action: "family.created", entityType: "family", entityId: "f1", details: { n: 0.1 } },
      { action: "family.viewed", kind: "read", entityType: "family", entityId: "f1", purpose: "Overdracht" },
      { action: "session.failed", entityType: "user", entityId: "u1" },
    ]);
    await audit(database.db, org.system, { action: "family.updated", entityType: "family", entityId: "f1", details: { changed: ["district"] } });
    return org;
  }

  test("every row gets the next seq and a hash over its content and the previous hash; the head follows", async () => {
    const org = await chainedOrganisation();
    const rows = await chainOf(database.db, org.organisationId);
    assert.deepEqual(rows.map((r) => r.seq), rows.map((_, i) => i + 1));
    assert.deepEqual(rows.map((r) => r.kind).slice(-5), ["write", "write", "read", "auth", "write"]);
    assert.equal(rows.find((r) => r.action === "family.viewed")?.purpose, "Overdracht");
    const last = rows[rows.length - 1];
    assert.deepEqual(await headOf(database.db, org.organisationId), { organisationId: org.organisationId, seq: last?.seq, hash: last?.hash });
    const report = await verifyChain(database.db, org.organisationId);
    assert.equal(report.break, null, JSON.stringify(report.break));
    assert.equal(report.rows, rows.length);
  });

  test("20 parallel writers on one organisation still give one gapless, valid chain", async (t: TestContext) => {
    const org = await createTestOrganisation(database.db);
    const app = await appFor(t, database.db);
    const coach = await loginAs(app, (await org.user("coach")).email);
    const results = await Promise.all([
      ...Array.from({ length: 20 }, () => coach.post("/api/v1/families", familyInput())),
      // Writers outside a transaction (like a failed log-in) race along.
      ...Array.from({ length: 5 }, (_, i) => audit(database.db, systemActor(org.organisationId, "race"), { action: "session.failed", entityType: "user", entityId: `u${i}` })),
    ]);
    for (const res of results.slice(0, 20)) if (res) bodyOf(res, 201, CreatedFamily);
    const rows = await chainOf(database.db, org.organisationId);
    assert.deepEqual(rows.map((r) => r.seq), rows.map((_, i) => i + 1), "no gaps, no duplicates");
    assert.equal(rows.filter((r) => r.action === "family.created").length, 20);
    assert.equal((await verifyChain(database.db, org.organisationId)).break, null);
  });

  test("a change to a row's content is found at exactly that row; undone, the chain is whole again", async () => {
    const org = await chainedOrganisation();
    const rows = await chainOf(database.db, org.organisationId);
    const victim = rows[rows.length - 3];
    assert.ok(victim?.seq);
    await setDetails(database.db, victim, { ...victim.details, forged: true });
    const broken = await verifyChain(database.db, org.organisationId);
    assert.deepEqual([broken.break?.problem, broken.break?.seq, broken.break?.id], ["content_changed", victim.seq, victim.id]);
    assert.equal(broken.rows, victim.seq - 1, "the rows before it were checked and are fine");

    await setDetails(database.db, victim, victim.details);
    assert.equal((await verifyChain(database.db, org.organisationId)).break, null);
  });

  test("a replaced hash is a broken link at that row", async () => {
    const org = await chainedOrganisation();
    const victim = (await chainOf(database.db, org.organisationId))[2];
    assert.ok(victim?.hash);
    await setHash(database.db, victim, "a".repeat(64));
    const broken = await verifyChain(database.db, org.organisationId);
    assert.deepEqual([broken.break?.problem, broken.break?.seq, broken.break?.id], ["link_broken", victim.seq, victim.id]);
    await setHash(database.db, victim, victim.hash);
    assert.equal((await verifyChain(database.db, org.organisationId)).break, null);
  });

  test("a deleted row is a gap at its seq; a deleted last row and a changed head are a head mismatch", async () => {
    const org = await chainedOrganisation();
    const rows = await chainOf(database.db, org.organisationId);
    const middle = rows[3];
    const last = rows[rows.length - 1];
    assert.ok(middle?.seq && last?.seq && last.hash);

    await deleteRow(database.db, middle);
    const gap = await verifyChain(database.db, org.organisationId);
    assert.deepEqual([gap.break?.problem, gap.break?.seq], ["gap", middle.seq]);
    assert.match(gap.break?.detail ?? "", new RegExp(`seq ${middle.seq} is missing`));
    await restoreRow(database.db, middle);

    await deleteRow(database.db, last);
    const end = await verifyChain(database.db, org.organisationId);
    assert.deepEqual([end.break?.problem, end.break?.seq], ["head_mismatch", last.seq]);
    await restoreRow(database.db, last);

    await setHead(database.db, org.organisationId, { seq: last.seq, hash: "b".repeat(64) });
    const head = await verifyChain(database.db, org.organisationId);
    assert.deepEqual([head.break?.problem, head.break?.seq], ["head_mismatch", last.seq]);
    await setHead(database.db, org.organisationId, { seq: last.seq, hash: last.hash });
    assert.equal((await verifyChain(database.db, org.organisationId)).break, null);
  });

  test("the trigger refuses UPDATE and DELETE of a chained row", async () => {
    const org = await chainedOrganisation();
    const [row] = await chainOf(database.db, org.organisationId);
    assert.ok(row);
    await assert.rejects(database.db.update(auditEvents).set({ details: { forged: true } }).where(eq(auditEvents.id, row.id)), appendOnly);
    await assert.rejects(database.db.update(auditEvents).set({ hash: "c".repeat(64) }).where(eq(auditEvents.id, row.id)), appendOnly);
    await assert.rejects(database.db.delete(auditEvents).where(eq(auditEvents.id, row.id)), appendOnly);
    assert.equal((await verifyChain(database.db, org.organisationId)).break, null);
  });

  test("rows from before the chain are chained once at start-up, in id order, after the chained ones", async () => {
    const org = await chainedOrganisation();
    const before = await chainOf(database.db, org.organisationId);
    // Written around the audit writer, as the code before migration 0003 did (no seq, no hash, now()).
    await database.db.execute(sql`insert into audit_events (organisation_id, actor_label, action, entity_type, entity_id, details)
      values (${org.organisationId}, 'system:old', 'family.created', 'family', 'old-1', '{"b":2,"a":1}'), (${org.organisationId}, 'system:old', 'family.updated', 'family', 'old-1', '{}')`);
    const unchained = await verifyChain(database.db, org.organisationId);
    assert.equal(unchained.break?.problem, "link_broken");
    assert.match(unchained.break?.detail ?? "", /2 row\(s\) are not in the chain/);

    assert.ok((await chainUnchainedAuditRows(database.db)) >= 2);
    const after = await chainOf(database.db, org.organisationId);
    assert.deepEqual(after.slice(-2).map((r) => [r.entityId, r.action, r.seq]), [["old-1", "family.created", before.length + 1], ["old-1", "family.updated", before.length + 2]]);
    assert.equal((await verifyChain(database.db, org.organisationId)).break, null);
    // Once chained, the trigger protects them like any other row.
    const old = after[after.length - 1];
    assert.ok(old);
    await assert.rejects(database.db.update(auditEvents).set({ seq: 999_999, hash: "d".repeat(64) }).where(eq(auditEvents.id, old.id)), appendOnly);
  });

  test("a change that fails leaves no audit row and does not move the head", async () => {
    const org = await chainedOrganisation();
    const head = await headOf(database.db, org.organisationId);
    await assert.rejects(
      database.db.transaction(async (tx) => {
        await audit(tx, org.system, { action: "family.created", entityType: "family", entityId: "doomed" });
        throw new Error("the change fails after its audit row");
      }),
      /the change fails/,
    );
    assert.deepEqual(await headOf(database.db, org.organisationId), head);
    assert.equal((await chainOf(database.db, org.organisationId)).some((r) => r.entityId === "doomed"), false);
    assert.equal((await verifyChain(database.db, org.organisationId)).break, null);
  });

  test("`ploegwerk audit verify` prints one line per organisation and exits 1 on a break", async () => {
    const intact = await chainedOrganisation();
    const tampered = await chainedOrganisation();
    const verify = async (slug: string) => {
      const lines: string[] = [];
      const code = await auditCommand(database, "verify", slug, (l) => lines.push(l));
      return { code, lines };
    };
    const ok = await verify(intact.slug);
    assert.equal(ok.code, 0);
    assert.match(ok.lines[0] ?? "", new RegExp(`^${intact.slug}\\tok\\t\\d+ rows\\thead \\d+ [0-9a-f]{64}$`));

    const victim = (await chainOf(database.db, tampered.organisationId))[1];
    assert.ok(victim);
    await bypassingTrigger(database.db, (tx) => tx.update(auditEvents).set({ entityId: "forged" }).where(eq(auditEvents.id, victim.id)));
    const bad = await verify(tampered.slug);
    assert.equal(bad.code, 1);
    assert.match(bad.lines[0] ?? "", new RegExp(`^${tampered.slug}\\tBROKEN\\t1 rows ok\\tseq 2 \\(id ${victim.id}\\): content changed — `));
    await bypassingTrigger(database.db, (tx) => tx.update(auditEvents).set({ entityId: victim.entityId }).where(eq(auditEvents.id, victim.id)));
    assert.equal((await verify(tampered.slug)).code, 0);
    assert.equal((await auditCommand(database, "verify", "no-such-organisation", () => undefined)), 2);
  });
});
