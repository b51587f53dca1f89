/**
 * The families that shared (part of) their file with a chain partner organisation, as its
 * ketenpartners see them. Which parts appear is decided per request from the active consent
 * records (authz/sharing.ts); a family without active consent for the organisation is a 404.
 */
import {
  fromScoreColumns,
  isOpenStatus,
  notFound,
  sharedCategories,
  todayInNetherlands,
  type ActionProgressInput,
  type ActionProgressRecorded,
  type ConsentCategory,
  type EffectiveActionView,
  type Meeting,
  type Phase,
  type PlanContent,
  type SharedFamily,
  type SharedFamilySummary,
} from "@ploegwerk/domain";
import { noteRead } from "../../audit/requestContext.ts";
import type { Actor } from "../../authz/actor.ts";
import { mayProgressAction, mayViewPart, partnerOf } from "../../authz/sharing.ts";
import type { Db } from "../../db/database.ts";
import { activeConsentsFor } from "../consents/consents.queries.ts";
import { findFamilyRow, listMembers } from "../families/families.queries.ts";
import { findInstrument } from "../instruments/instruments.queries.ts";
import { listFamilyMeasurementRows } from "../measurements/measurements.queries.ts";
import { listMeetingRows } from "../meetings/meetings.queries.ts";
import { toMeeting } from "../meetings/meetings.present.ts";
import { applyActionProgress } from "../plans/plans.progress.ts";
import { listPlanRows, listProgressRows } from "../plans/plans.queries.ts";
import { effectiveView, planHistory, progressSince } from "../plans/plans.versions.ts";
import { listFamilyTrajectoryRows } from "../trajectories/trajectories.queries.ts";
import { listWeeklyReportRows } from "../weeklyReports/weeklyReports.queries.ts";
import { present as presentWeeklyReport } from "../weeklyReports/weeklyReports.service.ts";

const SHARED_FAMILY = { nl: "Gedeeld gezin", en: "Shared family" };
const ALL = { all: true } as const;

type ConsentFacts = Awaited<ReturnType<typeof activeConsentsFor>>;

/** The family's own parents' surnames, as the team writes them ("gezin De Vries"). */
function familyNameOf(members: readonly { role: string; surname: string }[]): string | null {
  const adults = members.filter((m) => m.role === "parent");
  const surnames = [...new Set((adults.length > 0 ? adults : members).map((m) => m.surname.trim()).filter(Boolean))];
  return surnames.length > 0 ? `gezin ${surnames.join(" en ")}` : null;
}

/** The trajectory the file is about now: the open one, else the latest. */
async function currentTrajectory(db: Db, organisationId: string, familyId: string) {
  const rows = await listFamilyTrajectoryRows(db, organisationId, familyId);
  return rows.filter((r) => r.phase !== "closed").at(-1) ?? rows.at(-1) ?? null;
}

async function planOf(db: Db, organisationId: string, trajectoryId: string, today: string) {
  const [rows, progress] = await Promise.all([listPlanRows(db, organisationId, trajectoryId), listProgressRows(db, organisationId, trajectoryId)]);
  const { inForce } = planHistory(rows);
  if (!inForce) return null;
  return { inForce, actions: effectiveView(inForce, progressSince(progress, inForce), today) };
}

/** Without consent for "basis" the family's and network's names stay out of the meetings too. */
function withoutFamilyNames(m: Meeting): Meeting {
  return {
    ...m,
    participants: m.participants.map((p) =>
      p.kind === "member" ? { ...p, ref: null, name: "Gezinslid" } : p.kind === "networkPerson" ? { ...p, ref: null, name: "Iemand uit het netwerk", contact: null } : p,
    ),
  };
}

const ownAction = (partnerId: string) => (a: { owner: EffectiveActionView["owner"] }) => a.owner.kind === "partnerContact" && a.owner.partnerOrganisationId === partnerId;

/**
 * What the answers about one shared family are built from, each loaded once and only when a
 * consented category needs it: the family row, its members, its current trajectory and plan.
 */
