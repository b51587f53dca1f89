import { ActionProgressInput, ActionProgressRecorded, Id, SharedFamily, SharedFamilyList } from "@ploegwerk/domain";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Db } from "../../db/database.ts";
import { requireActor } from "../../http/context.ts";
import { getSharedFamily, listSharedFamilies, recordSharedActionProgress } from "./shared.service.ts";

const FamilyRef = z.object({ familyId: Id });

/** For ketenpartners: the families that shared with their organisation, and the actions they carry out. */
export async function sharedRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["shared with chain partners"];
  api.get("/shared/families", { schema: { tags, response: { 200: SharedFamilyList } } }, async (req) => ({
    items: await listSharedFamilies(db, { actor: requireActor(req) }),
  }));
  api.get("/shared/families/:familyId", { schema: { tags, params: FamilyRef, response: { 200: SharedFamily } } }, async (req) =>
    getSharedFamily(db, { actor: requireActor(req), familyId: req.params.familyId }),
  );
  api.post(
    "/shared/families/:familyId/actions/:actionId/progress",
    { schema: { tags, params: FamilyRef.extend({ actionId: Id }), body: ActionProgressInput, response: { 201: ActionProgressRecorded } } },
    async (req, reply) =>
      reply.status(201).send(await recordSharedActionProgress(db, { actor: requireActor(req), familyId: req.params.familyId, actionId: req.params.actionId, input: req.body })),
  );
}
