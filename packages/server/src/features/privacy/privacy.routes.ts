import { CorrectionList, Id, NewPrivacyRequest, PrivacyRequest, PrivacyRequestDecision, PrivacyRequestList, todayInNetherlands } from "@ploegwerk/domain";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Db } from "../../db/database.ts";
import { requireActor } from "../../http/context.ts";
import { listCorrections } from "./corrections.service.ts";
import { exportInzage } from "./inzage.service.ts";
import { decidePrivacyRequest, listPrivacyRequests, recordPrivacyRequest } from "./privacyRequests.service.ts";

const FamilyRef = z.object({ familyId: Id });
/** The route as the read log names it: "GET /api/v1/families/:familyId/export.pdf". */
const routeOf = (req: FastifyRequest) => `${req.method} ${req.routeOptions.url ?? req.url}`;
const InzageQuery = z.object({ memberId: Id.optional() });

/** A download name without characters a file system or header might trip over. */
const fileName = (caseNumber: string, ext: string) => `inzage-${caseNumber.replace(/[^A-Za-z0-9._-]/g, "_")}-${todayInNetherlands()}.${ext}`;

export async function privacyRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["privacy"];

  api.get(
    "/families/:familyId/export.json",
    { schema: { tags, params: FamilyRef, querystring: InzageQuery, description: "Inzage (AVG art. 15): everything stored about the family, or with memberId about one member, as a JSON download." } },
    async (req, reply) => {
      const out = await exportInzage(db, { actor: requireActor(req), familyId: req.params.familyId, memberId: req.query.memberId, format: "json", route: routeOf(req) });
      return reply.type("application/json; charset=utf-8").header("content-disposition", `attachment; filename="${fileName(out.caseNumber, "json")}"`).send(out.body);
    },
  );
  api.get(
    "/families/:familyId/export.pdf",
    { schema: { tags, params: FamilyRef, querystring: InzageQuery, description: "Inzage (AVG art. 15) as a readable, tagged PDF in plain Dutch." } },
    async (req, reply) => {
      const out = await exportInzage(db, { actor: requireActor(req), familyId: req.params.familyId, memberId: req.query.memberId, format: "pdf", route: routeOf(req) });
      return reply.type("application/pdf").header("content-disposition", `attachment; filename="${fileName(out.caseNumber, "pdf")}"`).send(out.body);
    },
  );
  api.get("/families/:familyId/corrections", { schema: { tags, params: FamilyRef, response: { 200: CorrectionList } } }, async (req) => ({
    items: await listCorrections(db, { actor: requireActor(req), familyId: req.params.familyId }),
  }));
  api.get("/families/:familyId/privacy-requests", { schema: { tags, params: FamilyRef, response: { 200: PrivacyRequestList } } }, async (req) => ({
    items: await listPrivacyRequests(db, { actor: requireActor(req), familyId: req.params.familyId }),
  }));
  api.post("/families/:familyId/privacy-requests", { schema: { tags, params: FamilyRef, body: NewPrivacyRequest, response: { 201: PrivacyRequest } } }, async (req, reply) =>
    reply.status(201).send(await recordPrivacyRequest(db, { actor: requireActor(req), familyId: req.params.familyId, input: req.body })),
  );
  api.post(
    "/families/:familyId/privacy-requests/:requestId/decision",
    {
      schema: {
        tags,
        params: FamilyRef.extend({ requestId: Id }),
        body: PrivacyRequestDecision,
        response: { 200: PrivacyRequest },
        description: "Grant or refuse. A granted verwijdering erases the family (or the member) or pseudonymises it when a law requires keeping it; whoever recorded an erasure request cannot decide it (403 self_approval).",
      },
    },
    async (req) => decidePrivacyRequest(db, { actor: requireActor(req), familyId: req.params.familyId, requestId: req.params.requestId, input: req.body }),
  );
}
