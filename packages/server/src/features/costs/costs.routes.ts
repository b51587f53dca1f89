import {
  CostCatalogue,
  CostEntry,
  CostOutcomeQuery,
  CostOutcomeReport,
  CostSettings,
  CostSettingsInput,
  EntryRemoval,
  FamilyCosts,
  Id,
  NewCostEntry,
  NewTimeEntry,
  TimeEntry,
  todayInNetherlands,
} from "@ploegwerk/domain";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Db } from "../../db/database.ts";
import { requireActor } from "../../http/context.ts";
import { listCostCatalogue } from "./costs.catalogue.ts";
import { costOutcomeReport, costOutcomeReportCsv } from "./costs.report.ts";
import { bookCost, bookTime, exportFamilyCostsCsv, getFamilyCosts, removeCost, removeTime } from "./costs.service.ts";
import { getCostSettings, updateCostSettings } from "./costs.settings.ts";

const FamilyRef = z.object({ familyId: Id });
const EntryRef = FamilyRef.extend({ entryId: Id });
const Lang = z.object({ lang: z.enum(["nl", "en"]).default("nl") });
/** A download name without characters a file system or header might trip over. */
const fileName = (stem: string) => `${stem.replace(/[^A-Za-z0-9._-]/g, "_")}-${todayInNetherlands()}.csv`;

export async function costRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["costs"];

  api.get("/families/:familyId/costs", { schema: { tags, params: FamilyRef, response: { 200: FamilyCosts }, description: "The family's hours and costs with every total, beside its change on its instrument." } }, async (req) =>
    getFamilyCosts(db, { actor: requireActor(req), familyId: req.params.familyId }),
  );
  api.get(
    "/families/:familyId/costs.csv",
    { schema: { tags, params: FamilyRef, querystring: Lang, description: "Every booking of the family (hours and costs) as CSV; cells a spreadsheet would run as a formula are defused." } },
    async (req, reply) => {
      const out = await exportFamilyCostsCsv(db, { actor: requireActor(req), familyId: req.params.familyId, lang: req.query.lang });
      return reply.type("text/csv; charset=utf-8").header("content-disposition", `attachment; filename="${fileName(`kosten-${out.caseNumber}`)}"`).send(out.csv);
    },
  );
  api.post("/families/:familyId/time-entries", { schema: { tags, params: FamilyRef, body: NewTimeEntry, response: { 201: TimeEntry }, description: "Book hours: one's own, or as team lead a colleague's of the family's team." } }, async (req, reply) =>
    reply.status(201).send(await bookTime(db, { actor: requireActor(req), familyId: req.params.familyId, input: req.body })),
  );
  api.delete(
    "/families/:familyId/time-entries/:entryId",
    { schema: { tags, params: EntryRef, body: EntryRemoval, description: "Take back a booking of hours with a reason (kept in the family's correction history); someone else's only as team lead." } },
    async (req, reply) => {
      await removeTime(db, { actor: requireActor(req), familyId: req.params.familyId, entryId: req.params.entryId, input: req.body });
      return reply.status(204).send();
    },
  );
  api.post("/families/:familyId/cost-entries", { schema: { tags, params: FamilyRef, body: NewCostEntry, response: { 201: CostEntry } } }, async (req, reply) =>
    reply.status(201).send(await bookCost(db, { actor: requireActor(req), familyId: req.params.familyId, input: req.body })),
  );
  api.delete(
    "/families/:familyId/cost-entries/:entryId",
    { schema: { tags, params: EntryRef, body: EntryRemoval, description: "Take back a cost with a reason (kept in the family's correction history); someone else's only as team lead." } },
    async (req, reply) => {
      await removeCost(db, { actor: requireActor(req), familyId: req.params.familyId, entryId: req.params.entryId, input: req.body });
      return reply.status(204).send();
    },
  );
  api.get("/costs/catalogue", { schema: { tags, response: { 200: CostCatalogue }, description: "The active catalogue entries a cost can be booked on, with their cost and unit." } }, async (req) => ({
    items: await listCostCatalogue(db, { actor: requireActor(req) }),
  }));
  api.get(
    "/costs/report",
    { schema: { tags, querystring: CostOutcomeQuery, response: { 200: CostOutcomeReport }, description: "Kosten en resultaten: cost per family and trajectory by wijk or team and funding source, beside the change of the same families; small numbers hidden for aggregate-only roles." } },
    async (req) => costOutcomeReport(db, { actor: requireActor(req), query: req.query }),
  );
  api.get(
    "/costs/report.csv",
    { schema: { tags, querystring: CostOutcomeQuery.and(Lang), description: "The same table as CSV (hidden figures are empty cells)." } },
    async (req, reply) => {
      const { lang, ...query } = req.query;
      const csv = await costOutcomeReportCsv(db, { actor: requireActor(req), query, lang });
      return reply.type("text/csv; charset=utf-8").header("content-disposition", `attachment; filename="${fileName("kosten-en-resultaten")}"`).send(csv);
    },
  );
  api.get("/organisation/costs", { schema: { tags, response: { 200: CostSettings } } }, async (req) => getCostSettings(db, { actor: requireActor(req) }));
  api.put("/organisation/costs", { schema: { tags, body: CostSettingsInput, response: { 200: CostSettings }, description: "The hourly rates per role in cents (beheerder); hours are valued at the current rates." } }, async (req) =>
    updateCostSettings(db, { actor: requireActor(req), input: req.body }),
  );
}
