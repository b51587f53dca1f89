import assert from "node:assert/strict";
import { createHmac } from "node:crypto";
import { after, before, test } from "node:test";
import type { Browser, Page } from "playwright-core";
import { launchBrowser, OUTPUT_DIR, startServer, type RunningServer } from "./harness.ts";
import { amsterdamDay, DEMO_PASSWORD, expectAccessible as checkAccessible, region } from "./steps.ts";

/**
 * Sharing with a chain partner, with consent, on the demo data (its chain partners, their
 * ketenpartner accounts and the analist come with the demo; only an onderzoeker is added). The
 * beheerder looks after the register of chain partners and sees the ketenpartner's account; a
 * coach gives the demo's housing corporation a new action in a family's concept gezinsplan,
 * picking it from the register, and the family signs it; before any consent the ketenpartner does
 * not see the family; the coach records the family's consent; the ketenpartner (with a code from
 * an authenticator app when the organisation requires it) sees the family with only its own
 * actions and sets one to "bezig"; the coach sees that status in the plan; the coach withdraws the
 * consent and the ketenpartner's page says the family is no longer shared. Analist and onderzoeker
 * land on their own pages. A team lead opens a family of another team through noodtoegang (read
 * only) and the beheerder reviews it. Every page state is checked with axe.
 */
let server: RunningServer;
let browser: Browser;
let page: Page;
const consoleErrors: string[] = [];
const outcomeRequests: string[] = [];

const PARTNER = "Woonstichting De Korf";
const KETENPARTNER = { name: "Petra Verhuur", email: "woonstichting@demo.ploegwerk.nl" };
const ONDERZOEKER = { email: "onderzoeker@demo.ploegwerk.nl", password: "Stille-boekenkast-bij-het-raam" };
const PARTNER_ACTION = "Betalingsregeling voor de huurachterstand afspreken";
const NEW_ACTION = "Huisbezoek om de betalingsregeling samen door te nemen";
const MEMBER_ACTION = "Huur automatisch laten afschrijven op de dag dat de uitkering binnenkomt";

let trajectoryId = "";
let familyId = "";
let caseNumber = "";
/** Whether the organisation asks the ketenpartner for a second factor (when the server offers the setting). */
let twoFactor = false;

async function expectAccessible(name: string) {
  await checkAccessible(page, `sharing-${name}`);
}

/** RFC 6238: the six-digit code of an authenticator app for a base32 secret, for the 30-second step `at`. */
function totp(secret: string, at = Date.now()): string {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  let bits = "";
  for (const c of secret.replace(/[\s=]/g, "").toUpperCase()) bits += alphabet.indexOf(c).toString(2).padStart(5, "0");
  const key = Buffer.from((bits.match(/.{8}/g) ?? []).map((b) => parseInt(b, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(at / 30_000)));
  const hmac = createHmac("sha1", key).update(counter).digest();
  const offset = (hmac[hmac.length - 1] ?? 0) & 0xf;
  return String((hmac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, "0");
}

const secrets = new Map<string, string>();
const lastCode = new Map<string, string>();

/** A fresh code for the account: never the one used last (the server refuses a code twice). */
async function freshCode(email: string): Promise<string> {
  const secret = secrets.get(email);
  assert.ok(secret, `an authenticator secret for ${email}`);
  let code = totp(secret);
  while (code === lastCode.get(email)) {
    await new Promise((r) => setTimeout(r, 1000));
    code = totp(secret);
  }
  lastCode.set(email, code);
  return code;
}

/** Logs in on a fresh session; answers the second step (setting up the app first, if asked) and waits for the landing page's heading. */
async function logIn(email: string, landing: string | RegExp, password = DEMO_PASSWORD) {
  await page.context().clearCookies();
  await page.goto(`${server.url}/inloggen`);
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Wachtwoord").fill(password);
  await page.getByRole("button", { name: "Inloggen" }).click();
  const heading = page.getByRole("heading", { level: 1, name: landing });
  const enrol = page.getByRole("button", { name: "Begin met instellen" });
  const code = page.getByRole("heading", { name: "Vul de code uit uw app in" });
  await heading.or(enrol).or(code).first().waitFor();
  if (await enrol.isVisible()) {
    await enrol.click();
    const secret = (await page.getByTestId("totp-secret").innerText()).replace(/\s+/g, "");
    secrets.set(email, secret);
    await expectAccessible("02-tweestaps-instellen");
    await page.getByLabel("Code uit de app").fill(await freshCode(email));
    await page.getByRole("button", { name: "Bevestigen" }).click();
  } else if (await code.isVisible()) {
    await page.getByLabel("Code uit de app").fill(await freshCode(email));
    await page.getByRole("button", { name: "Inloggen" }).click();
  }
  await heading.waitFor();
}

async function logOut() {
  await page.getByRole("button", { name: "Uitloggen" }).click();
  await page.getByRole("heading", { level: 1, name: "Inloggen" }).waitFor();
}

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  page = await browser.newPage({ locale: "nl-NL", timezoneId: "Europe/Amsterdam", viewport: { width: 1280, height: 900 } });
  page.setDefaultTimeout(15_000);
  page.on("console", (m) => {
    if (m.type() === "error") consoleErrors.push(m.text());
  });
  page.on("request", (r) => {
    if (r.url().includes("/api/v1/outcomes")) outcomeRequests.push(r.url());
  });
});

