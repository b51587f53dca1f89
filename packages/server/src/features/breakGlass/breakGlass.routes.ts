import { BreakGlassGrant, BreakGlassGrantList, Id, OpenBreakGlass, ReviewBreakGlass } from "@ploegwerk/domain";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Db } from "../../db/database.ts";
import { requireActor } from "../../http/context.ts";
import { listBreakGlass, openBreakGlass, reviewBreakGlass } from "./breakGlass.service.ts";

export async function breakGlassRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["break-the-glass"];
  api.post("/break-glass", { schema: { tags, body: OpenBreakGlass, response: { 201: BreakGlassGrant } } }, async (req, reply) =>
    reply.status(201).send(await openBreakGlass(db, { actor: requireActor(req), input: req.body })),
  );
  api.get(
    "/break-glass",
    { schema: { tags, querystring: z.object({ status: z.enum(["unreviewed", "all"]).default("unreviewed") }), response: { 200: BreakGlassGrantList } } },
    async (req) => ({ items: await listBreakGlass(db, { actor: requireActor(req), unreviewedOnly: req.query.status === "unreviewed" }) }),
  );
  api.post("/break-glass/:grantId/review", { schema: { tags, params: z.object({ grantId: Id }), body: ReviewBreakGlass, response: { 200: BreakGlassGrant } } }, async (req) =>
    reviewBreakGlass(db, { actor: requireActor(req), grantId: req.params.grantId, input: req.body }),
  );
}
