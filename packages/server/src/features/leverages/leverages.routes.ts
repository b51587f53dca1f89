import { Id, Leverage, LeverageList, LeverageUpdate, NewLeverage } from "@ploegwerk/domain";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Db } from "../../db/database.ts";
import { requireActor } from "../../http/context.ts";
import { listLeverages, recordLeverage, updateLeverage } from "./leverages.service.ts";

const TrajectoryRef = z.object({ trajectoryId: Id });

/** The dwang en drang register of a trajectory. */
export async function leverageRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["leverages (dwang en drang)"];
  const url = "/trajectories/:trajectoryId/leverages";

  api.get(url, { schema: { tags, params: TrajectoryRef, response: { 200: LeverageList } } }, async (req) => ({
    items: await listLeverages(db, { actor: requireActor(req), trajectoryId: req.params.trajectoryId }),
  }));
  api.post(url, { schema: { tags, params: TrajectoryRef, body: NewLeverage, response: { 201: Leverage } } }, async (req, reply) =>
    reply.status(201).send(await recordLeverage(db, { actor: requireActor(req), trajectoryId: req.params.trajectoryId, input: req.body })),
  );
  api.put(`${url}/:leverageId`, { schema: { tags, params: TrajectoryRef.extend({ leverageId: Id }), body: LeverageUpdate, response: { 200: Leverage } } }, async (req) =>
    updateLeverage(db, { actor: requireActor(req), trajectoryId: req.params.trajectoryId, leverageId: req.params.leverageId, input: req.body }),
  );
}
