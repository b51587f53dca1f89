import {
  Id,
  NewQuickReferral,
  QuickReferral,
  QuickReferralCounts,
  QuickReferralFeedbackInput,
  QuickReferralList,
  QuickReferralListQuery,
  QuickReferralStatistics,
  QuickReferralStatisticsQuery,
  QuickReferralToReferral,
  QuickReferralTransitionInput,
  Trajectory,
} from "@ploegwerk/domain";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Db } from "../../db/database.ts";
import { requireActor } from "../../http/context.ts";
import { makeReferralFromQuickReferral } from "./quickReferrals.referral.ts";
import { createQuickReferral, getQuickReferral, listQuickReferrals, moveQuickReferral, quickReferralCounts, recordQuickReferralFeedback } from "./quickReferrals.service.ts";
import { quickReferralStatisticsFor } from "./quickReferrals.statistics.ts";

const Ref = z.object({ quickReferralId: Id });

/** Snelle verwijzingen (Klantwijzer, Welzijn op Recept): refer, receive, follow, give feedback, count. */
export async function quickReferralRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["quick referrals (snelle verwijzingen)"];
  const base = "/quick-referrals";

  api.post(base, { schema: { tags, body: NewQuickReferral, response: { 201: QuickReferral } } }, async (req, reply) =>
    reply.status(201).send(await createQuickReferral(db, { actor: requireActor(req), input: req.body })),
  );
  api.get(base, { schema: { tags, querystring: QuickReferralListQuery, response: { 200: QuickReferralList } } }, async (req) =>
    listQuickReferrals(db, { actor: requireActor(req), query: req.query }),
  );
  api.get(`${base}/counts`, { schema: { tags, response: { 200: QuickReferralCounts } } }, async (req) => quickReferralCounts(db, { actor: requireActor(req) }));
  api.get(`${base}/statistics`, { schema: { tags, querystring: QuickReferralStatisticsQuery, response: { 200: QuickReferralStatistics } } }, async (req) =>
    quickReferralStatisticsFor(db, { actor: requireActor(req), query: req.query }),
  );
  api.get(`${base}/:quickReferralId`, { schema: { tags, params: Ref, response: { 200: QuickReferral } } }, async (req) =>
    getQuickReferral(db, { actor: requireActor(req), id: req.params.quickReferralId }),
  );
  api.post(`${base}/:quickReferralId/transitions`, { schema: { tags, params: Ref, body: QuickReferralTransitionInput, response: { 200: QuickReferral } } }, async (req) =>
    moveQuickReferral(db, { actor: requireActor(req), id: req.params.quickReferralId, input: req.body }),
  );
  api.post(`${base}/:quickReferralId/feedback`, { schema: { tags, params: Ref, body: QuickReferralFeedbackInput, response: { 200: QuickReferral } } }, async (req) =>
    recordQuickReferralFeedback(db, { actor: requireActor(req), id: req.params.quickReferralId, input: req.body }),
  );
  api.post(`${base}/:quickReferralId/referral`, { schema: { tags, params: Ref, body: QuickReferralToReferral, response: { 201: Trajectory } } }, async (req, reply) =>
    reply.status(201).send(await makeReferralFromQuickReferral(db, { actor: requireActor(req), id: req.params.quickReferralId, input: req.body })),
  );
}
