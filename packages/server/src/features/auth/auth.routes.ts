import { DomainError, FirstAdmin, Login, Me, SecondFactorRequired } from "@ploegwerk/domain";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Db } from "../../db/database.ts";
import { requireActor } from "../../http/context.ts";
import { decodeCookie, logOut, resolveSession, SESSION_COOKIE, type SessionCookie } from "./auth.service.ts";
import { setSessionCookie, type AuthContext } from "./authContext.ts";
import { logIn, type LoginOutcome } from "./login.service.ts";
import { needsSetup, setUpFirstAdmin } from "./setup.service.ts";

interface Deps {
  db: Db;
  auth: AuthContext;
  allowSetup: boolean;
}

export async function authRoutes(app: FastifyInstance, { db, auth, allowSetup }: Deps) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  async function meFor(cookie: SessionCookie) {
    const session = await resolveSession(db, cookie, auth.policy);
    if (!session) throw new Error("session vanished right after log-in");
    return session.me;
  }

  /** 200 with Me for a full session; 202 saying which second step comes when the password was only the first. */
  async function answer(req: FastifyRequest, reply: FastifyReply, outcome: LoginOutcome, okStatus: 200 | 201) {
    setSessionCookie(auth, req, reply, outcome.cookie, outcome.expiresAt);
    if (outcome.kind === "second_factor") return reply.status(202).send({ secondFactor: outcome.step });
    return reply.status(okStatus).send(await meFor(outcome.cookie));
  }

  api.get("/setup", { config: { public: true }, schema: { tags: ["auth"], response: { 200: z.object({ needsSetup: z.boolean() }) } } }, async () => ({
    needsSetup: allowSetup && (await needsSetup(db)),
  }));

  api.post(
    "/setup",
    { schema: { tags: ["auth"], body: FirstAdmin, response: { 201: Me, 202: SecondFactorRequired } }, config: { public: true, rateLimit: { max: 10, timeWindow: "1 minute" } } },
    async (req, reply) => {
      if (!allowSetup) throw new DomainError("forbidden", { nl: "Inrichten kan alleen op een lege productiedatabase.", en: "Set-up is only possible on an empty production database." });
      await setUpFirstAdmin(db, { input: req.body });
      const outcome = await logIn(db, { input: { email: req.body.email, password: req.body.password }, policy: auth.policy });
      return answer(req, reply, outcome, 201);
    },
  );

  api.post(
    "/session",
    // Guessing passwords is slowed per address; argon2id makes each guess expensive too, and the
    // lock-out (lockout.ts) stops a slow guesser spread over many addresses.
    {
      schema: { tags: ["auth"], body: Login, response: { 200: Me, 202: SecondFactorRequired } },
      config: { public: true, rateLimit: { max: 20, timeWindow: "1 minute" } },
    },
    async (req, reply) => answer(req, reply, await logIn(db, { input: req.body, policy: auth.policy, userAgent: req.headers["user-agent"] }), 200),
  );

  api.get("/session", { schema: { tags: ["auth"], response: { 200: Me } } }, async (req) => {
    requireActor(req);
    if (!req.me) throw new Error("actor without me");
    return req.me;
  });

  api.delete("/session", { config: { public: true }, schema: { tags: ["auth"] } }, async (req, reply) => {
    const cookie = decodeCookie(req.cookies[SESSION_COOKIE]);
    if (cookie) await logOut(db, cookie, req.actor);
    reply.clearCookie(SESSION_COOKIE, { path: "/" });
    return reply.status(204).send();
  });
}
