import { Id, NewWeeklyReport, WeeklyReport, WeeklyReportList, WeeklyReportUpdate } from "@ploegwerk/domain";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Db } from "../../db/database.ts";
import { requireActor } from "../../http/context.ts";
import { createWeeklyReport, listWeeklyReports, updateWeeklyReport } from "./weeklyReports.service.ts";

const TrajectoryRef = z.object({ trajectoryId: Id });
const ReportRef = TrajectoryRef.extend({ reportId: Id });

export async function weeklyReportRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["weekly reports"];
  const url = "/trajectories/:trajectoryId/weekly-reports";

  api.get(url, { schema: { tags, params: TrajectoryRef, response: { 200: WeeklyReportList } } }, async (req) =>
    listWeeklyReports(db, { actor: requireActor(req), trajectoryId: req.params.trajectoryId }),
  );
  api.post(url, { schema: { tags, params: TrajectoryRef, body: NewWeeklyReport, response: { 201: WeeklyReport } } }, async (req, reply) =>
    reply.status(201).send(await createWeeklyReport(db, { actor: requireActor(req), trajectoryId: req.params.trajectoryId, input: req.body })),
  );
  api.put(`${url}/:reportId`, { schema: { tags, params: ReportRef, body: WeeklyReportUpdate, response: { 200: WeeklyReport } } }, async (req) =>
    updateWeeklyReport(db, { actor: requireActor(req), trajectoryId: req.params.trajectoryId, reportId: req.params.reportId, input: req.body }),
  );
}
