import { InstrumentDefinition } from "@ploegwerk/domain";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Db } from "../../db/database.ts";
import { requireActor } from "../../http/context.ts";
import { listLatestInstruments } from "./instruments.queries.ts";
import { getInstrument, importInstrument } from "./instruments.service.ts";

export async function instrumentRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["instruments"];

  api.get("/instruments", { schema: { tags, response: { 200: z.object({ items: z.array(InstrumentDefinition) }) } } }, async (req) => ({
    items: await listLatestInstruments(db, requireActor(req).organisationId),
  }));
  api.get(
    "/instruments/:key/versions/:version",
    { schema: { tags, params: z.object({ key: z.string().max(64), version: z.coerce.number().int().min(1) }), response: { 200: InstrumentDefinition } } },
    async (req) => getInstrument(db, { actor: requireActor(req), key: req.params.key, version: req.params.version }),
  );
  // The body is validated inside the use case so a bad definition gets field-level errors in its own words.
  api.post("/instruments", { schema: { tags, body: z.unknown(), response: { 201: InstrumentDefinition } } }, async (req, reply) =>
    reply.status(201).send(await importInstrument(db, { actor: requireActor(req), definition: req.body })),
  );
}
