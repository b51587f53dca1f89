import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { Browser, Page } from "playwright-core";
import { launchBrowser, OUTPUT_DIR, startServer, type RunningServer } from "./harness.ts";
import { expectAccessible as checkAccessible, expectFocus, logIn as logInAs, logOut } from "./steps.ts";

/**
 * The "wat werkt" catalogue on the demo data: a coach searches "schulden", finds the
 * schuldhulpverlening entry first, opens it and sees the practice-based evidence from the demo's
 * families (whose signed plans name it) and the link to refer someone there; the team lead changes
 * the entry (a wrong amount is an error next to its field, then the change is saved) and, in a
 * family's concept gezinsplan, picks a catalogue entry for an action by searching its name; the plan
 * page links the entry. Every page state is checked with axe.
 */
let server: RunningServer;
let browser: Browser;
let page: Page;
const consoleErrors: string[] = [];
const ENTRY = "Schuldhulpverlening (Kredietbank)";
let entryUrl = "";

async function expectAccessible(name: string) {
  await checkAccessible(page, `catalogue-${name}`);
}

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  page = await browser.newPage({ locale: "nl-NL", viewport: { width: 1280, height: 900 } });
  page.setDefaultTimeout(15_000);
  page.on("console", (m) => {
    if (m.type() === "error") consoleErrors.push(m.text());
  });
});

after(async () => {
  await page?.screenshot({ path: `${OUTPUT_DIR}/screenshots/catalogue-99-last.png`, fullPage: true }).catch(() => undefined);
  if (consoleErrors.length > 0) console.log(`browser console errors:\n${consoleErrors.join("\n")}`);
  await browser?.close();
  await server?.stop();
});

test("a coach searches 'schulden', opens the schuldhulp entry and sees what worked for the organisation's families", async () => {
  await logInAs(page, server.url, "coach1@demo.ploegwerk.nl");
  await page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Wat werkt" }).click();
  await page.getByRole("heading", { level: 1, name: "Wat werkt" }).waitFor();
  await page.getByText("10 resultaten").waitFor();
  await expectAccessible("01-zoeken");

  await page.getByRole("searchbox", { name: "Zoekwoorden" }).fill("schulden");
  await page.getByRole("button", { name: "Zoeken", exact: true }).click();
  await page.getByText(/resultaten? voor 'schulden'/).waitFor();
  const cards = page.getByRole("list", { name: "Gevonden hulp en activiteiten" }).getByRole("article");
  assert.ok((await cards.count()) >= 2, "more than one entry speaks of schulden");
  assert.equal(await cards.first().getByRole("heading", { level: 3 }).innerText(), ENTRY, "the entry with schuld in its name comes first");
  assert.match(await cards.first().innerText(), /Leefgebieden\s*Inkomen/);
  assert.match(await cards.first().innerText(), /Kosten\s*gratis/);
  assert.match(page.url(), /\/wat-werkt\?q=schulden$/, "the search is in the address, so it can be shared");
  await expectAccessible("02-resultaten");

  await cards.first().getByRole("link", { name: ENTRY }).click();
  await page.getByRole("heading", { level: 1, name: ENTRY }).waitFor();
  entryUrl = new URL(page.url()).pathname;
  const entryId = entryUrl.split("/").pop() ?? "";
  const refer = page.getByRole("link", { name: "Iemand hierheen verwijzen" });
  assert.equal(await refer.getAttribute("href"), `/verwijzen?interventie=${entryId}`);
  const description = page.getByRole("region", { name: "Beschrijving" });
  assert.match(await description.innerText(), /Effectladder\s*Trede 2: Goed onderbouwd/);
  assert.match(await description.innerText(), /Geregistreerde ketenpartner: Schuldhulpverlening Voorbeeldstad/);

  const evidence = page.getByRole("region", { name: "Wat werkt bij ons" });
  await evidence.getByText("Alleen gezinnen van uw team(s) tellen mee.").waitFor();
  const table = evidence.getByRole("table", { name: /Verandering per leefgebied/ });
  const row = table.getByRole("row", { name: /^Inkomen/ });
  const cells = await row.getByRole("cell").allInnerTexts();
  assert.equal(cells.length, 5, `a full row of figures: ${cells.join(" | ")}`);
  assert.ok(Number(cells[0]) >= 5, `at least five families behind the figures, got ${cells[0]}`);
  assert.match(cells[1] ?? "", /^[+-]?\d+,\d\d$/, "the mean change with two decimals, Dutch style");
  await expectAccessible("03-item");
  await logOut(page);
});

