import { CovenantSignatory, CovenantSignatoryList, Escalation, EscalationList, EscalationQuery, EscalationResolution, Id, NewCovenantSignatory, NewEscalation } from "@ploegwerk/domain";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Db } from "../../db/database.ts";
import { requireActor } from "../../http/context.ts";
import { addSignatory, listSignatories, removeSignatory } from "./covenant.service.ts";
import { listTeamEscalations, listTrajectoryEscalations, raiseEscalation, resolveEscalation } from "./escalations.service.ts";

const TrajectoryRef = z.object({ trajectoryId: Id });

/** Mandaat and opschaling: the organisation's covenant signatories, and escalations per trajectory and per team. */
export async function escalationRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["covenant and escalations"];

  api.get("/covenant/signatories", { schema: { tags, response: { 200: CovenantSignatoryList } } }, async (req) => ({ items: await listSignatories(db, { actor: requireActor(req) }) }));
  api.post("/covenant/signatories", { schema: { tags, body: NewCovenantSignatory, response: { 201: CovenantSignatory } } }, async (req, reply) =>
    reply.status(201).send(await addSignatory(db, { actor: requireActor(req), input: req.body })),
  );
  api.delete("/covenant/signatories/:signatoryId", { schema: { tags, params: z.object({ signatoryId: Id }) } }, async (req, reply) => {
    await removeSignatory(db, { actor: requireActor(req), signatoryId: req.params.signatoryId });
    return reply.status(204).send();
  });

  api.get("/escalations", { schema: { tags, querystring: EscalationQuery, response: { 200: EscalationList } } }, async (req) => ({
    items: await listTeamEscalations(db, { actor: requireActor(req), status: req.query.status }),
  }));
  api.get("/trajectories/:trajectoryId/escalations", { schema: { tags, params: TrajectoryRef, response: { 200: EscalationList } } }, async (req) => ({
    items: await listTrajectoryEscalations(db, { actor: requireActor(req), trajectoryId: req.params.trajectoryId }),
  }));
  api.post("/trajectories/:trajectoryId/escalations", { schema: { tags, params: TrajectoryRef, body: NewEscalation, response: { 201: Escalation } } }, async (req, reply) =>
    reply.status(201).send(await raiseEscalation(db, { actor: requireActor(req), trajectoryId: req.params.trajectoryId, input: req.body })),
  );
  api.post(
    "/trajectories/:trajectoryId/escalations/:escalationId/resolution",
    { schema: { tags, params: TrajectoryRef.extend({ escalationId: Id }), body: EscalationResolution, response: { 200: Escalation } } },
    async (req) => resolveEscalation(db, { actor: requireActor(req), trajectoryId: req.params.trajectoryId, escalationId: req.params.escalationId, input: req.body }),
  );
}
