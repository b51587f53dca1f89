import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, test, type TestContext } from "node:test";
import { REFERRAL_CHECKS, todayInNetherlands, Trajectory } from "@ploegwerk/domain";
import { and, eq } from "drizzle-orm";
import type { LightMyRequestResponse } from "fastify";
import { z } from "zod";
import type { Database } from "../../db/database.ts";
import { planVersions, users } from "../../db/schema.ts";
import { appFor, bodyOf, expectProblem, expectStatus } from "../../testing/api.ts";
import { createTestOrganisation, familyInput } from "../../testing/factories.ts";
import { loginAs } from "../../testing/http.ts";
import { readPdf } from "../../testing/pdfText.ts";
import { testDatabase, testTarget } from "../../testing/testDatabase.ts";
import { makeTrajectory, referralInput } from "../../testing/trajectories.ts";

describe(`documents (${testTarget()})`, () => {
  let database: Database;
  before(async () => {
    database = await testDatabase();
  });
  after(async () => database.close());

  async function setup(t: TestContext) {
    const org = await createTestOrganisation(database.db);
    const coach = await org.user("coach");
    // A Dutch name with a diaeresis, to see it survive the database, the PDF and the extraction.
    await database.db.update(users).set({ name: "Zoë Hendriks" }).where(and(eq(users.organisationId, org.organisationId), eq(users.id, coach.id)));
    const app = await appFor(t, database.db);
    return { org, coach, app, http: await loginAs(app, coach.email) };
  }

  async function pdfOf(res: LightMyRequestResponse) {
    expectStatus(res, 200);
    assert.equal(res.headers["content-type"], "application/pdf");
    assert.equal(res.headers["cache-control"], "no-store");
    return readPdf(res.rawPayload);
  }

  test("overdrachtsbrief: 409 before go; after go it names the parents, the coach, the introductiegesprek and the drang", async (t) => {
    const { coach, http } = await setup(t);
    const today = todayInNetherlands();
    const family = familyInput({
      members: [
        { givenName: "Anaïs", surname: "de Vries", role: "parent", dateOfBirth: "1988-04-12" },
        { givenName: "Noë", surname: "de Vries", role: "child", dateOfBirth: "2016-09-01" },
      ],
      address: { street: "Korreweg", houseNumber: "12", postcode: "9715 ab", city: "Groningen" },
    });
    const note = "Woonstichting De Korf zet de ontruiming door als de huur niet wordt betaald.";
    const created = bodyOf(await http.post("/api/v1/referrals", referralInput(family, { coercion: "drang", coercionNote: note })), 201, Trajectory);
    const url = `/api/v1/trajectories/${created.id}/handover-letter.pdf`;

    const refused = expectProblem(await http.get(url), { status: 409, code: "conflict", reason: "go_decision_required" });
    assert.match(refused.detail ?? "", /pas worden gemaakt als het team 'go' heeft besloten/);

    for (const kind of REFERRAL_CHECKS) {
      expectStatus(await http.put(`/api/v1/trajectories/${created.id}/checks/${kind}`, { result: "no_concerns", note: null, checkedOn: today }), 200);
    }
    const introductionAt = "2030-03-12T13:30:00.000Z";
    expectStatus(await http.post(`/api/v1/trajectories/${created.id}/decision`, { decision: "go", on: today, introductionAt, introductionPlace: "Buurthuis De Kring", coachId: coach.id }), 200);

    const res = await http.get(url);
    const pdf = await pdfOf(res);
    assert.equal(res.headers["content-disposition"], `inline; filename="overdrachtsbrief-${family.caseNumber}.pdf"`);
    assert.equal(pdf.language, "nl-NL");
    assert.equal(pdf.tagged, true);
    for (const expected of [
      "Anaïs de Vries",
      "Korreweg 12",
      "9715 AB GRONINGEN",
      `Dossiernummer ${family.caseNumber}`,
      "Woonstichting De Korf heeft u bij ons aangemeld.",
      "Uw gezinscoach is Zoë Hendriks.",
      "één gezin, één plan, één regisseur",
      "Datum dinsdag 12 maart 2030",
      "Tijd 14:30 uur",
      "Plaats Buurthuis De Kring",
      "Let op: meewerken is belangrijk",
      note,
      `E-mail ${coach.email}`,
      "Pagina 1 van",
    ]) {
      assert.ok(pdf.text.includes(expected), `missing "${expected}" in: ${pdf.text}`);
    }
  });

  test("overdrachtsbrief after no-go: 409; without dwang or drang there is no passage on consequences", async (t) => {
    const { coach, http } = await setup(t);
    const declined = await makeTrajectory(database.db, coach.actor, { phase: "closed" });
    const p = expectProblem(await http.get(`/api/v1/trajectories/${declined.trajectory.id}/handover-letter.pdf`), { status: 409, code: "conflict", reason: "go_decision_required" });
    assert.match(p.detail ?? "", /afgewezen/);

    const going = await makeTrajectory(database.db, coach.actor, { phase: "intake" });
    const pdf = await pdfOf(await http.get(`/api/v1/trajectories/${going.trajectory.id}/handover-letter.pdf`));
    assert.match(pdf.text, /Sanne de Voorbeeld/);
    assert.match(pdf.text, /Zoë Hendriks/);
    assert.doesNotMatch(pdf.text, /Let op: meewerken/);
  });

  test("gezinsplan: the signed version 1 with the family, the coach, the goals, the actions and who signed how", async (t) => {
    const { coach, http } = await setup(t);
    const { trajectory } = await makeTrajectory(database.db, coach.actor, { phase: "execution" });
    const res = await http.get(`/api/v1/trajectories/${trajectory.id}/plan/versions/1.pdf`);
    const pdf = await pdfOf(res);
    assert.equal(res.headers["content-disposition"], `inline; filename="gezinsplan-${trajectory.caseNumber}-versie-1.pdf"`);
    assert.equal(pdf.title, "Gezinsplan van gezin De Voorbeeld");
    for (const expected of [
      "Sanne de Voorbeeld (ouder)",
      "Noah Testerink (kind)",
      `Dossiernummer ${trajectory.caseNumber}`,
      "Status Definitief (ondertekend)",
      "Gezinscoach Zoë Hendriks",
      "Rust in huis en een veilige plek voor de kinderen.",
      "Leefgebied: Huisvesting",
      "Doel: De huur wordt elke maand betaald.",
      "Eigen actie: Betalingsregeling afspreken",
      "Wie: Sanne de Voorbeeld",
      "Status: open",
      "Ondertekend door Sanne de Voorbeeld (ouder)",
      "Hoe Op papier",
      "Vastgelegd door Zoë Hendriks",
    ]) {
      assert.ok(pdf.text.includes(expected), `missing "${expected}" in: ${pdf.text}`);
    }
    assert.doesNotMatch(pdf.text, /CONCEPT|Handtekening:/);
  });

  test("gezinsplan: a concept version prints CONCEPT and signature lines; an unknown version is 404, a bad number 400", async (t) => {
    const { org, coach, http } = await setup(t);
    const { trajectory } = await makeTrajectory(database.db, coach.actor, { phase: "execution" });
    const today = todayInNetherlands();
    await database.db.insert(planVersions).values({
      organisationId: org.organisationId,
      trajectoryId: trajectory.id,
      number: 2,
      status: "concept",
      content: {
        startDate: today,
        instrumentKey: "ploeg-9",
        overallGoals: [],
        participation: [],
        goals: [{ id: randomUUID(), domain: "opvoeding", memberIds: [], description: "Vaste bedtijden voor de kinderen.", targetDate: null, actions: [{ id: randomUUID(), description: "Opvoedcursus bij het CJG", owner: { kind: "partnerContact", organisation: "CJG Groningen", contactName: "Eline Smit", contact: null }, dueDate: today, status: "open", cancelReason: null }] }],
      },
      createdOn: today,
      createdById: coach.id,
    });
    const res = await http.get(`/api/v1/trajectories/${trajectory.id}/plan/versions/2.pdf`);
    const pdf = await pdfOf(res);
    assert.equal(res.headers["content-disposition"], `inline; filename="gezinsplan-${trajectory.caseNumber}-versie-2-concept.pdf"`);
    for (const expected of ["CONCEPT. Dit plan is nog niet definitief.", "Leefgebied: Opvoedingssituatie", "Vaste bedtijden voor de kinderen.", "Wie: Eline Smit (CJG Groningen)", "Sanne de Voorbeeld (ouder) Datum: Handtekening:", "Zoë Hendriks (gezinscoach) Datum: Handtekening:"]) {
      assert.ok(pdf.text.includes(expected), `missing "${expected}" in: ${pdf.text}`);
    }
    expectProblem(await http.get(`/api/v1/trajectories/${trajectory.id}/plan/versions/3.pdf`), { status: 404, code: "not_found" });
    expectProblem(await http.get(`/api/v1/trajectories/${trajectory.id}/plan/versions/nul.pdf`), { status: 400, code: "invalid" });
  });

  test("scope: another team's coach and the beheerder get 404, ondersteuning of the team reads, anonymous is 401", async (t) => {
    const { org, coach, app } = await setup(t);
    const { trajectory } = await makeTrajectory(database.db, coach.actor, { phase: "execution" });
    const urls = [`/api/v1/trajectories/${trajectory.id}/handover-letter.pdf`, `/api/v1/trajectories/${trajectory.id}/plan/versions/1.pdf`];
    const other = await loginAs(app, (await org.user("coach", { team: "other" })).email);
    const admin = await loginAs(app, (await org.user("beheerder")).email);
    const support = await loginAs(app, (await org.user("ondersteuning")).email);
    for (const url of urls) {
      expectProblem(await other.get(url), { status: 404, code: "not_found" });
      expectProblem(await admin.get(url), { status: 404, code: "not_found" });
      await pdfOf(await support.get(url));
      expectProblem(await app.inject({ method: "GET", url }), { status: 401, code: "unauthenticated" });
    }
    // Another organisation's trajectory id is just as unknown.
    const stranger = await createTestOrganisation(database.db);
    const elsewhere = await makeTrajectory(database.db, (await stranger.user("coach")).actor, { phase: "execution" });
    expectProblem(await loginAs(app, coach.email).then((c) => c.get(`/api/v1/trajectories/${elsewhere.trajectory.id}/plan/versions/1.pdf`)), { status: 404, code: "not_found" });
  });

  test("the OpenAPI document describes both PDF answers", async (t) => {
    const { app } = await setup(t);
    const Responses = z.record(z.string(), z.object({ content: z.record(z.string(), z.unknown()).optional() }));
    const Doc = z.object({ paths: z.record(z.string(), z.object({ get: z.object({ responses: Responses }).optional() })) });
    const doc = Doc.parse((await app.inject({ method: "GET", url: "/api/openapi.json" })).json());
    for (const path of ["/api/v1/trajectories/{trajectoryId}/handover-letter.pdf", "/api/v1/trajectories/{trajectoryId}/plan/versions/{number}.pdf"]) {
      assert.deepEqual(doc.paths[path]?.get?.responses["200"]?.content?.["application/pdf"], { schema: { type: "string", format: "binary" } }, path);
    }
  });
});
