import { describe, test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import type { ActionOwner, PlanAction, PlanContent, PlanGoal } from "./planContract.ts";
import { diffPlans, sameValue, type PlanChange, type PlanValue } from "./planDiff.ts";
import { CHILD, COACH, PARENT, uid } from "./testFixtures.ts";

/* ---------- generators: small id pools so that two plans share most items ---------- */

const ownerArb: fc.Arbitrary<ActionOwner> = fc.oneof(
  fc.constantFrom(PARENT, CHILD).map((memberId): ActionOwner => ({ kind: "member", memberId })),
  fc.constant<ActionOwner>({ kind: "coach", userId: COACH }),
  fc.constantFrom("GKB", "Lentis").map((organisation): ActionOwner => ({ kind: "partnerContact", organisation, contactName: "A. de Boer", contact: null, partnerOrganisationId: null })),
);
const dateArb = fc.constantFrom("2024-03-01", "2024-04-15", "2024-06-30");
const actionArb = (id: string): fc.Arbitrary<PlanAction> =>
  fc.record({
    id: fc.constant(id),
    description: fc.constantFrom("Bellen", "Aanvragen"),
    owner: ownerArb,
    dueDate: dateArb,
    status: fc.constantFrom("open", "in_progress", "done", "cancelled" as const),
    cancelReason: fc.constantFrom(null, "niet meer nodig"),
    interventionId: fc.constant(null),
  });

const planArb: fc.Arbitrary<PlanContent> = fc
  .record({
    startDate: fc.constantFrom("2024-03-01", "2024-03-04"),
    overall: fc.subarray([uid(1), uid(2)]),
    overallText: fc.constantFrom("Rust", "Stabiel wonen"),
    ladder: fc.subarray([PARENT, CHILD]),
    step: fc.integer({ min: 1, max: 6 }),
    goalIds: fc.shuffledSubarray([uid(10), uid(11), uid(12)]),
    actionIds: fc.shuffledSubarray([uid(100), uid(101), uid(102), uid(103), uid(104)]),
  })
  .chain((r) =>
    fc.record({
      plan: fc.constant(r),
      goals: fc.tuple(
        ...r.goalIds.map((id) =>
          fc.record({ id: fc.constant(id), domain: fc.constantFrom("huisvesting", "inkomen"), memberIds: fc.subarray([PARENT, CHILD]), description: fc.constantFrom("Doel A", "Doel B"), targetDate: fc.option(dateArb, { nil: null }) }),
        ),
      ),
      actions: fc.tuple(...r.actionIds.map((id) => fc.tuple(actionArb(id), fc.nat()))),
    }),
  )
  .map(({ plan, goals, actions }): PlanContent => {
    const withActions: PlanGoal[] = goals.map((g) => ({ ...g, actions: [] }));
    for (const [action, slot] of actions) withActions[slot % Math.max(1, withActions.length)]?.actions.push(action);
    return {
      startDate: plan.startDate,
      instrumentKey: "ploeg-9",
      overallGoals: plan.overall.map((id) => ({ id, description: plan.overallText, targetDate: null })),
      participation: plan.ladder.map((memberId) => ({ memberId, currentStep: 1, targetStep: plan.step })),
      goals: withActions,
    };
  });

/* ---------- an independent flattening, used to apply a diff ---------- */

type Flat = Map<string, Record<string, PlanValue>>;
function flatten(p: PlanContent): Flat {
  const m: Flat = new Map();
  m.set("plan:plan", { startDate: p.startDate, instrumentKey: p.instrumentKey });
  for (const g of p.overallGoals) m.set(`overallGoal:${g.id}`, { description: g.description, targetDate: g.targetDate });
  for (const l of p.participation) m.set(`participation:${l.memberId}`, { currentStep: l.currentStep, targetStep: l.targetStep });
  for (const g of p.goals) {
    m.set(`goal:${g.id}`, { domain: g.domain, memberIds: [...g.memberIds].sort(), description: g.description, targetDate: g.targetDate });
    for (const a of g.actions) {
      m.set(`action:${a.id}`, { goalId: g.id, description: a.description, owner: a.owner, dueDate: a.dueDate, status: a.status, cancelReason: a.cancelReason });
    }
  }
  return m;
}
function apply(flat: Flat, diff: readonly PlanChange[]): Flat {
  const out: Flat = new Map([...flat].map(([k, v]) => [k, { ...v }]));
  for (const c of diff) {
    const key = `${c.entity}:${c.id}`;
    if (c.kind === "removed") out.delete(key);
    else out.set(key, { ...(out.get(key) ?? {}), ...Object.fromEntries(c.fields.map((f) => [f.field, f.after])) });
  }
  return out;
}
const canonicalFlat = (f: Flat) => [...f].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => [k, Object.keys(v).sort().map((field) => [field, JSON.stringify(v[field])])]);
const mirror = (c: PlanChange): PlanChange => ({
  ...c,
  kind: c.kind === "added" ? "removed" : c.kind === "removed" ? "added" : "changed",
  fields: c.fields.map((f) => ({ field: f.field, before: f.after, after: f.before })),
});
const sortKey = (c: PlanChange) => `${c.entity}:${c.id}`;
const sorted = (cs: readonly PlanChange[]) => [...cs].sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : 1)).map((c) => ({ ...c, goalId: null }));

