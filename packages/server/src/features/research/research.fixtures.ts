/**
 * Families for the research-export tests with values that cannot occur by chance, so a scan of
 * every byte of the export finds them if anything of the family file leaked: names, BSN, address,
 * birth dates, case numbers, staff names and free text.
 */
import { NewMeasurement, type NewMeasurementInput } from "@ploegwerk/domain";
import type { Db } from "../../db/database.ts";
import { recordMeasurement } from "../measurements/measurements.service.ts";
import { createTestOrganisation, makeFamily, ploeg9, type TestOrganisation, type TestUser } from "../../testing/factories.ts";

export const SECRET = {
  caseNumbers: ["ONDZ-4711-GEHEIM", "ONDZ-0815-PRIVE", "ONDZ-2024-LAATST", "ONDZ-ANDERE-ORG"],
  givenNames: ["Zephyrine", "Bartholomeus", "Ilsabeth", "Wendelijn", "Korneeltje"],
  surnames: ["Quaggenbroek", "Vlinderveld", "Kwakkelsteijn", "Oosterbeekhuis"],
  bsns: ["582039174", "647251395", "815362742"],
  address: ["Klaproosstraatje", "77bis", "9999ZX", "9999 ZX", "Wolkenkoekoeksheim", "Zonnedauw", "Merelhof"],
  birthDates: ["1983-07-19", "2012-02-29", "2014-11-03", "1979-12-24", "2016-06-30"],
  network: ["Grasmusje", "06-98765432"],
  freeText: ["Schimmelvlek", "Tulpenbol", "Kruimeldief"],
  staff: ["Meetster Hazelnootje"],
} as const;

/** Birth dates as people also write them: 19-07-1983, 19/07/1983, 1983-07, 19830719. */
export function birthDateForms(date: string): string[] {
  const [y, m, d] = date.split("-");
  return [date, `${d}-${m}-${y}`, `${d}/${m}/${y}`, `${y}-${m}`, `${y}${m}${d}`];
}

const scores = ploeg9(2, 1, 2, 3, 3, 4, 3, 2, 5);
const better = ploeg9(3, 3, 3, 4, 3, 4, 4, 3, 5);

function meting(round: number, measuredOn: string, extra: Partial<NewMeasurementInput> = {}, s: Record<string, number> = scores): NewMeasurement {
  return NewMeasurement.parse({
    instrument: { key: "ploeg-9" },
    round,
    measuredOn,
    scores: Object.fromEntries(Object.entries(s).map(([k, v]) => [k, { score: v, justification: v <= 3 ? `${SECRET.freeText[2]} ${k}: ${SECRET.freeText[0]} in de badkamer` : null }])),
    ...extra,
  });
}

export interface ResearchWorld {
  org: TestOrganisation;
  other: TestOrganisation;
  coach: TestUser;
  /** Ids of the families and their metingen in the period 2024-01-01 … 2024-12-31. */
  families: { id: string; caseNumber: string; metingen: { round: number; measuredOn: string }[]; nulmetingOn: string | null; memberCount: number; childCount: number }[];
  internalIds: string[];
  period: { from: string; to: string };
}