async function sharedFacts(db: Db, actor: Actor, familyId: string, categories: ReadonlySet<ConsentCategory>, today: string) {
  const org = actor.organisationId;
  const found = await findFamilyRow(db, org, familyId, ALL);
  if (!found) return null;
  const members = mayViewPart(categories, "basis") ? await listMembers(db, org, familyId) : null;
  const trajectory = await currentTrajectory(db, org, familyId);
  const plan = trajectory && mayViewPart(categories, "planActions") ? await planOf(db, org, trajectory.id, today) : null;
  return { found, members, trajectory, plan };
}
type SharedFacts = NonNullable<Awaited<ReturnType<typeof sharedFacts>>>;

function summaryOf(facts: SharedFacts, partnerId: string, consents: ConsentFacts, categories: ReadonlySet<ConsentCategory>): SharedFamilySummary {
  const { found, members, plan } = facts;
  const openActionCount = mayViewPart(categories, "planActions") ? (plan?.actions.filter(ownAction(partnerId)).filter((a) => isOpenStatus(a.status)).length ?? 0) : null;
  return {
    familyId: found.family.id,
    caseNumber: found.family.caseNumber,
    familyName: members ? familyNameOf(members) : null,
    coachName: found.coachName,
    teamName: found.teamName,
    categories: [...categories].sort(),
    purposes: [...new Set(consents.map((c) => c.purpose))],
    openActionCount,
  };
}

export async function listSharedFamilies(db: Db, opts: { actor: Actor; today?: string }): Promise<SharedFamilySummary[]> {
  const partnerId = partnerOf(opts.actor);
  const today = opts.today ?? todayInNetherlands();
  const consents = await activeConsentsFor(db, opts.actor.organisationId, partnerId, today);
  const byFamily = new Map<string, ConsentFacts>();
  for (const c of consents) byFamily.set(c.familyId, [...(byFamily.get(c.familyId) ?? []), c]);
  const out: SharedFamilySummary[] = [];
  for (const [familyId, list] of byFamily) {
    const categories = sharedCategories(list, partnerId, today);
    const facts = categories.size > 0 ? await sharedFacts(db, opts.actor, familyId, categories, today) : null;
    if (facts) out.push(summaryOf(facts, partnerId, list, categories));
  }
  // One list row for the whole list, as for a family search.
  noteRead({ familyId: null, entityType: "shared_family", entityId: "list", action: "family.listed", details: { shared: true, results: out.length } });
  return out.sort((a, b) => a.caseNumber.localeCompare(b.caseNumber));
}

/** The categories this partner may see of the family today; a 404 when there are none. */
async function sharedWith(db: Db, actor: Actor, familyId: string, today: string) {
  const partnerId = partnerOf(actor);
  const consents = await activeConsentsFor(db, actor.organisationId, partnerId, today, familyId);
  const categories = sharedCategories(consents, partnerId, today);
  if (categories.size === 0) throw notFound(SHARED_FAMILY);
  noteRead({ familyId, entityType: "family", entityId: familyId, action: "family.viewed", details: { shared: true, categories: [...categories].sort() } });
  return { partnerId, consents, categories };
}

function planPart(content: PlanContent, actions: EffectiveActionView[], domainLabel: (key: string) => string, categories: ReadonlySet<ConsentCategory>, partnerId: string) {
  const whole = mayViewPart(categories, "plan");
  const visible = whole ? actions : actions.filter(ownAction(partnerId));
  const goals = content.goals
    .map((g) => ({ id: g.id, domain: g.domain, domainLabel: domainLabel(g.domain), description: g.description, targetDate: g.targetDate, actions: visible.filter((a) => a.goalId === g.id) }))
    .filter((g) => whole || g.actions.length > 0);
  return { scope: whole ? ("all" as const) : ("own" as const), overallGoals: whole ? content.overallGoals.map((o) => ({ id: o.id, description: o.description, targetDate: o.targetDate })) : [], goals };
}

