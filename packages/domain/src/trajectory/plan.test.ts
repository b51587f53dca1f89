import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { DomainError } from "../errors.ts";
import { BUILTIN_INSTRUMENTS } from "../instruments/builtin/index.ts";
import { agreedVersion, assertEditable, latestVersion, savePlan, signPlan, type PlanResult, type PlanVersion } from "./plan.ts";
import { PlanContent, type PlanContentInput, type PlanSignature } from "./planContract.ts";
import { familyOwnActions, planFamilyContext, planReadinessErrors, validatePlanContent } from "./planValidation.ts";
import { CHILD, COACH, NETWORK, PARENT, uid } from "./testFixtures.ts";

const ploeg9 = BUILTIN_INSTRUMENTS.find((d) => d.key === "ploeg-9");
assert.ok(ploeg9);
const ctx = planFamilyContext(
  { members: [{ id: PARENT, role: "parent" }, { id: CHILD, role: "child" }], network: [{ id: NETWORK }] },
  ploeg9,
);

/** Start 2024-03-01; goal 1 huisvesting (mother calls the corporation), goal 2 opvoeding for the child (coach). */
const input = (): PlanContentInput => ({
  startDate: "2024-03-01",
  instrumentKey: "ploeg-9",
  overallGoals: [{ id: uid(1), description: "Rust in het gezin", targetDate: "2024-12-31" }],
  participation: [{ memberId: PARENT, currentStep: 2, targetStep: 3 }],
  goals: [
    {
      id: uid(10),
      domain: "huisvesting",
      description: "Geen huurachterstand meer",
      targetDate: "2024-06-30",
      actions: [
        { id: uid(100), description: "Betalingsregeling afspreken", owner: { kind: "member", memberId: PARENT }, dueDate: "2024-03-15" },
        { id: uid(101), description: "Budgetbeheer aanvragen", owner: { kind: "partnerContact", organisation: "GKB", contactName: "J. Bakker" }, dueDate: "2024-04-01" },
      ],
    },
    {
      id: uid(11),
      domain: "opvoeding",
      memberIds: [CHILD],
      description: "Naar school",
      actions: [{ id: uid(110), description: "Gesprek met leerplicht", owner: { kind: "coach", userId: COACH }, dueDate: "2024-03-20" }],
    },
  ],
});
const content = (edit: (c: PlanContentInput) => void = () => {}): PlanContent => {
  const c = input();
  edit(c);
  return PlanContent.parse(c);
};
const goal = (c: PlanContentInput, i: number) => {
  const g = c.goals?.[i];
  assert.ok(g);
  return g;
};

describe("PlanContent schema", () => {
  test("fills in defaults: status open, no cancel reason, whole-family goal", () => {
    const c = content();
    assert.equal(c.goals[0]?.actions[0]?.status, "open");
    assert.equal(c.goals[0]?.actions[0]?.cancelReason, null);
    assert.deepEqual(c.goals[0]?.memberIds, []);
    assert.equal(c.goals[1]?.targetDate, null);
  });

  test("an action without an owner is rejected at its owner field", () => {
    const c = input();
    const a = goal(c, 1).actions?.[0];
    assert.ok(a);
    const { owner: _owner, ...noOwner } = a;
    goal(c, 1).actions = [noOwner as typeof a];
    const res = PlanContent.safeParse(c);
    assert.ok(!res.success);
    assert.deepEqual(res.error.issues.map((i) => [i.path.join("."), i.message]), [["goals.1.actions.0.owner", "an action needs an owner: a family member, network person, the coach or a chain partner's contact"]]);
  });

  test("rejects an unknown owner kind, a partner without contact person, a bad status, a bad date", () => {
    const bad = (edit: (c: PlanContentInput) => void) => {
      const c = input();
      edit(c);
      const res = PlanContent.safeParse(c);
      assert.ok(!res.success);
      return res.error.issues.map((i) => i.path.join("."));
    };
    const action0 = (c: PlanContentInput) => {
      const a = goal(c, 0).actions?.[1];
      assert.ok(a);
      return a;
    };
    assert.deepEqual(bad((c) => Object.assign(action0(c), { owner: { kind: "neighbour" } })), ["goals.0.actions.1.owner.kind"]);
    assert.deepEqual(bad((c) => Object.assign(action0(c), { owner: { kind: "partnerContact", organisation: "GKB", contactName: " " } })), ["goals.0.actions.1.owner.contactName"]);
    assert.deepEqual(bad((c) => Object.assign(action0(c), { status: "bezig" })), ["goals.0.actions.1.status"]);
    assert.deepEqual(bad((c) => Object.assign(action0(c), { dueDate: "01-04-2024" })), ["goals.0.actions.1.dueDate"]);
    assert.deepEqual(bad((c) => (c.participation = [{ memberId: PARENT, currentStep: 0, targetStep: 7 }])), ["participation.0.currentStep", "participation.0.targetStep"]);
  });
});