test("the team lead changes the entry: a wrong amount is an error next to its field, then the change is saved", async () => {
  await logInAs(page, server.url, "teamleider@demo.ploegwerk.nl");
  await page.goto(`${server.url}${entryUrl}`);
  await page.getByRole("heading", { level: 1, name: ENTRY }).waitFor();
  await page.getByRole("link", { name: "Wijzigen" }).click();
  await page.getByRole("heading", { level: 1, name: `${ENTRY} wijzigen` }).waitFor();

  await page.getByLabel(/^Kosten per/).selectOption({ label: "per gezin" });
  await page.getByLabel(/^Kosten \(niet verplicht\)/).fill("veel");
  await page.getByRole("button", { name: "Opslaan" }).click();
  const summary = page.getByRole("alert").filter({ hasText: /fout/ });
  await summary.waitFor();
  await expectFocus(page, { tag: "DIV", textIncludes: "Er is 1 fout" }, "the error summary takes focus");
  await expectAccessible("04-wijzigen-fout");
  await summary.getByRole("link", { name: "Vul een bedrag in euro in, zoals 6500 of 6500,50." }).click();
  await expectFocus(page, { id: "intervention-costCents" }, "the summary's link leads to the amount");
  assert.equal(await page.locator("#intervention-costCents").getAttribute("aria-invalid"), "true");

  await page.locator("#intervention-costCents").fill("");
  await page.getByLabel(/^Kosten per/).selectOption({ label: "gratis" });
  await page.getByLabel(/^Korte omschrijving/).fill("De kredietbank zoekt met het gezin uit welke schulden er zijn en regelt een betalingsregeling.");
  await page.getByRole("button", { name: "Opslaan" }).click();
  await page.getByRole("heading", { level: 1, name: ENTRY }).waitFor();
  await page.getByText(`${ENTRY} is opgeslagen.`).waitFor();
  await page.getByText("De kredietbank zoekt met het gezin uit welke schulden er zijn en regelt een betalingsregeling.").waitFor();
  await expectFocus(page, { tag: "H1", textIncludes: ENTRY }, "after saving, focus is on the entry's heading");
  await expectAccessible("05-opgeslagen");
});

test("in a concept gezinsplan the team lead picks a catalogue entry for an action by name; the plan links it", async () => {
  await page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Teamoverzicht" }).click();
  await page.getByRole("heading", { level: 1, name: "Teamoverzicht" }).waitFor();
  const planRow = page.getByRole("row", { name: /Gezinsplan opstellen/ }).first();
  const planUrl = (await planRow.getByRole("link", { name: /te laat ondertekend/ }).getAttribute("href")) ?? "";
  assert.match(planUrl, /^\/trajecten\/[0-9a-f-]+\/gezinsplan$/);
  await page.goto(`${server.url}${planUrl}`);
  await page.getByRole("heading", { level: 1, name: "Gezinsplan" }).waitFor();
  // The demo plan's debt actions already name the schuldhulp entry.
  await page.locator("#plan-version").getByRole("link", { name: `Wat werkt: ${ENTRY}` }).first().waitFor();

  await page.getByRole("link", { name: "Concept bewerken" }).first().click();
  await page.getByRole("heading", { level: 1, name: "Concept bewerken (versie 1)" }).waitFor();
  const action = page.getByRole("group", { name: "Actie 1.2" });
  const picker = action;
  await picker.getByText("Hulp uit Wat werkt (actie 1.2)").waitFor();
  await picker.getByRole("button", { name: "Hulp uit Wat werkt kiezen" }).click();
  await expectFocus(page, { id: "plan-goals-0-actions-1-interventionId-search" }, "the search box takes focus");
  await page.keyboard.type("budgetcursus");
  await page.keyboard.press("Enter");
  await picker.getByText("1 gevonden").waitFor();
  await expectAccessible("06-plan-kiezen");
  await picker.getByRole("button", { name: "Kiezen Budgetcursus" }).click();
  await picker.getByRole("link", { name: /^Budgetcursus/ }).waitFor();
  await expectFocus(page, { id: "plan-goals-0-actions-1-interventionId", textIncludes: "Andere hulp kiezen" }, "focus moves to the chosen entry's button");
  await page.getByRole("button", { name: "Concept opslaan (versie 1)" }).click();

  await page.getByRole("heading", { level: 1, name: "Gezinsplan" }).waitFor();
  await page.getByText("Het concept (versie 1) is opgeslagen.").waitFor();
  const link = page.locator("#plan-version").getByRole("link", { name: "Wat werkt: Budgetcursus" });
  await link.waitFor();
  await expectAccessible("07-plan-met-interventie");
  await link.click();
  await page.getByRole("heading", { level: 1, name: "Budgetcursus" }).waitFor();
});
