import assert from "node:assert/strict";
import { after, before, describe, test, type TestContext } from "node:test";
import { BUILTIN_INSTRUMENTS, InstrumentDefinition, Measurement } from "@ploegwerk/domain";
import { z } from "zod";
import type { Database } from "../../db/database.ts";
import { appFor, auditRows, bodyOf, expectProblem, expectStatus, paramNames } from "../../testing/api.ts";
import { createTestOrganisation, makeFamily, PLOEG9_KEYS, ploeg9 } from "../../testing/factories.ts";
import { loginAs } from "../../testing/http.ts";
import { testDatabase, testTarget } from "../../testing/testDatabase.ts";

const MeasurementList = z.object({ items: z.array(Measurement) });
const InstrumentList = z.object({ items: z.array(InstrumentDefinition) });

/** A request body for a ploeg-9 meting; every score at or under 3 gets a justification unless told otherwise. */
function meting(round: number, scores: Record<string, number>, extra: Record<string, unknown> = {}) {
  return {
    instrument: { key: "ploeg-9" },
    round,
    measuredOn: round === 0 ? "2026-01-15" : "2026-08-20",
    scores: Object.fromEntries(Object.entries(scores).map(([k, s]) => [k, { score: s, justification: s <= 3 ? `Beschrijving problematiek ${k}` : null }])),
    ...extra,
  };
}

/*
 * Nulmeting, in ploeg-9 order (onderwijs_werk, huisvesting, inkomen, opvoeding, geestelijke_gezondheid,
 * lichamelijke_gezondheid, sociaal_netwerk, vrije_tijd, justitiele_veiligheid): 1 1 1 2 1 4 2 1 1.
 *   weights (6 − s): six 1s weigh 5, two 2s weigh 4, the 4 weighs 2  → Σw = 30 + 8 + 2 = 40
 *   Σ s·w = 6·(1·5) + 2·(2·4) + 4·2 = 30 + 16 + 8 = 54
 *   SR = 54 / 40 = 1.35 exactly → half-up to one decimal 1.4 (a float or banker's rounding gives 1.3)
 *   level = 1.35 half-up to an integer = 1
 *   problem domains (score ≤ 3): all but lichamelijke_gezondheid → 8
 */
const NULMETING = ploeg9(1, 1, 1, 2, 1, 4, 2, 1, 1);
/*
 * Meting 1: 3 5 5 5 1 5 4 5 5.
 *   weights: 3→3, 1→5, 4→2, six 5s→1 each → Σw = 3 + 5 + 2 + 6 = 16
 *   Σ s·w = 3·3 + 1·5 + 4·2 + 6·(5·1) = 9 + 5 + 8 + 30 = 52
 *   SR = 52 / 16 = 3.25 → 3.3 (half-up), level 3 (the plain mean 38/9 = 4.2 is higher, as BRIEF §4 says)
 *   problem domains: onderwijs_werk (3) and geestelijke_gezondheid (1) → 2
 */
const METING_1 = ploeg9(3, 5, 5, 5, 1, 5, 4, 5, 5);