describe("validatePlanContent", () => {
  test("a valid plan has no errors", () => assert.deepEqual(validatePlanContent(content(), ctx), []));

  test("reports field errors with their paths", () => {
    const c = content((p) => {
      goal(p, 0).domain = "wonen";
      goal(p, 1).memberIds = [CHILD, uid(999)];
      goal(p, 1).targetDate = "2024-02-01";
      const [a0, a1] = goal(p, 0).actions ?? [];
      assert.ok(a0 && a1);
      a0.owner = { kind: "networkPerson", networkPersonId: uid(998) };
      a1.dueDate = "2024-02-29";
      a1.status = "cancelled";
      goal(p, 1).actions = [{ id: uid(100), description: "dubbel", owner: { kind: "member", memberId: uid(997) }, dueDate: "2024-03-01" }];
      p.participation = [{ memberId: PARENT, currentStep: 4, targetStep: 3 }, { memberId: PARENT, currentStep: 1, targetStep: 2 }, { memberId: uid(996), currentStep: 1, targetStep: 1 }];
      p.overallGoals = [{ id: uid(10), description: "dubbel id", targetDate: "2024-01-01" }];
    });
    assert.deepEqual(
      validatePlanContent(c, ctx).map((e) => e.name),
      [
        "overallGoals.0.targetDate",
        "participation.0.targetStep",
        "participation.1.memberId",
        "participation.2.memberId",
        "goals.0.id",
        "goals.0.domain",
        "goals.0.actions.0.owner.networkPersonId",
        "goals.0.actions.1.dueDate",
        "goals.0.actions.1.cancelReason",
        "goals.1.memberIds.1",
        "goals.1.targetDate",
        "goals.1.actions.0.id",
        "goals.1.actions.0.owner.memberId",
      ],
    );
    const due = validatePlanContent(c, ctx).find((e) => e.name === "goals.0.actions.1.dueDate");
    assert.equal(due?.reason, "due date 2024-02-29 lies before the plan's start date 2024-03-01");
  });

  test("a due date on the start date is fine; a vervallen action with a reason is fine", () => {
    const c = content((p) => {
      const a = goal(p, 0).actions?.[0];
      assert.ok(a);
      Object.assign(a, { dueDate: "2024-03-01", status: "cancelled", cancelReason: "corporatie trof zelf een regeling" });
    });
    assert.deepEqual(validatePlanContent(c, ctx), []);
  });
});

describe("readiness to sign and the family's own actions", () => {
  test("the family's own actions are those of members and network", () => {
    assert.deepEqual(familyOwnActions(content()), [{ goalId: uid(10), actionId: uid(100) }]);
  });

  test("a plan to sign needs goals, actions under each, and an action of the family itself", () => {
    assert.deepEqual(planReadinessErrors(content()), []);
    assert.deepEqual(planReadinessErrors(content((p) => (p.goals = []))).map((e) => e.name), ["goals"]);
    assert.deepEqual(planReadinessErrors(content((p) => (goal(p, 1).actions = []))).map((e) => e.name), ["goals.1.actions"]);
    const noOwnAction = content((p) => (goal(p, 0).actions = goal(p, 0).actions?.slice(1)));
    assert.deepEqual(planReadinessErrors(noOwnAction).map((e) => e.reason), ["agree at least one action the family (or its network) takes itself"]);
  });
});

const expectOk = (r: PlanResult): PlanVersion => {
  if (!r.ok) assert.fail(`${r.error.code} ${r.error.reason ?? ""} ${JSON.stringify(r.error.invalidParams)}`);
  return r.version;
};
const expectError = (r: PlanResult): DomainError => {
  assert.ok(!r.ok, "expected an error");
  assert.ok(r.error instanceof DomainError);
  return r.error;
};
const signature = (over: Partial<PlanSignature> = {}): PlanSignature => ({ signedOn: "2024-03-05", signedBy: [PARENT], method: "paper", recordedBy: COACH, ...over });
const meta = { on: "2024-03-01", by: COACH };

