import { Consent, ConsentChange, ConsentList, ConsentWithdrawal, Id, NewConsent, SharingOverview } from "@ploegwerk/domain";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Db } from "../../db/database.ts";
import { requireActor } from "../../http/context.ts";
import { changeConsent, listConsents, recordConsent, withdrawConsent } from "./consents.service.ts";
import { sharingOverview } from "./sharing.service.ts";

const FamilyRef = z.object({ familyId: Id });
const ConsentRef = FamilyRef.extend({ consentId: Id });

/** Toestemming per family, and the overview of who can see the file and why. */
export async function consentRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["consent (toestemming)"];
  const base = "/families/:familyId/consents";
  api.get(base, { schema: { tags, params: FamilyRef, response: { 200: ConsentList } } }, async (req) => ({
    items: await listConsents(db, { actor: requireActor(req), familyId: req.params.familyId }),
  }));
  api.post(base, { schema: { tags, params: FamilyRef, body: NewConsent, response: { 201: Consent } } }, async (req, reply) =>
    reply.status(201).send(await recordConsent(db, { actor: requireActor(req), familyId: req.params.familyId, input: req.body })),
  );
  api.put(`${base}/:consentId`, { schema: { tags, params: ConsentRef, body: ConsentChange, response: { 200: Consent } } }, async (req) =>
    changeConsent(db, { actor: requireActor(req), familyId: req.params.familyId, consentId: req.params.consentId, change: req.body }),
  );
  api.post(`${base}/:consentId/withdraw`, { schema: { tags, params: ConsentRef, body: ConsentWithdrawal, response: { 200: Consent } } }, async (req) =>
    withdrawConsent(db, { actor: requireActor(req), familyId: req.params.familyId, consentId: req.params.consentId, input: req.body }),
  );
  api.get("/families/:familyId/sharing", { schema: { tags, params: FamilyRef, response: { 200: SharingOverview } } }, async (req) =>
    sharingOverview(db, { actor: requireActor(req), familyId: req.params.familyId }),
  );
}
