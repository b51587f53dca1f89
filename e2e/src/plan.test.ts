import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { Browser, Page } from "playwright-core";
import { launchBrowser, OUTPUT_DIR, startServer, type RunningServer } from "./harness.ts";
import { expectAccessible as checkAccessible, logIn as logInAs, expectFocus } from "./steps.ts";

/**
 * The team lead's overview and a coach's plan work, with the demo data: the team lead opens the
 * teamoverzicht (load per coach, signals in words, printable agendas); a coach opens the family
 * whose gezinsplan is still a concept, edits it (the form's errors link to their fields), has the
 * family sign it, holds an MDO whose agreement becomes an action in a new concept version, and
 * writes this week's weekoverzicht. Every page is checked with axe; screenshots are kept under
 * test-output/e2e/screenshots.
 */
let server: RunningServer;
let browser: Browser;
let page: Page;
const consoleErrors: string[] = [];

async function expectAccessible(name: string) {
  await checkAccessible(page, name);
}

async function logIn(email: string) {
  await logInAs(page, server.url, email);
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
  // The last state of the page, to see where a failing step stopped.
  await page?.screenshot({ path: `${OUTPUT_DIR}/screenshots/plan-99-last.png`, fullPage: true }).catch(() => undefined);
  if (consoleErrors.length > 0) console.log(`browser console errors:\n${consoleErrors.join("\n")}`);
  await browser?.close();
  await server?.stop();
});

let planUrl = "";

test("the team lead sees the caseload overview with load, signals and printable agendas", async () => {
  await logIn("teamleider@demo.ploegwerk.nl");
  await page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Teamoverzicht" }).click();
  await page.getByRole("heading", { level: 1, name: "Teamoverzicht" }).waitFor();

  const load = page.getByRole("table", { name: /Belasting per coach/ });
  await load.waitFor();
  assert.equal(await load.getByRole("row").count(), 4, "a row per demo coach under the header");
  assert.match(await load.innerText(), /(Onder|Binnen|Boven) de norm/, "the load against the norm is said in words");

  const planRow = page.getByRole("row", { name: /Gezinsplan opstellen/ }).first();
  assert.match(await planRow.innerText(), /Signaal:.*te laat ondertekend/s, "an overdue plan signature is a signal in words with days late");
  assert.match(await planRow.innerText(), /dagen te laat/);

  await page.getByRole("heading", { level: 2, name: "Agenda casuïstiekbespreking (wekelijks)" }).waitFor();
  assert.ok((await page.getByRole("heading", { level: 3, name: /^Caseloadgesprek met / }).count()) >= 3, "a caseloadgesprek agenda per coach");

  // Printing one agenda marks just that block for the print stylesheet.
  await page.evaluate(() => {
    (window as unknown as { printed: string[] }).printed = [];
    window.print = () => {
      (window as unknown as { printed: string[] }).printed.push(document.querySelector(".pw-print-target")?.id ?? "none");
    };
  });
  await page.getByRole("button", { name: /^Afdrukken.*Agenda casuïstiekbespreking/ }).click();
  assert.deepEqual(await page.evaluate(() => (window as unknown as { printed: string[] }).printed), ["casuistiekbespreking"]);
  await page.emulateMedia({ media: "print" });
  assert.equal(await page.getByRole("navigation", { name: "Hoofdmenu" }).isVisible(), false, "the print stylesheet hides the navigation");
  await page.emulateMedia({ media: "screen" });
  await page.evaluate(() => window.dispatchEvent(new Event("afterprint")));

  await expectAccessible("plan-01-teamoverzicht");
  planUrl = (await planRow.getByRole("link", { name: /te laat ondertekend/ }).getAttribute("href")) ?? "";
  assert.match(planUrl, /^\/trajecten\/[0-9a-f-]+\/gezinsplan$/);
  await page.getByRole("button", { name: "Uitloggen" }).click();
  await page.getByRole("heading", { level: 1, name: "Inloggen" }).waitFor();
});

