import {
  ConsentInput,
  CreateReferral,
  DecisionInput,
  EropafInput,
  ExtensionInput,
  FeedbackInput,
  Id,
  REFERRAL_CHECKS,
  ReferralCheckInput,
  Trajectory,
  TransitionInput,
} from "@ploegwerk/domain";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Db } from "../../db/database.ts";
import { requireActor } from "../../http/context.ts";
import {
  changePhase,
  createReferral,
  decideReferral,
  getTrajectory,
  listFamilyTrajectories,
  recordCheck,
  recordConsent,
  recordEropaf,
  recordExtension,
  recordFeedback,
} from "./trajectories.service.ts";

const TrajectoryRef = z.object({ trajectoryId: Id });

export async function trajectoryRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["trajectories"];
  const ok = { 200: Trajectory };

  api.post("/referrals", { schema: { tags, body: CreateReferral, response: { 201: Trajectory } } }, async (req, reply) =>
    reply.status(201).send(await createReferral(db, { actor: requireActor(req), input: req.body })),
  );
  api.get("/families/:familyId/trajectories", { schema: { tags, params: z.object({ familyId: Id }), response: { 200: z.object({ items: z.array(Trajectory) }) } } }, async (req) => ({
    items: await listFamilyTrajectories(db, { actor: requireActor(req), familyId: req.params.familyId }),
  }));
  api.get("/trajectories/:trajectoryId", { schema: { tags, params: TrajectoryRef, response: ok } }, async (req) =>
    getTrajectory(db, { actor: requireActor(req), trajectoryId: req.params.trajectoryId }),
  );
  api.put(
    "/trajectories/:trajectoryId/checks/:kind",
    { schema: { tags, params: TrajectoryRef.extend({ kind: z.enum(REFERRAL_CHECKS) }), body: ReferralCheckInput, response: ok } },
    async (req) => recordCheck(db, { actor: requireActor(req), trajectoryId: req.params.trajectoryId, kind: req.params.kind, input: req.body }),
  );
  api.post("/trajectories/:trajectoryId/decision", { schema: { tags, params: TrajectoryRef, body: DecisionInput, response: ok } }, async (req) =>
    decideReferral(db, { actor: requireActor(req), trajectoryId: req.params.trajectoryId, input: req.body }),
  );
  api.post("/trajectories/:trajectoryId/transitions", { schema: { tags, params: TrajectoryRef, body: TransitionInput, response: ok } }, async (req) =>
    changePhase(db, { actor: requireActor(req), trajectoryId: req.params.trajectoryId, input: req.body }),
  );
  api.post("/trajectories/:trajectoryId/feedback", { schema: { tags, params: TrajectoryRef, body: FeedbackInput, response: ok } }, async (req) =>
    recordFeedback(db, { actor: requireActor(req), trajectoryId: req.params.trajectoryId, input: req.body }),
  );
  api.put("/trajectories/:trajectoryId/consent", { schema: { tags, params: TrajectoryRef, body: ConsentInput, response: ok } }, async (req) =>
    recordConsent(db, { actor: requireActor(req), trajectoryId: req.params.trajectoryId, signedOn: req.body.signedOn }),
  );
  api.post("/trajectories/:trajectoryId/eropaf", { schema: { tags, params: TrajectoryRef, body: EropafInput, response: ok } }, async (req) =>
    recordEropaf(db, { actor: requireActor(req), trajectoryId: req.params.trajectoryId, input: req.body }),
  );
  api.post("/trajectories/:trajectoryId/extensions", { schema: { tags, params: TrajectoryRef, body: ExtensionInput, response: ok } }, async (req) =>
    recordExtension(db, { actor: requireActor(req), trajectoryId: req.params.trajectoryId, input: req.body }),
  );
}
