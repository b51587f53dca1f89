import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { Browser, Locator, Page } from "playwright-core";
import { launchBrowser, startServer, type RunningServer } from "./harness.ts";
import { amsterdamDay, expectAccessible as checkAccessible, fillNewFamily, logIn as logInAs, logOut as logOutOf, expectFocus } from "./steps.ts";

/**
 * A referral from the police comes in: the coach records the aanmelding for a family without a
 * nulmeting, runs the five checks, decides go with an introductiegesprek, reports back to the
 * referrer, records consent, and sees the informatiefase deadline of four weeks and the one guard
 * (the nulmeting) that still stands before the gezinsplan phase. A colleague's change meanwhile
 * shows the "reload" message. Then the team lead and ondersteuning see what their role allows.
 * Every page state is checked with axe; screenshots go to test-output/e2e/screenshots.
 */
const CASE_NUMBER = "E2E-TRAJ-001";

let server: RunningServer;
let browser: Browser;
let page: Page;
let trajectoryUrl = "";
let familyUrl = "";
const demoPhases: string[] = [];

async function expectAccessible(name: string) {
  await checkAccessible(page, name);
}

async function logIn(email: string) {
  await logInAs(page, server.url, email);
}

async function logOut() {
  await logOutOf(page);
}

const region = (name: string | RegExp): Locator => page.getByRole("region", { name });

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  page = await browser.newPage({ locale: "nl-NL", timezoneId: "Europe/Amsterdam", viewport: { width: 1280, height: 900 } });
  page.setDefaultTimeout(15_000);
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

