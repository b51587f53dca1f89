import { Id, Measurement, MeasurementPatch, NewMeasurement } from "@ploegwerk/domain";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Db } from "../../db/database.ts";
import { requireActor } from "../../http/context.ts";
import { getMeasurement, listMeasurements, recordMeasurement, updateMeasurement } from "./measurements.service.ts";

const FamilyRef = z.object({ familyId: Id });
const MeasurementRef = FamilyRef.extend({ measurementId: Id });

export async function measurementRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["measurements"];

  api.get(
    "/families/:familyId/measurements",
    { schema: { tags, params: FamilyRef, querystring: z.object({ instrument: z.string().max(64).optional() }), response: { 200: z.object({ items: z.array(Measurement) }) } } },
    async (req) => ({ items: await listMeasurements(db, { actor: requireActor(req), familyId: req.params.familyId, instrumentKey: req.query.instrument }) }),
  );
  api.post("/families/:familyId/measurements", { schema: { tags, params: FamilyRef, body: NewMeasurement, response: { 201: Measurement } } }, async (req, reply) =>
    reply.status(201).send(await recordMeasurement(db, { actor: requireActor(req), familyId: req.params.familyId, input: req.body })),
  );
  api.get("/families/:familyId/measurements/:measurementId", { schema: { tags, params: MeasurementRef, response: { 200: Measurement } } }, async (req) =>
    getMeasurement(db, { actor: requireActor(req), familyId: req.params.familyId, measurementId: req.params.measurementId }),
  );
  api.patch(
    "/families/:familyId/measurements/:measurementId",
    { schema: { tags, params: MeasurementRef, body: MeasurementPatch, response: { 200: Measurement } } },
    async (req) => updateMeasurement(db, { actor: requireActor(req), familyId: req.params.familyId, measurementId: req.params.measurementId, patch: req.body }),
  );
}
