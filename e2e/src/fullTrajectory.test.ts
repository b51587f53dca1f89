import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { Browser, Page } from "playwright-core";
import { readPdf, type PdfContent } from "../../packages/server/src/testing/pdfText.ts";
import { launchBrowser, OUTPUT_DIR, startServer, type RunningServer } from "./harness.ts";
import { amsterdamDay, amsterdamMoment, expectAccessible, fillMeasurement, fillNewFamily, logIn, openTrajectoryPage, phaseMove, region, expectFocus } from "./steps.ts";

/**
 * One new family the whole way through the method, in the real UI, as its coach: registered,
 * referred (with drang), the five checks, go with an introductiegesprek and the overdrachtsbrief
 * (its PDF text read back), consent and the nulmeting, the gezinsplan written and signed on paper,
 * uitvoering with an MDO whose agreement becomes an action in a new concept version and this week's
 * weekoverzicht, the stabilisatiecheck, afronding (before the planned end, so with a reason), the
 * nazorgplan, and nazorg — after which the tijdpad lists every phase in order. Every page state is
 * checked with axe (serious and critical fail); screenshots are kept as test-output/e2e/screenshots/full-*.png.
 */
const CASE_NUMBER = "E2E-FULL-001";
const PARENT = "Fenna Doorloop";
const CHILD = "Sem Doorloop";
const PARTNER_ORGANISATION = "Woonstichting Lefier";
const PARTNER_CONTACT = "Petra Huurman";
const MDO_AGREEMENT = "Samen met Fenna een budgetcursus bij de schuldhulp aanvragen";
// Nulmeting: huisvesting, inkomen and opvoeding are problems (scores of 3 or lower need a description).
const NULMETING = [3, 2, 2, 3, 4, 4, 3, 4, 5];

let server: RunningServer;
let browser: Browser;
let page: Page;
let trajectoryUrl = "";
/** How far the journey got: each test starts where the previous one stopped. */
let reached: "start" | "intake" | "signed" | "execution" | "done" = "start";
const checked: string[] = [];
const consoleErrors: string[] = [];
const pageErrors: string[] = [];

async function axe(name: string) {
  checked.push(name);
  await expectAccessible(page, `full-${String(checked.length).padStart(2, "0")}-${name}`);
}

/** The trajectory page, waiting until it has loaded its sections. */
async function toTrajectory() {
  await openTrajectoryPage(page, "Traject", new RegExp(`Traject gezin ${CASE_NUMBER}`));
  await region(page, "Tijdpad").waitFor();
  await page.locator(".pw-loading").first().waitFor({ state: "detached" });
}

/** "Fase wijzigen" on the trajectory page: open the move to `label` (no reason asked) and save it as of today. */
async function movePhase(key: string, label: string) {
  const move = phaseMove(page, key);
  await move.getByText("Dit kan nu").waitFor();
  await move.getByRole("button", { name: `Fase wijzigen naar ${label}` }).click();
  assert.equal(await move.getByLabel(/^Vanaf welke datum/).inputValue(), amsterdamDay(0), "the move counts from today by default");
  assert.match(await move.locator("label", { hasText: /^Reden/ }).innerText(), /niet verplicht/, `no reason needed to go to ${label}`);
  await move.getByRole("button", { name: `Naar ${label}` }).click();
}

async function expectPhase(label: string) {
  await page.getByText(`De fase is gewijzigd. Het gezin is nu in de fase ${label}.`).waitFor();
  assert.match(await page.locator('[aria-current="step"]').innerText(), new RegExp(label));
  assert.equal((await page.getByTestId("title-phase").innerText()).trim(), `Fase: ${label}`);
}

async function fetchPdf(href: string | null): Promise<PdfContent> {
  assert.ok(href, "the link has an address");
  const res = await page.request.get(new URL(href, server.url).toString());
  assert.equal(res.status(), 200, `GET ${href}`);
  assert.match(res.headers()["content-type"] ?? "", /^application\/pdf/);
  const body = await res.body();
  assert.equal(body.subarray(0, 5).toString("latin1"), "%PDF-", "the answer is a PDF");
  return readPdf(new Uint8Array(body));
}

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  page = await browser.newPage({ locale: "nl-NL", timezoneId: "Europe/Amsterdam", viewport: { width: 1280, height: 900 } });
  page.setDefaultTimeout(15_000);
  page.on("console", (m) => {
    if (m.type() === "error") consoleErrors.push(m.text());
  });
  page.on("pageerror", (e) => pageErrors.push(e.message));
});