test("a coach records an aanmelding, the checks and a go, and sees what still blocks the gezinsplan", async () => {
  await logIn("coach1@demo.ploegwerk.nl");

  // Demo trajectories, one per phase the demo data has, each page checked with axe.
  const families = (await (await page.request.get(`${server.url}/api/v1/families?pageSize=200`)).json()) as { items: { id: string }[] };
  const byPhase = new Map<string, string>();
  for (const f of families.items) {
    const list = (await (await page.request.get(`${server.url}/api/v1/families/${f.id}/trajectories`)).json()) as { items: { id: string; phase: string }[] };
    for (const tr of list.items) if (!byPhase.has(tr.phase)) byPhase.set(tr.phase, tr.id);
  }
  for (const [phase, id] of byPhase) {
    await page.goto(`${server.url}/trajecten/${id}`);
    await page.getByRole("heading", { level: 1, name: /Traject gezin/ }).waitFor();
    await page.getByRole("region", { name: "Tijdpad" }).waitFor();
    await page.locator(".pw-loading").first().waitFor({ state: "detached" });
    await expectAccessible(`t00-demotraject-${phase}`);
  }
  demoPhases.push(...byPhase.keys());

  // A demo family's file has the Traject section.
  await page.getByRole("link", { name: "Mijn gezinnen" }).click();
  await page.getByRole("link", { name: /DEMO-00/ }).first().click();
  await region("Traject").waitFor();
  await region("Traject").getByText(/Aanmelding vastleggen|Naar het traject|nog geen aanmelding/).first().waitFor();
  await expectAccessible("t01-demogezin-traject");

  // A new family, not measured yet, for whom the aanmelding comes in.
  await page.getByRole("link", { name: "Mijn gezinnen" }).click();
  await fillNewFamily(page, {
    caseNumber: CASE_NUMBER,
    members: [
      { givenName: "Mira", surname: "Aanmeld", role: "Ouder of verzorger", dateOfBirth: "1988-05-20" },
      { givenName: "Bo", surname: "Verwijs", role: "Kind", dateOfBirth: "2015-09-01" },
    ],
  });
  await page.getByRole("button", { name: "Gezin opslaan" }).click();
  await page.getByRole("heading", { level: 1, name: `Gezin ${CASE_NUMBER}` }).waitFor();
  familyUrl = page.url();
  await region("Traject").getByText("Dit gezin heeft nog geen aanmelding").waitFor();
  await expectAccessible("t02-gezin-zonder-traject");

  // The aanmeldformulier: an empty submit lists what is missing and links to the fields.
  await region("Traject").getByRole("link", { name: "Aanmelding vastleggen" }).click();
  await page.getByRole("heading", { level: 1, name: "Aanmelding vastleggen" }).waitFor();
  assert.equal(await page.getByRole("group", { name: "Problemen per leefgebied" }).getByRole("textbox").count(), 9, "a text field per leefgebied of ploeg-9");
  await page.getByRole("button", { name: "Aanmelding opslaan" }).click();
  const summary = page.getByRole("alert").filter({ hasText: "Er zijn 4 fouten" });
  await summary.waitFor();
  await summary.getByRole("link", { name: "Vul de reden van aanmelding in." }).click();
  await expectFocus(page, { id: "aanmelding-reason" }, "the summary link moves focus to its field");
  await expectAccessible("t03-aanmelding-fouten");

  await page.getByLabel(/^Soort organisatie/).selectOption({ label: "Politie" });
  await page.getByLabel(/^Naam van de organisatie/).fill("Politie wijkteam Noord");
  await page.getByLabel(/^Naam van de aanmelder/).fill("Wijkagent Jansen");
  await page.getByLabel(/^Contactgegevens van de aanmelder/).fill("0900-8844");
  await page.getByLabel(/^Reden van aanmelding/).fill("Herhaalde meldingen van ruzie en overlast; de kinderen zijn vaak niet op school.");
  await page.getByLabel(/^Zorgen over veiligheid/).fill("Bij de laatste melding waren de kinderen thuis.");
  await page.getByRole("radio", { name: "Hoog" }).check();
  await page.getByLabel(/^Huisvesting/).fill("Huurachterstand van drie maanden.");
  await page.getByLabel(/^Opvoedingssituatie/).fill("Weinig structuur, veel schoolverzuim.");
  await page.getByRole("button", { name: "Instantie toevoegen" }).click();
  await page.getByRole("group", { name: "Instantie 1" }).getByLabel(/^Organisatie/).fill("Jeugdzorg Noord");
  assert.equal(await page.getByLabel(/^Toelichting dwang of drang/).count(), 0, "no explanation field without dwang or drang");
  await page.getByRole("radio", { name: "Drang" }).check();
  await page.getByRole("button", { name: "Aanmelding opslaan" }).click();
  await page.getByRole("alert").filter({ hasText: "Er is 1 fout" }).waitFor();
  await page.getByLabel(/^Toelichting dwang of drang/).fill("Woningcorporatie: ontruiming wordt uitgesteld zolang het gezin meewerkt.");
  await expectAccessible("t04-aanmelding-ingevuld");
  await page.getByRole("button", { name: "Aanmelding opslaan" }).click();

  // The trajectory page in phase aanmelding.
  await page.getByRole("heading", { level: 1, name: new RegExp(`Traject gezin ${CASE_NUMBER}`) }).waitFor();
  trajectoryUrl = page.url();
  assert.match(trajectoryUrl, /\/trajecten\/[0-9a-f-]{36}$/);
  await page.getByText("De aanmelding is vastgelegd.").waitFor();
  assert.match(await page.locator('[aria-current="step"]').innerText(), /Aanmelding/);
  assert.match(await page.getByTestId("deadline-go_no_go").innerText(), /nog 14 dagen/);
  await expectAccessible("t05-traject-aanmelding");

  // A go before the checks is stopped in the form.
  const decision = region("Besluit: go of no-go");
  await decision.getByRole("radio", { name: /^Go:/ }).check();
  await decision.getByRole("button", { name: "Besluit opslaan" }).click();
  await page.getByRole("alert").filter({ hasText: "Een go kan pas als alle checks gedaan zijn" }).waitFor();

  // The five checks, saved one at a time.
  for (const kind of ["child_safety", "police", "social_services", "youth_care", "housing"]) {
    const check = page.getByTestId(`check-${kind}`);
    if (kind === "housing") {
      await check.getByRole("radio", { name: "Zorgen", exact: true }).check();
      await check.getByRole("button", { name: /Check opslaan/ }).click();
      await check.getByText("Beschrijf de zorgen.").first().waitFor();
      await check.getByLabel(/^Toelichting/).fill("Huurachterstand van drie maanden; de corporatie werkt mee.");
    } else {
      await check.getByRole("radio", { name: kind === "youth_care" ? "Niet bekend" : "Geen zorgen", exact: true }).check();
    }
    await check.getByRole("button", { name: /Check opslaan/ }).click();
    await check.getByText(/is opgeslagen/).waitFor();
  }
  await page.getByText("5 van de 5 checks gedaan.").waitFor();
  await expectAccessible("t06-traject-checks");

  // Go, with the introductiegesprek.
  await decision.getByRole("radio", { name: /^Go:/ }).check();
  await decision.getByLabel(/^Datum$/).fill(amsterdamDay(3));
  await decision.getByLabel(/^Tijd$/).fill("14:30");
  await decision.getByLabel(/^Plaats/).fill("Bij het gezin thuis");
  await decision.getByRole("button", { name: "Besluit opslaan" }).click();
  await decision.getByText("Go is vastgelegd.", { exact: false }).waitFor();
  assert.match(await page.locator('[aria-current="step"]').innerText(), /Informatiefase/);
  const intake = await page.getByTestId("deadline-intake").innerText();
  assert.match(intake, /Einde informatiefase/);
  assert.match(intake, /nog 28 dagen/, "the informatiefase takes four weeks from the go");
  assert.match(await decision.innerText(), /14:30, Bij het gezin thuis/);

  // Terugkoppeling to the referrer is owed until it is recorded.
  const feedback = region("Terugkoppeling aan de aanmelder");
  await feedback.getByText("Terugkoppeling nog niet gedaan").waitFor();
  await feedback.getByRole("radio", { name: "Telefoon" }).check();
  await feedback.getByRole("button", { name: "Terugkoppeling opslaan" }).click();
  await feedback.getByText(/is vastgelegd/).waitFor();
  assert.equal(await feedback.getByText("Terugkoppeling nog niet gedaan").count(), 0);

  // Fase wijzigen: the gezinsplan phase waits for consent and a nulmeting.
  const toPlanning = page.getByTestId("move-planning");
  await toPlanning.getByText("Nog niet mogelijk").waitFor();
  assert.equal(await toPlanning.locator('[data-refusal="consent_missing"]').count(), 1);
  assert.equal(await toPlanning.locator('[data-refusal="baseline_missing"]').count(), 1);

  await page.getByLabel(/^Datum van ondertekening/).fill(amsterdamDay(0));
  await page.getByRole("button", { name: "Toestemming vastleggen" }).click();
  await page.getByText(/Het toestemmingsformulier is vastgelegd/).waitFor();
  await toPlanning.locator('[data-refusal="consent_missing"]').waitFor({ state: "detached" });
  assert.equal(await toPlanning.locator('[data-refusal="baseline_missing"]').innerText(), "Er is nog geen nulmeting.");
  assert.match(await page.getByTestId("move-closed").innerText(), /Dit kan nu/, "stopping early (uitval) stays possible");
  await expectAccessible("t07-traject-informatiefase");

  // The same guard in English.
  await page.getByRole("button", { name: "English" }).click();
  await toPlanning.getByText("There is no baseline measurement yet.").waitFor();
  assert.match(await page.getByTestId("deadline-intake").innerText(), /28 days left/);
  await expectAccessible("t08-traject-informatiefase-en");
  await page.getByRole("button", { name: "Nederlands" }).click();
  await toPlanning.getByText("Er is nog geen nulmeting.").waitFor();

  // A colleague changes the trajectory while the coach fills in a move: the coach is told to reload.
  await page.getByRole("button", { name: "Fase wijzigen naar Gesloten" }).click();
  await page.getByTestId("move-closed").getByLabel(/^Reden/).fill("Het gezin is verhuisd naar een andere gemeente.");
  const id = trajectoryUrl.split("/").pop() ?? "";
  const meanwhile = await page.request.put(`${server.url}/api/v1/trajectories/${id}/consent`, { data: { signedOn: amsterdamDay(-1) } });
  assert.equal(meanwhile.status(), 200);
  await page.getByRole("button", { name: "Naar Gesloten" }).click();
  const stale = page.getByRole("alert").filter({ hasText: "Iemand anders heeft dit intussen gewijzigd" });
  await stale.waitFor();
  await expectFocus(page, { within: ".pw-alert", textIncludes: "Iemand anders" }, "focus moves to the message");
  await expectAccessible("t09-traject-gewijzigd-door-collega");
  await stale.getByRole("button", { name: "Nieuwste gegevens laden" }).click();
  await stale.waitFor({ state: "detached" });
  assert.match(await page.locator('[aria-current="step"]').innerText(), /Informatiefase/, "nothing moved");

  // Tijdpad: aangemeld, go.
  const timeline = await region("Tijdpad").innerText();
  assert.match(timeline, /Aangemeld/);
  assert.match(timeline, /Go: start informatiefase/);
  assert.match(timeline, /Carla Coach/);

  // Back on the family file: phase, countdown, link.
  await page.getByRole("link", { name: `Terug naar gezin ${CASE_NUMBER}` }).click();
  await page.getByRole("heading", { level: 1, name: `Gezin ${CASE_NUMBER}` }).waitFor();
  const section = region("Traject");
  await section.getByTestId("trajectory-phase").filter({ hasText: "Informatiefase" }).waitFor();
  assert.match(await section.innerText(), /nog 28 dagen/);
  assert.equal(await section.getByRole("link", { name: "Aanmelding vastleggen" }).count(), 0, "one open trajectory per family");
  await expectAccessible("t10-gezin-met-traject");
});

