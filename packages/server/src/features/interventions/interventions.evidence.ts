/**
 * Practice-based evidence of an entry (domain catalogue/practiceEvidence.ts has the definition):
 * gathers, for the families the reader may count, the signed plan versions whose actions name the
 * entry, the progress of those actions and the families' family-level metingen. Team roles count
 * the families of their teams, analist and beheerder the whole organisation (outcomeScope); the
 * answer holds aggregates only, never a family.
 */
import { notFound, practiceEvidence, scoresByKey, type ActionStatus, type EvidenceMeting, type InterventionEvidence, type PlanUse, type ProgressEntry } from "@ploegwerk/domain";
import { sql, type SQL } from "drizzle-orm";
import type { Actor } from "../../authz/actor.ts";
import { authorize, outcomeScope } from "../../authz/rules.ts";
import { queryRows, type Db } from "../../db/database.ts";
import { instrumentVersions, versionOf } from "../instruments/instruments.queries.ts";
import { findInterventionRow } from "./interventions.queries.ts";
import { ENTRY } from "./interventions.service.ts";

const uuidList = (ids: readonly string[]): SQL => sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `);

interface UseRow {
  family_id: string;
  trajectory_id: string;
  number: number;
  start_date: string;
  instrument_key: string;
  action_id: string;
  due_date: string;
  status: string;
}

/** Every action naming the entry in a signed version, of families in the reader's teams (all when null). */
async function selectUses(db: Db, organisationId: string, interventionId: string, teamIds: readonly string[] | null): Promise<PlanUse[]> {
  const inTeams = teamIds === null ? sql`` : teamIds.length === 0 ? sql` and false` : sql` and f.team_id in (${uuidList(teamIds)})`;
  const rows = await queryRows<UseRow>(
    db,
    sql`select t.family_id, pv.trajectory_id, pv.number, pv.content->>'startDate' as start_date, pv.content->>'instrumentKey' as instrument_key,
               a->>'id' as action_id, a->>'dueDate' as due_date, coalesce(a->>'status', 'open') as status
          from plan_versions pv
          join trajectories t on t.organisation_id = pv.organisation_id and t.id = pv.trajectory_id
          join families f on f.organisation_id = t.organisation_id and f.id = t.family_id
          cross join lateral jsonb_array_elements(coalesce(pv.content->'goals', '[]'::jsonb)) g
          cross join lateral jsonb_array_elements(coalesce(g->'actions', '[]'::jsonb)) a
         where pv.organisation_id = ${organisationId}::uuid and pv.status = 'definitive'
           and a->>'interventionId' = ${interventionId}${inTeams}`,
  );
  return rows.map((r) => ({
    familyId: r.family_id,
    trajectoryId: r.trajectory_id,
    versionNumber: Number(r.number),
    startDate: r.start_date,
    instrumentKey: r.instrument_key,
    actionId: r.action_id,
    dueDate: r.due_date,
    status: r.status as ActionStatus,
  }));
}

async function selectProgress(db: Db, organisationId: string, uses: readonly PlanUse[]): Promise<ProgressEntry[]> {
  const trajectories = [...new Set(uses.map((u) => u.trajectoryId))];
  const actions = [...new Set(uses.map((u) => u.actionId))];
  if (trajectories.length === 0) return [];
  const rows = await queryRows<{ trajectory_id: string; action_id: string; status: string; on: string; recorded_at: string }>(
    db,
    sql`select trajectory_id, action_id, status, "on"::text as "on", to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') as recorded_at
          from action_progress
         where organisation_id = ${organisationId}::uuid and trajectory_id in (${uuidList(trajectories)}) and action_id in (${uuidList(actions)})`,
  );
  return rows.map((r) => ({ trajectoryId: r.trajectory_id, actionId: r.action_id, status: r.status as ActionStatus, on: r.on, recordedAt: r.recorded_at }));
}

async function selectMetingen(db: Db, organisationId: string, familyIds: readonly string[]): Promise<EvidenceMeting[]> {
  if (familyIds.length === 0) return [];
  const rows = await queryRows<{ family_id: string; instrument_key: string; instrument_version: number; round: number; measured_on: string | null; scores: (number | null)[] }>(
    db,
    sql`select family_id, instrument_key, instrument_version, round, measured_on::text as measured_on, scores
          from measurements
         where organisation_id = ${organisationId}::uuid and member_id is null and family_id in (${uuidList(familyIds)})`,
  );
  const versions = new Map<string, Awaited<ReturnType<typeof instrumentVersions>>>();
  const out: EvidenceMeting[] = [];
  for (const r of rows) {
    if (!versions.has(r.instrument_key)) versions.set(r.instrument_key, await instrumentVersions(db, organisationId, r.instrument_key));
    const def = versionOf(versions.get(r.instrument_key) ?? new Map(), Number(r.instrument_version));
    out.push({ familyId: r.family_id, instrumentKey: r.instrument_key, round: Number(r.round), measuredOn: r.measured_on, scores: scoresByKey(def, r.scores) });
  }
  return out;
}

export async function interventionEvidence(db: Db, opts: { actor: Actor; id: string }): Promise<InterventionEvidence> {
  authorize(opts.actor, "catalogue.evidence");
  const { organisationId } = opts.actor;
  const entry = await findInterventionRow(db, organisationId, opts.id);
  if (!entry) throw notFound(ENTRY);
  const scope = outcomeScope(opts.actor);
  const uses = await selectUses(db, organisationId, entry.id, scope.all ? null : scope.teamIds);
  const progress = await selectProgress(db, organisationId, uses);
  const metingen = await selectMetingen(db, organisationId, [...new Set(uses.map((u) => u.familyId))]);
  return { interventionId: entry.id, scope: scope.all ? "organisation" : "teams", ...practiceEvidence({ domains: entry.domains, uses, progress, metingen }) };
}