after(async () => {
  // The last state of the page, to see where a failing step stopped.
  await page?.screenshot({ path: `${OUTPUT_DIR}/screenshots/full-99-last.png`, fullPage: true }).catch(() => undefined);
  if (consoleErrors.length > 0) console.log(`browser console errors:\n${consoleErrors.join("\n")}`);
  console.log(`axe checked ${checked.length} page states: ${checked.join(", ")}`);
  await browser?.close();
  await server?.stop();
});

test("aanmelding: a new family is referred, checked and accepted; the overdrachtsbrief names the family", async () => {
  await page.goto(`${server.url}/inloggen`);
  await page.getByRole("heading", { level: 1, name: "Inloggen" }).waitFor();
  await axe("inloggen");
  await logIn(page, server.url, "coach1@demo.ploegwerk.nl");
  await axe("mijn-gezinnen");

  await fillNewFamily(page, {
    caseNumber: CASE_NUMBER,
    postcode: "9713 KL",
    members: [
      { givenName: "Fenna", surname: "Doorloop", role: "Ouder of verzorger", dateOfBirth: "1987-02-11" },
      { givenName: "Sem", surname: "Doorloop", role: "Kind", dateOfBirth: "2017-06-30" },
    ],
  });
  await axe("nieuw-gezin");
  await page.getByRole("button", { name: "Gezin opslaan" }).click();
  await page.getByRole("heading", { level: 1, name: `Gezin ${CASE_NUMBER}` }).waitFor();
  await region(page, "Traject").getByText("Dit gezin heeft nog geen aanmelding").waitFor();
  await axe("gezin-zonder-traject");

  // The aanmeldformulier, from the woningcorporatie, with drang.
  await region(page, "Traject").getByRole("link", { name: "Aanmelding vastleggen" }).click();
  await page.getByRole("heading", { level: 1, name: "Aanmelding vastleggen" }).waitFor();
  assert.equal(await page.getByLabel(/^Datum van ontvangst/).inputValue(), amsterdamDay(0), "received today by default");
  await page.getByLabel(/^Soort organisatie/).selectOption({ label: "Woningcorporatie (Woonkans)" });
  await page.getByLabel(/^Naam van de organisatie/).fill(PARTNER_ORGANISATION);
  await page.getByLabel(/^Naam van de aanmelder/).fill(PARTNER_CONTACT);
  await page.getByLabel(/^Contactgegevens van de aanmelder/).fill("050-123 45 67");
  await page.getByLabel(/^Reden van aanmelding/).fill("Huurachterstand van vier maanden; de ontruiming is aangekondigd.");
  await page.getByLabel(/^Zorgen over veiligheid/).fill("Geen acute zorgen; Sem mist vaak school.");
  await page.getByRole("radio", { name: "Hoog" }).check();
  await page.getByLabel(/^Huisvesting/).fill("Huurachterstand, ontruiming dreigt.");
  await page.getByLabel(/^Inkomen/).fill("Schulden, geen overzicht over de post.");
  await page.getByRole("button", { name: "Instantie toevoegen" }).click();
  await page.getByRole("group", { name: "Instantie 1" }).getByLabel(/^Organisatie/).fill("Schuldhulp Groningen");
  await page.getByRole("radio", { name: "Drang" }).check();
  await page.getByLabel(/^Toelichting dwang of drang/).fill("De woningcorporatie stelt de ontruiming uit zolang het gezin meewerkt.");
  await axe("aanmeldformulier");
  await page.getByRole("button", { name: "Aanmelding opslaan" }).click();

  await page.getByRole("heading", { level: 1, name: new RegExp(`Traject gezin ${CASE_NUMBER}`) }).waitFor();
  trajectoryUrl = page.url();
  assert.match(trajectoryUrl, /\/trajecten\/[0-9a-f-]{36}$/);
  await page.getByText("De aanmelding is vastgelegd.").waitFor();
  assert.match(await page.locator('[aria-current="step"]').innerText(), /Aanmelding/);
  assert.match(await page.getByTestId("deadline-go_no_go").innerText(), /nog 14 dagen/);
  await axe("traject-aanmelding");

  // The five checks, one at a time.
  for (const [kind, result] of [["child_safety", "Geen zorgen"], ["police", "Geen zorgen"], ["social_services", "Geen zorgen"], ["youth_care", "Niet bekend"], ["housing", "Zorgen"]] as const) {
    const check = page.getByTestId(`check-${kind}`);
    await check.getByRole("radio", { name: result, exact: true }).check();
    if (result === "Zorgen") await check.getByLabel(/^Toelichting/).fill("Huurachterstand van vier maanden; de corporatie werkt mee aan een regeling.");
    await check.getByRole("button", { name: /Check opslaan/ }).click();
    await check.getByText(/is opgeslagen/).waitFor();
  }
  await page.getByText("5 van de 5 checks gedaan.").waitFor();
  await axe("traject-checks");

  // Go, with the introductiegesprek in three days.
  const decision = region(page, "Besluit: go of no-go");
  await decision.getByRole("radio", { name: /^Go:/ }).check();
  await decision.getByLabel(/^Datum$/).fill(amsterdamDay(3));
  await decision.getByLabel(/^Tijd$/).fill("10:15");
  await decision.getByLabel(/^Plaats/).fill("Buurthuis De Wijert");
  await axe("traject-go-invullen");
  await decision.getByRole("button", { name: "Besluit opslaan" }).click();
  await decision.getByText("Go is vastgelegd.", { exact: false }).waitFor();
  assert.match(await page.locator('[aria-current="step"]').innerText(), /Informatiefase/);
  assert.match(await page.getByTestId("deadline-intake").innerText(), /nog 28 dagen/);
  assert.match(await decision.innerText(), /10:15, Buurthuis De Wijert/);
  await axe("traject-informatiefase");

  // The overdrachtsbrief: the link opens the PDF in the browser's viewer; its bytes, fetched with the
  // coach's session, are read back as text.
  const letterLink = page.getByRole("link", { name: "Overdrachtsbrief aan het gezin (PDF)" });
  const href = await letterLink.getAttribute("href");
  assert.match(href ?? "", /^\/api\/v1\/trajectories\/[0-9a-f-]{36}\/handover-letter\.pdf$/);
  const [opened] = await Promise.all([page.waitForResponse((r) => r.url().endsWith("/handover-letter.pdf")), letterLink.click()]);
  assert.equal(opened.status(), 200);
  assert.match(opened.headers()["content-type"] ?? "", /^application\/pdf/);
  assert.equal(page.url(), new URL(href ?? "", server.url).toString(), "the browser shows the letter");
  await page.goBack();
  await page.getByRole("heading", { level: 1, name: new RegExp(`Traject gezin ${CASE_NUMBER}`) }).waitFor();
  const letter = await fetchPdf(href);
  for (const expected of [PARENT, `Dossiernummer ${CASE_NUMBER}`, `${PARTNER_ORGANISATION} heeft u bij ons aangemeld.`, "Tijd 10:15 uur", "Plaats Buurthuis De Wijert", "Let op: meewerken is belangrijk"]) {
    assert.ok(letter.text.includes(expected), `the overdrachtsbrief says "${expected}"; it reads: ${letter.text}`);
  }
  assert.equal(letter.language, "nl-NL");

  // Terugkoppeling on the decision to the referrer.
  const feedback = region(page, "Terugkoppeling aan de aanmelder");
  await feedback.getByText("Terugkoppeling nog niet gedaan").waitFor();
  await feedback.getByRole("radio", { name: "E-mail" }).check();
  await feedback.getByRole("button", { name: "Terugkoppeling opslaan" }).click();
  await feedback.getByText(/is vastgelegd/).waitFor();

  // Consent; the gezinsplan phase then waits for the nulmeting only.
  await page.getByLabel(/^Datum van ondertekening/).fill(amsterdamDay(0));
  await page.getByRole("button", { name: "Toestemming vastleggen" }).click();
  await page.getByText(/Het toestemmingsformulier is vastgelegd/).waitFor();
  const toPlanning = phaseMove(page, "planning");
  await toPlanning.locator('[data-refusal="consent_missing"]').waitFor({ state: "detached" });
  assert.equal(await toPlanning.locator('[data-refusal="baseline_missing"]').innerText(), "Er is nog geen nulmeting.");
  await axe("traject-toestemming");
  reached = "intake";
});

