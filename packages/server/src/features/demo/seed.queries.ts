import type { InstrumentDefinition } from "@ploegwerk/domain";
import { randomUUID } from "node:crypto";
import { actorLabel, type Actor } from "../../authz/actor.ts";
import { bulkInsert } from "../../db/arrays.ts";
import type { Db } from "../../db/database.ts";
import { scoreBulkColumns } from "../measurements/measurements.queries.ts";
import type { GeneratedFamily } from "./generate.ts";

/**
 * Inserts generated families in bulk inside the caller's transaction: the fast path for demo data
 * and benchmarks. Each family gets its family.created audit row like any other.
 */
export async function insertGeneratedFamilies(
  tx: Db,
  opts: { actor: Actor; teamIds: readonly string[]; coachIdsByTeam: ReadonlyMap<string, readonly string[]>; families: readonly GeneratedFamily[]; instrument: InstrumentDefinition },
): Promise<void> {
  const org = opts.actor.organisationId;
  const list = opts.families;
  const familyIds = list.map(() => randomUUID());
  const teamOf = (i: number) => opts.teamIds[i % opts.teamIds.length] as string;
  const coachOf = (i: number) => {
    const coaches = opts.coachIdsByTeam.get(teamOf(i)) ?? [];
    return coaches.length > 0 ? (coaches[i % coaches.length] as string) : null;
  };
  const orgs = (n: number) => new Array<string>(n).fill(org);

  await bulkInsert(tx, "families", {
    organisation_id: { type: "uuid", values: orgs(list.length) },
    id: { type: "uuid", values: familyIds },
    case_number: { type: "text", values: list.map((f) => f.caseNumber) },
    street: { type: "text", values: list.map((f) => f.street) },
    house_number: { type: "text", values: list.map((f) => f.houseNumber) },
    postcode: { type: "text", values: list.map((f) => f.postcode) },
    city: { type: "text", values: list.map((f) => f.city) },
    district: { type: "text", values: list.map((f) => f.district) },
    neighbourhood: { type: "text", values: list.map((f) => f.neighbourhood) },
    team_id: { type: "uuid", values: list.map((_, i) => teamOf(i)) },
    coach_id: { type: "uuid", values: list.map((_, i) => coachOf(i)) },
  });

  const members = list.flatMap((f, i) => f.members.map((m, position) => ({ ...m, familyId: familyIds[i] as string, position })));
  await bulkInsert(tx, "members", {
    organisation_id: { type: "uuid", values: orgs(members.length) },
    id: { type: "uuid", values: members.map(() => randomUUID()) },
    family_id: { type: "uuid", values: members.map((m) => m.familyId) },
    given_name: { type: "text", values: members.map((m) => m.givenName) },
    surname: { type: "text", values: members.map((m) => m.surname) },
    role: { type: "text", values: members.map((m) => m.role) },
    date_of_birth: { type: "date", values: members.map((m) => m.dateOfBirth) },
    position: { type: "int", values: members.map((m) => m.position) },
  });

  const network = list.flatMap((f, i) => f.network.map((p) => ({ ...p, familyId: familyIds[i] as string })));
  await bulkInsert(tx, "network_persons", {
    organisation_id: { type: "uuid", values: orgs(network.length) },
    id: { type: "uuid", values: network.map(() => randomUUID()) },
    family_id: { type: "uuid", values: network.map((p) => p.familyId) },
    name: { type: "text", values: network.map((p) => p.name) },
    relation: { type: "text", values: network.map((p) => p.relation) },
    contact: { type: "text", values: network.map((p) => p.contact) },
  });

  const metingen = list.flatMap((f, i) => f.measurements.map((m) => ({ ...m, familyId: familyIds[i] as string, id: randomUUID() })));
  await bulkInsert(tx, "measurements", {
    organisation_id: { type: "uuid", values: orgs(metingen.length) },
    id: { type: "uuid", values: metingen.map((m) => m.id) },
    family_id: { type: "uuid", values: metingen.map((m) => m.familyId) },
    instrument_key: { type: "text", values: metingen.map(() => opts.instrument.key) },
    instrument_version: { type: "int", values: metingen.map(() => opts.instrument.version) },
    round: { type: "smallint", values: metingen.map((m) => m.round) },
    measured_on: { type: "date", values: metingen.map((m) => m.measuredOn) },
    measured_by_name: { type: "text", values: metingen.map(() => "Demo-coach") },
    source: { type: "text", values: metingen.map(() => "interview") },
    ...scoreBulkColumns(
      opts.instrument,
      metingen.map((m) => Object.fromEntries(Object.entries(m.scores).map(([k, score]) => [k, { score, justification: m.justification[k] ?? null }]))),
    ),
  });


  await bulkInsert(tx, "audit_events", {
    organisation_id: { type: "uuid", values: orgs(list.length) },
    actor_label: { type: "text", values: list.map(() => actorLabel(opts.actor)) },
    action: { type: "text", values: list.map(() => "family.created") },
    entity_type: { type: "text", values: list.map(() => "family") },
    entity_id: { type: "text", values: familyIds },
    family_id: { type: "uuid", values: familyIds },
    details: { type: "jsonb", values: list.map((f) => JSON.stringify({ caseNumber: f.caseNumber, via: "seed" })) },
  });
}
