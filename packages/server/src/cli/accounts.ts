/**
 * `ploegwerk accounts unlock|reset-two-factor|log-out EMAIL [--organisation SLUG]`: the beheerder's
 * account tools from the command line, for when no beheerder can log in (the only beheerder lost
 * their phone, or locked themselves out). Audited as the system actor "cli".
 */
import { and, eq } from "drizzle-orm";
import { audit } from "../audit/audit.ts";
import { systemActor } from "../authz/actor.ts";
import type { Database } from "../db/database.ts";
import { organisations, users } from "../db/schema.ts";
import { clearFailedLogins, clearTotp, deleteSessionsOfUser } from "../features/auth/accountSecurity.queries.ts";
import { log } from "../runtime.ts";

const USE = "use: ploegwerk accounts unlock|reset-two-factor|log-out EMAIL [--organisation SLUG]";

export async function accountsCommand(database: Database, subject: string | undefined, email: string | undefined, slug: string | undefined): Promise<number> {
  if (!email || !["unlock", "reset-two-factor", "log-out"].includes(subject ?? "")) {
    log(`error: ${USE}`);
    return 2;
  }
  const found = await database.db
    .select({ organisationId: users.organisationId, userId: users.id, slug: organisations.slug })
    .from(users)
    .innerJoin(organisations, eq(organisations.organisationId, users.organisationId))
    .where(and(eq(users.email, email.trim().toLowerCase()), slug ? eq(organisations.slug, slug) : undefined));
  if (found.length !== 1) {
    log(found.length === 0 ? `error: no account with address ${email}${slug ? ` in '${slug}'` : ""}` : `error: ${email} has accounts in several organisations; choose one with --organisation (${found.map((f) => f.slug).join(", ")})`);
    return 2;
  }
  const [{ organisationId, userId } = { organisationId: "", userId: "" }] = found;
  const actor = systemActor(organisationId, "cli");
  await database.db.transaction(async (tx) => {
    if (subject === "unlock") {
      await clearFailedLogins(tx, organisationId, userId);
      await audit(tx, actor, { action: "user.unlocked", entityType: "user", entityId: userId });
    } else if (subject === "reset-two-factor") {
      await clearTotp(tx, organisationId, userId);
      const ended = await deleteSessionsOfUser(tx, organisationId, userId);
      await audit(tx, actor, { action: "user.two_factor_reset", entityType: "user", entityId: userId, details: { endedSessions: ended } });
    } else {
      const ended = await deleteSessionsOfUser(tx, organisationId, userId);
      await audit(tx, actor, { action: "sessions.revoked", entityType: "user", entityId: userId, details: { by: "cli", ended } });
    }
  });
  log(subject === "unlock" ? `Unlocked ${email}.` : subject === "reset-two-factor" ? `Two-factor of ${email} reset; they set it up again at the next log-in where it is required.` : `Every session of ${email} ended.`);
  return 0;
}
