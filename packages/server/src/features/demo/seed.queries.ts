import { audit } from "../../audit/audit.ts";
import type { Actor } from "../../authz/actor.ts";
import type { Db } from "../../db/database.ts";
import { families, measurements, members, networkPersons } from "../../db/schema.ts";
import { insertScoreRows } from "../measurements/measurements.queries.ts";
import type { GeneratedFamily } from "./generate.ts";

const BATCH = 500;

/**
 * Inserts generated families in batches inside the caller's transaction: the fast path for demo
 * data and benchmarks. Each family gets its family.created audit row like any other.
 */
export async function insertGeneratedFamilies(
  tx: Db,
  opts: { actor: Actor; teamIds: readonly string[]; coachIdsByTeam: ReadonlyMap<string, readonly string[]>; families: readonly GeneratedFamily[]; instrumentVersion: number },
): Promise<void> {
  const organisationId = opts.actor.organisationId;
  for (let start = 0; start < opts.families.length; start += BATCH) {
    const slice = opts.families.slice(start, start + BATCH);
    const familyRows = await tx
      .insert(families)
      .values(
        slice.map((f, i) => {
          const teamId = opts.teamIds[(start + i) % opts.teamIds.length] as string;
          const coaches = opts.coachIdsByTeam.get(teamId) ?? [];
          return {
            organisationId,
            caseNumber: f.caseNumber,
            street: f.street,
            houseNumber: f.houseNumber,
            postcode: f.postcode,
            city: f.city,
            district: f.district,
            neighbourhood: f.neighbourhood,
            teamId,
            coachId: coaches.length > 0 ? (coaches[(start + i) % coaches.length] as string) : null,
          };
        }),
      )
      .returning({ id: families.id });
    const memberValues = slice.flatMap((f, i) => f.members.map((m, position) => ({ organisationId, familyId: familyRows[i]?.id as string, ...m, bsn: null, position })));
    if (memberValues.length > 0) await tx.insert(members).values(memberValues);
    const networkValues = slice.flatMap((f, i) => f.network.map((p) => ({ organisationId, familyId: familyRows[i]?.id as string, ...p })));
    if (networkValues.length > 0) await tx.insert(networkPersons).values(networkValues);
    const measurementRows = await tx
      .insert(measurements)
      .values(
        slice.flatMap((f, i) =>
          f.measurements.map((m) => ({
            organisationId,
            familyId: familyRows[i]?.id as string,
            instrumentKey: "ploeg-9",
            instrumentVersion: opts.instrumentVersion,
            round: m.round,
            measuredOn: m.measuredOn,
            measuredByName: "Demo-coach",
            source: "interview",
          })),
        ),
      )
      .returning({ id: measurements.id });
    const flatMeasurements = slice.flatMap((f) => f.measurements);
    await insertScoreRows(
      tx,
      organisationId,
      flatMeasurements.flatMap((m, j) =>
        Object.entries(m.scores).map(([domainKey, score]) => ({ measurementId: measurementRows[j]?.id as string, domainKey, score, justification: m.justification[domainKey] ?? null })),
      ),
    );
    for (const [i, row] of familyRows.entries()) {
      await audit(tx, opts.actor, { action: "family.created", entityType: "family", entityId: row.id, familyId: row.id, details: { caseNumber: slice[i]?.caseNumber, via: "seed" } });
    }
  }
}
