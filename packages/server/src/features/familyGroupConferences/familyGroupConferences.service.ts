import { randomUUID } from "node:crypto";
import {
  followUpView,
  invalid,
  StoredNetworkAgreements,
  notFound,
  OPEN_PHASES,
  staleVersion,
  todayInNetherlands,
  validateFamilyGroupConference,
  type FamilyGroupConference,
  type FamilyGroupConferenceUpdate,
  type FgcStatus,
  type NewFamilyGroupConference,
} from "@ploegwerk/domain";
import { z } from "zod";
import { audit } from "../../audit/audit.ts";
import type { Actor } from "../../authz/actor.ts";
import type { Db } from "../../db/database.ts";
import { listMembers, listNetwork } from "../families/families.queries.ts";
import { loadTrajectoryForRecord, type VisibleTrajectory } from "../trajectories/trajectories.records.ts";
import { loadVisibleTrajectory } from "../trajectories/trajectories.service.ts";
import { findFgcRow, insertFgc, listFgcRows, updateFgc, type FgcRow, type FgcValues } from "./familyGroupConferences.queries.ts";

const FGC = { nl: "Eigen Kracht-conferentie", en: "Family group conference" };
const WRITE = { phases: OPEN_PHASES, what: FGC };

/** Names of the family's members and network, by id, for the agreements' owners. */
async function familyPeople(db: Db, organisationId: string, familyId: string) {
  const [members, network] = await Promise.all([listMembers(db, organisationId, familyId), listNetwork(db, organisationId, familyId)]);
  return {
    members: new Map(members.map((m) => [m.id, `${m.givenName} ${m.surname}`])),
    network: new Map(network.map((p) => [p.id, p.name])),
  };
}
type People = Awaited<ReturnType<typeof familyPeople>>;

function present(row: FgcRow, people: People, today: string): FamilyGroupConference {
  const agreements = StoredNetworkAgreements.parse(row.agreements).map((a) => ({
    ...a,
    ownerName: (a.owner.kind === "member" ? people.members.get(a.owner.memberId) : people.network.get(a.owner.networkPersonId)) ?? null,
  }));
  const done = { fourWeeks: { on: row.followUp4wOn, note: row.followUp4wNote }, threeMonths: { on: row.followUp3mOn, note: row.followUp3mNote } };
  const heldOn = row.status === "held" ? row.heldOn : null;
  return {
    id: row.id,
    trajectoryId: row.trajectoryId,
    status: row.status as FgcStatus,
    statusReason: row.statusReason,
    coordinator: row.coordinator,
    heldOn: row.heldOn,
    agreements,
    followUps: heldOn === null ? null : { fourWeeks: followUpView(heldOn, "fourWeeks", done.fourWeeks, today), threeMonths: followUpView(heldOn, "threeMonths", done.threeMonths, today) },
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Checks the record against the family and today, and gives new agreements their ids. */
async function valuesFor(tx: Db, found: VisibleTrajectory, input: NewFamilyGroupConference, today: string): Promise<{ values: FgcValues; people: People }> {
  const people = await familyPeople(tx, found.trajectory.organisationId, found.trajectory.familyId);
  const errors = validateFamilyGroupConference(input, { today, memberIds: new Set(people.members.keys()), networkPersonIds: new Set(people.network.keys()) });
  if (errors.length > 0) throw invalid({ nl: "De Eigen Kracht-conferentie klopt niet; zie de velden.", en: "The family group conference is not valid; see the fields." }, errors);
  const { fourWeeks, threeMonths } = input.followUps;
  return {
    people,
    values: {
      status: input.status,
      statusReason: input.statusReason,
      coordinator: input.coordinator,
      heldOn: input.heldOn,
      agreements: input.agreements.map((a) => ({ id: a.id ?? randomUUID(), description: a.description, owner: a.owner, dueDate: a.dueDate })),
      followUp4wOn: fourWeeks.on,
      followUp4wNote: fourWeeks.note,
      followUp3mOn: threeMonths.on,
      followUp3mNote: threeMonths.note,
    },
  };
}

export async function listFamilyGroupConferences(db: Db, opts: { actor: Actor; trajectoryId: string; today?: string }): Promise<FamilyGroupConference[]> {
  const found = await loadVisibleTrajectory(db, opts.actor, opts.trajectoryId);
  const { organisationId, familyId, id } = found.trajectory;
  const [rows, people] = await Promise.all([listFgcRows(db, organisationId, id), familyPeople(db, organisationId, familyId)]);
  const today = opts.today ?? todayInNetherlands();
  return rows.map((r) => present(r, people, today));
}

export async function getFamilyGroupConference(db: Db, opts: { actor: Actor; trajectoryId: string; conferenceId: string; today?: string }): Promise<FamilyGroupConference> {
  const found = await loadVisibleTrajectory(db, opts.actor, opts.trajectoryId);
  const { organisationId, familyId, id } = found.trajectory;
  const row = await findFgcRow(db, organisationId, id, opts.conferenceId);
  if (!row) throw notFound(FGC);
  return present(row, await familyPeople(db, organisationId, familyId), opts.today ?? todayInNetherlands());
}

export async function createFamilyGroupConference(db: Db, opts: { actor: Actor; trajectoryId: string; input: NewFamilyGroupConference; today?: string }): Promise<FamilyGroupConference> {
  const { actor, input } = opts;
  const today = opts.today ?? todayInNetherlands();
  return db.transaction(async (tx) => {
    const found = await loadTrajectoryForRecord(tx, actor, opts.trajectoryId, WRITE);
    const { values, people } = await valuesFor(tx, found, input, today);
    const row = await insertFgc(tx, actor.organisationId, found.trajectory.id, values);
    await audit(tx, actor, {
      action: "family_group_conference.created",
      entityType: "family_group_conference",
      entityId: row.id,
      familyId: found.trajectory.familyId,
      details: { trajectoryId: found.trajectory.id, status: input.status, agreements: values.agreements.length },
    });
    return present(row, people, today);
  });
}

/** Replaces the record with the edit if nobody saved in between (409 stale_version). */
export async function updateFamilyGroupConference(
  db: Db,
  opts: { actor: Actor; trajectoryId: string; conferenceId: string; input: FamilyGroupConferenceUpdate; today?: string },
): Promise<FamilyGroupConference> {
  const { actor, input } = opts;
  const today = opts.today ?? todayInNetherlands();
  return db.transaction(async (tx) => {
    const found = await loadTrajectoryForRecord(tx, actor, opts.trajectoryId, WRITE);
    const current = await findFgcRow(tx, actor.organisationId, found.trajectory.id, opts.conferenceId);
    if (!current) throw notFound(FGC);
    const { values, people } = await valuesFor(tx, found, input, today);
    const row = await updateFgc(tx, actor.organisationId, current.id, input.version, values);
    if (!row) throw staleVersion();
    await audit(tx, actor, {
      action: "family_group_conference.updated",
      entityType: "family_group_conference",
      entityId: row.id,
      familyId: found.trajectory.familyId,
      details: { trajectoryId: found.trajectory.id, fromStatus: current.status, status: input.status, agreements: values.agreements.length, fromVersion: input.version },
    });
    return present(row, people, today);
  });
}
