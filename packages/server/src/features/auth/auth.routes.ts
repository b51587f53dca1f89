import { DomainError, FirstAdmin, Login, Me } from "@ploegwerk/domain";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Config } from "../../config.ts";
import type { Db } from "../../db/database.ts";
import { requireActor } from "../../http/context.ts";
import { decodeCookie, encodeCookie, logIn, logOut, resolveSession, SESSION_COOKIE, type SessionCookie } from "./auth.service.ts";
import { needsSetup, setUpFirstAdmin } from "./setup.service.ts";

interface Deps {
  db: Db;
  config: Pick<Config, "PLOEGWERK_SECURE_COOKIES" | "PLOEGWERK_SESSION_HOURS">;
  allowSetup: boolean;
}

export async function authRoutes(app: FastifyInstance, { db, config, allowSetup }: Deps) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  function setCookie(req: FastifyRequest, reply: FastifyReply, cookie: SessionCookie, expiresAt: Date) {
    const secure = config.PLOEGWERK_SECURE_COOKIES === "true" || (config.PLOEGWERK_SECURE_COOKIES === "auto" && req.protocol === "https");
    reply.setCookie(SESSION_COOKIE, encodeCookie(cookie), { httpOnly: true, sameSite: "lax", secure, path: "/", expires: expiresAt });
  }

  async function meFor(cookie: SessionCookie) {
    const session = await resolveSession(db, cookie, config.PLOEGWERK_SESSION_HOURS);
    if (!session) throw new Error("session vanished right after log-in");
    return session.me;
  }

  api.get("/setup", { config: { public: true }, schema: { tags: ["auth"], response: { 200: z.object({ needsSetup: z.boolean() }) } } }, async () => ({
    needsSetup: allowSetup && (await needsSetup(db)),
  }));

  api.post(
    "/setup",
    { schema: { tags: ["auth"], body: FirstAdmin, response: { 201: Me } }, config: { public: true, rateLimit: { max: 10, timeWindow: "1 minute" } } },
    async (req, reply) => {
      if (!allowSetup) throw new DomainError("forbidden", { nl: "Inrichten kan alleen op een lege productiedatabase.", en: "Set-up is only possible on an empty production database." });
      await setUpFirstAdmin(db, { input: req.body });
      const { cookie, expiresAt } = await logIn(db, { input: { email: req.body.email, password: req.body.password }, sessionHours: config.PLOEGWERK_SESSION_HOURS });
      setCookie(req, reply, cookie, expiresAt);
      return reply.status(201).send(await meFor(cookie));
    },
  );

  api.post(
    "/session",
    // Guessing passwords is slowed per address; argon2id makes each guess expensive too.
    { schema: { tags: ["auth"], body: Login, response: { 200: Me } }, config: { public: true, rateLimit: { max: 20, timeWindow: "1 minute" } } },
    async (req, reply) => {
      const { cookie, expiresAt } = await logIn(db, { input: req.body, sessionHours: config.PLOEGWERK_SESSION_HOURS, userAgent: req.headers["user-agent"] });
      setCookie(req, reply, cookie, expiresAt);
      return meFor(cookie);
    },
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
