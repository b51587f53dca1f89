import {
  CreatedFamily,
  DuplicateCheck,
  Family,
  FamilyList,
  FamilyPatch,
  FamilySearch,
  Id,
  Member,
  MemberPatch,
  NetworkPerson,
  NewFamily,
  NewMember,
  NewNetworkPerson,
  PossibleDuplicate,
} from "@ploegwerk/domain";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Db } from "../../db/database.ts";
import { requireActor } from "../../http/context.ts";
import {
  addMember,
  addNetworkPerson,
  checkDuplicates,
  createFamily,
  getFamily,
  listFamilies,
  removeMember,
  removeNetworkPerson,
  updateFamily,
  updateMember,
} from "./families.service.ts";

const FamilyRef = z.object({ familyId: Id });

export async function familyRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["families"];

  api.get("/families", { schema: { tags, querystring: FamilySearch, response: { 200: FamilyList } } }, async (req) =>
    listFamilies(db, { actor: requireActor(req), q: req.query.q, page: req.query.page, pageSize: req.query.pageSize }),
  );
  api.post("/families", { schema: { tags, body: NewFamily, response: { 201: CreatedFamily } } }, async (req, reply) =>
    reply.status(201).send(await createFamily(db, { actor: requireActor(req), input: req.body })),
  );
  api.post(
    "/families/duplicate-check",
    { schema: { tags, body: DuplicateCheck, response: { 200: z.object({ possibleDuplicates: z.array(PossibleDuplicate) }) } } },
    async (req) => ({ possibleDuplicates: await checkDuplicates(db, { actor: requireActor(req), input: req.body }) }),
  );
  api.get("/families/:familyId", { schema: { tags, params: FamilyRef, response: { 200: Family } } }, async (req) =>
    getFamily(db, { actor: requireActor(req), familyId: req.params.familyId }),
  );
  api.patch("/families/:familyId", { schema: { tags, params: FamilyRef, body: FamilyPatch, response: { 200: Family } } }, async (req) =>
    updateFamily(db, { actor: requireActor(req), familyId: req.params.familyId, patch: req.body }),
  );
  api.post("/families/:familyId/members", { schema: { tags, params: FamilyRef, body: NewMember, response: { 201: Member } } }, async (req, reply) =>
    reply.status(201).send(await addMember(db, { actor: requireActor(req), familyId: req.params.familyId, input: req.body })),
  );
  api.patch(
    "/families/:familyId/members/:memberId",
    { schema: { tags, params: FamilyRef.extend({ memberId: Id }), body: MemberPatch, response: { 200: Member } } },
    async (req) => updateMember(db, { actor: requireActor(req), familyId: req.params.familyId, memberId: req.params.memberId, patch: req.body }),
  );
  api.delete("/families/:familyId/members/:memberId", { schema: { tags, params: FamilyRef.extend({ memberId: Id }) } }, async (req, reply) => {
    await removeMember(db, { actor: requireActor(req), familyId: req.params.familyId, memberId: req.params.memberId });
    return reply.status(204).send();
  });
  api.post(
    "/families/:familyId/network",
    { schema: { tags, params: FamilyRef, body: NewNetworkPerson, response: { 201: NetworkPerson } } },
    async (req, reply) => reply.status(201).send(await addNetworkPerson(db, { actor: requireActor(req), familyId: req.params.familyId, input: req.body })),
  );
  api.delete("/families/:familyId/network/:personId", { schema: { tags, params: FamilyRef.extend({ personId: Id }) } }, async (req, reply) => {
    await removeNetworkPerson(db, { actor: requireActor(req), familyId: req.params.familyId, personId: req.params.personId });
    return reply.status(204).send();
  });
}
