import {
  ArchiveIntervention,
  Id,
  ImportInterventions,
  Intervention,
  InterventionEvidence,
  InterventionImportSummary,
  InterventionPage,
  InterventionSearch,
  InterventionUpdate,
  NewIntervention,
} from "@ploegwerk/domain";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Db } from "../../db/database.ts";
import { requireActor } from "../../http/context.ts";
import { interventionEvidence } from "./interventions.evidence.ts";
import { archiveIntervention, createIntervention, getIntervention, listInterventions, updateIntervention } from "./interventions.service.ts";
import { exportInterventions, importInterventions } from "./interventions.transfer.ts";

const Ref = z.object({ interventionId: Id });

/** The "wat werkt" catalogue: search, entries, import/export, practice-based evidence. */
export async function interventionRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["catalogue (wat werkt)"];
  api.get(
    "/interventions",
    { schema: { tags, description: "Dutch full-text search (q, web-search syntax) with filters; ranked by relevance, then name. Offset pages with the total.", querystring: InterventionSearch, response: { 200: InterventionPage } } },
    async (req) => listInterventions(db, { actor: requireActor(req), query: req.query }),
  );
  api.post("/interventions", { schema: { tags, body: NewIntervention, response: { 201: Intervention } } }, async (req, reply) =>
    reply.status(201).send(await createIntervention(db, { actor: requireActor(req), input: req.body })),
  );
  for (const format of ["json", "csv"] as const) {
    api.get(
      `/interventions/export.${format}`,
      { schema: { tags, description: `The whole catalogue (archived entries too) in the exchange format, as ${format.toUpperCase()}; see docs/CATALOGUE.md.` } },
      async (req, reply) => {
        const body = await exportInterventions(db, { actor: requireActor(req), format });
        const day = new Date().toISOString().slice(0, 10);
        return reply
          .type(format === "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8")
          .header("content-disposition", `attachment; filename="wat-werkt-${day}.${format}"`)
          .send(body);
      },
    );
  }
  api.post(
    "/interventions/import",
    { schema: { tags, description: "All or nothing: every error with its line/entry and field, nothing stored on any error; entries matched on key.", body: ImportInterventions, response: { 200: InterventionImportSummary } } },
    async (req) => importInterventions(db, { actor: requireActor(req), format: req.body.format, content: req.body.content }),
  );
  api.get("/interventions/:interventionId", { schema: { tags, params: Ref, response: { 200: Intervention } } }, async (req) =>
    getIntervention(db, { actor: requireActor(req), id: req.params.interventionId }),
  );
  api.put("/interventions/:interventionId", { schema: { tags, params: Ref, body: InterventionUpdate, response: { 200: Intervention } } }, async (req) =>
    updateIntervention(db, { actor: requireActor(req), id: req.params.interventionId, input: req.body }),
  );
  api.post("/interventions/:interventionId/archive", { schema: { tags, params: Ref, body: ArchiveIntervention, response: { 200: Intervention } } }, async (req) =>
    archiveIntervention(db, { actor: requireActor(req), id: req.params.interventionId, version: req.body.version }),
  );
  api.get(
    "/interventions/:interventionId/evidence",
    { schema: { tags, description: "Practice-based evidence from the organisation's own families (aggregates; figures over fewer than 5 families hidden).", params: Ref, response: { 200: InterventionEvidence } } },
    async (req) => interventionEvidence(db, { actor: requireActor(req), id: req.params.interventionId }),
  );
}