export async function getSharedFamily(db: Db, opts: { actor: Actor; familyId: string; today?: string }): Promise<SharedFamily> {
  const { actor, familyId } = opts;
  const today = opts.today ?? todayInNetherlands();
  const { partnerId, consents, categories } = await sharedWith(db, actor, familyId, today);
  const facts = await sharedFacts(db, actor, familyId, categories, today);
  if (!facts) throw notFound(SHARED_FAMILY);
  const org = actor.organisationId;
  const { found, members, trajectory } = facts;
  const instrument = trajectory ? await findInstrument(db, org, trajectory.instrumentKey) : null;
  const domainLabel = (key: string) => instrument?.domains.find((d) => d.key === key)?.label.nl ?? key;
  const f = found.family;
  const plan: SharedFamily["plan"] = facts.plan
    ? { number: facts.plan.inForce.number, signedOn: facts.plan.inForce.signature?.signedOn ?? null, ...planPart(facts.plan.inForce.content, facts.plan.actions, domainLabel, categories, partnerId) }
    : null;
  const meetings =
    trajectory && mayViewPart(categories, "meetings")
      ? (await listMeetingRows(db, org, trajectory.id))
          .map(toMeeting)
          .filter((m) => m.participants.some((p) => p.kind === "partnerContact" && p.partnerOrganisationId === partnerId))
          .map((m) => (mayViewPart(categories, "basis") ? m : withoutFamilyNames(m)))
      : null;
  let measurements: SharedFamily["measurements"] = null;
  if (mayViewPart(categories, "measurements")) {
    const withJustification = mayViewPart(categories, "measurementJustifications");
    measurements = [];
    // A family has a few metingen on one or two instrument versions: each version is read once.
    const versions = new Map<string, Awaited<ReturnType<typeof findInstrument>>>();
    for (const row of await listFamilyMeasurementRows(db, org, familyId)) {
      const key = `${row.instrumentKey}@${row.instrumentVersion}`;
      if (!versions.has(key)) versions.set(key, await findInstrument(db, org, row.instrumentKey, row.instrumentVersion));
      const def = versions.get(key);
      if (!def) continue;
      const scores = fromScoreColumns(def, { scores: row.scores, justifications: row.justifications });
      measurements.push({
        id: row.id,
        instrumentKey: row.instrumentKey,
        round: row.round,
        measuredOn: row.measuredOn,
        scores: def.domains.flatMap((d) => {
          const s = scores[d.key];
          return s ? [{ domain: d.key, label: d.label.nl, score: s.score, justification: withJustification ? s.justification : null }] : [];
        }),
      });
    }
  }
  const weeklyReports =
    trajectory && mayViewPart(categories, "weeklyReports") ? (await listWeeklyReportRows(db, org, trajectory.id)).map((r) => presentWeeklyReport(r.report, r.writtenByName)) : null;

  return {
    ...summaryOf(facts, partnerId, consents, categories),
    members: members ? members.map((m) => ({ id: m.id, givenName: m.givenName, surname: m.surname, role: m.role as "parent" | "child" | "other", dateOfBirth: m.dateOfBirth })) : null,
    address: members ? { street: f.street, houseNumber: f.houseNumber, postcode: f.postcode, city: f.city } : null,
    trajectory: trajectory && mayViewPart(categories, "trajectory") ? { id: trajectory.id, phase: trajectory.phase as Phase, phaseSince: trajectory.phaseSince } : null,
    plan,
    meetings,
    measurements,
    weeklyReports,
  };
}

/** A ketenpartner records progress on an action its organisation carries out, in the plan in force. */
export async function recordSharedActionProgress(db: Db, opts: { actor: Actor; familyId: string; actionId: string; input: ActionProgressInput; today?: string }): Promise<ActionProgressRecorded> {
  const { actor, familyId } = opts;
  const today = opts.today ?? todayInNetherlands();
  const { partnerId, categories } = await sharedWith(db, actor, familyId, today);
  const trajectory = await currentTrajectory(db, actor.organisationId, familyId);
  const ACTION = { nl: "Actie van uw organisatie", en: "Action of your organisation" };
  if (!trajectory || !mayViewPart(categories, "planActions")) throw notFound(ACTION);
  return applyActionProgress(db, {
    actor,
    trajectoryId: trajectory.id,
    actionId: opts.actionId,
    input: opts.input,
    // Consent is checked again inside the transaction: a withdrawal in between wins.
    load: async (tx) => {
      const again = await sharedWith(tx, actor, familyId, today);
      if (!mayViewPart(again.categories, "planActions")) throw notFound(ACTION);
      return { trajectory };
    },
    mayRecord: (owner) => mayProgressAction(categories, owner, partnerId),
  });
}