after(async () => {
  await page?.screenshot({ path: `${OUTPUT_DIR}/screenshots/sharing-99-last.png`, fullPage: true }).catch(() => undefined);
  if (consoleErrors.length > 0) console.log(`browser console errors:\n${consoleErrors.join("\n")}`);
  await browser?.close();
  await server?.stop();
});

test("the beheerder keeps the register of chain partners and sees the ketenpartner's account", async () => {
  await logIn("beheerder@demo.ploegwerk.nl", "Gebruikers en teams");
  // The users page: all seven roles; a ketenpartner works for a chain partner, not in a team.
  await page.getByRole("row", { name: /woonstichting@demo\.ploegwerk\.nl Ketenpartner Woonstichting De Korf/ }).waitFor();
  await page.getByRole("button", { name: "Gebruiker toevoegen" }).click();
  const role = page.getByLabel("Rol", { exact: true });
  assert.deepEqual(await role.locator("option").allInnerTexts(), ["Gezinscoach", "Teamleider", "Ondersteuning (gedragswetenschapper)", "Ketenpartner", "Analist (gemeente)", "Onderzoeker", "Beheerder"]);
  await role.selectOption({ label: "Ketenpartner" });
  assert.equal(await page.locator("#user-new-teamId").count(), 0, "a ketenpartner has no team");
  await page.getByRole("button", { name: "Gebruiker toevoegen" }).click();
  await page.getByText("Kies de ketenpartner waar deze persoon werkt.").waitFor();
  assert.deepEqual(await page.getByLabel("Ketenpartner", { exact: true }).locator("option").allInnerTexts(), ["Kies…", "Schuldhulpverlening Voorbeeldstad", PARTNER]);
  await expectAccessible("01-gebruiker-ketenpartner");
  await page.getByRole("button", { name: "Annuleren" }).first().click();

  // An onderzoeker (the demo has none), through the API: the role's page is checked at the end.
  const res = await page.request.post(`${server.url}/api/v1/users`, {
    data: { name: "Olga Onderzoek", email: ONDERZOEKER.email, role: "onderzoeker", teamId: null, password: ONDERZOEKER.password },
  });
  assert.equal(res.status(), 201, `onderzoeker created: ${await res.text()}`);

  // The register of chain partners: the demo's two, each with its ketenpartner account.
  await page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Ketenpartners" }).click();
  await page.getByRole("heading", { level: 1, name: "Ketenpartners" }).waitFor();
  const partners = page.getByRole("table", { name: "Geregistreerde ketenpartners" });
  assert.match(await partners.getByRole("row", { name: new RegExp(PARTNER) }).innerText(), /Woningcorporatie\s+050-0000000\s+1/);
  await page.getByRole("button", { name: "Ketenpartner toevoegen" }).click();
  const form = page.getByRole("form", { name: "Ketenpartner toevoegen" });
  await form.getByRole("button", { name: "Ketenpartner toevoegen" }).click();
  await page.getByRole("link", { name: "Vul de naam van de organisatie in." }).waitFor();
  await expectAccessible("01-ketenpartner-fouten");
  // The same name again is a field error: 409 partner_name_taken.
  await form.getByLabel("Naam van de organisatie").fill(PARTNER);
  await form.getByLabel("Soort organisatie").selectOption({ label: "Woningcorporatie" });
  await form.getByRole("button", { name: "Ketenpartner toevoegen" }).click();
  await page.getByRole("link", { name: /Er is al een ketenpartner met deze naam/ }).waitFor();
  await expectAccessible("01-ketenpartner-naam-bestaat");
  await form.getByRole("button", { name: "Annuleren" }).click();
  await partners.getByRole("button", { name: "Wijzigen Schuldhulpverlening Voorbeeldstad" }).click();
  const edit = page.getByRole("form", { name: "Schuldhulpverlening Voorbeeldstad wijzigen" });
  await edit.getByLabel(/^Contact/).fill("schuldhulp@voorbeeldstad.example");
  await edit.getByRole("button", { name: "Opslaan" }).click();
  await page.getByText("De gegevens van Schuldhulpverlening Voorbeeldstad zijn opgeslagen.").waitFor();
  assert.match(await partners.getByRole("row", { name: /Schuldhulpverlening/ }).innerText(), /schuldhulp@voorbeeldstad\.example/);

  // Where the organisation can ask chain partners for a second factor, it does (the demo leaves it off).
  const settings = await page.request.get(`${server.url}/api/v1/organisation/security`);
  if (settings.ok()) {
    const put = await page.request.put(`${server.url}/api/v1/organisation/security`, { data: { mfaRequiredRoles: ["ketenpartner"] } });
    twoFactor = put.ok();
  }
  console.log(`two-factor log-in for the ketenpartner: ${twoFactor ? "required" : "not offered by this server"}`);
  await logOut();
});