describe("plan versions", () => {
  const v1 = expectOk(savePlan([], { basedOn: null, content: content(), deviations: [] }, ctx, meta));
  const signed = expectOk(signPlan([v1], 1, signature(), ctx, "2024-03-10"));

  test("the first save is concept version 1; a concept is edited in place", () => {
    assert.deepEqual([v1.number, v1.basedOn, v1.status, v1.signature], [1, null, "concept", null]);
    const edited = savePlan([v1], { basedOn: 1, content: content((p) => (goal(p, 0).description = "Huur op tijd")), deviations: [] }, ctx, { on: "2024-03-02", by: COACH });
    const v = expectOk(edited);
    assert.equal(edited.ok && edited.created, false);
    assert.deepEqual([v.number, v.createdOn, v.content.goals[0]?.description], [1, "2024-03-01", "Huur op tijd"]);
  });

  test("saving on an old version is stale; invalid content is refused with field errors", () => {
    assert.equal(expectError(savePlan([v1], { basedOn: null, content: content(), deviations: [] }, ctx, meta)).reason, "stale_version");
    const err = expectError(savePlan([v1], { basedOn: 1, content: content((p) => (goal(p, 0).domain = "wonen")), deviations: [] }, ctx, meta));
    assert.equal(err.code, "invalid");
    assert.deepEqual(err.invalidParams.map((p) => p.name), ["goals.0.domain"]);
  });

  test("signing makes a version definitive, with who signed, when and how", () => {
    assert.equal(signed.status, "definitive");
    assert.deepEqual(signed.signature, signature());
    assert.equal(agreedVersion([signed])?.number, 1);
    assert.equal(agreedVersion([v1]), null);
    assert.equal(assertEditable(signed)?.reason, "signed_version_immutable");
    assert.equal(assertEditable(v1), null);
  });

  test("a change on a signed version makes a new concept version", () => {
    const r = savePlan([signed], { basedOn: 1, content: content((p) => (goal(p, 1).description = "Elke dag naar school")), deviations: [] }, ctx, { on: "2024-04-01", by: COACH });
    const v2 = expectOk(r);
    assert.equal(r.ok && r.created, true);
    assert.deepEqual([v2.number, v2.basedOn, v2.status, v2.createdOn], [2, 1, "concept", "2024-04-01"]);
    assert.equal(latestVersion([signed, v2])?.number, 2);
    assert.equal(agreedVersion([signed, v2])?.number, 1);
  });

  test("moving a due date agreed in the signed plan needs a reason; the reason is kept", () => {
    const moved = content((p) => {
      const a = goal(p, 0).actions?.[0];
      assert.ok(a);
      a.dueDate = "2024-04-15";
    });
    const err = expectError(savePlan([signed], { basedOn: 1, content: moved, deviations: [] }, ctx, meta));
    assert.deepEqual(err.invalidParams.map((p) => p.name), ["goals.0.actions.0.dueDate"]);
    const v2 = expectOk(savePlan([signed], { basedOn: 1, content: moved, deviations: [{ id: uid(100), reason: "corporatie pas in april bereikbaar" }, { id: uid(110), reason: "niet nodig" }] }, ctx, meta));
    assert.deepEqual(v2.deviations, [{ id: uid(100), reason: "corporatie pas in april bereikbaar" }]);
  });

  test("before any signature, timing changes need no reason", () => {
    const moved = content((p) => (goal(p, 0).targetDate = "2024-09-30"));
    expectOk(savePlan([v1], { basedOn: 1, content: moved, deviations: [] }, ctx, meta));
  });

  test("signing: only the latest, unsigned version, by family members including a parent", () => {
    assert.equal(expectError(signPlan([signed], 1, signature(), ctx, "2024-03-10")).reason, "already_signed");
    const v2 = expectOk(savePlan([signed], { basedOn: 1, content: content(), deviations: [] }, ctx, meta));
    assert.equal(expectError(signPlan([signed, v2], 1, signature(), ctx, "2024-03-10")).reason, "already_signed");
    const v3 = { ...v2, number: 3, basedOn: 2 };
    assert.equal(expectError(signPlan([signed, v2, v3], 2, signature(), ctx, "2024-03-10")).reason, "not_latest_version");
    assert.equal(expectError(signPlan([v1], 7, signature(), ctx, "2024-03-10")).code, "not_found");
    const names = (s: PlanSignature) => expectError(signPlan([v1], 1, s, ctx, "2024-03-10")).invalidParams.map((p) => p.name);
    assert.deepEqual(names(signature({ signedBy: [CHILD, uid(5)] })), ["signature.signedBy.1", "signature.signedBy"]);
    assert.deepEqual(names(signature({ signedOn: "2024-02-29" })), ["signature.signedOn"]);
    assert.deepEqual(names(signature({ signedOn: "2024-03-11" })), ["signature.signedOn"]);
    const unready = expectOk(savePlan([], { basedOn: null, content: content((p) => (goal(p, 1).actions = [])), deviations: [] }, ctx, meta));
    assert.deepEqual(expectError(signPlan([unready], 1, signature(), ctx, "2024-03-10")).invalidParams.map((p) => p.name), ["goals.1.actions"]);
  });

  test("signing on screen by parent and child, same signer twice counted once", () => {
    const v = expectOk(signPlan([v1], 1, signature({ method: "screen", signedBy: [PARENT, CHILD, PARENT] }), ctx, "2024-03-05"));
    assert.ok(v.signature);
    assert.deepEqual(v.signature.signedBy, [PARENT, CHILD]);
  });
});
