import { consentStatus, todayInNetherlands, type ConsentCategory, type LegalBasis, type PartnerKind, type Role, type SharingOverview } from "@ploegwerk/domain";
import { and, eq, inArray, or, sql } from "drizzle-orm";
import type { Actor } from "../../authz/actor.ts";
import type { Db } from "../../db/database.ts";
import { userTeams, users } from "../../db/schema.ts";
import { listGrants } from "../breakGlass/breakGlass.queries.ts";
import { listPartnerRows } from "../partners/partners.queries.ts";
import { familyConsents } from "./consents.service.ts";

const TEAM_ROLES: readonly Role[] = ["coach", "teamleider", "ondersteuning"];

/** Active colleagues who work with a team's families: its members, and team leads who lead it. */
async function teamPeople(db: Db, organisationId: string, teamId: string) {
  const leads = db.select({ userId: userTeams.userId }).from(userTeams).where(and(eq(userTeams.organisationId, organisationId), eq(userTeams.teamId, teamId)));
  const rows = await db
    .select({ name: users.name, role: users.role })
    .from(users)
    .where(and(eq(users.organisationId, organisationId), eq(users.active, true), inArray(users.role, [...TEAM_ROLES]), or(eq(users.teamId, teamId), inArray(users.id, leads))))
    .orderBy(sql`${users.role}`, users.name);
  return rows.map((r) => ({ name: r.name, role: r.role as Role }));
}

/** Who can see this family's file and why, for the page "Wie kan wat zien". */
export async function sharingOverview(db: Db, opts: { actor: Actor; familyId: string; today?: string; now?: Date }): Promise<SharingOverview> {
  const today = opts.today ?? todayInNetherlands();
  const now = opts.now ?? new Date();
  // Finds the family in the actor's scope and applies consent.read, once.
  const { found, consents } = await familyConsents(db, { actor: opts.actor, familyId: opts.familyId, today });
  const org = opts.actor.organisationId;
  const partners = new Map((await listPartnerRows(db, org)).map((p) => [p.id, p]));
  const byPartner = new Map<string, SharingOverview["partners"][number]>();
  for (const c of consents.filter((x) => consentStatus(x, today) === "active")) {
    const p = partners.get(c.recipient.id);
    const entry = byPartner.get(c.recipient.id) ?? {
      partnerId: c.recipient.id,
      name: c.recipient.name,
      kind: (p?.kind ?? "other") as PartnerKind,
      categories: [] as ConsentCategory[],
      purposes: [] as string[],
      legalBases: [] as LegalBasis[],
      until: c.expiresOn,
      accounts: p?.userCount ?? 0,
    };
    entry.categories = [...new Set([...entry.categories, ...c.categories])].sort();
    entry.purposes = [...new Set([...entry.purposes, c.purpose])];
    entry.legalBases = [...new Set([...entry.legalBases, c.legalBasis])];
    entry.until = entry.until === null || c.expiresOn === null ? null : entry.until > c.expiresOn ? entry.until : c.expiresOn;
    byPartner.set(c.recipient.id, entry);
  }
  const grants = (await listGrants(db, org, { unreviewedOnly: false, familyId: opts.familyId })).filter((g) => g.grant.expiresAt > now);
  return {
    team: { name: found.teamName, people: await teamPeople(db, org, found.family.teamId) },
    partners: [...byPartner.values()].sort((a, b) => a.name.localeCompare(b.name)),
    breakGlass: grants.map((g) => ({ userName: g.userName, reason: g.grant.reason, grantedAt: g.grant.grantedAt.toISOString(), expiresAt: g.grant.expiresAt.toISOString() })),
  };
}
