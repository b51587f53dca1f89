import { Id, SecuritySettings, SecuritySettingsInput, UserSecurity } from "@ploegwerk/domain";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Db } from "../../db/database.ts";
import { requireActor } from "../../http/context.ts";
import { listAccountSecurity, resetTwoFactor, revokeUserSessions, securitySettings, unlockAccount, updateSecuritySettings } from "./userSecurity.service.ts";

/** The beheerder's account security tools and the organisation's two-factor setting. */
export async function userSecurityRoutes(app: FastifyInstance, { db, now }: { db: Db; now: () => Date }) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["users"];
  const params = z.object({ userId: Id });

  api.get("/users/security", { schema: { tags, response: { 200: z.object({ items: z.array(UserSecurity) }) } } }, async (req) => ({
    items: await listAccountSecurity(db, { actor: requireActor(req), now: now() }),
  }));
  api.delete("/users/:userId/two-factor", { schema: { tags, params } }, async (req, reply) => {
    await resetTwoFactor(db, { actor: requireActor(req), userId: req.params.userId });
    return reply.status(204).send();
  });
  api.delete("/users/:userId/lock", { schema: { tags, params } }, async (req, reply) => {
    await unlockAccount(db, { actor: requireActor(req), userId: req.params.userId });
    return reply.status(204).send();
  });
  api.delete("/users/:userId/sessions", { schema: { tags, params } }, async (req, reply) => {
    await revokeUserSessions(db, { actor: requireActor(req), userId: req.params.userId });
    return reply.status(204).send();
  });

  api.get("/organisation/security", { schema: { tags, response: { 200: SecuritySettings } } }, async (req) => securitySettings(db, { actor: requireActor(req) }));
  api.put("/organisation/security", { schema: { tags, body: SecuritySettingsInput, response: { 200: SecuritySettings } } }, async (req) =>
    updateSecuritySettings(db, { actor: requireActor(req), input: req.body }),
  );
}