test("gezinsplan: the nulmeting, the plan written in the editor and signed by the family on paper", async () => {
  assert.equal(reached, "intake", "the aanmelding went through");

  // The nulmeting, through the measurement form on the family file.
  await page.getByRole("link", { name: `Terug naar gezin ${CASE_NUMBER}` }).click();
  await page.getByRole("heading", { level: 1, name: `Gezin ${CASE_NUMBER}` }).waitFor();
  await region(page, "Traject").getByTestId("trajectory-phase").filter({ hasText: "Informatiefase" }).waitFor();
  await fillMeasurement(page, 0, NULMETING);
  await axe("nulmeting");
  await page.getByRole("button", { name: "Meting opslaan" }).click();
  await page.getByRole("heading", { level: 1, name: `Gezin ${CASE_NUMBER}` }).waitFor();
  await page.getByTestId("measurement-chart").waitFor();
  await axe("gezin-met-nulmeting");

  await region(page, "Traject").getByRole("link", { name: "Naar het traject" }).click();
  await page.getByRole("heading", { level: 1, name: new RegExp(`Traject gezin ${CASE_NUMBER}`) }).waitFor();
  assert.equal(page.url(), trajectoryUrl);
  await phaseMove(page, "planning").getByText("Dit kan nu").waitFor();
  await axe("traject-klaar-voor-gezinsplan");
  await movePhase("planning", "Gezinsplan opstellen");
  await expectPhase("Gezinsplan opstellen");
  assert.match(await page.getByTestId("deadline-plan_signature").innerText(), /Gezinsplan ondertekend/);
  await axe("traject-gezinsplan-opstellen");

  // The plan page has no plan yet; the editor starts the first version.
  await openTrajectoryPage(page, "Gezinsplan", "Gezinsplan");
  await page.getByText("Er is nog geen gezinsplan.", { exact: false }).first().waitFor();
  await axe("gezinsplan-leeg");
  await page.getByRole("link", { name: "Gezinsplan opstellen" }).first().click();
  await page.getByRole("heading", { level: 1, name: "Gezinsplan opstellen" }).waitFor();
  assert.equal(await page.getByLabel(/^Startdatum van het plan/).inputValue(), amsterdamDay(0));

  await page.getByRole("button", { name: "Overkoepelend doel toevoegen" }).click();
  const overall = page.getByRole("group", { name: "Overkoepelend doel 1" });
  await overall.getByLabel(/^Omschrijving/).fill("Fenna en Sem wonen veilig en betaalbaar, zonder dreiging van ontruiming.");
  await overall.getByLabel(/^Streefdatum/).fill(amsterdamDay(180));

  const goal = page.getByRole("group", { name: /^Doel 1(:|$)/ });
  await goal.getByLabel(/^Leefgebied/).selectOption({ label: "Huisvesting" });
  await page.getByRole("group", { name: "Doel 1: Huisvesting" }).waitFor();
  await goal.getByLabel(/^Wat willen we bereiken/).fill("De huur wordt elke maand op tijd betaald en de achterstand is afgelost.");
  await goal.getByLabel(/^Streefdatum/).fill(amsterdamDay(120));

  await goal.getByRole("button", { name: "Actie toevoegen aan doel 1" }).click();
  const own = page.getByRole("group", { name: "Actie 1.1" });
  await own.getByLabel("Wat wordt er gedaan?").fill("De huur automatisch laten afschrijven op de dag dat de uitkering binnenkomt");
  await own.getByLabel("Wie doet het?").selectOption({ label: "Een gezinslid" });
  await own.getByLabel(/^Welk gezinslid/).selectOption({ label: `${PARENT} (Ouder of verzorger)` });
  await own.getByLabel("Uiterlijk klaar op").fill(amsterdamDay(14));

  await goal.getByRole("button", { name: "Actie toevoegen aan doel 1" }).click();
  const partner = page.getByRole("group", { name: "Actie 1.2" });
  await partner.getByLabel("Wat wordt er gedaan?").fill("Een betalingsregeling voor de huurachterstand voorstellen en de ontruiming opschorten");
  await partner.getByLabel("Wie doet het?").selectOption({ label: "Een ketenpartner" });
  await partner.getByLabel(/^Organisatie/).fill(PARTNER_ORGANISATION);
  await partner.getByLabel(/^Contactpersoon/).fill(PARTNER_CONTACT);
  await partner.getByLabel(/^Telefoon of e-mail/).fill("p.huurman@lefier.example");
  await partner.getByLabel("Uiterlijk klaar op").fill(amsterdamDay(21));
  assert.equal(await page.getByText("Nog nodig voordat het gezin kan ondertekenen").count(), 0, "the concept is ready to be signed");
  await axe("gezinsplan-editor");
  await page.getByRole("button", { name: "Concept opslaan (versie 1)" }).click();

  await page.getByRole("heading", { level: 1, name: "Gezinsplan" }).waitFor();
  await page.getByText("Versie 1 is opgeslagen als concept.").waitFor();
  const version = page.locator("#plan-version");
  await version.getByRole("heading", { name: "Versie 1 bekijken" }).waitFor();
  await version.getByText("Een betalingsregeling voor de huurachterstand", { exact: false }).waitFor();
  const conceptText = await version.innerText();
  for (const expected of ["Fenna en Sem wonen veilig en betaalbaar", "Huisvesting", "De huur automatisch laten afschrijven", PARENT, "Een betalingsregeling voor de huurachterstand", PARTNER_ORGANISATION, PARTNER_CONTACT]) {
    assert.ok(conceptText.includes(expected), `version 1 shows "${expected}"`);
  }
  await axe("gezinsplan-concept");

  // The family signs version 1 on paper.
  const sign = region(page, "Ondertekening van versie 1 vastleggen");
  await sign.getByRole("group", { name: /Wie van het gezin heeft ondertekend/ }).getByRole("checkbox", { name: new RegExp(PARENT) }).check();
  await sign.getByRole("radio", { name: "Op papier" }).check();
  assert.equal(await sign.getByLabel(/^Datum van ondertekening/).inputValue(), amsterdamDay(0));
  await axe("gezinsplan-ondertekenen");
  await sign.getByRole("button", { name: "Ondertekening van versie 1 vastleggen" }).click();
  await page.getByText("Versie 1 is ondertekend. Dit is nu het geldende gezinsplan.").waitFor();
  await page.getByText(/Geldend plan: versie 1\./).waitFor();
  const versions = page.getByRole("table", { name: /Versies van het gezinsplan/ });
  assert.match(await versions.innerText(), /Definitief\s*Geldend/);
  await axe("gezinsplan-ondertekend");

  // The signed plan's PDF, as printed for the family.
  const planPdf = await fetchPdf(await versions.getByRole("link", { name: "PDF om af te drukken versie 1" }).getAttribute("href"));
  for (const expected of [`${PARENT} (ouder)`, `${CHILD} (kind)`, `Dossiernummer ${CASE_NUMBER}`, "Leefgebied: Huisvesting", "Ondertekend door Fenna Doorloop (ouder)"]) {
    assert.ok(planPdf.text.includes(expected), `the plan's PDF says "${expected}"; it reads: ${planPdf.text}`);
  }
  reached = "signed";
});