test("the coach gives the registered chain partner a new action, and the family signs the plan", async () => {
  await logIn("coach1@demo.ploegwerk.nl", "Mijn gezinnen");
  // The demo family whose gezinsplan is still a concept (phase gezinsplan); it has shared nothing yet.
  const families = (await (await page.request.get(`${server.url}/api/v1/families?pageSize=200`)).json()) as { items: { id: string }[] };
  for (const f of families.items) {
    const list = (await (await page.request.get(`${server.url}/api/v1/families/${f.id}/trajectories`)).json()) as { items: { id: string; phase: string }[] };
    const found = list.items.find((tr) => tr.phase === "planning");
    if (found) {
      trajectoryId = found.id;
      familyId = f.id;
      break;
    }
  }
  assert.ok(trajectoryId, "a demo family of the coach's team draws up its plan");

  await page.goto(`${server.url}/trajecten/${trajectoryId}/gezinsplan`);
  await page.getByRole("heading", { level: 1, name: "Gezinsplan" }).waitFor();
  await page.getByRole("link", { name: "Concept bewerken" }).first().click();
  await page.getByRole("heading", { level: 1, name: /^Concept bewerken/ }).waitFor();
  const linked = page.getByRole("group", { name: "Actie 1.1" });
  assert.equal(await linked.getByLabel("Wat wordt er gedaan?").inputValue(), PARTNER_ACTION);
  assert.equal(await linked.getByLabel("Welke ketenpartner (actie 1.1)?").locator("option:checked").innerText(), PARTNER, "the demo's action is linked to the register");

  await page.getByRole("button", { name: "Actie toevoegen aan doel 1" }).click();
  const action = page.getByRole("group", { name: "Actie 1.3" });
  await action.getByLabel("Wat wordt er gedaan?").fill(NEW_ACTION);
  await action.getByLabel("Wie doet het?").selectOption({ label: "Een ketenpartner" });
  await action.getByLabel("Welke ketenpartner (actie 1.3)?").selectOption({ label: PARTNER });
  assert.equal(await action.getByLabel("Organisatie", { exact: true }).count(), 0, "a registered partner's name comes from the register");
  await action.getByLabel("Contactpersoon").fill(KETENPARTNER.name);
  await action.getByLabel("Uiterlijk klaar op").fill(amsterdamDay(30));
  await expectAccessible("03-plan-geregistreerde-partner");
  await page.getByRole("button", { name: /^Concept opslaan/ }).click();
  await page.getByRole("heading", { level: 1, name: "Gezinsplan" }).waitFor();
  await page.getByText(/Het concept \(versie \d+\) is opgeslagen\./).waitFor();

  const sign = page.getByRole("region", { name: /^Ondertekening van versie \d+ vastleggen/ });
  await sign.getByRole("group", { name: /Wie van het gezin heeft ondertekend/ }).getByRole("checkbox").first().check();
  await sign.getByRole("radio", { name: "Op papier" }).check();
  await sign.getByRole("button", { name: /^Ondertekening van versie \d+ vastleggen/ }).click();
  await page.getByText(/Dit is nu het geldende gezinsplan\./).waitFor();
  const inForce = page.getByRole("table", { name: /Acties in het geldende plan/ });
  assert.match(await inForce.getByRole("row", { name: new RegExp(NEW_ACTION) }).innerText(), /Petra Verhuur, Woonstichting De Korf[\s\S]*Open/);

  await page.getByRole("navigation", { name: /Traject van gezin/ }).getByRole("link", { name: /^Gezinsdossier / }).click();
  await page.getByRole("heading", { level: 1, name: /^Gezin / }).waitFor();
  caseNumber = (await page.getByRole("heading", { level: 1 }).innerText()).replace(/^Gezin\s+/, "").trim();
  await logOut();
});

