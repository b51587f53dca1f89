import { Id } from "@ploegwerk/domain";
import type { FastifyInstance, FastifyReply } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Db } from "../../db/database.ts";
import { requireActor } from "../../http/context.ts";
import { handoverLetterPdf, planVersionPdf, type PdfFile } from "./documents.service.ts";

const TrajectoryRef = z.object({ trajectoryId: Id });
const VersionRef = TrajectoryRef.extend({ number: z.coerce.number().int().min(1).max(1_000_000) });

/** The OpenAPI description of a PDF answer; the bytes bypass the JSON serializer. */
const pdfResponse = (description: string) => ({ 200: { description, content: { "application/pdf": { schema: z.file() } } } });

function sendPdf(reply: FastifyReply, file: PdfFile) {
  return reply
    .type("application/pdf")
    .header("content-disposition", `inline; filename="${file.fileName}"`)
    // Personal data: no copies in shared caches or the browser's disk cache.
    .header("cache-control", "no-store")
    .send(file.bytes);
}

export async function documentRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["documents"];
  api.get(
    "/trajectories/:trajectoryId/handover-letter.pdf",
    { schema: { tags, summary: "The overdrachtsbrief (handover letter) as a PDF; 409 before a go decision", params: TrajectoryRef, response: pdfResponse("The handover letter as a PDF") } },
    async (req, reply) => sendPdf(reply, await handoverLetterPdf(db, { actor: requireActor(req), trajectoryId: req.params.trajectoryId })),
  );
  api.get(
    "/trajectories/:trajectoryId/plan/versions/:number.pdf",
    { schema: { tags, summary: "One version of the gezinsplan as a PDF, for signing", params: VersionRef, response: pdfResponse("The plan version as a PDF") } },
    async (req, reply) => sendPdf(reply, await planVersionPdf(db, { actor: requireActor(req), trajectoryId: req.params.trajectoryId, number: req.params.number })),
  );
}
