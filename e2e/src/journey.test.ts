import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { Browser, Page } from "playwright-core";
import { checkPage, describeViolations, launchBrowser, startServer, type RunningServer } from "./harness.ts";

/**
 * A coach's first morning: log in, register a family with two members, record the nulmeting and
 * a 1-meting, and see the chart and the weighted self-reliance. Every page visited is checked
 * with axe; screenshots are kept under test-output/e2e/screenshots.
 */
const DOMAINS = [
  "Onderwijs en werk",
  "Huisvesting",
  "Inkomen",
  "Opvoedingssituatie",
  "Geestelijke gezondheid",
  "Lichamelijke gezondheid",
  "Sociaal netwerk",
  "Vrije tijd",
  "Justitiële veiligheid",
] as const;
const SCALE = ["Aanzienlijk probleem", "Probleem", "Geeft wel wat problemen", "Gaat redelijk goed", "Geen enkel probleem"];

// Nulmeting: weights 6−s = 4,5,5,3,3,2,3,4,2 (Σ 31); Σ s·w = 8+5+5+9+9+8+9+8+8 = 69; SR = 69/31 = 2.23 → "2,2".
const NULMETING = [2, 1, 1, 3, 3, 4, 3, 2, 4];
// Meting 1: weights 3,2,3,3,3,2,3,3,1 (Σ 23); Σ s·w = 9+8+9+9+9+8+9+9+5 = 75; SR = 75/23 = 3.26 → "3,3".
const METING_1 = [3, 4, 3, 3, 3, 4, 3, 3, 5];

let server: RunningServer;
let browser: Browser;
let page: Page;
const visited: string[] = [];

async function expectAccessible(name: string) {
  const violations = await checkPage(page, name);
  visited.push(name);
  assert.deepEqual(violations, [], `axe found serious or critical violations on ${name}:\n${describeViolations(violations)}`);
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

async function fillMeasurement(round: number, scores: readonly number[]) {
  await page.getByRole("link", { name: "Nieuwe meting" }).first().click();
  await page.getByRole("heading", { level: 1, name: /Nieuwe meting/ }).waitFor();
  await page.getByLabel(/^Meting/).first().fill(String(round));
  for (const [i, domain] of DOMAINS.entries()) {
    const score = scores[i] as number;
    const group = page.getByRole("group", { name: new RegExp(`^${domain}`) });
    await group.getByLabel(`${score} ${SCALE[score - 1]}`, { exact: true }).check();
    if (score <= 3) await group.getByLabel(/Beschrijving problematiek/).fill(`Toelichting bij ${domain.toLowerCase()} (meting ${round}).`);
  }
}

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

  await page.getByRole("link", { name: "Nieuw gezin" }).click();
  await page.getByRole("heading", { level: 1, name: "Nieuw gezin" }).waitFor();
  await page.getByLabel(/^Dossiernummer/).fill("E2E-2026-001");
  await page.getByLabel(/^Postcode/).fill("9712 AB");
  const first = page.getByRole("group", { name: "Gezinslid 1" });
  await first.getByLabel(/^Voornaam/).fill("Sanne");
  await first.getByLabel(/^Achternaam/).fill("de Proef");
  await first.getByLabel(/^Rol in het gezin/).selectOption({ label: "Ouder of verzorger" });
  await first.getByLabel(/^Geboortedatum/).fill("1990-03-14");
  await first.getByLabel(/^BSN/).fill("111222333");
  const existing = await page.getByRole("group", { name: "Gezinslid 2" }).count();
  if (existing === 0) await page.getByRole("button", { name: "Gezinslid toevoegen" }).click();
  const second = page.getByRole("group", { name: "Gezinslid 2" });
  await second.getByLabel(/^Voornaam/).fill("Noor");
  await second.getByLabel(/^Achternaam/).fill("Oefenaar");
  await second.getByLabel(/^Rol in het gezin/).selectOption({ label: "Kind" });
  await second.getByLabel(/^Geboortedatum/).fill("2016-11-02");
  await expectAccessible("03-nieuw-gezin");
  await page.getByRole("button", { name: "Gezin opslaan" }).click();

  await page.getByRole("heading", { level: 1, name: "Gezin E2E-2026-001" }).waitFor();
  const membersText = await page.locator("main").innerText();
  assert.match(membersText, /Sanne/);
  assert.match(membersText, /Oefenaar/, "each member keeps their own surname");
  await expectAccessible("04-gezinsdossier");

  await fillMeasurement(0, NULMETING);
  assert.equal((await page.getByTestId("self-reliance").first().innerText()).trim(), "2,2", "the form shows the live weighted SR");
  await expectAccessible("05-nulmeting");
  await page.getByRole("button", { name: "Meting opslaan" }).click();
  await page.getByRole("heading", { level: 1, name: "Gezin E2E-2026-001" }).waitFor();
  assert.equal((await page.getByTestId("self-reliance").first().innerText()).trim(), "2,2");

  await fillMeasurement(1, METING_1);
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