export async function researchWorld(db: Db): Promise<ResearchWorld> {
  const org = await createTestOrganisation(db, "Onderzoeksgemeente");
  const other = await createTestOrganisation(db, "Anderegemeente");
  const coach = await org.user("coach");
  const otherCoach = await other.user("coach");
  const ids: string[] = [org.organisationId, org.teamId, org.otherTeamId, coach.id];
  const record = async (familyId: string, m: NewMeasurement, actor = coach.actor) => {
    const saved = await recordMeasurement(db, { actor, familyId, input: m });
    ids.push(saved.id);
  };

  // In the period: meting 0 and 1; meting 2 lies after it; a member's own meting never counts.
  const f1 = await makeFamily(db, coach.actor, {
    caseNumber: SECRET.caseNumbers[0],
    address: { street: SECRET.address[0], houseNumber: SECRET.address[1], postcode: SECRET.address[2], city: SECRET.address[4] },
    district: SECRET.address[5],
    neighbourhood: `Buurt ${SECRET.address[6]}`,
    coachId: coach.id,
    members: [
      { givenName: SECRET.givenNames[0], surname: SECRET.surnames[0], role: "parent", dateOfBirth: SECRET.birthDates[0], bsn: SECRET.bsns[0] },
      { givenName: SECRET.givenNames[1], surname: SECRET.surnames[1], role: "child", dateOfBirth: SECRET.birthDates[1], bsn: SECRET.bsns[1] },
      { givenName: SECRET.givenNames[2], surname: SECRET.surnames[2], role: "child", dateOfBirth: SECRET.birthDates[2] },
    ],
    network: [{ name: `Oma ${SECRET.network[0]}`, relation: "oma", contact: SECRET.network[1] }],
  });
  await record(f1.id, meting(0, "2024-03-04"));
  await record(f1.id, meting(1, "2024-09-17", { note: `Notitie ${SECRET.freeText[1]}`, measuredByName: SECRET.staff[0] }, better));
  await record(f1.id, meting(2, "2025-01-10"));
  await record(f1.id, meting(0, "2024-05-05", { memberId: f1.members[1]?.id ?? null }));

  // Its nulmeting lies before the period, its meting 1 on the first day of it.
  const f2 = await makeFamily(db, coach.actor, {
    caseNumber: SECRET.caseNumbers[1],
    members: [
      { givenName: SECRET.givenNames[3], surname: SECRET.surnames[3], role: "parent", dateOfBirth: SECRET.birthDates[3], bsn: SECRET.bsns[2] },
      { givenName: SECRET.givenNames[4], surname: SECRET.surnames[3], role: "child", dateOfBirth: SECRET.birthDates[4] },
    ],
  });
  await record(f2.id, meting(0, "2023-11-20"));
  await record(f2.id, meting(1, "2024-01-01", {}, better));

  // A meting on the last day of the period; its meting 1 has no date inside it, and a day before the period does not count.
  const f3 = await makeFamily(db, coach.actor, {
    caseNumber: SECRET.caseNumbers[2],
    members: [
      { givenName: SECRET.givenNames[4], surname: SECRET.surnames[1], role: "parent", dateOfBirth: SECRET.birthDates[0] },
      { givenName: SECRET.givenNames[2], surname: SECRET.surnames[1], role: "child", dateOfBirth: SECRET.birthDates[4] },
    ],
  });
  await record(f3.id, meting(1, "2024-12-31"));
  await record(f3.id, meting(0, "2023-12-31"));

  // Outside the period altogether, and another organisation's family inside it.
  const f4 = await makeFamily(db, coach.actor);
  await record(f4.id, meting(0, "2025-02-01"));
  const f5 = await makeFamily(db, otherCoach.actor, { caseNumber: SECRET.caseNumbers[3] });
  await record(f5.id, meting(0, "2024-06-06"), otherCoach.actor);

  for (const f of [f1, f2, f3, f4, f5]) ids.push(f.id, ...f.members.map((m) => m.id), ...f.network.map((n) => n.id));
  return {
    org,
    other,
    coach,
    families: [
      { id: f1.id, caseNumber: f1.caseNumber, metingen: [{ round: 0, measuredOn: "2024-03-04" }, { round: 1, measuredOn: "2024-09-17" }], nulmetingOn: "2024-03-04", memberCount: 3, childCount: 2 },
      { id: f2.id, caseNumber: f2.caseNumber, metingen: [{ round: 1, measuredOn: "2024-01-01" }], nulmetingOn: "2023-11-20", memberCount: 2, childCount: 1 },
      { id: f3.id, caseNumber: f3.caseNumber, metingen: [{ round: 1, measuredOn: "2024-12-31" }], nulmetingOn: "2023-12-31", memberCount: 2, childCount: 1 },
    ],
    internalIds: ids,
    period: { from: "2024-01-01", to: "2024-12-31" },
  };
}
