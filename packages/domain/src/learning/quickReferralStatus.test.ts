import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { NewQuickReferral, QuickReferralTransitionInput, validateNewQuickReferral } from "./quickReferralContract.ts";
import {
  checkQuickReferralMove,
  isFinal,
  openMoves,
  QUICK_REFERRAL_MOVES,
  QUICK_REFERRAL_STATUSES,
  quickReferralFeedbackOwed,
  type QuickReferralMove,
  type QuickReferralStatus,
} from "./quickReferralStatus.ts";

describe("quick referral state machine", () => {
  test("every status × move: exactly the allowed ones succeed, each refusal has its own code", () => {
    const expected: Record<QuickReferralStatus, Record<QuickReferralMove, string>> = {
      sent: { picked_up: "ok", completed: "not_picked_up", declined: "ok" },
      picked_up: { picked_up: "already_picked_up", completed: "ok", declined: "ok" },
      completed: { picked_up: "already_closed", completed: "already_closed", declined: "already_closed" },
      declined: { picked_up: "already_closed", completed: "already_closed", declined: "already_closed" },
    };
    for (const from of QUICK_REFERRAL_STATUSES) {
      for (const to of QUICK_REFERRAL_MOVES) {
        const check = checkQuickReferralMove(from, to, "Past niet bij ons aanbod.");
        const got = check.ok ? "ok" : check.refusal.code;
        assert.equal(got, expected[from][to], `${from} → ${to}`);
        if (check.ok) assert.equal(check.to, to);
        else assert.ok(check.refusal.message.nl.length > 0 && check.refusal.message.en.length > 0);
      }
    }
  });

  test("a decline needs a reason the referrer can read; a completion does not", () => {
    for (const note of [null, "", "   "]) {
      const refused = checkQuickReferralMove("sent", "declined", note);
      assert.equal(refused.ok ? "ok" : refused.refusal.code, "reason_required", JSON.stringify(note));
      assert.equal(checkQuickReferralMove("picked_up", "declined", note).ok, false);
      assert.deepEqual(checkQuickReferralMove("picked_up", "completed", note), { ok: true, to: "completed" });
    }
  });

  test("final statuses have no moves; the open ones list theirs", () => {
    assert.deepEqual(QUICK_REFERRAL_STATUSES.filter(isFinal), ["completed", "declined"]);
    assert.deepEqual(openMoves("sent"), ["picked_up", "declined"]);
    assert.deepEqual(openMoves("picked_up"), ["completed", "declined"]);
    assert.deepEqual(openMoves("completed"), []);
  });
});

describe("feedback owed to an outside referrer", () => {
  const outside = { referrerHasAccount: false, pickedUpAt: null, closedAt: null, feedbackSentAt: null };
  const t1 = "2026-03-02T09:00:00.000Z";
  const t2 = "2026-03-05T14:30:00.000Z";
  const t3 = "2026-03-09T08:15:00.000Z";

  test("nothing while it waits; 'picked up' once picked up, until feedback after that moment", () => {
    assert.equal(quickReferralFeedbackOwed(outside), null);
    assert.equal(quickReferralFeedbackOwed({ ...outside, pickedUpAt: t1 }), "picked_up");
    assert.equal(quickReferralFeedbackOwed({ ...outside, pickedUpAt: t1, feedbackSentAt: t2 }), null);
    assert.equal(quickReferralFeedbackOwed({ ...outside, pickedUpAt: t1, feedbackSentAt: t1 }), null, "feedback at the same instant counts");
  });

  test("closing owes the outcome again, even after feedback on the pick-up", () => {
    assert.equal(quickReferralFeedbackOwed({ ...outside, pickedUpAt: t1, feedbackSentAt: t2, closedAt: t3 }), "outcome");
    assert.equal(quickReferralFeedbackOwed({ ...outside, pickedUpAt: t1, closedAt: t3 }), "outcome");
    assert.equal(quickReferralFeedbackOwed({ ...outside, pickedUpAt: t1, closedAt: t2, feedbackSentAt: t3 }), null);
    // Declined straight away, never picked up.
    assert.equal(quickReferralFeedbackOwed({ ...outside, closedAt: t2 }), "outcome");
  });

  test("a referrer with an account is never owed: they see the status themselves", () => {
    assert.equal(quickReferralFeedbackOwed({ ...outside, referrerHasAccount: true, pickedUpAt: t1, closedAt: t3 }), null);
  });
});

describe("new quick referral contract", () => {
  const valid = {
    channel: "welzijn_op_recept",
    target: { kind: "team", teamId: "0b7e8f1a-6a43-4c1e-9d7b-3f0c2a1e5d44" },
    residentName: "  Mevrouw Jansen ",
    residentContact: "",
    reason: "Voelt zich eenzaam sinds haar man overleed; wil graag wandelen in een groep.",
    residentConsent: true,
  };

  test("trims text, empties to null, defaults to the referrer themselves", () => {
    const parsed = NewQuickReferral.parse(valid);
    assert.equal(parsed.residentName, "Mevrouw Jansen");
    assert.equal(parsed.residentContact, null);
    assert.equal(parsed.onBehalfOf, null);
    assert.deepEqual(validateNewQuickReferral(parsed), []);
  });

  test("an entry target gets no team unless one is named", () => {
    const parsed = NewQuickReferral.parse({ ...valid, target: { kind: "intervention", interventionId: "0b7e8f1a-6a43-4c1e-9d7b-3f0c2a1e5d44" } });
    assert.deepEqual(parsed.target, { kind: "intervention", interventionId: "0b7e8f1a-6a43-4c1e-9d7b-3f0c2a1e5d44", teamId: null });
  });

  test("without the resident's agreement: a field error on residentConsent", () => {
    assert.deepEqual(
      validateNewQuickReferral(NewQuickReferral.parse({ ...valid, residentConsent: false })).map((p) => p.name),
      ["residentConsent"],
    );
  });

  test("missing name or reason, an unknown channel or target kind, a phoned-in referral without organisation: refused", () => {
    for (const bad of [
      { ...valid, residentName: "  " },
      { ...valid, reason: "" },
      { ...valid, channel: "poli" },
      { ...valid, target: { kind: "wijk", teamId: valid.target.teamId } },
      { ...valid, residentConsent: "ja" },
      { ...valid, onBehalfOf: { name: "Dokter Bakker", organisation: "" } },
      { ...valid, reason: "x".repeat(2001) },
    ]) {
      assert.equal(NewQuickReferral.safeParse(bad).success, false, JSON.stringify(bad).slice(0, 120));
    }
  });

  test("a move names one of the three statuses and the version read", () => {
    assert.deepEqual(QuickReferralTransitionInput.parse({ to: "declined", note: " Geen plek ", version: 2 }), { to: "declined", note: "Geen plek", version: 2 });
    assert.equal(QuickReferralTransitionInput.safeParse({ to: "sent", version: 1 }).success, false);
    assert.equal(QuickReferralTransitionInput.safeParse({ to: "picked_up", version: 0 }).success, false);
  });
});
