import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { Browser, Page } from "playwright-core";
import { launchBrowser, startServer, type RunningServer } from "./harness.ts";
import { expectAccessible, logIn, region } from "./steps.ts";

/**
 * "Privacy (AVG)" on the family page: the coach downloads the inzage (the whole family, then one
 * member), records an inzage request and grants it, and records a request for erasure, which
 * then waits for a colleague (four eyes). Every page state is checked with axe.
 */
let server: RunningServer;
let browser: Browser;
let page: Page;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  page = await browser.newPage({ locale: "nl-NL", viewport: { width: 1280, height: 900 } });
  page.setDefaultTimeout(15_000);
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

test("a coach gives the family its data and keeps the AVG register; erasure is left to a colleague", async () => {
  await logIn(page, server.url, "coach1@demo.ploegwerk.nl");
  await page.getByRole("link", { name: /DEMO-00/ }).first().click();
  const privacy = region(page, "Privacy (AVG)");
  await privacy.waitFor();

  // Inzage: the links download the PDF (for the family) and the JSON (for another system).
  const pdf = privacy.getByRole("link", { name: "Download als PDF" });
  const familyPdf = (await pdf.getAttribute("href")) ?? "";
  assert.match(familyPdf, /^\/api\/v1\/families\/[0-9a-f-]+\/export\.pdf$/);
  const res = await page.request.get(`${server.url}${familyPdf}`);
  assert.equal(res.status(), 200);
  assert.equal(res.headers()["content-type"], "application/pdf");
  await privacy.getByLabel("Over wie", { exact: true }).selectOption({ index: 1 });
  assert.match((await pdf.getAttribute("href")) ?? "", /\/export\.pdf\?memberId=[0-9a-f-]+$/);
  assert.match((await privacy.getByRole("link", { name: "Download als JSON" }).getAttribute("href")) ?? "", /\/export\.json\?memberId=/);
  await expectAccessible(page, "privacy-01-section");

  // An inzage request: the form says what is missing, then records it.
  await privacy.getByRole("button", { name: "Verzoek vastleggen" }).click();
  const form = privacy.getByRole("form", { name: "Nieuw AVG-verzoek" });
  await form.getByRole("button", { name: "Verzoek vastleggen" }).click();
  await page.getByRole("alert").filter({ hasText: "Kies wat het gezin vraagt." }).first().waitFor();
  await expectAccessible(page, "privacy-02-form-errors");
  await form.getByLabel("Inzage (AVG artikel 15)").check();
  await form.getByLabel("Wie vroeg het?").fill("Moeder, aan de telefoon");
  await form.getByRole("button", { name: "Verzoek vastleggen" }).click();
  await privacy.getByText("Het verzoek is vastgelegd.").waitFor();

  // Granted: the answer to the family is recorded with the decision.
  const inzage = privacy.getByRole("listitem").filter({ hasText: "Inzage (AVG artikel 15): nog niet besloten" });
  await inzage.getByRole("button", { name: "Besluiten" }).click();
  await inzage.getByLabel("Toewijzen").check();
  await inzage.getByLabel("Antwoord aan het gezin").fill("U krijgt het overzicht van uw gegevens op papier.");
  await expectAccessible(page, "privacy-03-decide");
  await inzage.getByRole("button", { name: "Besluit vastleggen" }).click();
  await privacy.getByText("Het besluit is vastgelegd.").waitFor();
  await privacy.getByRole("listitem").filter({ hasText: "Inzage (AVG artikel 15): toegewezen" }).waitFor();

  // A request for erasure recorded by this coach: a colleague decides (no decide button here).
  await privacy.getByRole("button", { name: "Verzoek vastleggen" }).click();
  await form.getByLabel("Verwijdering (AVG artikel 17)").check();
  await form.getByLabel("Wie vroeg het?").fill("Vader");
  await form.getByRole("button", { name: "Verzoek vastleggen" }).click();
  const erasure = privacy.getByRole("listitem").filter({ hasText: "Verwijdering (AVG artikel 17): nog niet besloten" });
  await erasure.getByText("Een collega beslist over verwijdering").waitFor();
  assert.equal(await erasure.getByRole("button", { name: "Besluiten" }).count(), 0);
  await expectAccessible(page, "privacy-04-register");
});
