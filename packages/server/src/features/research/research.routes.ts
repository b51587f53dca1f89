import { Readable } from "node:stream";
import { codebookMarkdown, ResearchExportFilter, ResearchExportQuery, todayInNetherlands } from "@ploegwerk/domain";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { Db } from "../../db/database.ts";
import { requireActor } from "../../http/context.ts";
import { auditResearchExport, newExportKey, planCodebook, planResearchExport, researchCsvChunks } from "./research.service.ts";

const attachment = (name: string) => `attachment; filename="${name}"`;

export async function researchRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["research"];

  api.get(
    "/research/export.csv",
    {
      schema: {
        tags,
        querystring: ResearchExportQuery,
        description:
          "Onderzoeker only. Pseudonymised research file, streamed: one row per family per family-level meting of the instrument measured in [from, to], with every domain score, SR, level and problem-domain count. Pseudonyms come from a key made for this request only, so two downloads cannot be linked. The purpose is required and logged with the counts.",
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const { purpose, ...filter } = req.query;
      const key = newExportKey();
      const plan = await planResearchExport(db, { actor, filter, key });
      key.fill(0);
      // Logged before the first byte leaves (counts and purpose, no families).
      await auditResearchExport(db, actor, plan, { purpose, channel: "http" });
      return reply
        .type("text/csv; charset=utf-8")
        .header("content-disposition", attachment(`research-${todayInNetherlands()}.csv`))
        .header("cache-control", "no-store")
        .send(Readable.from(researchCsvChunks(db, plan)));
    },
  );

  api.get(
    "/research/codebook.md",
    { schema: { tags, querystring: ResearchExportFilter, description: "Onderzoeker only. The codebook of a research export with these filters, as Markdown: columns, leefgebieden and scale, SR formula, how dates were treated, filters and counts." } },
    async (req, reply) => {
      const plan = await planResearchExport(db, { actor: requireActor(req), filter: req.query, key: newExportKey() });
      return reply
        .type("text/markdown; charset=utf-8")
        .header("content-disposition", attachment(`codebook-${todayInNetherlands()}.md`))
        .send(codebookMarkdown(planCodebook(plan)));
    },
  );

  api.get(
    "/research/codebook.json",
    { schema: { tags, querystring: ResearchExportFilter, description: "Onderzoeker only. The same codebook, machine-readable." } },
    async (req, reply) => {
      const plan = await planResearchExport(db, { actor: requireActor(req), filter: req.query, key: newExportKey() });
      return reply
        .type("application/json; charset=utf-8")
        .header("content-disposition", attachment(`codebook-${todayInNetherlands()}.json`))
        .send(JSON.stringify(planCodebook(plan), null, 2));
    },
  );
}
