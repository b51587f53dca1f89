import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { Browser, Page } from "playwright-core";
import { launchBrowser, startServer, type RunningServer } from "./harness.ts";
import { DEMO_PASSWORD, expectAccessible, logIn, region } from "./steps.ts";

/**
 * The audit log in the browser: a coach opens a family and finds that visit under "Wie heeft dit
 * dossier ingezien"; the beheerder finds it again in the Logboek, filtered to views, with the
 * CSV download for the same filter. Every page state is checked with axe.
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

test("a coach sees who opened the family file; the beheerder finds it in the Logboek", async () => {
  await logIn(page, server.url, "coach1@demo.ploegwerk.nl");
  const family = page.getByRole("link", { name: /DEMO-00/ }).first();
  const caseNumber = (await family.textContent())?.trim() ?? "";
  await family.click();
  await page.getByRole("heading", { level: 1, name: new RegExp(caseNumber) }).waitFor();
  const history = region(page, "Wie heeft dit dossier ingezien");
  await history.getByRole("table").waitFor();
  // This very visit, by this coach, is in the list.
  const own = history.getByRole("row").filter({ hasText: "Gezinsdossier bekeken" }).first();
  await own.waitFor();
  assert.match((await own.textContent()) ?? "", /Gezinscoach/);
  await expectAccessible(page, "audit-01-wie-heeft-ingezien");

  await page.context().clearCookies();
  await page.goto(`${server.url}/inloggen`);
  await page.getByLabel("E-mailadres").fill("beheerder@demo.ploegwerk.nl");
  await page.getByLabel("Wachtwoord").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Inloggen" }).click();
  await page.getByRole("link", { name: "Logboek" }).click();
  await page.getByRole("heading", { level: 1, name: "Logboek" }).waitFor();
  await page.getByRole("table").waitFor();
  await expectAccessible(page, "audit-02-logboek");

  await page.getByLabel("Soort").selectOption({ label: "Bekeken" });
  await page.getByRole("button", { name: "Zoeken", exact: true }).click();
  await page.waitForURL(/\/beheer\/logboek\?kind=read/);
  const rows = page.getByRole("table").getByRole("row");
  await rows.filter({ hasText: "Gezinsdossier bekeken" }).first().waitFor();
  const kinds = await page.getByRole("table").locator("tbody tr td:nth-child(4)").allTextContents();
  assert.ok(kinds.length > 0 && kinds.every((k) => k === "Bekeken"), `only views after filtering: ${kinds.join(", ")}`);
  const download = page.getByRole("link", { name: "Download het resultaat als CSV-bestand" });
  assert.equal(await download.getAttribute("href"), "/api/v1/audit/export.csv?kind=read");
  await expectAccessible(page, "audit-03-logboek-bekeken");
});
