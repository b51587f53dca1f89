import {
  ActionProgressInput,
  ActionProgressRecorded,
  Id,
  PlanDiffQuery,
  PlanDiffView,
  PlanOverview,
  PlanVersionDetail,
  SavePlanRequest,
  SignPlanRequest,
} from "@ploegwerk/domain";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Db } from "../../db/database.ts";
import { requireActor } from "../../http/context.ts";
import { recordActionProgress } from "./plans.progress.ts";
import { savePlanVersion } from "./plans.save.ts";
import { diffPlanVersions, getPlanOverview, getPlanVersion } from "./plans.service.ts";
import { signPlanVersion } from "./plans.sign.ts";

const TrajectoryRef = z.object({ trajectoryId: Id });
const VersionRef = TrajectoryRef.extend({ number: z.coerce.number().int().min(1) });

export async function planRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["plans"];
  const base = "/trajectories/:trajectoryId/plan";

  api.get(base, { schema: { tags, params: TrajectoryRef, response: { 200: PlanOverview } } }, async (req) =>
    getPlanOverview(db, { actor: requireActor(req), trajectoryId: req.params.trajectoryId }),
  );
  api.put(base, { schema: { tags, params: TrajectoryRef, body: SavePlanRequest, response: { 200: PlanVersionDetail, 201: PlanVersionDetail } } }, async (req, reply) => {
    const { created, plan } = await savePlanVersion(db, { actor: requireActor(req), trajectoryId: req.params.trajectoryId, input: req.body });
    return reply.status(created ? 201 : 200).send(plan);
  });
  api.get(`${base}/versions/:number`, { schema: { tags, params: VersionRef, response: { 200: PlanVersionDetail } } }, async (req) =>
    getPlanVersion(db, { actor: requireActor(req), trajectoryId: req.params.trajectoryId, number: req.params.number }),
  );
  api.post(`${base}/versions/:number/signature`, { schema: { tags, params: VersionRef, body: SignPlanRequest, response: { 200: PlanVersionDetail } } }, async (req) =>
    signPlanVersion(db, { actor: requireActor(req), trajectoryId: req.params.trajectoryId, number: req.params.number, input: req.body }),
  );
  api.get(`${base}/diff`, { schema: { tags, params: TrajectoryRef, querystring: PlanDiffQuery, response: { 200: PlanDiffView } } }, async (req) =>
    diffPlanVersions(db, { actor: requireActor(req), trajectoryId: req.params.trajectoryId, from: req.query.from, to: req.query.to }),
  );
  api.post(
    `${base}/actions/:actionId/progress`,
    { schema: { tags, params: TrajectoryRef.extend({ actionId: Id }), body: ActionProgressInput, response: { 201: ActionProgressRecorded } } },
    async (req, reply) =>
      reply.status(201).send(await recordActionProgress(db, { actor: requireActor(req), trajectoryId: req.params.trajectoryId, actionId: req.params.actionId, input: req.body })),
  );
}
