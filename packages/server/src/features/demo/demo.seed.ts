import type { User } from "@ploegwerk/domain";
import { systemActor } from "../../authz/actor.ts";
import type { Db } from "../../db/database.ts";
import { createOrganisation, createTeamRow } from "../organisations/organisations.service.ts";
import { createUser } from "../users/users.service.ts";
import { generateFamilies } from "./generate.ts";
import { findInstrument } from "../instruments/instruments.queries.ts";
import { insertGeneratedFamilies } from "./seed.queries.ts";
import { seedDemoTrajectories } from "./demoTrajectories.ts";

/** Shared by every demo account; the demo is for trying the product, never for real data. */
export const DEMO_PASSWORD = "demo-wachtwoord";

export interface DemoLogin {
  email: string;
  role: string;
  name: string;
}

/** The clearly fictional demo organisation: one team, three coaches, 24 families in every phase of the trajectory. */
export async function seedDemo(db: Db): Promise<DemoLogin[]> {
  const org = await createOrganisation(db, { name: "Gemeente Voorbeeldstad (demo)", slug: "demo" });
  const actor = systemActor(org.organisationId, "demo-seed");
  const team = await createTeamRow(db, org.organisationId, "Team De Ploeg (demo)", "Noord");
  const people = [
    { name: "Bea Beheer", email: "beheerder@demo.ploegwerk.nl", role: "beheerder" as const, teamId: null },
    { name: "Tom Teamleider", email: "teamleider@demo.ploegwerk.nl", role: "teamleider" as const, teamId: team.id },
    { name: "Carla Coach", email: "coach1@demo.ploegwerk.nl", role: "coach" as const, teamId: team.id },
    { name: "Cas Coach", email: "coach2@demo.ploegwerk.nl", role: "coach" as const, teamId: team.id },
    { name: "Chantal Coach", email: "coach3@demo.ploegwerk.nl", role: "coach" as const, teamId: team.id },
    { name: "Gijs Gedragswetenschapper", email: "ondersteuning@demo.ploegwerk.nl", role: "ondersteuning" as const, teamId: team.id },
  ];
  const created: User[] = [];
  for (const p of people) created.push(await createUser(db, { actor, input: { ...p, password: DEMO_PASSWORD } }));
  const coachIds = created.filter((u) => u.role === "coach").map((u) => u.id);
  const instrument = await findInstrument(db, org.organisationId, "ploeg-9");
  if (!instrument) throw new Error("the demo organisation has no ploeg-9 instrument");
  await db.transaction(async (tx) => {
    await insertGeneratedFamilies(tx, {
      actor,
      teamIds: [team.id],
      coachIdsByTeam: new Map([[team.id, coachIds]]),
      // 20 families with a nulmeting and a 1-meting, and 4 new ones (aanmelding, informatiefase) without.
      families: generateFamilies(24, { prefix: "DEMO" }).map((f, i) => (i < 20 ? f : { ...f, measurements: [] })),
      instrument,
    });
  });
  const asActor = (u: (typeof created)[number]) => ({ kind: "user" as const, organisationId: org.organisationId, userId: u.id, name: u.name, role: u.role, teamId: u.teamId });
  const lead = created.find((u) => u.role === "teamleider");
  if (!lead) throw new Error("the demo team has no team lead");
  await seedDemoTrajectories(db, { coaches: created.filter((u) => u.role === "coach").map(asActor), lead: asActor(lead) });
  return people.map((p) => ({ email: p.email, role: p.role, name: p.name }));
}
