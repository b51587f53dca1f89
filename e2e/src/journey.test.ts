import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { Browser, Page } from "playwright-core";
import { launchBrowser, startServer, type RunningServer } from "./harness.ts";
import { expectAccessible as checkAccessible, fillMeasurement, fillNewFamily } from "./steps.ts";

/**
 * A coach's first morning: log in, register a family with two members, record the nulmeting and
 * a 1-meting, and see the chart and the weighted self-reliance. Every page visited is checked
 * with axe; screenshots are kept under test-output/e2e/screenshots.
 */
// Nulmeting: weights 6−s = 4,5,5,3,3,2,3,4,2 (Σ 31); Σ s·w = 8+5+5+9+9+8+9+8+8 = 69; SR = 69/31 = 2.23 → "2,2".
const NULMETING = [2, 1, 1, 3, 3, 4, 3, 2, 4];
// Meting 1: weights 3,2,3,3,3,2,3,3,1 (Σ 23); Σ s·w = 9+8+9+9+9+8+9+9+5 = 75; SR = 75/23 = 3.26 → "3,3".
const METING_1 = [3, 4, 3, 3, 3, 4, 3, 3, 5];

let server: RunningServer;
let browser: Browser;
let page: Page;
const visited: string[] = [];

async function expectAccessible(name: string) {
  visited.push(name);
  await checkAccessible(page, name);
}

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

test("a coach registers a family, records two metingen and sees the chart and self-reliance", async () => {
  await page.goto(`${server.url}/inloggen`);
  await page.getByRole("heading", { level: 1, name: "Inloggen" }).waitFor();
  await expectAccessible("01-inloggen");

  await page.getByLabel("E-mailadres").fill("coach1@demo.ploegwerk.nl");
  await page.getByLabel("Wachtwoord").fill("demo-wachtwoord");
  await page.getByRole("button", { name: "Inloggen" }).click();
  await page.getByRole("heading", { level: 1, name: "Mijn gezinnen" }).waitFor();
  await page.getByRole("link", { name: /DEMO-00/ }).first().waitFor();
  assert.ok((await page.getByRole("link", { name: /DEMO-00/ }).count()) >= 10, "the demo caseload lists the team's families");
  await expectAccessible("02-mijn-gezinnen");

  await fillNewFamily(page, {
    caseNumber: "E2E-2026-001",
    postcode: "9712 AB",
    members: [
      { givenName: "Sanne", surname: "de Proef", role: "Ouder of verzorger", dateOfBirth: "1990-03-14", bsn: "111222333" },
      { givenName: "Noor", surname: "Oefenaar", role: "Kind", dateOfBirth: "2016-11-02" },
    ],
  });
  await expectAccessible("03-nieuw-gezin");
  await page.getByRole("button", { name: "Gezin opslaan" }).click();

  await page.getByRole("heading", { level: 1, name: "Gezin E2E-2026-001" }).waitFor();
  const membersText = await page.locator("main").innerText();
  assert.match(membersText, /Sanne/);
  assert.match(membersText, /Oefenaar/, "each member keeps their own surname");
  await expectAccessible("04-gezinsdossier");

  await fillMeasurement(page, 0, NULMETING);
  assert.equal((await page.getByTestId("self-reliance").first().innerText()).trim(), "2,2", "the form shows the live weighted SR");
  await expectAccessible("05-nulmeting");
  await page.getByRole("button", { name: "Meting opslaan" }).click();
  await page.getByRole("heading", { level: 1, name: "Gezin E2E-2026-001" }).waitFor();
  assert.equal((await page.getByTestId("self-reliance").first().innerText()).trim(), "2,2");

  await fillMeasurement(page, 1, METING_1);
  await page.getByRole("button", { name: "Meting opslaan" }).click();
  await page.getByRole("heading", { level: 1, name: "Gezin E2E-2026-001" }).waitFor();
  assert.equal((await page.getByTestId("self-reliance").first().innerText()).trim(), "3,3", "the family file shows the SR of the latest meting");

  const chart = page.getByTestId("measurement-chart");
  await chart.waitFor();
  await chart.locator("svg").first().waitFor();
  const chartText = await page.locator("main").innerText();
  assert.match(chartText, /Nulmeting/);
  assert.match(chartText, /Meting 1/);
  await expectAccessible("06-gezinsdossier-met-metingen");

  await page.getByRole("link", { name: "Uitkomsten" }).first().click();
  await page.getByRole("heading", { level: 1, name: "Uitkomsten" }).waitFor();
  await page.getByRole("table").first().waitFor();
  await expectAccessible("07-uitkomsten");

  assert.deepEqual(visited.length, 7);
});