test("without consent the ketenpartner does not see the family", async () => {
  await logIn(KETENPARTNER.email, "Gedeelde gezinnen");
  const nav = page.getByRole("navigation", { name: "Hoofdmenu" });
  // The "wat werkt" catalogue is knowledge, not dossier data: every role has it in the menu.
  assert.deepEqual(await nav.getByRole("link").allInnerTexts(), ["Gedeelde gezinnen", "Wat werkt"], "no team pages for a ketenpartner");
  const list = page.getByRole("table", { name: "Gezinnen die iets met uw organisatie delen" });
  await list.waitFor();
  assert.equal(await list.getByRole("link", { name: caseNumber, exact: true }).count(), 0, "not shared before the family consents");
  await expectAccessible("04-gedeelde-gezinnen");
  // Team pages send a ketenpartner back to their own page; the family's shared page says it is not shared.
  await page.goto(`${server.url}/gezinnen/${familyId}`);
  await page.getByRole("heading", { level: 1, name: "Gedeelde gezinnen" }).waitFor();
  await page.goto(`${server.url}/gedeeld/${familyId}`);
  await page.getByRole("heading", { level: 1, name: "Gezin niet (meer) gedeeld" }).waitFor();
  await logOut();
});

test("the coach records the family's consent and sees who can see what", async () => {
  await logIn("coach1@demo.ploegwerk.nl", "Mijn gezinnen");
  await page.goto(`${server.url}/gezinnen/${familyId}`);
  const consents = region(page, "Toestemming");
  await consents.getByText("Het gezin heeft nog geen toestemming gegeven om iets te delen.").waitFor();
  const sharing = region(page, "Wie kan wat zien?");
  await sharing.getByText("Geen enkele ketenpartner kan iets van dit dossier zien.", { exact: false }).waitFor();

  await consents.getByRole("button", { name: "Toestemming vastleggen" }).click();
  const form = page.getByRole("form", { name: "Toestemming vastleggen" });
  await form.getByRole("button", { name: "Toestemming vastleggen" }).click();
  await page.getByRole("link", { name: "Kies de ketenpartner." }).waitFor();
  await page.getByRole("link", { name: "Kies wie van het gezin toestemming gaf." }).waitFor();
  await expectAccessible("05-toestemming-fouten");

  await form.getByLabel(/^Met welke ketenpartner/).selectOption({ label: PARTNER });
  const what = form.getByRole("group", { name: /Wat mag de ketenpartner zien/ });
  await what.getByRole("checkbox", { name: /^Wie er in het gezin zijn/ }).check();
  await what.getByRole("checkbox", { name: /^De acties uit het gezinsplan die deze organisatie zelf doet/ }).check();
  await form.getByLabel(/^Waarvoor/).fill("Een betalingsregeling voor de huurachterstand afspreken en bijhouden.");
  await form.getByLabel(/^Gegeven door/).selectOption({ index: 1 });
  await expectAccessible("06-toestemming-invullen");
  await form.getByRole("button", { name: "Toestemming vastleggen" }).click();
  await page.getByText(`De toestemming voor ${PARTNER} is vastgelegd.`).waitFor();
  const record = consents.getByRole("article", { name: PARTNER });
  assert.match(await record.innerText(), /Geldig/);
  assert.match(await record.innerText(), /tot het gezin de toestemming intrekt/);

  const partner = sharing.getByRole("article", { name: /Woonstichting De Korf/ });
  await partner.waitFor();
  assert.match(await partner.innerText(), /De acties uit het gezinsplan die deze organisatie zelf doet/);
  assert.match(await partner.innerText(), /1 medewerker van deze organisatie kan dit in Ploegwerk zien\./);
  assert.match(await sharing.innerText(), /Gezinscoach: .*Carla Coach/);
  await expectAccessible("07-toestemming-vastgelegd");
  await logOut();
});

