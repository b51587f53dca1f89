import type { FastifyInstance } from "fastify";
import type { Db } from "../../db/database.ts";
import { userSecurityRoutes } from "../users/userSecurity.routes.ts";
import { accountRoutes } from "./account.routes.ts";
import type { AuthContext } from "./authContext.ts";
import { oidcRoutes } from "./oidc.routes.ts";
import { secondFactorRoutes } from "./secondFactor.routes.ts";

/** The routes of the "Accounts" part, registered beside authRoutes in one call. */
export async function accountSecurityRoutes(app: FastifyInstance, deps: { db: Db; auth: AuthContext }) {
  await secondFactorRoutes(app, deps);
  await oidcRoutes(app, deps);
  await accountRoutes(app, deps);
  await userSecurityRoutes(app, { db: deps.db, now: deps.auth.policy.now });
}