describe(`measurements API (${testTarget()})`, () => {
  let database: Database;
  before(async () => {
    database = await testDatabase();
  });
  after(async () => database.close());

  async function setup(t: TestContext) {
    const org = await createTestOrganisation(database.db);
    const coach = await org.user("coach");
    const family = await makeFamily(database.db, coach.actor);
    const app = await appFor(t, database.db);
    const client = await loginAs(app, coach.email);
    return { org, coach, family, app, client, url: `/api/v1/families/${family.id}/measurements` };
  }

  test("record the nulmeting and meting 1: SR, level and problem domains as computed by hand", async (t) => {
    const { coach, family, client, url } = await setup(t);

    const m0 = bodyOf(await client.post(url, meting(0, NULMETING, { note: "Intake bij het gezin thuis" })), 201, Measurement);
    assert.equal(m0.familyId, family.id);
    assert.equal(m0.memberId, null);
    assert.deepEqual(m0.instrument, { key: "ploeg-9", version: 1 });
    assert.equal(m0.round, 0);
    assert.equal(m0.measuredOn, "2026-01-15");
    assert.equal(m0.measuredById, coach.id);
    assert.equal(m0.measuredByName, coach.name);
    assert.equal(m0.source, "interview");
    assert.equal(m0.note, "Intake bij het gezin thuis");
    assert.equal(m0.version, 1);
    assert.equal(m0.selfReliance, 1.4);
    assert.equal(m0.level, 1);
    assert.deepEqual(m0.problemDomains, PLOEG9_KEYS.filter((k) => k !== "lichamelijke_gezondheid"));
    assert.deepEqual(m0.scores.huisvesting, { score: 1, justification: "Beschrijving problematiek huisvesting" });
    assert.deepEqual(m0.scores.lichamelijke_gezondheid, { score: 4, justification: null });
    assert.equal(Object.keys(m0.scores).length, 9);

    const m1 = bodyOf(await client.post(url, meting(1, METING_1, { source: "merged", measuredByName: "Onderzoeker Intraval" })), 201, Measurement);
    assert.equal(m1.selfReliance, 3.3);
    assert.equal(m1.level, 3);
    assert.deepEqual(m1.problemDomains, ["onderwijs_werk", "geestelijke_gezondheid"]);
    assert.equal(m1.source, "merged");
    assert.equal(m1.measuredByName, "Onderzoeker Intraval");

    const list = bodyOf(await client.get(url), 200, MeasurementList);
    assert.deepEqual(list.items.map((m) => [m.round, m.selfReliance, m.level, m.problemDomains.length]), [[0, 1.4, 1, 8], [1, 3.3, 3, 2]]);
    assert.deepEqual(bodyOf(await client.get(`${url}/${m1.id}`), 200, Measurement), m1);
    assert.deepEqual(bodyOf(await client.get(`${url}?instrument=zrm-13`), 200, MeasurementList).items, []);
    expectProblem(await client.get(`${url}/${family.members[0]?.id ?? ""}`), { status: 404, code: "not_found" });
  });

  test("every score at or under 3 needs a justification: 400 with scores.<key>.justification for each", async (t) => {
    const { client, url } = await setup(t);
    const scores = ploeg9(2, 3, 4, 5, 1, 3, 4, 5, 2);
    const body = {
      instrument: { key: "ploeg-9" },
      round: 0,
      measuredOn: "2026-01-15",
      scores: Object.fromEntries(
        Object.entries(scores).map(([k, s]) => [k, { score: s, justification: k === "inkomen" ? "Schulden bij de GKB" : k === "onderwijs_werk" ? "   " : null }]),
      ),
    };
    const problem = expectProblem(await client.post(url, body), { status: 400, code: "invalid" });
    // ≤ 3 without (real) text: onderwijs_werk (2, blank), huisvesting (3), geestelijke_gezondheid (1),
    // lichamelijke_gezondheid (3), justitiele_veiligheid (2). inkomen (4) and the 5s need none.
    assert.deepEqual(paramNames(problem).sort(), ["geestelijke_gezondheid", "huisvesting", "justitiele_veiligheid", "lichamelijke_gezondheid", "onderwijs_werk"].map((k) => `scores.${k}.justification`).sort());
    assert.deepEqual(bodyOf(await client.get(url), 200, MeasurementList).items, [], "nothing is stored");
  });

  test("unknown domain, score off the scale, non-integer score, no scores, unknown instrument: 400 with the field", async (t) => {
    const { client, url } = await setup(t);
    const cases: [unknown, string[]][] = [
      [meting(0, { huisvesting: 4, geluk: 4 }), ["scores.geluk"]],
      [meting(0, { huisvesting: 6 }), ["scores.huisvesting.score"]],
      [meting(0, { huisvesting: 0 }), ["scores.huisvesting.score"]],
      [meting(0, { huisvesting: 2.5 }), ["scores.huisvesting.score"]],
      [meting(0, {}), ["scores"]],
      [{ ...meting(0, { huisvesting: 4 }), round: -1 }, ["round"]],
      [{ ...meting(0, { huisvesting: 4 }), measuredOn: "15-01-2026" }, ["measuredOn"]],
      [{ ...meting(0, { huisvesting: 4 }), instrument: { key: "bestaat-niet" } }, ["instrument"]],
      [{ ...meting(0, { huisvesting: 4 }), instrument: { key: "ploeg-9", version: 9 } }, ["instrument"]],
    ];
    for (const [body, names] of cases) {
      const problem = expectProblem(await client.post(url, body), { status: 400, code: "invalid" });
      assert.deepEqual(paramNames(problem), names, JSON.stringify(body));
    }
    assert.deepEqual(bodyOf(await client.get(url), 200, MeasurementList).items, []);
  });

  test("a second meting with the same round is 409 duplicate_round; per member the rounds count separately", async (t) => {
    const { family, client, url } = await setup(t);
    const m0 = bodyOf(await client.post(url, meting(0, NULMETING)), 201, Measurement);
    const dup = expectProblem(await client.post(url, meting(0, METING_1)), { status: 409, code: "conflict", reason: "duplicate_round" });
    assert.match(dup.detail, /Meting 0 bestaat al/);
    const child = family.members.find((m) => m.role === "child");
    assert.ok(child);
    const own = bodyOf(await client.post(url, meting(0, { onderwijs_werk: 2 }, { memberId: child.id })), 201, Measurement);
    assert.equal(own.memberId, child.id);
    expectProblem(await client.post(url, meting(0, { onderwijs_werk: 4 }, { memberId: child.id })), { status: 409, code: "conflict", reason: "duplicate_round" });
    // Another instrument has its own rounds.
    expectStatus(await client.post(url, { instrument: { key: "participatieladder" }, round: 0, measuredOn: "2026-01-15", scores: { participatie: { score: 2 } } }), 201);

    // Moving meting 1 onto round 0 is refused too, and meting 1 stays meting 1.
    const m1 = bodyOf(await client.post(url, meting(1, METING_1)), 201, Measurement);
    expectProblem(await client.patch(`${url}/${m1.id}`, { version: 1, round: 0 }), { status: 409, code: "conflict", reason: "duplicate_round" });
    assert.equal(bodyOf(await client.get(`${url}/${m1.id}`), 200, Measurement).round, 1);
    assert.deepEqual(bodyOf(await client.get(`${url}/${m0.id}`), 200, Measurement).scores, m0.scores);
  });

  test("a per-member meting with a member of another family is 400 memberId", async (t) => {
    const { coach, client, url } = await setup(t);
    const other = await makeFamily(database.db, coach.actor);
    const stranger = other.members[0];
    assert.ok(stranger);
    const problem = expectProblem(await client.post(url, meting(0, { onderwijs_werk: 4 }, { memberId: stranger.id })), { status: 400, code: "invalid" });
    assert.deepEqual(paramNames(problem), ["memberId"]);
    expectProblem(await client.post(url, meting(0, { onderwijs_werk: 4 }, { memberId: "5d1b7a3e-8a4f-4c3e-9a51-0a6c2b7d9e10" })), { status: 400, code: "invalid", invalidParams: ["memberId"] });
    assert.deepEqual(bodyOf(await client.get(url), 200, MeasurementList).items, []);
  });

  test("optimistic concurrency: two editors read version 1, the first save wins, the second gets 409 stale_version", async (t) => {
    const { org, client: anna, app, url } = await setup(t);
    const bram = await loginAs(app, (await org.user("coach")).email);
    const created = bodyOf(await anna.post(url, meting(0, NULMETING)), 201, Measurement);

    const annaRead = bodyOf(await anna.get(`${url}/${created.id}`), 200, Measurement);
    const bramRead = bodyOf(await bram.get(`${url}/${created.id}`), 200, Measurement);
    assert.equal(annaRead.version, 1);
    assert.equal(bramRead.version, 1);

    // Anna raises huisvesting from 1 to 3 (still a problem domain, so it keeps a justification).
    const annaScores = { ...annaRead.scores, huisvesting: { score: 3, justification: "Huurachterstand geregeld, woning nog te klein" } };
    const saved = bodyOf(await anna.patch(`${url}/${created.id}`, { version: annaRead.version, scores: annaScores, note: "Na overleg met Woonkans" }), 200, Measurement);
    assert.equal(saved.version, 2);
    assert.equal(saved.scores.huisvesting?.score, 3);
    // 1 3 1 2 1 4 2 1 1: Σw = 5+3+5+4+5+2+4+5+5 = 38; Σsw = 5+9+5+8+5+8+8+5+5 = 58; SR = 58/38 = 1.526… → 1.5, level 2
    assert.equal(saved.selfReliance, 1.5);
    assert.equal(saved.level, 2);

    const bramScores = { ...bramRead.scores, inkomen: { score: 5, justification: null } };
    expectProblem(await bram.patch(`${url}/${created.id}`, { version: bramRead.version, scores: bramScores }), { status: 409, code: "conflict", reason: "stale_version" });

    const now = bodyOf(await bram.get(`${url}/${created.id}`), 200, Measurement);
    assert.equal(now.version, 2);
    assert.deepEqual(now.scores.huisvesting, { score: 3, justification: "Huurachterstand geregeld, woning nog te klein" });
    assert.equal(now.scores.inkomen?.score, 1, "Bram's edit did not overwrite anything");
    assert.equal(now.note, "Na overleg met Woonkans");
    expectProblem(await bram.patch(`${url}/${created.id}`, { version: 3, note: "x" }), { status: 409, code: "conflict", reason: "stale_version" });
  });

  test("optimistic concurrency holds when both saves arrive at the same moment: exactly one wins", async (t) => {
    const { org, client: anna, app, url } = await setup(t);
    const bram = await loginAs(app, (await org.user("teamleider")).email);
    const created = bodyOf(await anna.post(url, meting(0, NULMETING)), 201, Measurement);
    const [a, b] = await Promise.all([
      anna.patch(`${url}/${created.id}`, { version: 1, note: "Anna", scores: { ...created.scores, vrije_tijd: { score: 4, justification: null } } }),
      bram.patch(`${url}/${created.id}`, { version: 1, note: "Bram", scores: { ...created.scores, sociaal_netwerk: { score: 5, justification: null } } }),
    ]);
    const statuses = [a.statusCode, b.statusCode].sort();
    assert.deepEqual(statuses, [200, 409], `${a.body} / ${b.body}`);
    const winner = a.statusCode === 200 ? "Anna" : "Bram";
    const now = bodyOf(await anna.get(`${url}/${created.id}`), 200, Measurement);
    assert.equal(now.version, 2);
    assert.equal(now.note, winner);
    // The winner's scores, complete: no mix of both edits.
    assert.equal(now.scores.vrije_tijd?.score, winner === "Anna" ? 4 : 1);
    assert.equal(now.scores.sociaal_netwerk?.score, winner === "Bram" ? 5 : 2);
  });

  // BUG (see report): MeasurementPatch is a `.partial()` of NewMeasurement, whose note, source and
  // measuredByName have defaults; zod 4 fills them in, so a PATCH of only the scores resets them.
  test("a measurement PATCH only changes what it sends (note, source, measured-by stay)", async (t) => {
    const { org, client, url } = await setup(t);
    const created = bodyOf(await client.post(url, meting(0, NULMETING, { note: "Gesprek met moeder", source: "dossier", measuredByName: "Onderzoeker" })), 201, Measurement);
    const edited = bodyOf(await client.patch(`${url}/${created.id}`, { version: 1, scores: { ...created.scores, vrije_tijd: { score: 4, justification: null } } }), 200, Measurement);
    assert.equal(edited.scores.vrije_tijd?.score, 4);
    assert.equal(edited.note, "Gesprek met moeder");
    assert.equal(edited.source, "dossier");
    assert.equal(edited.measuredByName, "Onderzoeker");
    // The audit row names only what the client changed.
    const [row] = await auditRows(database.db, org.organisationId, { action: "measurement.updated", entityId: created.id });
    assert.deepEqual(row?.details, { changed: ["scores"], fromVersion: 1 });
  });

  test("a measurement keeps the exact instrument version: after importing ploeg-9 v2 old metingen say v1, new ones v2", async (t) => {
    const { org, client, app, url } = await setup(t);
    const admin = await loginAs(app, (await org.user("beheerder")).email);
    const old = bodyOf(await client.post(url, meting(0, NULMETING)), 201, Measurement);
    assert.deepEqual(old.instrument, { key: "ploeg-9", version: 1 });

    const v1 = BUILTIN_INSTRUMENTS.find((d) => d.key === "ploeg-9");
    assert.ok(v1);
    const v2 = { ...v1, version: 2, domains: v1.domains.map((d) => (d.key === "huisvesting" ? { ...d, label: { nl: "Wonen", en: "Housing and home" } } : d)) };
    // Only a beheerder imports, and a coach's try changes nothing.
    expectProblem(await client.post("/api/v1/instruments", v2), { status: 403, code: "forbidden" });
    const imported = bodyOf(await admin.post("/api/v1/instruments", v2), 201, InstrumentDefinition);
    assert.equal(imported.version, 2);
    const broken = expectProblem(await admin.post("/api/v1/instruments", { ...v2, version: 3, problemThreshold: 9 }), { status: 400, code: "invalid" });
    assert.deepEqual(paramNames(broken), ["problemThreshold"]);

    const latest = bodyOf(await client.get("/api/v1/instruments"), 200, InstrumentList).items.find((d) => d.key === "ploeg-9");
    assert.equal(latest?.version, 2);
    assert.equal(latest?.domains.find((d) => d.key === "huisvesting")?.label.nl, "Wonen");
    const first = bodyOf(await client.get("/api/v1/instruments/ploeg-9/versions/1"), 200, InstrumentDefinition);
    assert.equal(first.domains.find((d) => d.key === "huisvesting")?.label.nl, "Huisvesting", "a version never changes");
    expectProblem(await client.get("/api/v1/instruments/ploeg-9/versions/3"), { status: 404, code: "not_found" });

    assert.deepEqual(bodyOf(await client.get(`${url}/${old.id}`), 200, Measurement).instrument, { key: "ploeg-9", version: 1 });
    const fresh = bodyOf(await client.post(url, meting(1, METING_1)), 201, Measurement);
    assert.deepEqual(fresh.instrument, { key: "ploeg-9", version: 2 }, "a new meting uses the newest version");
    const pinned = bodyOf(await client.post(url, { ...meting(2, METING_1), instrument: { key: "ploeg-9", version: 1 } }), 201, Measurement);
    assert.deepEqual(pinned.instrument, { key: "ploeg-9", version: 1 });
    // Editing an old meting does not move it to the new version.
    const edited = bodyOf(await client.patch(`${url}/${old.id}`, { version: 1, note: "Later aangevuld" }), 200, Measurement);
    assert.deepEqual(edited.instrument, { key: "ploeg-9", version: 1 });

    // Another organisation still has only version 1.
    const other = await createTestOrganisation(database.db);
    const otherCoach = await loginAs(app, (await other.user("coach")).email);
    assert.equal(bodyOf(await otherCoach.get("/api/v1/instruments"), 200, InstrumentList).items.find((d) => d.key === "ploeg-9")?.version, 1);
  });

  // Regression: this was a 500 while the service looked for a constraint named "instruments_pkey" (fixed in f36ce1e).
  test("importing an existing instrument version again is 409 instrument_version_exists and changes nothing", async (t) => {
    const { org, app, client } = await setup(t);
    const admin = await loginAs(app, (await org.user("beheerder")).email);
    const v1 = BUILTIN_INSTRUMENTS.find((d) => d.key === "ploeg-9");
    assert.ok(v1);
    const changed = { ...v1, name: { nl: "Gewijzigd", en: "Changed" } };
    expectProblem(await admin.post("/api/v1/instruments", changed), { status: 409, code: "conflict", reason: "instrument_version_exists" });
    assert.equal(bodyOf(await client.get("/api/v1/instruments/ploeg-9/versions/1"), 200, InstrumentDefinition).name.nl, v1.name.nl);
  });
});
