import { Id, NewTeam, NewUser, Role, Team, User, UserPatch } from "@ploegwerk/domain";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Db } from "../../db/database.ts";
import { requireActor } from "../../http/context.ts";
import { createTeam, createUser, listStaff, listTeams, listUsers, updateUser } from "./users.service.ts";

export async function userRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["users"];

  api.get("/users", { schema: { tags, response: { 200: z.object({ items: z.array(User) }) } } }, async (req) => ({
    items: await listUsers(db, { actor: requireActor(req) }),
  }));
  api.post("/users", { schema: { tags, body: NewUser, response: { 201: User } } }, async (req, reply) =>
    reply.status(201).send(await createUser(db, { actor: requireActor(req), input: req.body })),
  );
  api.patch("/users/:userId", { schema: { tags, params: z.object({ userId: Id }), body: UserPatch, response: { 200: User } } }, async (req) =>
    updateUser(db, { actor: requireActor(req), userId: req.params.userId, patch: req.body }),
  );
  api.get(
    "/staff",
    { schema: { tags, response: { 200: z.object({ items: z.array(z.object({ id: Id, name: z.string(), role: Role, teamId: Id.nullable() })) }) } } },
    async (req) => ({ items: await listStaff(db, { actor: requireActor(req) }) }),
  );
  api.get("/teams", { schema: { tags, response: { 200: z.object({ items: z.array(Team) }) } } }, async (req) => ({
    items: await listTeams(db, { actor: requireActor(req) }),
  }));
  api.post("/teams", { schema: { tags, body: NewTeam, response: { 201: Team } } }, async (req, reply) =>
    reply.status(201).send(await createTeam(db, { actor: requireActor(req), input: req.body })),
  );
}