test("a coach edits the concept plan, with errors next to their fields, and the family signs it", async () => {
  await logIn("coach1@demo.ploegwerk.nl");
  await page.goto(`${server.url}${planUrl}`);
  await page.getByRole("heading", { level: 1, name: "Gezinsplan" }).waitFor();
  await page.getByText("Er is nog geen ondertekend gezinsplan.").waitFor();
  await expectAccessible("plan-02-gezinsplan-concept");

  await page.getByRole("link", { name: "Concept bewerken" }).first().click();
  await page.getByRole("heading", { level: 1, name: "Concept bewerken (versie 1)" }).waitFor();

  // A new action left empty: the summary names what is missing and its link jumps to the field.
  await page.getByRole("button", { name: "Actie toevoegen aan doel 3" }).click();
  const newAction = page.getByRole("group", { name: "Actie 3.2" });
  await newAction.waitFor();
  await expectFocus(page, { id: "plan-goals-2-actions-1-description" }, "focus moves to the new action");
  await page.getByRole("button", { name: "Concept opslaan (versie 1)" }).click();
  const summary = page.getByRole("alert").filter({ hasText: /fout/ });
  await summary.waitFor();
  await expectAccessible("plan-03-editor-fouten");
  await summary.getByRole("link", { name: "Kies wie actie 3.2 doet." }).click();
  await expectFocus(page, { id: "plan-goals-2-actions-1-owner" }, "focus moves to plan-goals-2-actions-1-owner");

  await newAction.getByLabel("Wat wordt er gedaan?").fill("Elke zondag de schooltassen samen klaarzetten");
  await newAction.getByLabel("Wie doet het?").selectOption({ label: "Een gezinslid" });
  await newAction.getByLabel(/Welk gezinslid/).selectOption({ index: 1 });
  await newAction.getByLabel("Uiterlijk klaar op").fill("2026-12-20");
  await page.getByRole("button", { name: "Concept opslaan (versie 1)" }).click();

  await page.getByRole("heading", { level: 1, name: "Gezinsplan" }).waitFor();
  await page.getByText("Het concept (versie 1) is opgeslagen.").waitFor();
  assert.match(await page.locator("#plan-version").innerText(), /Elke zondag de schooltassen samen klaarzetten/);

  // Signing: the form asks who of the family signed, when and how.
  const sign = page.getByRole("region", { name: "Ondertekening van versie 1 vastleggen" });
  await sign.getByRole("button", { name: "Ondertekening van versie 1 vastleggen" }).click();
  await page.getByRole("link", { name: "Kies wie van het gezin heeft ondertekend." }).waitFor();
  await sign.getByRole("group", { name: /Wie van het gezin heeft ondertekend/ }).getByRole("checkbox").first().check();
  await sign.getByRole("radio", { name: "Op papier" }).check();
  await expectAccessible("plan-04-ondertekenen");
  await sign.getByRole("button", { name: "Ondertekening van versie 1 vastleggen" }).click();
  await page.getByText("Versie 1 is ondertekend. Dit is nu het geldende gezinsplan.").waitFor();
  await page.getByText(/Geldend plan: versie 1\./).waitFor();
  assert.match(await page.getByRole("table", { name: /Versies van het gezinsplan/ }).innerText(), /Definitief\s*Geldend/);

  // Progress on the plan in force: one action is now "bezig".
  const actions = page.getByRole("table", { name: /Acties in het geldende plan/ });
  await actions.getByRole("button", { name: /Status wijzigen.*Elke zondag de schooltassen/ }).click();
  await page.getByRole("radio", { name: "Bezig" }).check();
  await page.getByRole("button", { name: "Status opslaan" }).click();
  await page.getByText("De status van ‘Elke zondag de schooltassen samen klaarzetten’ is nu: Bezig.").waitFor();
  await expectAccessible("plan-05-ondertekend");
});

