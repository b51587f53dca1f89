import type { User } from "@ploegwerk/domain";
import { systemActor, userActor } from "../../authz/actor.ts";
import type { Db } from "../../db/database.ts";
import { createOrganisation, createTeamRow } from "../organisations/organisations.service.ts";
import { writeSecuritySettings } from "../auth/accountSecurity.queries.ts";
import { createPartner } from "../partners/partners.service.ts";
import { createUser } from "../users/users.service.ts";
import { generateFamilies } from "./generate.ts";
import { findInstrument } from "../instruments/instruments.queries.ts";
import { insertGeneratedFamilies } from "./seed.queries.ts";
import { seedDemoTrajectories } from "./demoTrajectories.ts";
import { seedDemoCatalogue } from "./demoCatalogue.ts";

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
  // The demo logs in with a password alone, so trying the product needs no phone; a beheerder can
  // switch two-factor on under Gebruikers. Real organisations start with it required (setup.service.ts).
  await writeSecuritySettings(db, org.organisationId, { mfaRequiredRoles: [] });
  const actor = systemActor(org.organisationId, "demo-seed");
  const team = await createTeamRow(db, org.organisationId, "Team De Ploeg (demo)", "Noord");
  // Chain partners whose people log in as ketenpartner and see what families shared with them.
  const partners = {
    housing: (await createPartner(db, { actor, input: { name: "Woonstichting De Korf", kind: "woningcorporatie", contact: "050-0000000" } })).id,
    debt: (await createPartner(db, { actor, input: { name: "Schuldhulpverlening Voorbeeldstad", kind: "schuldhulp", contact: null } })).id,
  };
  const people = [
    { name: "Bea Beheer", email: "beheerder@demo.ploegwerk.nl", role: "beheerder" as const, teamId: null },
    { name: "Tom Teamleider", email: "teamleider@demo.ploegwerk.nl", role: "teamleider" as const, teamId: team.id },
    { name: "Carla Coach", email: "coach1@demo.ploegwerk.nl", role: "coach" as const, teamId: team.id },
    { name: "Cas Coach", email: "coach2@demo.ploegwerk.nl", role: "coach" as const, teamId: team.id },
    { name: "Chantal Coach", email: "coach3@demo.ploegwerk.nl", role: "coach" as const, teamId: team.id },
    { name: "Gijs Gedragswetenschapper", email: "ondersteuning@demo.ploegwerk.nl", role: "ondersteuning" as const, teamId: team.id },
    { name: "Mark Budget", email: "schuldhulp@demo.ploegwerk.nl", role: "ketenpartner" as const, teamId: null, partnerOrganisationId: partners.debt },
    { name: "Petra Verhuur", email: "woonstichting@demo.ploegwerk.nl", role: "ketenpartner" as const, teamId: null, partnerOrganisationId: partners.housing },
    { name: "Anouk Analist", email: "analist@demo.ploegwerk.nl", role: "analist" as const, teamId: null },
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
  const asActor = (u: (typeof created)[number]) => userActor(org.organisationId, u);
  const lead = created.find((u) => u.role === "teamleider");
  if (!lead) throw new Error("the demo team has no team lead");
  await seedDemoTrajectories(db, { coaches: created.filter((u) => u.role === "coach").map(asActor), lead: asActor(lead), partners });
  // After the plans: some of their actions name catalogue entries, so the entries show practice-based evidence.
  await seedDemoCatalogue(db, { actor, partners });
  return people.map((p) => ({ email: p.email, role: p.role, name: p.name }));
}