test("the team lead may extend; ondersteuning reads along without forms", async () => {
  assert.ok(trajectoryUrl, "the first test made a trajectory");
  await logOut();
  await logIn("teamleider@demo.ploegwerk.nl");
  await page.goto(trajectoryUrl);
  await region("Duur en verlenging").getByRole("heading", { name: "Traject verlengen" }).waitFor();
  await region("Duur en verlenging").getByRole("button", { name: "Verlenging opslaan" }).click();
  await expectFocus(page, { id: "verlenging-newEndDate" }, "focus on the first field to fix");
  await expectAccessible("t11-traject-teamleider");

  await logOut();
  await logIn("ondersteuning@demo.ploegwerk.nl");
  await page.goto(trajectoryUrl);
  await page.getByRole("heading", { level: 1, name: new RegExp(`Traject gezin ${CASE_NUMBER}`) }).waitFor();
  await region("Duur en verlenging").getByText("Alleen de teamleider kan het traject verlengen.").waitFor();
  assert.equal(await page.locator("main form").count(), 0, "ondersteuning sees no forms");
  assert.equal(await page.getByRole("button", { name: /Fase wijzigen naar/ }).count(), 0);
  await page.getByTestId("move-planning").getByText("Er is nog geen nulmeting.").waitFor();
  await expectAccessible("t12-traject-ondersteuning");
  await page.goto(familyUrl);
  await region("Traject").getByTestId("trajectory-phase").waitFor();
  assert.equal(await page.getByRole("link", { name: "Aanmelding vastleggen" }).count(), 0);
});
