import { Id, NewPartnerOrganisation, PartnerOrganisation, PartnerOrganisationList } from "@ploegwerk/domain";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Db } from "../../db/database.ts";
import { requireActor } from "../../http/context.ts";
import { createPartner, listPartners, updatePartner } from "./partners.service.ts";

/** The chain partner (ketenpartner) organisations the team works with. */
export async function partnerRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["partners (ketenpartners)"];
  api.get("/partner-organisations", { schema: { tags, response: { 200: PartnerOrganisationList } } }, async (req) => ({
    items: await listPartners(db, { actor: requireActor(req) }),
  }));
  api.post("/partner-organisations", { schema: { tags, body: NewPartnerOrganisation, response: { 201: PartnerOrganisation } } }, async (req, reply) =>
    reply.status(201).send(await createPartner(db, { actor: requireActor(req), input: req.body })),
  );
  api.put("/partner-organisations/:partnerId", { schema: { tags, params: z.object({ partnerId: Id }), body: NewPartnerOrganisation, response: { 200: PartnerOrganisation } } }, async (req) =>
    updatePartner(db, { actor: requireActor(req), partnerId: req.params.partnerId, input: req.body }),
  );
}
