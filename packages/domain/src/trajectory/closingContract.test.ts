import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { aftercareStatus, NewAftercareCheckin, SaveStabilityCheck, type CheckinFact } from "./closingContract.ts";
import { COACH, completeAftercarePlan, move, PARENT, stateIn } from "./testFixtures.ts";

// Nazorg in the fixture starts on 2024-09-01 (recorded 10:00Z); the plan: every 4 weeks from 2024-09-01.
const checkin = (heldOn: string, relapse = false, recordedAt = `${heldOn}T12:00:00.000Z`): CheckinFact => ({ heldOn, relapse, recordedAt });

describe("aftercareStatus", () => {
  test("the next contact is due contactEveryWeeks after the plan's start, then after the last contact", () => {
    const state = stateIn("aftercare");
    assert.deepEqual(aftercareStatus(state, completeAftercarePlan, [], "2024-09-10"), { nextCheckinDue: "2024-09-29", nextCheckinOverdue: false, relapseSignalled: false, relapseSince: null });
    const after = aftercareStatus(state, completeAftercarePlan, [checkin("2024-10-20"), checkin("2024-09-25")], "2024-11-18");
    assert.equal(after.nextCheckinDue, "2024-11-17");
    assert.equal(after.nextCheckinOverdue, true);
  });

  test("without a plan start the nazorg start counts; without a frequency nothing is due", () => {
    const state = stateIn("aftercare");
    assert.equal(aftercareStatus(state, { ...completeAftercarePlan, startsOn: null, contactEveryWeeks: 2 }, [], "2024-09-02").nextCheckinDue, "2024-09-15");
    assert.equal(aftercareStatus(state, { ...completeAftercarePlan, contactEveryWeeks: null }, [], "2024-09-02").nextCheckinDue, null);
    assert.equal(aftercareStatus(state, null, [], "2024-09-02").nextCheckinDue, null);
  });

  test("a relapse signals until the family is re-opened; it does not signal again in a later nazorg period", () => {
    const state = stateIn("aftercare");
    const facts = [checkin("2024-09-20"), checkin("2024-10-04", true), checkin("2024-10-18")];
    const s = aftercareStatus(state, completeAftercarePlan, facts, "2024-10-20");
    assert.equal(s.relapseSignalled, true, "a later calm contact does not cancel the signal");
    assert.equal(s.relapseSince, "2024-10-04");

    const reopened = move(state, "execution", "2024-10-21", "Terugval");
    assert.deepEqual(aftercareStatus(reopened, completeAftercarePlan, facts, "2024-10-22"), { nextCheckinDue: null, nextCheckinOverdue: false, relapseSignalled: false, relapseSince: null });

    // Back in nazorg on the same day as the old relapse's date: only contacts recorded since count.
    const again = move(move(reopened, "closing", "2024-10-21", "Snel hersteld"), "aftercare", "2024-10-21");
    assert.equal(aftercareStatus(again, completeAftercarePlan, facts, "2024-10-22").relapseSignalled, false);
    const newRelapse = checkin("2024-10-22", true, "2024-10-22T08:00:00.000Z");
    assert.equal(aftercareStatus(again, completeAftercarePlan, [...facts, newRelapse], "2024-10-22").relapseSince, "2024-10-22");
  });

  test("instants in different ISO formats compare as instants", () => {
    const state = stateIn("aftercare"); // entered at 2024-09-01T10:00:00Z
    assert.equal(aftercareStatus(state, null, [checkin("2024-09-01", true, "2024-09-01T10:00:00.000Z")], "2024-09-02").relapseSignalled, true);
    assert.equal(aftercareStatus(state, null, [checkin("2024-09-01", true, "2024-09-01T09:59:59.999Z")], "2024-09-02").relapseSignalled, false);
  });
});

describe("closing contracts", () => {
  test("a relapse check-in needs a note; blank text is empty", () => {
    const res = NewAftercareCheckin.safeParse({ heldOn: "2024-09-20", relapse: true, note: "  " });
    assert.ok(!res.success);
    assert.deepEqual(res.error.issues.map((i) => i.path.join(".")), ["note"]);
    assert.deepEqual(NewAftercareCheckin.parse({ heldOn: "2024-09-20", byName: "" }), { heldOn: "2024-09-20", byName: null, note: null, relapse: false });
  });

  test("a stability check is saved with version 0 the first time; completedBy may be left to the server", () => {
    const parsed = SaveStabilityCheck.parse({ completedOn: "2024-07-30", withMembers: [PARENT], answers: {}, version: 0 });
    assert.equal(parsed.completedBy, null);
    assert.equal(SaveStabilityCheck.parse({ completedOn: "2024-07-30", completedBy: COACH, withMembers: [], answers: {}, version: 3 }).completedBy, COACH);
    assert.ok(!SaveStabilityCheck.safeParse({ completedOn: "2024-07-30", withMembers: [], answers: {}, version: -1 }).success);
  });
});
