import {
  ActionProgress,
  CASELOAD_NORM,
  PlanContent,
  buildCaseReviewAgenda,
  buildCaseloadReviewAgenda,
  coachLoads,
  effectiveActions,
  familySignals,
  invalid,
  phaseSummary,
  todayInNetherlands,
  type CaseloadFamily,
  type CaseloadOverview,
} from "@ploegwerk/domain";
import type { Actor } from "../../authz/actor.ts";
import { authorize } from "../../authz/rules.ts";
import type { Db } from "../../db/database.ts";
import { parseEropaf, parseExtensions, stateOf } from "../trajectories/trajectories.state.ts";
import { aftercareStatuses } from "../closing/aftercareCheckins.service.ts";
import { loadCaseload, type CaseloadRows } from "./caseload.queries.ts";

function groupBy<T>(rows: readonly T[], key: (r: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) out.set(key(r), [...(out.get(key(r)) ?? []), r]);
  return out;
}

/** The domain's view of each open trajectory, from the bulk-loaded rows. */
function caseloadFamilies(rows: CaseloadRows): CaseloadFamily[] {
  const transitions = groupBy(rows.transitions, (r) => r.trajectoryId);
  const progress = groupBy(rows.progress, (r) => r.trajectoryId);
  const weeks = groupBy(rows.weeks, (r) => r.trajectoryId);
  const feedback = groupBy(rows.feedback, (r) => r.trajectoryId);
  const signed = new Map(rows.signed.map((s) => [s.trajectoryId, s]));
  return rows.open.map(({ trajectory: t, caseNumber, coachId }) => {
    const plan = signed.get(t.id);
    const content = plan ? PlanContent.parse(plan.content) : null;
    const entries = (progress.get(t.id) ?? []).map((p) => ActionProgress.parse({ actionId: p.actionId, status: p.status, cancelReason: p.cancelReason, on: p.on, by: p.byId ?? t.id }));
    const sent = feedback.get(t.id) ?? [];
    return {
      familyId: t.familyId,
      caseNumber,
      coachId,
      trajectory: stateOf(transitions.get(t.id) ?? []),
      referralDecidedOn: t.decisionOn,
      eropaf: parseEropaf(t),
      extensions: parseExtensions(t),
      planSigned: plan !== undefined,
      // Progress counts from the day the plan in force was written, as the plan feature records it.
      actions: content && plan ? effectiveActions(content, entries, plan.createdOn) : [],
      weeklyReportWeeks: (weeks.get(t.id) ?? []).map((w) => ({ year: w.year, week: w.week })),
      referrerFeedback: {
        decisionSentOn: sent.find((f) => f.subject === "decision")?.sentOn ?? null,
        startSentOn: sent.find((f) => f.subject === "start")?.sentOn ?? null,
      },
    };
  });
}

/** The team lead's caseload overview (also for the team's coaches and ondersteuning). */
export async function caseloadOverview(db: Db, opts: { actor: Actor; teamId?: string | undefined; coachId?: string | undefined; today?: string }): Promise<CaseloadOverview> {
  const { actor } = opts;
  const teamId = opts.teamId ?? (actor.kind === "user" ? actor.teamId : null);
  if (!teamId) throw invalid({ nl: "Kies een team.", en: "Choose a team." }, [{ name: "teamId", reason: "you have no team of your own; pass teamId" }]);
  authorize(actor, "caseload.read", { teamId });
  const today = opts.today ?? todayInNetherlands();
  const rows = await loadCaseload(db, actor.organisationId, [teamId], opts.coachId);
  const empty: CaseloadRows = { open: [], transitions: [], signed: [], progress: [], weeks: [], feedback: [], coaches: [] };
  const data = rows ?? empty;
  const families = caseloadFamilies(data);
  // Nazorg: relapse signals and contact moments, two queries for all families in nazorg.
  const inAftercare = families.map((f, i) => ({ trajectoryId: data.open[i]?.trajectory.id ?? "", state: f.trajectory })).filter((t) => phaseSummary(t.state, today).phase === "aftercare");
  if (inAftercare.length > 0) {
    const statuses = await aftercareStatuses(db, actor.organisationId, inAftercare, today);
    families.forEach((f, i) => {
      const status = statuses.get(data.open[i]?.trajectory.id ?? "");
      if (status) f.aftercare = { relapseSince: status.relapseSince, nextCheckinDue: status.nextCheckinDue };
    });
  }
  const signalsByFamily = families.map((f) => familySignals(f, today));
  const signals = signalsByFamily.flat();
  const coachName = new Map(data.coaches.map((c) => [c.id, c.name]));
  const loads = coachLoads(
    families.map((f) => ({ coachId: f.coachId, phase: phaseSummary(f.trajectory, today).phase })),
    data.coaches.map((c) => c.id),
  );
  return {
    today,
    teamId,
    norm: { min: CASELOAD_NORM.min, max: CASELOAD_NORM.max },
    families: families
      .map((f, i) => {
        const p = phaseSummary(f.trajectory, today);
        const trajectoryId = data.open[i]?.trajectory.id ?? "";
        return { familyId: f.familyId, trajectoryId, caseNumber: f.caseNumber, coachId: f.coachId, coachName: f.coachId ? (coachName.get(f.coachId) ?? null) : null, phase: p.phase, phaseSince: p.since, daysInPhase: p.days, signals: signalsByFamily[i] ?? [] };
      })
      .sort((a, b) => a.caseNumber.localeCompare(b.caseNumber, "nl", { numeric: true })),
    coaches: loads.map((l) => ({ ...l, name: coachName.get(l.coachId) ?? "—" })),
    caseReview: buildCaseReviewAgenda(signals),
    caseloadReviews: data.coaches.map((c) => {
      const agenda = buildCaseloadReviewAgenda(c.id, signals, loads);
      return { coachId: c.id, name: c.name, load: agenda.load, items: agenda.items };
    }),
  };
}
