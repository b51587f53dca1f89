import { eq, sql } from "drizzle-orm";
import { audit } from "../../audit/audit.ts";
import { systemActor } from "../../authz/actor.ts";
import type { Db } from "../../db/database.ts";
import { organisations, teams } from "../../db/schema.ts";
import { ensureBuiltinInstruments } from "../instruments/instruments.queries.ts";

export function slugify(name: string): string {
  return (
    name
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "")
      .slice(0, 60) || "organisatie"
  );
}

export interface CreatedOrganisation {
  organisationId: string;
  name: string;
  slug: string;
}

/** A new tenant with the shipped instruments; the slug gets a suffix when the name is taken. */
export async function createOrganisation(db: Db, opts: { name: string; slug?: string }): Promise<CreatedOrganisation> {
  return db.transaction(async (tx) => {
    const base = opts.slug ?? slugify(opts.name);
    const taken = await tx
      .select({ slug: organisations.slug })
      .from(organisations)
      .where(sql`${organisations.slug} = ${base} or ${organisations.slug} like ${`${base}-%`}`);
    const used = new Set(taken.map((t) => t.slug));
    let slug = base;
    for (let i = 2; used.has(slug); i++) slug = `${base}-${i}`;
    const [org] = await tx.insert(organisations).values({ name: opts.name, slug }).returning();
    if (!org) throw new Error("organisation insert returned nothing");
    await ensureBuiltinInstruments(tx, org.organisationId);
    await audit(tx, systemActor(org.organisationId, "setup"), { action: "organisation.created", entityType: "organisation", entityId: org.organisationId, details: { name: opts.name, slug } });
    return { organisationId: org.organisationId, name: org.name, slug: org.slug };
  });
}

export async function countOrganisations(db: Db): Promise<number> {
  const rows = await db.select({ n: sql<number>`count(*)::int` }).from(organisations);
  return rows[0]?.n ?? 0;
}

export async function findOrganisationBySlug(db: Db, slug: string) {
  const rows = await db.select().from(organisations).where(eq(organisations.slug, slug)).limit(1);
  return rows[0] ?? null;
}

export async function firstOrganisation(db: Db) {
  const rows = await db.select().from(organisations).orderBy(organisations.createdAt).limit(1);
  return rows[0] ?? null;
}

export async function createTeamRow(db: Db, organisationId: string, name: string, district: string | null = null) {
  const [team] = await db.insert(teams).values({ organisationId, name, district }).returning();
  if (!team) throw new Error("team insert returned nothing");
  return team;
}
