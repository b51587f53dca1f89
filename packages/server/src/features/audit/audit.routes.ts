import { Id } from "@ploegwerk/domain";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { authorize } from "../../authz/rules.ts";
import type { Db } from "../../db/database.ts";
import { requireActor } from "../../http/context.ts";
import { listAuditRows } from "./audit.queries.ts";

export async function auditRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    "/audit",
    { schema: { tags: ["audit"], querystring: z.object({ familyId: Id.optional(), page: z.coerce.number().int().min(1).default(1), pageSize: z.coerce.number().int().min(1).max(500).default(100) }) } },
    async (req) => {
      const actor = requireActor(req);
      authorize(actor, "audit.read");
      const rows = await listAuditRows(db, actor.organisationId, { familyId: req.query.familyId, limit: req.query.pageSize, offset: (req.query.page - 1) * req.query.pageSize });
      return {
        items: rows.map((r) => ({
          id: r.id,
          occurredAt: r.occurredAt.toISOString(),
          actor: r.actorLabel,
          actorUserId: r.actorUserId,
          action: r.action,
          entityType: r.entityType,
          entityId: r.entityId,
          familyId: r.familyId,
          details: r.details,
        })),
      };
    },
  );
}
