import { DomainError, Me, SecondFactorCode, TotpEnrolment } from "@ploegwerk/domain";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { Db } from "../../db/database.ts";
import { decodeCookie, resolveSession, SESSION_COOKIE, type SessionCookie } from "./auth.service.ts";
import { setSessionCookie, type AuthContext } from "./authContext.ts";
import { completeSecondFactor, startLoginEnrolment } from "./secondFactor.service.ts";

/**
 * The second log-in step. These routes take the session that waits for it (every other route
 * treats such a session as no session at all); without one they answer 401 before reading the body.
 */
export async function secondFactorRoutes(app: FastifyInstance, { db, auth }: { db: Db; auth: AuthContext }) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const deps = { db, policy: auth.policy, secrets: auth.secrets };

  function pendingCookie(req: FastifyRequest): SessionCookie {
    const cookie = decodeCookie(req.cookies[SESSION_COOKIE]);
    if (!cookie) throw new DomainError("unauthenticated", { nl: "U bent niet (meer) ingelogd. Log opnieuw in.", en: "You are not logged in (any more). Please log in again." });
    return cookie;
  }

  api.post(
    "/session/two-factor",
    {
      onRequest: async (req) => void pendingCookie(req),
      config: { public: true, rateLimit: { max: 20, timeWindow: "1 minute" } },
      schema: { tags: ["auth"], body: SecondFactorCode, response: { 200: Me } },
    },
    async (req, reply) => {
      const opened = await completeSecondFactor(deps, pendingCookie(req), req.body.code, req.headers["user-agent"]);
      setSessionCookie(auth, req, reply, opened.cookie, opened.expiresAt);
      const session = await resolveSession(db, opened.cookie, auth.policy);
      if (!session) throw new Error("session vanished right after the second factor");
      return session.me;
    },
  );

  api.post(
    "/session/two-factor/enrolment",
    {
      onRequest: async (req) => void pendingCookie(req),
      config: { public: true, rateLimit: { max: 10, timeWindow: "1 minute" } },
      schema: { tags: ["auth"], response: { 201: TotpEnrolment } },
    },
    async (req, reply) => reply.status(201).send(await startLoginEnrolment(deps, pendingCookie(req))),
  );
}
