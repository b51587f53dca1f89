import { CancelMeeting, HoldMeeting, Id, Meeting, MeetingPatch, ScheduleMeeting } from "@ploegwerk/domain";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Db } from "../../db/database.ts";
import { requireActor } from "../../http/context.ts";
import { holdMeeting } from "./meetings.hold.ts";
import { cancelMeeting, getMeeting, listMeetings, scheduleMeeting, updateMeeting } from "./meetings.service.ts";

const TrajectoryRef = z.object({ trajectoryId: Id });
const MeetingRef = TrajectoryRef.extend({ meetingId: Id });

export async function meetingRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["meetings"];
  const base = "/trajectories/:trajectoryId/meetings";
  const one = `${base}/:meetingId`;
  const ok = { 200: Meeting };

  api.get(base, { schema: { tags, params: TrajectoryRef, response: { 200: z.object({ items: z.array(Meeting) }) } } }, async (req) => ({
    items: await listMeetings(db, { actor: requireActor(req), trajectoryId: req.params.trajectoryId }),
  }));
  api.post(base, { schema: { tags, params: TrajectoryRef, body: ScheduleMeeting, response: { 201: Meeting } } }, async (req, reply) =>
    reply.status(201).send(await scheduleMeeting(db, { actor: requireActor(req), trajectoryId: req.params.trajectoryId, input: req.body })),
  );
  api.get(one, { schema: { tags, params: MeetingRef, response: ok } }, async (req) =>
    getMeeting(db, { actor: requireActor(req), trajectoryId: req.params.trajectoryId, meetingId: req.params.meetingId }),
  );
  api.patch(one, { schema: { tags, params: MeetingRef, body: MeetingPatch, response: ok } }, async (req) =>
    updateMeeting(db, { actor: requireActor(req), trajectoryId: req.params.trajectoryId, meetingId: req.params.meetingId, patch: req.body }),
  );
  api.post(`${one}/hold`, { schema: { tags, params: MeetingRef, body: HoldMeeting, response: ok } }, async (req) =>
    holdMeeting(db, { actor: requireActor(req), trajectoryId: req.params.trajectoryId, meetingId: req.params.meetingId, input: req.body }),
  );
  api.post(`${one}/cancel`, { schema: { tags, params: MeetingRef, body: CancelMeeting, response: ok } }, async (req) =>
    cancelMeeting(db, { actor: requireActor(req), trajectoryId: req.params.trajectoryId, meetingId: req.params.meetingId, input: req.body }),
  );
}