test("uitvoering: an MDO whose agreement becomes an action in a new concept version, and this week's weekoverzicht", async () => {
  assert.equal(reached, "signed", "the plan was signed");
  await toTrajectory();
  await movePhase("execution", "Uitvoering");
  await expectPhase("Uitvoering");
  await axe("traject-uitvoering");

  // Terugkoppeling on the start of the uitvoering is owed to the referrer.
  const feedback = region(page, "Terugkoppeling aan de aanmelder");
  await feedback.getByText("Terugkoppeling nog niet gedaan").waitFor();
  assert.match(await feedback.innerText(), /weet nog niet dat de uitvoering is gestart/);
  await feedback.getByRole("radio", { name: "Telefoon" }).check();
  await feedback.getByRole("button", { name: "Terugkoppeling opslaan" }).click();
  await feedback.getByText(/is vastgelegd/).waitFor();
  assert.equal(await feedback.getByText("Terugkoppeling nog niet gedaan").count(), 0);

  // Plan the MDO (held earlier today), with the family and the chain partner from the plan.
  await openTrajectoryPage(page, "MDO's", "MDO's");
  await page.getByText("Er is nog geen MDO gepland.").first().waitFor();
  await axe("mdo-leeg");
  await page.getByRole("button", { name: "MDO plannen" }).click();
  const form = page.locator("form", { has: page.getByRole("heading", { name: "Nieuw MDO plannen" }) });
  const held = amsterdamMoment(90);
  await form.getByLabel("Datum", { exact: true }).fill(held.date);
  await form.getByLabel("Tijd", { exact: true }).fill(held.time);
  await form.getByLabel(/^Plaats/).fill("Kantoor van Woonstichting Lefier");
  await form.getByRole("group", { name: "Gezinsleden" }).getByRole("checkbox", { name: new RegExp(PARENT) }).check();
  await form.getByRole("group", { name: /Ketenpartners uit het gezinsplan/ }).getByRole("checkbox", { name: new RegExp(PARTNER_CONTACT) }).check();
  const agenda = await form.getByLabel(/^Agendapunt \d/).count();
  assert.ok(agenda >= 1, "the plan's open goal is on the agenda by default");
  assert.match(await form.getByLabel(/^Agendapunt 1/).inputValue(), /huur/);
  await axe("mdo-plannen");
  await form.getByRole("button", { name: "MDO plannen" }).click();
  await page.getByText(/Het MDO is gepland op/).waitFor();
  await axe("mdo-gepland");

  await page.getByRole("link", { name: /Bekijken, vastleggen of afgelasten/ }).first().click();
  await page.getByRole("heading", { level: 1, name: /^MDO van / }).waitFor();
  const hold = page.locator("form", { has: page.getByRole("heading", { name: "MDO vastleggen als gehouden" }) });
  const present = hold.getByRole("group", { name: /Wie waren er/ });
  await present.getByRole("checkbox", { name: new RegExp(PARENT) }).check();
  await present.getByRole("checkbox", { name: new RegExp(PARTNER_CONTACT) }).check();
  assert.equal(await hold.getByRole("checkbox", { name: "Het gezin was aanwezig" }).isChecked(), true, "a family member attending marks the family as present");
  await hold.getByLabel("Besluiten").fill("De betalingsregeling gaat door; Fenna krijgt hulp bij het budget.");
  await hold.getByLabel(/^Verslag/).fill("Fenna vertelde zelf hoe het gaat. De corporatie schort de ontruiming op.");
  await hold.getByRole("button", { name: "Afspraak toevoegen" }).click();
  const agreement = hold.getByRole("group", { name: "Afspraak 1" });
  await agreement.getByLabel("Wat is er afgesproken?").fill(MDO_AGREEMENT);
  await agreement.getByLabel(/Bij welk doel/).selectOption({ index: 1 });
  await agreement.getByLabel("Wie doet het?").selectOption({ label: "Een coach of collega" });
  await agreement.getByLabel("Uiterlijk klaar op").fill(amsterdamDay(10));
  await axe("mdo-vastleggen");
  await hold.getByRole("button", { name: "MDO vastleggen" }).click();
  await page.getByText("Het MDO is vastgelegd. 1 afspraak staat nu als actie in het gezinsplan (versie 2).").waitFor();
  await axe("mdo-gehouden");

  await page.getByRole("link", { name: "Versie 2 van het gezinsplan bekijken" }).click();
  await page.getByRole("heading", { level: 1, name: "Gezinsplan" }).waitFor();
  const version = page.locator("#plan-version");
  await version.getByRole("heading", { name: "Versie 2 bekijken" }).waitFor();
  await version.getByText(MDO_AGREEMENT).waitFor();
  const v2 = await version.innerText();
  assert.match(v2, /Concept/);
  assert.ok(v2.includes(MDO_AGREEMENT), "the agreement is an action in the new concept version");
  assert.match(await page.getByRole("table", { name: /Versies van het gezinsplan/ }).innerText(), /versie 1\s+Definitief\s*Geldend/, "version 1 stays the plan in force");
  await axe("gezinsplan-versie-2");

  // This week's weekoverzicht.
  await openTrajectoryPage(page, "Weekoverzichten", "Weekoverzichten");
  await page.getByRole("button", { name: "Weekoverzicht schrijven" }).click();
  const weekly = page.locator("form", { has: page.getByRole("heading", { name: "Nieuw weekoverzicht" }) });
  assert.match(await weekly.locator("option:checked").innerText(), /^Deze week/);
  await weekly.getByLabel(/^Wat is er gedaan/).fill("Huisbezoek; het gezinsplan ondertekend; MDO met de woningcorporatie.");
  await weekly.getByLabel(/^Welke keuzes zijn er gemaakt/).fill("Eerst de huurachterstand, daarna de schoolgang van Sem.");
  await weekly.getByLabel(/^Waar liep het vast/).fill("De post blijft liggen; Fenna opent de brieven niet.");
  await weekly.getByLabel("Veiligheid van de kinderen").fill("Geen zorgen: Sem ging elke dag naar school en is veilig thuis.");
  await axe("weekoverzicht-schrijven");
  await weekly.getByRole("button", { name: "Weekoverzicht opslaan" }).click();
  await page.getByText(/Het weekoverzicht van week \d+ .* is opgeslagen\./).waitFor();
  await page.getByRole("heading", { level: 3, name: /^Week \d+/ }).first().waitFor();
  await axe("weekoverzichten");
  reached = "execution";
});

