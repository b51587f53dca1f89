import { describe, test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { DomainError } from "../errors.ts";
import { addDays } from "./calendar.ts";
import { PHASES, currentPhase, historyProblems, periodsIn, type Phase, type TrajectoryState } from "./phases.ts";
import { COACH, PATH_DATES, completeAftercarePlan, goodContext, move, stableCheck, stateIn } from "./testFixtures.ts";
import { checkTransition, recordTransition, transitionRefused, type RefusalCode, type TransitionContext } from "./transitions.ts";

/** The method's moves, written out by hand (not read from TRANSITIONS). */
const ALLOWED: Readonly<Record<string, string>> = {
  "referral→intake": "go",
  "referral→closed": "no_go",
  "intake→planning": "advance",
  "intake→closed": "dropout",
  "planning→execution": "advance",
  "planning→closed": "dropout",
  "execution→closing": "advance",
  "execution→closed": "dropout",
  "closing→aftercare": "advance",
  "closing→execution": "resume",
  "closing→closed": "dropout",
  "aftercare→execution": "reopen",
  "aftercare→closed": "complete",
};

const ON = "2024-12-15";
const codes = (state: TrajectoryState, to: Phase, ctx: TransitionContext): RefusalCode[] => {
  const res = checkTransition(state, to, ctx);
  return res.ok ? [] : res.refusals.map((r) => r.code);
};

describe("checkTransition: every pair of phases", () => {
  for (const from of PHASES) {
    for (const to of PHASES) {
      const expected = ALLOWED[`${from}→${to}`];
      test(`${from} → ${to}: ${expected ?? "refused"}`, () => {
        const res = checkTransition(stateIn(from), to, goodContext(to, ON));
        if (expected) {
          assert.deepEqual(res, { ok: true, kind: expected });
        } else {
          assert.equal(res.ok, false);
          assert.ok(!res.ok);
          assert.deepEqual(res.refusals.map((r) => r.code), [from === "closed" ? "trajectory_closed" : "transition_not_allowed"]);
          for (const r of res.refusals) assert.ok(r.message.nl.length > 0 && r.message.en.length > 0);
        }
      });
    }
  }
});

describe("checkTransition: guards", () => {
  test("no informatiefase without a go decision and all referral checks", () => {
    const s = stateIn("referral");
    assert.deepEqual(codes(s, "intake", { ...goodContext("intake", ON), referral: { decision: null, openChecks: [] } }), ["go_decision_missing"]);
    assert.deepEqual(codes(s, "intake", { ...goodContext("intake", ON), referral: { decision: "no_go", openChecks: [] } }), ["go_decision_missing"]);
    const res = checkTransition(s, "intake", { ...goodContext("intake", ON), referral: { decision: "go", openChecks: ["police", "housing"] } });
    assert.ok(!res.ok);
    assert.deepEqual(res.refusals.map((r) => [r.code, r.details]), [["referral_checks_open", ["police", "housing"]]]);
  });

  test("a no-go needs the no-go decision and a reason, not the checks", () => {
    const s = stateIn("referral");
    assert.deepEqual(codes(s, "closed", { ...goodContext("closed", ON), referral: { decision: "no_go", openChecks: ["police"] } }), []);
    assert.deepEqual(codes(s, "closed", { ...goodContext("closed", ON, "  "), referral: { decision: "go", openChecks: [] } }), ["reason_required", "no_go_decision_missing"]);
  });

  test("no gezinsplan phase without the family's consent and a nulmeting", () => {
    const s = stateIn("intake");
    assert.deepEqual(codes(s, "planning", { ...goodContext("planning", ON), consentRecorded: false }), ["consent_missing"]);
    assert.deepEqual(codes(s, "planning", { ...goodContext("planning", ON), baselineRecorded: false }), ["baseline_missing"]);
    assert.deepEqual(codes(s, "planning", { ...goodContext("planning", ON), consentRecorded: false, baselineRecorded: false }), ["consent_missing", "baseline_missing"]);
  });

  test("no uitvoering without a definitive, signed plan", () => {
    assert.deepEqual(codes(stateIn("planning"), "execution", { ...goodContext("execution", ON), signedPlan: false }), ["signed_plan_missing"]);
  });

  describe("afronding needs a stabilisation check from this uitvoering period that shows stability", () => {
    const s = stateIn("execution"); // uitvoering since 2024-03-01, trajectory since 2024-01-10
    const ctx = (over: Partial<TransitionContext>): TransitionContext => ({ ...goodContext("closing", ON), ...over });

    test("missing", () => assert.deepEqual(codes(s, "closing", ctx({ stabilityCheck: null })), ["stability_check_missing"]));

    test("incomplete: unanswered items and items that always apply answered n.v.t.", () => {
      const check = stableCheck("2024-12-01");
      delete check.answers.housing_secure;
      check.answers.family_agrees = { answer: "not_applicable", note: null };
      check.answers.children_safe = { answer: "not_applicable", note: "geen minderjarige kinderen meer" };
      const res = checkTransition(s, "closing", ctx({ stabilityCheck: check }));
      assert.ok(!res.ok);
      assert.deepEqual(res.refusals.map((r) => [r.code, r.details]), [["stability_check_incomplete", ["housing_secure", "family_agrees"]]]);
    });

    test("not filled in with the family", () => {
      assert.deepEqual(codes(s, "closing", ctx({ stabilityCheck: { ...stableCheck("2024-12-01"), withMembers: [] } })), ["stability_check_without_family"]);
    });

    test("not stabilised: the items answered no", () => {
      const check = stableCheck("2024-12-01");
      check.answers.income_stable = { answer: "no", note: "nieuwe schulden" };
      const res = checkTransition(s, "closing", ctx({ stabilityCheck: check }));
      assert.ok(!res.ok);
      assert.deepEqual(res.refusals.map((r) => [r.code, r.details]), [["not_stabilised", ["income_stable"]]]);
    });

    test("outdated: before this uitvoering period, or dated after the move", () => {
      assert.deepEqual(codes(s, "closing", ctx({ stabilityCheck: stableCheck("2024-02-28") })), ["stability_check_outdated"]);
      assert.deepEqual(codes(s, "closing", ctx({ stabilityCheck: stableCheck("2024-12-16") })), ["stability_check_outdated"]);
      assert.deepEqual(codes(s, "closing", ctx({ stabilityCheck: stableCheck(PATH_DATES.execution) })), []);
    });

    test("a check from before a re-opening does not count", () => {
      const reopened = move(stateIn("aftercare"), "execution", "2024-10-01", "terugval: huurachterstand");
      assert.deepEqual(codes(reopened, "closing", ctx({ stabilityCheck: stableCheck("2024-07-20") })), ["stability_check_outdated"]);
      assert.deepEqual(codes(reopened, "closing", ctx({ stabilityCheck: stableCheck("2024-11-20") })), []);
    });

    test("before the planned end (half a year after the go) only with a reason; an extension moves the end", () => {
      // go 2024-01-10 → minimum end 2024-07-10
      const early = ctx({ on: "2024-07-09", reason: null, stabilityCheck: stableCheck("2024-07-01") });
      assert.deepEqual(codes(s, "closing", early), ["reason_required"]);
      assert.deepEqual(codes(s, "closing", { ...early, reason: "doelen eerder bereikt" }), []);
      assert.deepEqual(codes(s, "closing", { ...early, on: "2024-07-10" }), []);
      const extension = { decidedOn: "2024-07-01", by: COACH, reason: "nog niet zelfredzaam", newEndDate: "2024-10-10", insufficientlySelfReliant: true, improvementStillPossible: true };
      assert.deepEqual(codes(s, "closing", { ...early, on: "2024-10-09", extensions: [extension] }), ["reason_required"]);
      assert.deepEqual(codes(s, "closing", { ...early, on: "2024-10-10", extensions: [extension] }), []);
    });
  });

  test("nazorg needs a complete nazorgplan", () => {
    const s = stateIn("closing");
    assert.deepEqual(codes(s, "aftercare", { ...goodContext("aftercare", ON), aftercarePlan: null }), ["aftercare_plan_missing"]);
    const res = checkTransition(s, "aftercare", { ...goodContext("aftercare", ON), aftercarePlan: { ...completeAftercarePlan, contactEveryWeeks: null, handoverTo: " " } });
    assert.ok(!res.ok);
    assert.deepEqual(res.refusals.map((r) => [r.code, r.details]), [["aftercare_plan_incomplete", ["aftercarePlan.contactEveryWeeks", "aftercarePlan.handoverTo"]]]);
  });

  test("uitval from every open phase needs a reason", () => {
    for (const from of ["intake", "planning", "execution", "closing"] as const) {
      assert.deepEqual(codes(stateIn(from), "closed", goodContext("closed", ON, null)), ["reason_required"], from);
      assert.deepEqual(codes(stateIn(from), "closed", goodContext("closed", ON, " \n ")), ["reason_required"], from);
    }
  });

  test("going back to uitvoering and re-opening from nazorg need a reason; ending nazorg does not", () => {
    assert.deepEqual(codes(stateIn("closing"), "execution", goodContext("execution", ON, null)), ["reason_required"]);
    assert.deepEqual(codes(stateIn("aftercare"), "execution", goodContext("execution", ON, null)), ["reason_required"]);
    assert.deepEqual(codes(stateIn("aftercare"), "closed", goodContext("closed", ON, null)), []);
  });

  test("the date may not be invalid or before the previous move", () => {
    const s = stateIn("planning"); // planning since 2024-02-07
    assert.deepEqual(codes(s, "execution", goodContext("execution", "2024-02-06")), ["date_before_previous_transition"]);
    assert.deepEqual(codes(s, "execution", goodContext("execution", "2024-02-07")), []);
    assert.deepEqual(codes(s, "execution", goodContext("execution", "2024-02-30")), ["invalid_date"]);
  });
});

describe("recordTransition", () => {
  test("appends one history entry (from, to, kind, on, at, by, trimmed reason) and changes nothing before it", () => {
    const before = stateIn("aftercare");
    const res = recordTransition(before, "execution", goodContext("execution", "2024-10-01", "  terugval  "), { at: "2024-10-01T08:00:00Z", by: COACH });
    assert.ok(res.ok);
    assert.deepEqual(res.entry, { from: "aftercare", to: "execution", kind: "reopen", on: "2024-10-01", at: "2024-10-01T08:00:00Z", by: COACH, reason: "terugval" });
    assert.deepEqual(res.state.history.slice(0, -1), before.history);
    assert.equal(before.history.length, 6);
    assert.equal(currentPhase(res.state), "execution");
    assert.deepEqual(periodsIn(res.state, "execution"), [{ from: "2024-03-01", until: "2024-08-01" }, { from: "2024-10-01", until: null }]);
    assert.deepEqual(historyProblems(res.state.history), []);
  });

  test("an empty reason is stored as null", () => {
    const res = recordTransition(stateIn("intake"), "planning", goodContext("planning", "2024-02-07", "   "), { at: "2024-02-07T12:00:00Z", by: COACH });
    assert.ok(res.ok);
    assert.equal(res.entry.reason, null);
  });

  test("refuses a date after the day of recording in the Netherlands", () => {
    // 23:30 UTC on 6 Feb is already 7 Feb in Amsterdam.
    const ok = recordTransition(stateIn("intake"), "planning", goodContext("planning", "2024-02-07"), { at: "2024-02-06T23:30:00Z", by: COACH });
    assert.equal(ok.ok, true);
    const res = recordTransition(stateIn("intake"), "planning", { ...goodContext("planning", "2024-02-08"), consentRecorded: false }, { at: "2024-02-06T23:30:00Z", by: COACH });
    assert.ok(!res.ok);
    assert.deepEqual(res.refusals.map((r) => r.code), ["consent_missing", "date_in_future"]);
  });

  test("a refused move becomes a 409 DomainError with the first code as reason", () => {
    const res = checkTransition(stateIn("planning"), "execution", { ...goodContext("execution", ON), signedPlan: false });
    assert.ok(!res.ok);
    const err = transitionRefused(res.refusals);
    assert.ok(err instanceof DomainError);
    assert.equal(err.code, "conflict");
    assert.equal(err.reason, "signed_plan_missing");
    assert.match(err.text.nl, /ondertekend gezinsplan/);
    assert.deepEqual(err.invalidParams.map((p) => p.name), ["signed_plan_missing"]);
  });

  test("historyProblems finds broken histories", () => {
    const h = stateIn("planning").history;
    const [first, second, third] = h;
    assert.ok(first && second && third);
    assert.deepEqual(historyProblems(h), []);
    assert.equal(historyProblems([second]).length, 1);
    assert.equal(historyProblems([first, third]).length, 1);
    assert.equal(historyProblems([first, { ...second, on: "2023-12-31" }]).length, 1);
    assert.equal(historyProblems([first, { ...second, to: "closed", kind: "no_go", reason: null }]).length, 1);
  });

  test("property: any walk of allowed moves keeps a consistent, append-only history", () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 6 }), { maxLength: 30 }), (choices) => {
        let state = stateIn("referral");
        let day = PATH_DATES.referral;
        for (const c of choices) {
          const phase = currentPhase(state);
          const options = PHASES.filter((to) => ALLOWED[`${phase}→${to}`]);
          const to = options[c % Math.max(1, options.length)];
          if (!to) break;
          day = addDays(day, 200); // past the minimum duration, so no closing reason is asked
          const before = state.history;
          state = move(state, to, day);
          assert.deepEqual(state.history.slice(0, before.length), before);
          assert.equal(currentPhase(state), to);
        }
        assert.deepEqual(historyProblems(state.history), []);
      }),
      { numRuns: 200 },
    );
  });
});