describe("diffPlans properties", () => {
  test("a plan compared with itself has no changes", () => {
    fc.assert(fc.property(planArb, (a) => assert.deepEqual(diffPlans(a, a), [])));
  });

  test("applying diff(a, b) to a gives b", () => {
    fc.assert(fc.property(planArb, planArb, (a, b) => assert.deepEqual(canonicalFlat(apply(flatten(a), diffPlans(a, b))), canonicalFlat(flatten(b)))), { numRuns: 300 });
  });

  test("diff(b, a) mirrors diff(a, b): added ↔ removed, before ↔ after", () => {
    fc.assert(fc.property(planArb, planArb, (a, b) => assert.deepEqual(sorted(diffPlans(b, a)), sorted(diffPlans(a, b).map(mirror)))), { numRuns: 300 });
  });

  test("no changes exactly when the plans hold the same items (order aside)", () => {
    fc.assert(
      fc.property(planArb, planArb, (a, b) => {
        assert.equal(diffPlans(a, b).length === 0, JSON.stringify(canonicalFlat(flatten(a))) === JSON.stringify(canonicalFlat(flatten(b))));
      }),
      { numRuns: 300 },
    );
  });

  test("the order is deterministic: entity by entity, b's order, then removals", () => {
    const rank = ["plan", "overallGoal", "participation", "goal", "action"];
    fc.assert(
      fc.property(planArb, planArb, (a, b) => {
        const d = diffPlans(a, b);
        assert.deepEqual(diffPlans(a, b), d);
        const ranks = d.map((c) => rank.indexOf(c.entity));
        assert.deepEqual(ranks, [...ranks].sort((x, y) => x - y));
      }),
    );
  });
});

describe("diffPlans examples", () => {
  const base: PlanContent = {
    startDate: "2024-03-01",
    instrumentKey: "ploeg-9",
    overallGoals: [],
    participation: [{ memberId: PARENT, currentStep: 2, targetStep: 3 }],
    goals: [
      {
        id: uid(10),
        domain: "huisvesting",
        memberIds: [PARENT, CHILD],
        description: "Geen huurachterstand",
        targetDate: "2024-06-30",
        actions: [{ id: uid(100), description: "Regeling", owner: { kind: "member", memberId: PARENT }, dueDate: "2024-03-15", status: "open", cancelReason: null, interventionId: null }],
      },
      { id: uid(11), domain: "inkomen", memberIds: [], description: "Schulden in beeld", targetDate: null, actions: [] },
    ],
  };

  test("field-level before/after, an added action, a moved action, a removed goal", () => {
    const next: PlanContent = {
      ...base,
      participation: [{ memberId: PARENT, currentStep: 2, targetStep: 4 }],
      goals: [
        {
          ...base.goals[0]!,
          memberIds: [CHILD, PARENT],
          targetDate: "2024-07-31",
          actions: [{ id: uid(101), description: "Budgetbeheer", owner: { kind: "coach", userId: COACH }, dueDate: "2024-04-01", status: "open", cancelReason: null, interventionId: null }],
        },
        { id: uid(12), domain: "opvoeding", memberIds: [], description: "Structuur", targetDate: null, actions: [{ ...base.goals[0]!.actions[0]!, status: "done" }] },
      ],
    };
    const brief = diffPlans(base, next).map((c) => [c.entity, c.kind, c.id, c.goalId, c.fields.map((f) => `${f.field}: ${JSON.stringify(f.before)} → ${JSON.stringify(f.after)}`)]);
    assert.deepEqual(brief, [
      ["participation", "changed", PARENT, null, ["targetStep: 3 → 4"]],
      ["goal", "changed", uid(10), null, ['targetDate: "2024-06-30" → "2024-07-31"']],
      ["goal", "added", uid(12), null, ['domain: null → "opvoeding"', "memberIds: null → []", 'description: null → "Structuur"', "targetDate: null → null"]],
      ["goal", "removed", uid(11), null, ['domain: "inkomen" → null', "memberIds: [] → null", 'description: "Schulden in beeld" → null', "targetDate: null → null"]],
      ["action", "added", uid(101), uid(10), [`goalId: null → "${uid(10)}"`, 'description: null → "Budgetbeheer"', `owner: null → {"kind":"coach","userId":"${COACH}"}`, 'dueDate: null → "2024-04-01"', 'status: null → "open"', "cancelReason: null → null"]],
      ["action", "changed", uid(100), uid(12), [`goalId: "${uid(10)}" → "${uid(12)}"`, 'status: "open" → "done"']],
    ]);
  });

  test("owners compare by content, not by key order", () => {
    const a: ActionOwner = { kind: "partnerContact", organisation: "GKB", contactName: "J", contact: null, partnerOrganisationId: null };
    const b = { partnerOrganisationId: null, contact: null, contactName: "J", organisation: "GKB", kind: "partnerContact" } as const;
    assert.equal(sameValue(a, b), true);
    assert.equal(sameValue(a, { ...a, contact: "050-1234567" }), false);
  });
});