test("the coach plans and holds an MDO whose agreement becomes an action in a new concept version", async () => {
  await page.getByRole("navigation", { name: /Traject van gezin/ }).getByRole("link", { name: "MDO's" }).click();
  await page.getByRole("heading", { level: 1, name: "MDO's" }).waitFor();
  await page.getByRole("button", { name: "MDO plannen" }).click();
  const form = page.locator("form", { has: page.getByRole("heading", { name: "Nieuw MDO plannen" }) });
  const today = await page.evaluate(() => {
    const d = new Date();
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
  });
  await form.getByLabel("Datum", { exact: true }).fill(today);
  await form.getByLabel("Tijd", { exact: true }).fill("00:30");
  await form.getByLabel(/^Plaats/).fill("Bij het gezin thuis");
  await form.getByRole("group", { name: /Ketenpartners uit het gezinsplan/ }).getByRole("checkbox").first().check();
  assert.ok((await form.getByLabel(/^Agendapunt \d/).count()) >= 1, "the plan's open goals are on the agenda by default");
  await expectAccessible("plan-06-mdo-plannen");
  await form.getByRole("button", { name: "MDO plannen" }).click();
  await page.getByText(/Het MDO is gepland op/).waitFor();

  await page.getByRole("link", { name: /Bekijken, vastleggen of afgelasten/ }).first().click();
  await page.getByRole("heading", { level: 1, name: /^MDO van / }).waitFor();
  const hold = page.locator("form", { has: page.getByRole("heading", { name: "MDO vastleggen als gehouden" }) });
  await hold.getByRole("group", { name: /Wie waren er/ }).getByRole("checkbox").first().check();
  assert.equal(await hold.getByRole("checkbox", { name: "Het gezin was aanwezig" }).isChecked(), true, "a family member attending marks the family as present");
  await hold.getByLabel("Besluiten").fill("Eerst de huurachterstand, dan de school.");
  await hold.getByLabel(/^Verslag/).fill("Iedereen was op tijd. Het gezin vertelde zelf hoe het gaat.");
  await hold.getByRole("button", { name: "Afspraak toevoegen" }).click();
  const agreement = hold.getByRole("group", { name: "Afspraak 1" });
  await agreement.getByLabel("Wat is er afgesproken?").fill("Huisbezoek met de leerplichtambtenaar plannen");
  await agreement.getByLabel(/Bij welk doel/).selectOption({ index: 1 });
  await agreement.getByLabel("Wie doet het?").selectOption({ label: "Een coach of collega" });
  await agreement.getByLabel("Uiterlijk klaar op").fill("2026-12-18");
  await expectAccessible("plan-07-mdo-vastleggen");
  await hold.getByRole("button", { name: "MDO vastleggen" }).click();
  await page.getByText("Het MDO is vastgelegd. 1 afspraak staat nu als actie in het gezinsplan (versie 2).").waitFor();
  await expectAccessible("plan-08-mdo-gehouden");

  await page.getByRole("link", { name: "Versie 2 van het gezinsplan bekijken" }).click();
  await page.getByRole("heading", { level: 1, name: "Gezinsplan" }).waitFor();
  const version = page.locator("#plan-version");
  await version.getByRole("heading", { name: "Versie 2 bekijken" }).waitFor();
  assert.match(await version.innerText(), /Concept/);
  assert.match(await version.innerText(), /Huisbezoek met de leerplichtambtenaar plannen/, "the agreement is an open action in the new concept version");

  // Comparing version 1 with version 2 says, in words, what the MDO added.
  await page.getByLabel("Van versie", { exact: true }).selectOption("1");
  await page.getByLabel("Naar versie", { exact: true }).selectOption("2");
  await page.getByRole("button", { name: "Vergelijken" }).click();
  await page.getByText(/Actie toegevoegd: “Huisbezoek met de leerplichtambtenaar plannen”/).waitFor();
});

test("the coach writes this week's weekoverzicht; the child-safety note is required", async () => {
  await page.getByRole("navigation", { name: /Traject van gezin/ }).getByRole("link", { name: "Weekoverzichten" }).click();
  await page.getByRole("heading", { level: 1, name: "Weekoverzichten" }).waitFor();
  await page.getByRole("button", { name: "Weekoverzicht schrijven" }).click();
  const form = page.locator("form", { has: page.getByRole("heading", { name: "Nieuw weekoverzicht" }) });
  assert.match(await form.getByLabel("Over welke week?").inputValue(), /^\d{4}-W\d{2}$/);
  assert.match(await form.locator("option:checked").innerText(), /^Deze week/);
  await form.getByLabel(/^Wat is er gedaan/).fill("Huisbezoek; het MDO gehouden met het gezin en de woningcorporatie.");
  await form.getByRole("button", { name: "Weekoverzicht opslaan" }).click();
  await page.getByRole("link", { name: "Het gezin heeft kinderen: schrijf op hoe veilig de kinderen deze week waren." }).waitFor();
  await expectAccessible("plan-09-weekoverzicht-fout");
  await form.getByLabel("Veiligheid van de kinderen").fill("Geen zorgen: de kinderen gingen elke dag naar school.");
  await form.getByRole("button", { name: "Weekoverzicht opslaan" }).click();
  await page.getByText(/Het weekoverzicht van week \d+ .* is opgeslagen\./).waitFor();
  await page.getByRole("heading", { level: 3, name: /^Week \d+/ }).first().waitFor();
  await expectAccessible("plan-10-weekoverzichten");
});

/** The trajectory page of the first family in the given phase on the teamoverzicht, plus a sub-path. */
async function trajectoryInPhase(phase: string, sub: string): Promise<string> {
  await page.goto(`${server.url}/teamoverzicht`);
  const row = page.getByRole("table", { name: /Gezinnen van het team/ }).getByRole("row").filter({ has: page.getByRole("cell", { name: phase, exact: true }) }).first();
  const href = await row.getByRole("link", { name: /Traject openen/ }).getAttribute("href");
  assert.ok(href, `a family in phase ${phase}`);
  return `${server.url}${href}/${sub}`;
}

