import { describe, test } from "node:test";
import assert from "node:assert/strict";
import type { EffectiveAction } from "./actionProgress.ts";
import { caseloadSignals, familySignals, phaseSummary, type CaseloadFamily, type Signal } from "./caseload.ts";
import { CASELOAD_NORM, agendaItems, buildCaseReviewAgenda, buildCaseloadReviewAgenda, coachLoads, loadStatus } from "./caseloadAgenda.ts";
import { startTrajectory, type Phase, type TrajectoryState } from "./phases.ts";
import { COACH, move, stateIn, uid } from "./testFixtures.ts";

const TODAY = "2024-03-20"; // Wednesday of 2024-W12
const COACH_B = uid(2000);

const family = (caseNumber: string, trajectory: TrajectoryState, over: Partial<CaseloadFamily> = {}): CaseloadFamily => ({
  familyId: `f-${caseNumber}`,
  caseNumber,
  coachId: COACH,
  trajectory,
  referralDecidedOn: trajectory.history.find((e) => e.kind === "go" || e.kind === "no_go")?.on ?? null,
  eropaf: [],
  extensions: [],
  planSigned: false,
  actions: [],
  weeklyReportWeeks: [],
  referrerFeedback: { decisionSentOn: "2000-01-01", startSentOn: "2000-01-01" },
  ...over,
});
const inIntake = (goOn: string) => move(startTrajectory({ receivedOn: "2024-01-25", at: "2024-01-25T09:00:00Z", by: COACH }), "intake", goOn);
const action = (n: number, dueDate: string, status: EffectiveAction["status"]): EffectiveAction => ({ goalId: uid(10), actionId: uid(n), dueDate, status, cancelReason: null });
const brief = (signals: readonly Signal[]) => signals.map((s) => [s.caseNumber, s.code, s.dueOn, s.daysOverdue, s.details]);

/* The caseload, with hand-computed signals on 2024-03-20:
 * D-1  referral received 1 Mar, undecided → go/no-go due 15 Mar, 5 days late
 * D-2  intake since 1 Feb, no coach → informatiefase due 29 Feb (leap year), 20 days late; no coach for 48 days;
 *      go decided 1 Feb, referrer not told → feedback owed for 48 days
 * D-3  intake since 1 Feb on the Eropaf route until 1 Apr → nothing
 * D-10 planning since 7 Feb, unsigned → signature due 6 Mar, 14 days late
 * D-9  execution since Fri 1 Mar: actions due 10 Mar (open) and 15 Mar (bezig) late, 1 Mar done and 20 Mar (today) not;
 *      weekoverzicht only for W09 → W10, W11 missing, the oldest due Sunday 10 Mar; start not fed back since 1 Mar
 * D-4  no-go on 15 Jan, referrer not told → feedback owed for 65 days
 */
const families: CaseloadFamily[] = [
  family("D-1", startTrajectory({ receivedOn: "2024-03-01", at: "2024-03-01T09:00:00Z", by: COACH }), { coachId: null }),
  family("D-2", inIntake("2024-02-01"), { coachId: null, referrerFeedback: { decisionSentOn: null, startSentOn: null } }),
  family("D-3", inIntake("2024-02-01"), { eropaf: [{ decidedOn: "2024-02-10", by: COACH, reason: "deur blijft dicht", revisedDeadline: "2024-04-01" }] }),
  family("D-10", stateIn("planning")),
  family("D-9", stateIn("execution"), {
    coachId: COACH_B,
    planSigned: true,
    actions: [action(1, "2024-03-10", "open"), action(2, "2024-03-01", "done"), action(3, "2024-03-15", "in_progress"), action(4, "2024-03-20", "open")],
    weeklyReportWeeks: [{ year: 2024, week: 9 }],
    referrerFeedback: { decisionSentOn: "2024-01-11", startSentOn: null },
  }),
  family("D-4", move(startTrajectory({ receivedOn: "2024-01-05", at: "2024-01-05T09:00:00Z", by: COACH }), "closed", "2024-01-15", "buiten de wijken"), {
    coachId: null,
    referrerFeedback: { decisionSentOn: null, startSentOn: null },
  }),
];
const signals = caseloadSignals(families, TODAY);

