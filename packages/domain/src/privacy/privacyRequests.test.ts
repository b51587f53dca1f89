import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { answerDueOn, decisionProblem, decisionText, NewPrivacyRequest, PrivacyRequestDecision, type PrivacyRequestDecisionInput, type StoredRequestFacts } from "./privacyRequests.ts";

const RECORDER = "11111111-1111-4111-8111-111111111111";
const OTHER = "22222222-2222-4222-8222-222222222222";
const stored = (over: Partial<StoredRequestFacts> = {}): StoredRequestFacts => ({ kind: "verwijdering", status: "open", receivedOn: "2026-03-01", recordedById: RECORDER, ...over });
const decide = (over: Partial<PrivacyRequestDecisionInput> = {}) =>
  PrivacyRequestDecision.parse({ version: 1, status: "granted", decidedOn: "2026-03-10", decision: "Wij verwijderen uw gegevens.", erasure: { action: "purge", legalGround: null }, ...over });
const ctx = { deciderId: OTHER, today: "2026-03-20" };

describe("AVG requests", () => {
  test("the answer is due one month after the request came in (AVG art. 12(3))", () => {
    assert.equal(answerDueOn("2026-03-01"), "2026-04-01");
    assert.equal(answerDueOn("2026-01-31"), "2026-02-28");
  });

  test("a new request: kind, who asked and when; empty description is null", () => {
    const r = NewPrivacyRequest.parse({ kind: "inzage", requestedBy: "  Anaïs de Vries (moeder) ", receivedOn: "2026-03-01", description: "" });
    assert.deepEqual(r, { kind: "inzage", memberId: null, requestedBy: "Anaïs de Vries (moeder)", receivedOn: "2026-03-01", description: null });
    assert.equal(NewPrivacyRequest.safeParse({ kind: "vergeten", requestedBy: "x", receivedOn: "2026-03-01" }).success, false);
    assert.equal(NewPrivacyRequest.safeParse({ kind: "inzage", requestedBy: " ", receivedOn: "2026-03-01" }).success, false);
  });

  test("a colleague grants an erasure: no problem", () => {
    assert.equal(decisionProblem(stored(), decide(), ctx), null);
  });

  test("no self-approval: whoever recorded an erasure request does not decide it (403 self_approval)", () => {
    const p = decisionProblem(stored(), decide(), { ...ctx, deciderId: RECORDER });
    assert.equal(p?.code, "forbidden");
    assert.equal(p?.reason, "self_approval");
    // Refusing one's own erasure request is the same decision on it: also four eyes.
    assert.equal(decisionProblem(stored(), decide({ status: "refused", erasure: null }), { ...ctx, deciderId: RECORDER })?.reason, "self_approval");
  });

  test("other kinds may be decided by the one who recorded them", () => {
    for (const kind of ["inzage", "correctie", "beperking", "bezwaar"] as const) {
      assert.equal(decisionProblem(stored({ kind }), decide({ erasure: null }), { ...ctx, deciderId: RECORDER }), null, kind);
    }
  });

  test("a decided request stays decided (409 request_decided)", () => {
    for (const status of ["granted", "refused"] as const) assert.equal(decisionProblem(stored({ status }), decide(), ctx)?.reason, "request_decided");
  });

  test("a granted erasure says what happens; pseudonymising names the legal duty", () => {
    const missing = decisionProblem(stored(), decide({ erasure: null }), ctx);
    assert.equal(missing?.code, "invalid");
    assert.deepEqual(missing?.invalidParams.map((p) => p.name), ["erasure"]);
    const noGround = decisionProblem(stored(), decide({ erasure: { action: "pseudonymise", legalGround: "" } }), ctx);
    assert.deepEqual(noGround?.invalidParams.map((p) => p.name), ["erasure.legalGround"]);
    assert.equal(decisionProblem(stored(), decide({ erasure: { action: "pseudonymise", legalGround: "Jeugdwet art. 7.3.8" } }), ctx), null);
  });

  test("erasure only with a granted verwijdering", () => {
    assert.deepEqual(decisionProblem(stored({ kind: "inzage" }), decide(), ctx)?.invalidParams.map((p) => p.name), ["erasure"]);
    assert.deepEqual(decisionProblem(stored(), decide({ status: "refused" }), ctx)?.invalidParams.map((p) => p.name), ["erasure"]);
    assert.equal(decisionProblem(stored(), decide({ status: "refused", erasure: null }), ctx), null);
  });

  test("the decision day lies between receipt and today", () => {
    assert.deepEqual(decisionProblem(stored(), decide({ decidedOn: "2026-02-28" }), ctx)?.invalidParams.map((p) => p.name), ["decidedOn"]);
    assert.equal(decisionProblem(stored(), decide({ decidedOn: "2026-03-01" }), ctx), null);
    assert.equal(decisionProblem(stored(), decide({ decidedOn: "2026-03-20" }), ctx), null);
    assert.deepEqual(decisionProblem(stored(), decide({ decidedOn: "2026-03-21" }), ctx)?.invalidParams.map((p) => p.name), ["decidedOn"]);
  });

  test("the stored decision records what was done with the data and why", () => {
    assert.equal(decisionText({ decision: "Afgewezen: het traject loopt nog.", erasure: null }), "Afgewezen: het traject loopt nog.");
    assert.equal(decisionText(decide()), "Wij verwijderen uw gegevens.\n\nUitgevoerd: de gegevens zijn verwijderd.");
    assert.match(decisionText(decide({ erasure: { action: "pseudonymise", legalGround: "Jeugdwet art. 7.3.8" } })), /gepseudonimiseerd .*omdat de wet bewaren verplicht: Jeugdwet art\. 7\.3\.8\.$/);
  });
});
