import { CaseloadOverview, CaseloadQuery } from "@ploegwerk/domain";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { Db } from "../../db/database.ts";
import { requireActor } from "../../http/context.ts";
import { caseloadOverview } from "./caseload.service.ts";

export async function caseloadRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get("/caseload", { schema: { tags: ["caseload"], querystring: CaseloadQuery, response: { 200: CaseloadOverview } } }, async (req) =>
    caseloadOverview(db, { actor: requireActor(req), teamId: req.query.teamId, coachId: req.query.coachId }),
  );
}