test("afronding and nazorg: a stable stabilisatiecheck, afronding with a reason, a complete nazorgplan, nazorg, and the tijdpad", async () => {
  assert.equal(reached, "execution", "the uitvoering went through");

  // The stabilisatiecheck with Fenna: every point yes.
  await openTrajectoryPage(page, "Afronding en nazorg", "Afronding en nazorg");
  await page.getByText("De stabilisatiecheck is nog niet ingevuld.").waitFor();
  await axe("afronding-leeg");
  const check = page.locator("form", { has: page.getByRole("heading", { name: "Stabilisatiecheck invullen" }) });
  await check.getByRole("group", { name: /Met wie van het gezin/ }).getByRole("checkbox", { name: new RegExp(PARENT) }).check();
  const items = check.getByRole("group", { name: /^\d\. / });
  assert.equal(await items.count(), 8, "eight points on the stabilisatiecheck");
  assert.equal(await check.getByRole("radio", { name: "Niet van toepassing" }).count(), 2, "only the children's safety and regular help may be n.v.t.");
  for (let i = 0; i < 8; i++) await items.nth(i).getByRole("radio", { name: "Ja", exact: true }).check();
  await check.getByText("8 van de 8 punten beantwoord.").waitFor();
  await axe("stabilisatiecheck");
  await check.getByRole("button", { name: "Stabilisatiecheck opslaan" }).click();
  await page.getByText("De stabilisatiecheck is opgeslagen: de situatie is stabiel.").waitFor();
  await page.getByText("De situatie is stabiel", { exact: true }).waitFor();
  await axe("stabilisatiecheck-stabiel");

  // Afronding: well before the planned end of half a year, so the move needs a reason.
  await toTrajectory();
  const toClosing = phaseMove(page, "closing");
  await toClosing.getByText("Dit kan nu").waitFor();
  await toClosing.getByRole("button", { name: "Fase wijzigen naar Afronding" }).click();
  const reason = toClosing.getByLabel(/^Reden/);
  assert.doesNotMatch(await toClosing.locator("label", { hasText: /^Reden/ }).innerText(), /niet verplicht/, "the form says a reason is needed");
  assert.match(await toClosing.innerText(), /Afronden vóór de geplande einddatum \(\d+ \w+ \d{4}\) vraagt om een reden/);
  await toClosing.getByRole("button", { name: "Naar Afronding" }).click();
  await toClosing.getByText("Vul de reden in.").first().waitFor();
  await expectFocus(page, { id: "fase-closing-reason" }, "focus moves to the reason");
  await axe("traject-afronding-reden-nodig");
  await reason.fill("De doelen zijn eerder bereikt dan gepland: de huur wordt betaald en de achterstand is geregeld.");
  await toClosing.getByRole("button", { name: "Naar Afronding" }).click();
  await expectPhase("Afronding");
  await axe("traject-afronding");

  // The nazorgplan, every field.
  await openTrajectoryPage(page, "Afronding en nazorg", "Afronding en nazorg");
  const plan = page.locator("form", { has: page.getByRole("heading", { name: "Nazorgplan opstellen" }) });
  await plan.getByLabel(/^Wie houdt contact met het gezin/).fill("Karin de Wijk");
  await plan.getByLabel(/^Van welke organisatie/).fill("Wijkteam Zuid");
  await plan.getByLabel(/^Hoe vaak is er contact/).selectOption({ label: "Elke 4 weken" });
  await plan.getByLabel(/^Nazorg begint op/).fill(amsterdamDay(0));
  await plan.getByLabel(/^Overdracht naar/).fill("Wijkteam Zuid en de schuldhulp van de gemeente");
  await plan.getByLabel(/^Afspraak bij terugval/).fill("Bij een nieuwe huurachterstand belt de corporatie of het wijkteam de gezinscoach; die neemt binnen een week contact op.");
  await axe("nazorgplan-invullen");
  await plan.getByRole("button", { name: "Nazorgplan opslaan" }).click();
  await page.getByText("Het nazorgplan is opgeslagen en compleet.").waitFor();
  await page.getByText("Het nazorgplan is compleet.").waitFor();
  await axe("nazorgplan-compleet");

  // Nazorg.
  await toTrajectory();
  await movePhase("aftercare", "Nazorg");
  await expectPhase("Nazorg");
  await axe("traject-nazorg");

  // The tijdpad: every phase, in the order the family went through them, with the reason for the early afronding.
  const rows = region(page, "Tijdpad").getByRole("table").locator("tbody tr");
  const lines: string[][] = [];
  for (let i = 0; i < (await rows.count()); i++) {
    const cells = rows.nth(i).locator("th, td");
    const texts: string[] = [];
    for (let j = 0; j < (await cells.count()); j++) texts.push((await cells.nth(j).innerText()).replace(/→/g, " ").replace(/\s+/g, " ").trim());
    lines.push(texts);
  }
  assert.deepEqual(
    lines.map((l) => l[1]),
    [
      "Aanmelding",
      "Aanmelding naar Informatiefase",
      "Informatiefase naar Gezinsplan opstellen",
      "Gezinsplan opstellen naar Uitvoering",
      "Uitvoering naar Afronding",
      "Afronding naar Nazorg",
    ],
    "the tijdpad lists every phase in order",
  );
  assert.deepEqual(lines.map((l) => l[2]), ["Aangemeld", "Go: start informatiefase", "Volgende fase", "Volgende fase", "Volgende fase", "Volgende fase"]);
  assert.ok(lines.every((l) => /^Carla Coach\b/.test(l[3] ?? "")), `the coach recorded every step: ${lines.map((l) => l[3]).join(", ")}`);
  assert.match(lines[4]?.[4] ?? "", /eerder bereikt dan gepland/, "the reason for the early afronding is in the tijdpad");

  // The stepper: every earlier phase done, nazorg current.
  const stepper = page.getByRole("list", { name: "Fasen van het traject" });
  assert.match(await stepper.innerText(), /Nazorg/);
  assert.equal(pageErrors.length, 0, `no uncaught errors in the page:\n${pageErrors.join("\n")}`);
  reached = "done";
});
