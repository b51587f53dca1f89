import { DEFAULT_INSTRUMENT_KEY, Id } from "@ploegwerk/domain";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Db } from "../../db/database.ts";
import { requireActor } from "../../http/context.ts";
import { outcomeReport } from "./outcomes.service.ts";

export async function outcomeRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    "/outcomes",
    {
      schema: {
        tags: ["outcomes"],
        querystring: z.object({
          instrument: z.string().max(64).default(DEFAULT_INSTRUMENT_KEY),
          teamId: Id.optional(),
          /** Add the per-family list (research use); the dashboard needs aggregates only. */
          families: z.enum(["true", "false"]).default("false").transform((v) => v === "true"),
        }),
      },
    },
    async (req) =>
      outcomeReport(db, { actor: requireActor(req), instrumentKey: req.query.instrument, teamId: req.query.teamId, includeFamilies: req.query.families }),
  );
}