test("the ketenpartner sees the family with only its own actions, and sets one to bezig", async () => {
  await logIn(KETENPARTNER.email, "Gedeelde gezinnen");
  const list = page.getByRole("table", { name: "Gezinnen die iets met uw organisatie delen" });
  const row = list.getByRole("row").filter({ has: page.getByRole("link", { name: caseNumber, exact: true }) });
  await row.waitFor();
  assert.equal(await row.count(), 1, "the family is shared now");
  const text = await row.innerText();
  assert.match(text, /gezin /, "the family's name (shared with 'who is in the family')");
  assert.match(text, /De acties uit het gezinsplan die deze organisatie zelf doet[\s\S]*\s2$/, "what is shared, and two open actions");

  await row.getByRole("link", { name: caseNumber, exact: true }).click();
  await page.getByRole("heading", { level: 1, name: /^gezin / }).waitFor();
  await region(page, "Het gezin").waitFor();
  const plan = region(page, "Gezinsplan");
  await plan.getByText("U ziet alleen de acties die uw organisatie doet, met het doel erbij.", { exact: false }).waitFor();
  const planText = await plan.innerText();
  assert.match(planText, new RegExp(PARTNER_ACTION));
  assert.match(planText, new RegExp(NEW_ACTION));
  assert.doesNotMatch(planText, new RegExp(MEMBER_ACTION), "another owner's action is not shared");
  assert.doesNotMatch(planText, /Intakegesprek schuldhulp/, "another chain partner's action is not shared");
  assert.equal(await plan.getByRole("button", { name: /^Status wijzigen/ }).count(), 2, "the organisation's two actions");
  const notShared = region(page, "Wat u niet ziet");
  assert.match(await notShared.innerText(), /De weekoverzichten van de coach/);
  assert.match(await notShared.innerText(), /De scores per leefgebied/);
  await expectAccessible("08-gedeeld-gezin");

  await plan.getByRole("button", { name: new RegExp(`^Status wijzigen\\W+${NEW_ACTION}`) }).click();
  await plan.getByRole("radio", { name: "Bezig" }).check();
  await expectAccessible("09-status-wijzigen");
  await plan.getByRole("button", { name: "Status opslaan" }).click();
  await page.getByText(`De status van ‘${NEW_ACTION}’ is nu: Bezig.`).waitFor();
  assert.match(await plan.getByRole("row", { name: new RegExp(NEW_ACTION) }).innerText(), /Bezig/);
  await logOut();
});

test("the coach sees the new status in the plan, then withdraws the consent", async () => {
  await logIn("coach1@demo.ploegwerk.nl", "Mijn gezinnen");
  await page.goto(`${server.url}/trajecten/${trajectoryId}/gezinsplan`);
  const inForce = page.getByRole("table", { name: /Acties in het geldende plan/ });
  await inForce.waitFor();
  assert.match(await inForce.getByRole("row", { name: new RegExp(NEW_ACTION) }).innerText(), /Bezig/, "the partner's update is in the plan");

  await page.goto(`${server.url}/gezinnen/${familyId}`);
  const consents = region(page, "Toestemming");
  await consents.getByRole("button", { name: `Intrekken (${PARTNER})` }).click();
  const form = page.getByRole("form", { name: `Toestemming voor ${PARTNER} intrekken` });
  await form.getByText("Intrekken werkt meteen.", { exact: false }).waitFor();
  await form.getByLabel(/^Reden/).fill("Het gezin wil dit niet meer delen.");
  await form.getByRole("button", { name: "Toestemming intrekken" }).click();
  await page.getByRole("link", { name: "Vink aan dat het gezin de toestemming intrekt." }).waitFor();
  await expectAccessible("10-intrekken-bevestigen");
  await form.getByRole("checkbox", { name: /^Ja, het gezin trekt de toestemming/ }).check();
  await form.getByRole("button", { name: "Toestemming intrekken" }).click();
  await page.getByText(`De toestemming voor ${PARTNER} is ingetrokken.`, { exact: false }).waitFor();
  assert.match(await consents.getByRole("article", { name: PARTNER }).innerText(), /Ingetrokken[\s\S]*Het gezin wil dit niet meer delen\./);
  await region(page, "Wie kan wat zien?").getByText("Geen enkele ketenpartner kan iets van dit dossier zien.", { exact: false }).waitFor();
  await expectAccessible("11-ingetrokken");
  await logOut();
});