describe("caseload signals", () => {
  test("hand-computed signals per family", () => {
    assert.deepEqual(brief(signals), [
      ["D-1", "go_no_go_overdue", "2024-03-15", 5, []],
      ["D-2", "no_coach", "2024-02-01", 48, []],
      ["D-2", "intake_overdue", "2024-02-29", 20, []],
      ["D-2", "referrer_feedback_owed", "2024-02-01", 48, ["decision"]],
      ["D-10", "plan_signature_overdue", "2024-03-06", 14, []],
      ["D-9", "actions_overdue", "2024-03-10", 10, [uid(1), uid(3)]],
      ["D-9", "weekly_reports_missing", "2024-03-10", 10, ["2024-W10", "2024-W11"]],
      ["D-9", "referrer_feedback_owed", "2024-03-01", 19, ["start"]],
      ["D-4", "referrer_feedback_owed", "2024-01-15", 65, ["decision"]],
    ]);
  });

  test("messages in Dutch and English", () => {
    const [goNoGo] = signals;
    assert.deepEqual(goNoGo?.message, { nl: "Go/no-go-besluit 5 dagen te laat", en: "Go/no-go decision 5 days overdue" });
    assert.equal(signals[5]?.message.nl, "2 acties over de datum, de oudste 10 dagen");
    assert.equal(signals[6]?.message.en, "2 weekly reports are missing");
  });

  test("deadlines hold on the day itself and signal from the day after", () => {
    const referral = family("D-5", startTrajectory({ receivedOn: "2024-03-06", at: "2024-03-06T09:00:00Z", by: COACH }));
    assert.deepEqual(familySignals(referral, "2024-03-20"), []);
    assert.deepEqual(brief(familySignals(referral, "2024-03-21")), [["D-5", "go_no_go_overdue", "2024-03-20", 1, []]]);
    assert.deepEqual(familySignals({ ...referral, referralDecidedOn: "2024-03-20", referrerFeedback: { decisionSentOn: null, startSentOn: null } }, "2024-03-21").map((s) => s.code), ["referrer_feedback_owed"]);
  });

  test("an Eropaf family past its own date says so", () => {
    const d3 = families[2];
    assert.ok(d3);
    assert.deepEqual(brief(familySignals(d3, "2024-04-02")), [["D-3", "intake_overdue", "2024-04-01", 1, ["eropaf"]]]);
  });

  test("uitvoering past the planned end (half a year from the go, or the extension)", () => {
    const f = family("D-6", stateIn("execution"), { planSigned: true, weeklyReportWeeks: [] });
    const codes = (today: string, extensions: CaseloadFamily["extensions"] = []) =>
      familySignals({ ...f, extensions }, today).filter((s) => s.code === "planned_end_passed").map((s) => [s.dueOn, s.daysOverdue]);
    assert.deepEqual(codes("2024-07-10"), []);
    assert.deepEqual(codes("2024-07-11"), [["2024-07-10", 1]]);
    assert.deepEqual(codes("2024-07-11", [{ decidedOn: "2024-07-01", by: COACH, reason: "r", newEndDate: "2024-10-10", insufficientlySelfReliant: true, improvementStillPossible: true }]), []);
  });

  test("missing weekoverzichten stay signalled in nazorg, not after closing", () => {
    const inAftercare = family("D-7", stateIn("aftercare"), { planSigned: true });
    assert.deepEqual(familySignals(inAftercare, "2024-10-01").map((s) => [s.code, s.details.length]), [["weekly_reports_missing", 27]]);
    const closed = family("D-8", move(stateIn("execution"), "closed", "2024-04-01", "gezin verhuisd"), { planSigned: true });
    assert.deepEqual(familySignals(closed, "2024-10-01"), []);
  });

  test("nazorg: a relapse tops the list; an overdue contact moment is signalled; neither outside nazorg", () => {
    const weeks = Array.from({ length: 60 }, (_, k) => ({ year: 2024, week: k + 1 }));
    const inAftercare = family("D-9", stateIn("aftercare"), { planSigned: true, weeklyReportWeeks: weeks, aftercare: { relapseSince: "2024-09-20", nextCheckinDue: "2024-09-24" } });
    assert.deepEqual(
      familySignals(inAftercare, "2024-10-01").map((s) => [s.code, s.dueOn, s.daysOverdue]),
      [["relapse", "2024-09-20", 11], ["aftercare_contact_overdue", "2024-09-24", 7]],
    );
    assert.match(familySignals(inAftercare, "2024-10-01")[0]?.message.nl ?? "", /Terugval/);
    const onTime = family("D-10", stateIn("aftercare"), { planSigned: true, weeklyReportWeeks: weeks, aftercare: { relapseSince: null, nextCheckinDue: "2024-10-01" } });
    assert.deepEqual(familySignals(onTime, "2024-10-01"), [], "a contact due today is not late");
    const executing = family("D-11", stateIn("execution"), { planSigned: true, weeklyReportWeeks: weeks, aftercare: { relapseSince: "2024-03-01", nextCheckinDue: "2024-03-01" } });
    assert.ok(!familySignals(executing, TODAY).some((s) => s.code === "relapse" || s.code === "aftercare_contact_overdue"));
    assert.equal(buildCaseReviewAgenda(familySignals(inAftercare, "2024-10-01"))[0]?.signals[0]?.code, "relapse");
  });

  test("days in phase for the overview", () => {
    assert.deepEqual(phaseSummary(stateIn("planning"), TODAY), { phase: "planning", since: "2024-02-07", days: 42 });
  });
});