test("afronding: a stabilisatiecheck with a 'nee' is not stable; a relapse in nazorg becomes a signal", async () => {
  await page.goto(await trajectoryInPhase("Afronding", "afronding"));
  await page.getByRole("heading", { level: 1, name: "Afronding en nazorg" }).waitFor();
  const check = page.locator("form", { has: page.getByRole("heading", { name: /Stabilisatiecheck (invullen|bijwerken)/ }) });
  await check.getByRole("group", { name: /Met wie van het gezin/ }).getByRole("checkbox").first().check();
  const crisis = check.getByRole("group", { name: /Er is geen acute crisis meer/ });
  await crisis.getByRole("radio", { name: "Nee" }).check();
  await expectAccessible("plan-11-stabilisatiecheck");
  await check.getByRole("button", { name: "Stabilisatiecheck opslaan" }).click();
  await page.getByText(/De stabilisatiecheck is opgeslagen\. De situatie is nog niet stabiel/).waitFor();
  assert.match(await page.getByText("De situatie is nog niet stabiel genoeg om af te ronden", { exact: true }).locator("..").innerText(), /Er is geen acute crisis meer/);

  await page.goto(await trajectoryInPhase("Nazorg", "afronding"));
  await page.getByRole("heading", { level: 2, name: "Afronding en nazorg" }).waitFor();
  const contact = page.locator("form", { has: page.getByRole("heading", { name: "Contact vastleggen" }) });
  await contact.getByRole("checkbox", { name: "Er is sprake van terugval" }).check();
  await contact.getByRole("button", { name: "Contact vastleggen" }).click();
  await page.getByRole("link", { name: /Beschrijf de terugval/ }).waitFor();
  await contact.getByLabel(/^Hoe gaat het/).fill("Nieuwe huurachterstand; moeder neemt de telefoon niet meer op.");
  await contact.getByRole("button", { name: "Contact vastleggen" }).click();
  await page.getByText("Terugval gemeld", { exact: true }).waitFor();
  await expectAccessible("plan-12-nazorg-terugval");

  await page.goto(`${server.url}/teamoverzicht`);
  await page.getByRole("link", { name: /Terugval gemeld in de nazorg/ }).first().waitFor();
});

test("opschaling: the coach records a refused dwingend advies; the team lead records the outcome", async () => {
  const url = await trajectoryInPhase("Uitvoering", "ekc-opschaling-drang");
  await page.goto(url);
  const section = page.getByRole("region", { name: "Opschalingen" });
  await section.getByRole("heading", { level: 2, name: "Opschalingen" }).waitFor();
  await section.getByRole("button", { name: "Opschaling vastleggen" }).click();
  await section.getByLabel("Ketenpartner").fill("Schuldhulpverlening Voorbeeldstad");
  await section.getByLabel("Het dwingend advies").fill("Neem het gezin deze week in behandeling; de huur loopt verder op.");
  await section.getByLabel("De weigering en de reden die de partner gaf").fill("Wachtlijst van acht weken.");
  await section.getByRole("button", { name: "Opschaling opslaan" }).or(section.getByRole("button", { name: "Opslaan" })).first().click();
  await page.getByText("De opschaling is vastgelegd en staat bij de teamleider.").waitFor();
  assert.equal(await section.getByRole("button", { name: "Uitkomst vastleggen" }).count(), 0, "only the team lead records the outcome");

  await page.getByRole("button", { name: "Uitloggen" }).click();
  await page.getByRole("heading", { level: 1, name: "Inloggen" }).waitFor();
  await logIn("teamleider@demo.ploegwerk.nl");
  await page.goto(url);
  await section.getByRole("button", { name: "Uitkomst vastleggen" }).first().click();
  const form = section.getByRole("form", { name: /Uitkomst van de opschaling bij Schuldhulpverlening Voorbeeldstad/ });
  await form.getByRole("button", { name: "Opslaan" }).or(form.getByRole("button", { name: /opslaan/i })).first().click();
  await form.getByText("Vul de uitkomst in.").first().waitFor();
  await expectAccessible("plan-13-opschaling-uitkomst");
  await form.getByLabel("Uitkomst", { exact: true }).fill("Directeur schuldhulp gebeld: het gezin start volgende week.");
  await form.getByRole("button", { name: "Opslaan" }).or(form.getByRole("button", { name: /opslaan/i })).first().click();
  await section.getByText(/Uitkomst: Directeur schuldhulp gebeld/).waitFor();
  await expectAccessible("plan-14-opschaling-afgehandeld");
});
