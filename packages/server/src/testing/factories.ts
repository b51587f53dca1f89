import { randomUUID } from "node:crypto";
import type { NewFamilyInput, NewMeasurementInput, PartnerKind, Role } from "@ploegwerk/domain";
import { NewFamily, NewMeasurement } from "@ploegwerk/domain";
import { systemActor, userActor, type Actor } from "../authz/actor.ts";
import type { Db } from "../db/database.ts";
import { partnerOrganisations, users, userTeams } from "../db/schema.ts";
import { writeSecuritySettings } from "../features/auth/accountSecurity.queries.ts";
import { hashPassword } from "../features/auth/passwords.ts";
import { createFamily } from "../features/families/families.service.ts";
import { recordMeasurement } from "../features/measurements/measurements.service.ts";
import { createOrganisation, createTeamRow } from "../features/organisations/organisations.service.ts";

export const TEST_PASSWORD = "correct horse battery staple";
let passwordHash: Promise<string> | undefined;

export interface TestUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  teamId: string | null;
  actor: Actor;
}

export interface TestOrganisation {
  organisationId: string;
  slug: string;
  system: Actor;
  teamId: string;
  otherTeamId: string;
  /** Creates a user with TEST_PASSWORD; the e-mail is unique across test runs. */
  user(role: Role, options?: { team?: "own" | "other" | "none"; active?: boolean; partnerOrganisationId?: string; leadsTeamIds?: string[] }): Promise<TestUser>;
  /** A chain partner organisation of this tenant. */
  partner(name?: string, kind?: PartnerKind): Promise<{ id: string; name: string }>;
}

export interface TestOrganisationOptions {
  /**
   * Roles that must log in with two-factor. None by default, so tests log in with a password
   * alone; a real organisation starts with the dossier roles (see setup.service.ts).
   */
  mfaRequiredRoles?: readonly Role[];
}

/** A fresh tenant with two teams: every test gets its own, so tests never see each other's rows. */
export async function createTestOrganisation(db: Db, name = "Testgemeente", options: TestOrganisationOptions = {}): Promise<TestOrganisation> {
  const org = await createOrganisation(db, { name: `${name} ${randomUUID().slice(0, 8)}` });
  await writeSecuritySettings(db, org.organisationId, { mfaRequiredRoles: [...(options.mfaRequiredRoles ?? [])] });
  const team = await createTeamRow(db, org.organisationId, "Team Noord");
  const other = await createTeamRow(db, org.organisationId, "Team Zuid");
  const system = systemActor(org.organisationId, "test");
  return {
    organisationId: org.organisationId,
    slug: org.slug,
    system,
    teamId: team.id,
    otherTeamId: other.id,
    async user(role, options = {}) {
      passwordHash ??= hashPassword(TEST_PASSWORD);
      const teamChoice = options.team ?? (["coach", "teamleider", "ondersteuning"].includes(role) ? "own" : "none");
      const teamId = teamChoice === "own" ? team.id : teamChoice === "other" ? other.id : null;
      const email = `${role}-${randomUUID().slice(0, 8)}@test.ploegwerk.nl`;
      const name = `Test ${role}`;
      const [row] = await db
        .insert(users)
        .values({ organisationId: org.organisationId, email, name, role, teamId, partnerOrganisationId: options.partnerOrganisationId ?? null, passwordHash: await passwordHash, active: options.active ?? true })
        .returning({ id: users.id });
      if (!row) throw new Error("user insert returned nothing");
      const leadsTeamIds = options.leadsTeamIds ?? [];
      if (leadsTeamIds.length > 0) await db.insert(userTeams).values(leadsTeamIds.map((t) => ({ organisationId: org.organisationId, userId: row.id, teamId: t })));
      return { id: row.id, email, name, role, teamId, actor: userActor(org.organisationId, { id: row.id, name, role, teamId, leadsTeamIds, partnerOrganisationId: options.partnerOrganisationId ?? null }) };
    },
    async partner(name = `Ketenpartner ${randomUUID().slice(0, 6)}`, kind: PartnerKind = "schuldhulp") {
      const [row] = await db.insert(partnerOrganisations).values({ organisationId: org.organisationId, name, kind }).returning({ id: partnerOrganisations.id });
      if (!row) throw new Error("partner insert returned nothing");
      return { id: row.id, name };
    },
  };
}

let caseCounter = 0;
export function uniqueCaseNumber(prefix = "T"): string {
  caseCounter += 1;
  return `${prefix}-${Date.now().toString(36)}-${caseCounter}`;
}

export function familyInput(overrides: Partial<NewFamilyInput> = {}): NewFamily {
  return NewFamily.parse({
    caseNumber: uniqueCaseNumber(),
    district: "Noord",
    members: [
      { givenName: "Sanne", surname: "de Voorbeeld", role: "parent", dateOfBirth: "1988-04-12" },
      { givenName: "Noah", surname: "Testerink", role: "child", dateOfBirth: "2015-09-01" },
    ],
    network: [{ name: "Oma Jansen", relation: "oma", contact: "06-00000000" }],
    ...overrides,
  });
}

export async function makeFamily(db: Db, actor: Actor, overrides: Partial<NewFamilyInput> = {}) {
  return (await createFamily(db, { actor, input: familyInput(overrides) })).family;
}

/** A ploeg-9 measurement; scores at or under 3 get a justification automatically. */
export function measurementInput(round: number, scores: Record<string, number>, overrides: Partial<NewMeasurementInput> = {}): NewMeasurement {
  return NewMeasurement.parse({
    instrument: { key: "ploeg-9" },
    round,
    measuredOn: "2026-01-15",
    scores: Object.fromEntries(Object.entries(scores).map(([k, s]) => [k, { score: s, justification: s <= 3 ? `Toelichting bij ${k}` : null }])),
    ...overrides,
  });
}

export async function makeMeasurement(db: Db, actor: Actor, familyId: string, round: number, scores: Record<string, number>) {
  return recordMeasurement(db, { actor, familyId, input: measurementInput(round, scores) });
}

export const PLOEG9_KEYS = [
  "onderwijs_werk",
  "huisvesting",
  "inkomen",
  "opvoeding",
  "geestelijke_gezondheid",
  "lichamelijke_gezondheid",
  "sociaal_netwerk",
  "vrije_tijd",
  "justitiele_veiligheid",
] as const;

/** Nine scores in ploeg-9 order as a score map. */
export function ploeg9(...scores: number[]): Record<string, number> {
  if (scores.length !== 9) throw new Error(`ploeg9 needs 9 scores, got ${scores.length}`);
  return Object.fromEntries(PLOEG9_KEYS.map((k, i) => [k, scores[i] as number]));
}