describe("coach load against the norm of 5–8", () => {
  test("counts intake to afronding; nazorg shown apart; coaches without families included", () => {
    const list: { coachId: string | null; phase: Phase }[] = [
      ...Array.from({ length: 4 }, () => ({ coachId: COACH, phase: "execution" as const })),
      { coachId: COACH, phase: "intake" },
      { coachId: COACH, phase: "aftercare" },
      { coachId: COACH, phase: "aftercare" },
      { coachId: COACH, phase: "closed" },
      { coachId: null, phase: "execution" },
      ...Array.from({ length: 9 }, () => ({ coachId: "z-coach", phase: "planning" as const })),
      { coachId: "a-coach", phase: "referral" },
    ];
    assert.deepEqual(coachLoads(list, [COACH_B, COACH]), [
      { coachId: COACH_B, active: 0, aftercare: 0, byPhase: {}, status: "below" },
      { coachId: COACH, active: 5, aftercare: 2, byPhase: { execution: 4, intake: 1, aftercare: 2, closed: 1 }, status: "within" },
      { coachId: "a-coach", active: 0, aftercare: 0, byPhase: { referral: 1 }, status: "below" },
      { coachId: "z-coach", active: 9, aftercare: 0, byPhase: { planning: 9 }, status: "above" },
    ]);
  });

  test("the norm's edges", () => {
    assert.deepEqual([4, 5, 6, 8, 9].map(loadStatus), ["below", "within", "within", "within", "above"]);
    assert.deepEqual(CASELOAD_NORM, { min: 5, max: 8 });
  });
});

describe("agendas", () => {
  test("casuïstiekbespreking: trajectory signals only, most urgent family first", () => {
    const agenda = buildCaseReviewAgenda(signals);
    assert.deepEqual(
      agenda.map((i) => [i.caseNumber, i.signals.map((s) => s.code)]),
      [
        ["D-2", ["no_coach", "intake_overdue"]],
        ["D-1", ["go_no_go_overdue"]],
        ["D-10", ["plan_signature_overdue"]],
        ["D-9", ["actions_overdue"]],
      ],
    );
  });

  test("caseloadgesprek: the coach's load and all signals of the coach's families", () => {
    const loads = coachLoads(families.map((f) => ({ coachId: f.coachId, phase: phaseSummary(f.trajectory, TODAY).phase })), [COACH, COACH_B]);
    const agenda = buildCaseloadReviewAgenda(COACH_B, signals, loads);
    assert.deepEqual([agenda.load.active, agenda.load.status], [1, "below"]);
    assert.deepEqual(agenda.items.map((i) => [i.caseNumber, i.signals.map((s) => s.code)]), [["D-9", ["actions_overdue", "weekly_reports_missing", "referrer_feedback_owed"]]]);
    const mine = buildCaseloadReviewAgenda(COACH, signals, loads);
    assert.deepEqual([mine.load.active, mine.items.map((i) => i.caseNumber)], [2, ["D-10"]]);
    assert.deepEqual(buildCaseloadReviewAgenda("nobody", signals, loads).load, { coachId: "nobody", active: 0, aftercare: 0, byPhase: {}, status: "below" });
  });

  test("ties: more days overdue first, then case numbers in numeric order", () => {
    const s = (caseNumber: string, daysOverdue: number): Signal => ({
      code: "actions_overdue",
      familyId: `f-${caseNumber}`,
      caseNumber,
      coachId: COACH,
      phase: "execution",
      dueOn: "2024-03-01",
      daysOverdue,
      details: [],
      message: { nl: "x", en: "x" },
    });
    assert.deepEqual(agendaItems([s("D-10", 3), s("D-9", 3), s("D-11", 7), s("d-2", 3)]).map((i) => i.caseNumber), ["D-11", "d-2", "D-9", "D-10"]);
    assert.deepEqual(agendaItems([]), []);
  });
});
