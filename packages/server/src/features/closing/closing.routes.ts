import { AftercareCheckin, AftercareCheckinList, ClosingRecord, Id, NewAftercareCheckin, SaveAftercarePlan, SaveStabilityCheck } from "@ploegwerk/domain";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Db } from "../../db/database.ts";
import { requireActor } from "../../http/context.ts";
import { listAftercareCheckins, recordAftercareCheckin } from "./aftercareCheckins.service.ts";
import { getClosing, saveAftercarePlan, saveStabilityCheck } from "./closing.service.ts";

const TrajectoryRef = z.object({ trajectoryId: Id });

/** Afronding and nazorg: the stabilisatiecheck, the nazorgplan and the nazorg check-ins. */
export async function closingRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["closing and aftercare"];
  const closing = "/trajectories/:trajectoryId/closing";
  const checkins = "/trajectories/:trajectoryId/aftercare-checkins";

  api.get(closing, { schema: { tags, params: TrajectoryRef, response: { 200: ClosingRecord } } }, async (req) =>
    getClosing(db, { actor: requireActor(req), trajectoryId: req.params.trajectoryId }),
  );
  api.put(`${closing}/stability-check`, { schema: { tags, params: TrajectoryRef, body: SaveStabilityCheck, response: { 200: ClosingRecord } } }, async (req) =>
    saveStabilityCheck(db, { actor: requireActor(req), trajectoryId: req.params.trajectoryId, input: req.body }),
  );
  api.put(`${closing}/aftercare-plan`, { schema: { tags, params: TrajectoryRef, body: SaveAftercarePlan, response: { 200: ClosingRecord } } }, async (req) =>
    saveAftercarePlan(db, { actor: requireActor(req), trajectoryId: req.params.trajectoryId, input: req.body }),
  );
  api.get(checkins, { schema: { tags, params: TrajectoryRef, response: { 200: AftercareCheckinList } } }, async (req) =>
    listAftercareCheckins(db, { actor: requireActor(req), trajectoryId: req.params.trajectoryId }),
  );
  api.post(checkins, { schema: { tags, params: TrajectoryRef, body: NewAftercareCheckin, response: { 201: AftercareCheckin } } }, async (req, reply) =>
    reply.status(201).send(await recordAftercareCheckin(db, { actor: requireActor(req), trajectoryId: req.params.trajectoryId, input: req.body })),
  );
}