test("after the withdrawal the ketenpartner's page says the family is no longer shared", async () => {
  await logIn(KETENPARTNER.email, "Gedeelde gezinnen");
  await page.getByRole("table", { name: "Gezinnen die iets met uw organisatie delen" }).or(page.getByText("Er zijn nu geen gezinnen die iets met uw organisatie delen.")).first().waitFor();
  assert.equal(await page.getByRole("link", { name: caseNumber, exact: true }).count(), 0, "the family left the list at once");
  await page.goto(`${server.url}/gedeeld/${familyId}`);
  await page.getByRole("heading", { level: 1, name: "Gezin niet (meer) gedeeld" }).waitFor();
  await page.getByText("Het gezin deelt nu niets met uw organisatie.", { exact: false }).waitFor();
  await expectAccessible("12-niet-meer-gedeeld");
  await logOut();
});

test("the analist lands on the outcomes and the onderzoeker on what the role can do", async () => {
  outcomeRequests.length = 0;
  await logIn("analist@demo.ploegwerk.nl", "Uitkomsten");
  assert.deepEqual(await page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link").allInnerTexts(), ["Uitkomsten", "Wat werkt"]);
  await page.getByRole("figure").first().waitFor();
  assert.ok(outcomeRequests.length > 0, "the outcomes were asked for");
  assert.ok(outcomeRequests.every((u) => !/[?&]families=true/.test(u)), "never the families behind the figures");
  await expectAccessible("13-analist-uitkomsten");
  await logOut();

  await logIn(ONDERZOEKER.email, "Onderzoeksbestanden", ONDERZOEKER.password);
  await page.getByRole("heading", { level: 2, name: "Wat staat er niet in?" }).waitFor();
  await page.goto(`${server.url}/`);
  await page.getByRole("heading", { level: 1, name: "Onderzoeksbestanden" }).waitFor();
  await expectAccessible("14-onderzoeker");
  // Without a purpose the form says what is missing; with one, the downloads appear.
  await page.getByLabel("Van (meetdatum)").fill("2000-01-01");
  await page.getByLabel("Tot en met (meetdatum)").fill(amsterdamDay(0));
  await page.getByRole("button", { name: "Klaarzetten" }).click();
  await page.getByRole("link", { name: "Schrijf op waarvoor u de gegevens gebruikt." }).waitFor();
  await page.getByLabel("Waarvoor gebruikt u de gegevens?").fill("Evaluatie gezinscoaching (e2e)");
  await page.getByRole("button", { name: "Klaarzetten" }).click();
  const data = page.getByRole("link", { name: "Download de gegevens (CSV)" });
  await data.waitFor();
  await expectAccessible("15-onderzoeker-klaar");
  const csv = await page.request.get(`${server.url}${await data.getAttribute("href")}`);
  assert.equal(csv.status(), 200);
  const text = await csv.text();
  assert.match(text, /^family,meting,date,daysSinceNulmeting,/);
  assert.ok(text.trim().split("\n").length > 20, "the demo's metingen are in the file");
  assert.doesNotMatch(text, /DEMO-\d/, "no case number");
  await logOut();
});

test("noodtoegang: a team lead opens a family of another team to read, and the beheerder reviews it", async () => {
  // Another team with a coach and a family of its own, through the API (the demo has one team).
  const api = `${server.url}/api/v1`;
  const asUser = async (email: string, password: string) => {
    const res = await page.request.post(`${api}/session`, { data: { email, password } });
    assert.equal(res.status(), 200, `${email} logged in`);
  };
  await asUser("beheerder@demo.ploegwerk.nl", DEMO_PASSWORD);
  const team = (await (await page.request.post(`${api}/teams`, { data: { name: "Team Zuid", district: "Zuid" } })).json()) as { id: string };
  const coach = { email: "zara.zuid@demo.ploegwerk.nl", password: "Zonnige-dag-aan-zee-99" };
  const created = await page.request.post(`${api}/users`, { data: { name: "Zara Zuid", email: coach.email, role: "coach", teamId: team.id, password: coach.password } });
  assert.equal(created.status(), 201, await created.text());
  await asUser(coach.email, coach.password);
  const family = await page.request.post(`${api}/families`, {
    data: {
      caseNumber: "ZUID-001",
      members: [
        { givenName: "Anna", surname: "Zuidema", role: "parent", dateOfBirth: "1985-02-03" },
        { givenName: "Bo", surname: "Zuidema", role: "child", dateOfBirth: "2015-04-05" },
      ],
    },
  });
  assert.equal(family.status(), 201, await family.text());

  await logIn("teamleider@demo.ploegwerk.nl", "Mijn gezinnen");
  await page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Noodtoegang" }).click();
  await page.getByRole("heading", { level: 1, name: "Dossier openen in noodsituatie" }).waitFor();
  await page.getByLabel(/^Dossiernummer van het gezin/).fill(caseNumber);
  await page.getByLabel(/^Waarom moet het dossier nu open/).fill("Kort");
  await page.getByRole("button", { name: "Dossier openen" }).click();
  await page.getByRole("link", { name: /Beschrijf waarom het dossier nu open moet/ }).waitFor();
  await page.getByLabel(/^Waarom moet het dossier nu open/).fill("Veilig Thuis belt buiten kantoortijd: acute zorgen over Bo; de coach van het team is niet bereikbaar.");
  await page.getByRole("button", { name: "Dossier openen" }).click();
  await page.getByRole("link", { name: /Dit gezin hoort bij uw eigen team/ }).waitFor();
  await expectAccessible("15-noodtoegang-eigen-team");

  await page.getByLabel(/^Dossiernummer van het gezin/).fill("ZUID-001");
  await page.getByRole("button", { name: "Dossier openen" }).click();
  await page.getByRole("heading", { level: 1, name: "Gezin ZUID-001" }).waitFor();
  await page.getByText("Geopend via noodtoegang", { exact: true }).waitFor();
  await page.getByText("U kunt alleen lezen, niets wijzigen.", { exact: false }).first().waitFor();
  await region(page, "Gezinsleden").getByText("Anna Zuidema").first().waitFor();
  assert.equal(await page.getByRole("button", { name: "Gegevens wijzigen" }).count(), 0, "read only");
  assert.equal(await region(page, "Toestemming").count(), 0, "the team's consent pages stay with the team");
  await expectAccessible("16-noodtoegang-dossier");

  await page.goto(`${server.url}/beheer/noodtoegang`);
  await page.getByRole("heading", { level: 1, name: "Noodtoegang beoordelen" }).waitFor();
  const own = page.getByRole("article", { name: "Dossier ZUID-001, geopend door Tom Teamleider" });
  await own.getByText("U heeft dit dossier zelf geopend.", { exact: false }).waitFor();
  assert.equal(await own.getByRole("button", { name: "Oordeel opslaan" }).count(), 0, "no verdict on one's own opening");
  await expectAccessible("17-noodtoegang-eigen-opening");
  await logOut();

  await logIn("beheerder@demo.ploegwerk.nl", "Gebruikers en teams");
  await page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Noodtoegang beoordelen" }).click();
  const grant = page.getByRole("article", { name: "Dossier ZUID-001, geopend door Tom Teamleider" });
  await grant.getByRole("button", { name: "Oordeel opslaan" }).click();
  await page.getByRole("link", { name: "Kies of de opening terecht was." }).waitFor();
  await expectAccessible("18-noodtoegang-oordeel-fout");
  await grant.getByRole("radio", { name: "Niet terecht" }).check();
  await grant.getByLabel(/^Toelichting/).fill("De dienstdoende coach van Team Zuid was wel bereikbaar.");
  await grant.getByRole("button", { name: "Oordeel opslaan" }).click();
  await page.getByText("Opgeslagen: de opening van dossier ZUID-001 door Tom Teamleider was niet terecht.").waitFor();
  await page.getByText("Er zijn geen openingen die wachten op een beoordeling.").waitFor();
  await page.getByRole("checkbox", { name: "Ook de beoordeelde openingen tonen" }).check();
  assert.match(await grant.innerText(), /Niet terecht, beoordeeld door Bea Beheer/);
  await expectAccessible("19-noodtoegang-beoordeeld");
});
