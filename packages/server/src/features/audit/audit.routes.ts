import { AccessHistoryPage, AccessHistoryQuery, AuditEventPage, AuditSearch, Id } from "@ploegwerk/domain";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Db } from "../../db/database.ts";
import { requireActor } from "../../http/context.ts";
import { exportAuditCsv, familyAccessHistory, searchAudit } from "./audit.service.ts";

export async function auditRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["audit"];
  api.get("/audit", { schema: { tags, querystring: AuditSearch, response: { 200: AuditEventPage } } }, async (req) =>
    searchAudit(db, { actor: requireActor(req), query: req.query }),
  );
  api.get(
    "/audit/export.csv",
    { schema: { tags, description: "The search as CSV (at most 100,000 rows, newest first; X-Ploegwerk-Truncated: true when there were more).", querystring: AuditSearch } },
    async (req, reply) => {
      const { before: _before, pageSize: _pageSize, ...filters } = req.query;
      const out = await exportAuditCsv(db, { actor: requireActor(req), filters });
      const day = new Date().toISOString().slice(0, 10);
      return reply
        .type("text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="logboek-${day}.csv"`)
        .header("x-ploegwerk-truncated", String(out.truncated))
        .send(out.csv);
    },
  );
  api.get(
    "/families/:familyId/access-history",
    // Who opened the file is not in the file: looking at it is not a read of the family (readLog.hooks.ts).
    { config: { readLog: false }, schema: { tags, params: z.object({ familyId: Id }), querystring: AccessHistoryQuery, response: { 200: AccessHistoryPage } } },
    async (req) => familyAccessHistory(db, { actor: requireActor(req), familyId: req.params.familyId, before: req.query.before, pageSize: req.query.pageSize }),
  );
}
