import { openDatabase } from "./src/db/database.ts";
import { systemActor } from "./src/authz/actor.ts";
import { findOrganisationBySlug } from "./src/features/organisations/organisations.service.ts";
import { outcomeReport } from "./src/features/outcomes/outcomes.service.ts";
import { selectOutcomeRows } from "./src/features/outcomes/outcomes.queries.ts";
const d = await openDatabase({ dataDir: "/tmp/pwi3" });
const org = (await findOrganisationBySlug(d.db, "bench-a"))!;
const actor = systemActor(org.organisationId, "p");
for (let i = 0; i < 5; i++) {
  let t = performance.now();
  await selectOutcomeRows(d.db, { organisationId: org.organisationId, instrumentKey: "ploeg-9", scope: { all: true } });
  const q = performance.now() - t; t = performance.now();
  await outcomeReport(d.db, { actor, instrumentKey: "ploeg-9" });
  console.log("query", q.toFixed(0), "report", (performance.now() - t).toFixed(0));
}
await d.close();
