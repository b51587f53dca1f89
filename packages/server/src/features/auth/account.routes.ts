import { AccountStatus, PasswordChange, PasswordConfirmation, SecondFactorCode, TotpEnrolment } from "@ploegwerk/domain";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { Db } from "../../db/database.ts";
import { requireActor } from "../../http/context.ts";
import { accountStatus, changeOwnPassword, confirmAccountEnrolment, disableTwoFactor, logOutEverywhere, startAccountEnrolment } from "./account.service.ts";
import { decodeCookie, SESSION_COOKIE } from "./auth.service.ts";
import type { AuthContext } from "./authContext.ts";
import { hashToken } from "./sessionToken.ts";

/** "Mijn account": the own two-factor set-up, password and sessions. */
export async function accountRoutes(app: FastifyInstance, { db, auth }: { db: Db; auth: AuthContext }) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const deps = { db, policy: auth.policy, secrets: auth.secrets };
  const tags = ["account"];
  // Password and code checks on a logged-in session are slowed too: a borrowed screen is no guessing machine.
  const slow = { rateLimit: { max: 10, timeWindow: "1 minute" } };

  api.get("/account", { schema: { tags, response: { 200: AccountStatus } } }, async (req) => accountStatus(deps, requireActor(req)));

  api.post("/account/two-factor", { config: slow, schema: { tags, response: { 201: TotpEnrolment } } }, async (req, reply) =>
    reply.status(201).send(await startAccountEnrolment(deps, requireActor(req))),
  );
  api.put("/account/two-factor", { config: slow, schema: { tags, body: SecondFactorCode, response: { 200: AccountStatus } } }, async (req) =>
    confirmAccountEnrolment(deps, requireActor(req), req.body.code),
  );
  api.delete("/account/two-factor", { config: slow, schema: { tags, body: PasswordConfirmation } }, async (req, reply) => {
    await disableTwoFactor(deps, requireActor(req), req.body.password);
    return reply.status(204).send();
  });

  api.put("/account/password", { config: slow, schema: { tags, body: PasswordChange } }, async (req, reply) => {
    const cookie = decodeCookie(req.cookies[SESSION_COOKIE]);
    await changeOwnPassword(deps, requireActor(req), req.body, cookie ? hashToken(cookie.token) : "");
    return reply.status(204).send();
  });

  api.delete("/sessions", { schema: { tags } }, async (req, reply) => {
    await logOutEverywhere(deps, requireActor(req));
    reply.clearCookie(SESSION_COOKIE, { path: "/" });
    return reply.status(204).send();
  });
}
