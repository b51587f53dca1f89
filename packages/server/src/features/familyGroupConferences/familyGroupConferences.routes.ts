import { ConferenceAgreementsToPlan, FamilyGroupConference, FamilyGroupConferenceList, FamilyGroupConferenceUpdate, Id, NewFamilyGroupConference } from "@ploegwerk/domain";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Db } from "../../db/database.ts";
import { requireActor } from "../../http/context.ts";
import { addConferenceAgreementsToPlan } from "./familyGroupConferences.plan.ts";
import {
  createFamilyGroupConference,
  getFamilyGroupConference,
  listFamilyGroupConferences,
  updateFamilyGroupConference,
} from "./familyGroupConferences.service.ts";

const TrajectoryRef = z.object({ trajectoryId: Id });
const ConferenceRef = TrajectoryRef.extend({ conferenceId: Id });

export async function familyGroupConferenceRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["family group conferences"];
  const url = "/trajectories/:trajectoryId/family-group-conferences";

  api.get(url, { schema: { tags, params: TrajectoryRef, response: { 200: FamilyGroupConferenceList } } }, async (req) => ({
    items: await listFamilyGroupConferences(db, { actor: requireActor(req), trajectoryId: req.params.trajectoryId }),
  }));
  api.post(url, { schema: { tags, params: TrajectoryRef, body: NewFamilyGroupConference, response: { 201: FamilyGroupConference } } }, async (req, reply) =>
    reply.status(201).send(await createFamilyGroupConference(db, { actor: requireActor(req), trajectoryId: req.params.trajectoryId, input: req.body })),
  );
  api.get(`${url}/:conferenceId`, { schema: { tags, params: ConferenceRef, response: { 200: FamilyGroupConference } } }, async (req) =>
    getFamilyGroupConference(db, { actor: requireActor(req), trajectoryId: req.params.trajectoryId, conferenceId: req.params.conferenceId }),
  );
  api.put(`${url}/:conferenceId`, { schema: { tags, params: ConferenceRef, body: FamilyGroupConferenceUpdate, response: { 200: FamilyGroupConference } } }, async (req) =>
    updateFamilyGroupConference(db, { actor: requireActor(req), trajectoryId: req.params.trajectoryId, conferenceId: req.params.conferenceId, input: req.body }),
  );
  api.post(
    `${url}/:conferenceId/plan`,
    { schema: { tags, params: ConferenceRef, body: ConferenceAgreementsToPlan, response: { 200: z.object({ planVersion: z.number().int() }) } } },
    async (req) => addConferenceAgreementsToPlan(db, { actor: requireActor(req), trajectoryId: req.params.trajectoryId, conferenceId: req.params.conferenceId, input: req.body }),
  );
}
