import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { Browser, Page } from "playwright-core";
import { launchBrowser, OUTPUT_DIR, startServer, type RunningServer } from "./harness.ts";
import { amsterdamDay, expectAccessible, logIn, region, expectFocus } from "./steps.ts";

/**
 * The Eigen Kracht-conferentie register, with the demo data: a coach takes a family in uitvoering
 * (signed gezinsplan), adds grandmother to its network, records a held conference, edits it to add
 * the network plan's two agreements (one for a parent, one for grandmother) and the four-week
 * follow-up call, meets a colleague's edit made meanwhile (409: said plainly, reload), puts
 * grandmother's agreement into the gezinsplan under a goal, and finds it in the new concept version
 * as an action of hers. Every state is checked with axe; screenshots are kept
 * as test-output/e2e/screenshots/ekc-*.png.
 */
const GRANDMOTHER = "Truus Bakker";
const PARENT_AGREEMENT = "Moeder belt elke maandag met de mentor van school";
const NETWORK_AGREEMENT = "Oma Truus haalt de kinderen op woensdag uit school";
const HELD_ON = amsterdamDay(-3);
const FOLLOW_UP_ON = amsterdamDay(-1);

let server: RunningServer;
let browser: Browser;
let page: Page;
let registersUrl = "";
let step = 0;
const consoleErrors: string[] = [];

async function axe(name: string) {
  step += 1;
  await expectAccessible(page, `ekc-${String(step).padStart(2, "0")}-${name}`);
}

const section = () => region(page, "Eigen Kracht-conferenties");

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  page = await browser.newPage({ locale: "nl-NL", timezoneId: "Europe/Amsterdam", viewport: { width: 1280, height: 900 } });
  page.setDefaultTimeout(15_000);
  page.on("console", (m) => {
    if (m.type() === "error") consoleErrors.push(m.text());
  });
});

after(async () => {
  await page?.screenshot({ path: `${OUTPUT_DIR}/screenshots/ekc-99-last.png`, fullPage: true }).catch(() => undefined);
  if (consoleErrors.length > 0) console.log(`browser console errors:\n${consoleErrors.join("\n")}`);
  await browser?.close();
  await server?.stop();
});

test("a family in uitvoering gets grandmother in its network", async () => {
  await logIn(page, server.url, "coach1@demo.ploegwerk.nl");
  await page.goto(`${server.url}/teamoverzicht`);
  const row = page.getByRole("table", { name: /Gezinnen van het team/ }).getByRole("row").filter({ has: page.getByRole("cell", { name: "Uitvoering", exact: true }) }).first();
  const href = await row.getByRole("link", { name: /Traject openen/ }).getAttribute("href");
  assert.ok(href, "a family in uitvoering");
  registersUrl = `${server.url}${href}/ekc-opschaling-drang`;

  await page.goto(registersUrl);
  await page.getByRole("heading", { level: 1, name: "Eigen Kracht, opschaling, dwang en drang" }).waitFor();
  await page.getByRole("navigation", { name: /Traject van gezin/ }).getByRole("link", { name: /^Gezinsdossier/ }).click();
  const network = region(page, "Netwerk");
  await network.getByRole("button", { name: "Persoon toevoegen" }).click();
  await network.getByLabel(/^Naam/).fill(GRANDMOTHER);
  await network.getByLabel(/^Relatie/).fill("oma");
  await network.getByRole("button", { name: "Opslaan" }).click();
  await page.getByText(`${GRANDMOTHER} is toegevoegd aan het netwerk.`).waitFor();
});

test("the coach records a held conference; a missing date is named next to its field", async () => {
  await page.goto(registersUrl);
  await section().getByRole("button", { name: "Eigen Kracht-conferentie vastleggen" }).click();
  const form = section().getByRole("form", { name: "Eigen Kracht-conferentie vastleggen" });
  await form.getByLabel("Stand van zaken").selectOption({ label: "Gehouden" });
  await form.getByLabel(/^Coördinator/).fill("Eigen Kracht Centrale, Jan de Wit");
  await form.getByRole("button", { name: "Opslaan" }).click();
  const summary = page.getByRole("alert").filter({ hasText: /fout/ });
  await summary.getByRole("link", { name: "Vul in wanneer de conferentie is gehouden." }).waitFor();
  await axe("vastleggen-fout");
  await summary.getByRole("link", { name: "Vul in wanneer de conferentie is gehouden." }).click();
  await expectFocus(page, { id: "ekc-heldOn" }, "the summary's link jumps to the date");

  await form.getByLabel("Gehouden op").fill(HELD_ON);
  await form.getByRole("button", { name: "Opslaan" }).click();
  await page.getByText("De Eigen Kracht-conferentie is vastgelegd.").waitFor();
  const table = section().getByRole("table");
  assert.match(await table.innerText(), /Gehouden/);
  assert.match(await table.innerText(), /Nabellen na vier weken \(coördinator\): gepland vanaf/);
  await axe("vastgelegd");
});

test("the coach edits it: two network plan agreements (a parent, grandmother) and the four-week follow-up call", async () => {
  await section().getByRole("button", { name: /^Wijzigen\W+Eigen Kracht-conferentie van / }).click();
  const form = section().getByRole("form", { name: "Eigen Kracht-conferentie wijzigen" });
  assert.equal(await form.getByLabel("Gehouden op").inputValue(), HELD_ON, "the form starts from the record");

  await form.getByRole("button", { name: "Afspraak toevoegen" }).click();
  const first = form.getByRole("group", { name: "Afspraak 1" });
  await first.getByLabel("Wat is er afgesproken?").fill(PARENT_AGREEMENT);
  const parent = (await first.getByLabel(/^Wie doet het/).locator("option", { hasText: "(Ouder of verzorger)" }).first().textContent()) ?? "";
  await first.getByLabel(/^Wie doet het/).selectOption({ label: parent });
  await first.getByLabel("Uiterlijk klaar op").fill(amsterdamDay(14));

  await form.getByRole("button", { name: "Afspraak toevoegen" }).click();
  const second = form.getByRole("group", { name: "Afspraak 2" });
  await expectFocus(page, { id: "ekc-agreements-1-description" }, "focus moves to the new agreement");
  await second.getByLabel("Wat is er afgesproken?").fill(NETWORK_AGREEMENT);
  await second.getByLabel("Uiterlijk klaar op").fill(amsterdamDay(21));

  const fourWeeks = form.getByRole("group", { name: "Nabellen na vier weken (coördinator)" });
  await fourWeeks.getByLabel(/^Wat kwam er uit het gesprek/).fill("Het gaat goed; oma haalt de kinderen elke woensdag op.");
  await form.getByRole("button", { name: "Opslaan" }).click();
  const summary = page.getByRole("alert").filter({ hasText: /fouten/ });
  await summary.getByRole("link", { name: "Kies wie afspraak 2 doet." }).waitFor();
  await summary.getByRole("link", { name: "Vul de datum van het gesprek in." }).waitFor();
  await axe("wijzigen-fouten");

  await second.getByLabel(/^Wie doet het/).selectOption({ label: `${GRANDMOTHER} (oma)` });
  await fourWeeks.getByLabel("Datum van het gesprek").fill(FOLLOW_UP_ON);
  await axe("wijzigen-ingevuld");
  await form.getByRole("button", { name: "Opslaan" }).click();
  await page.getByText("De wijzigingen in de Eigen Kracht-conferentie zijn opgeslagen.").waitFor();

  const table = section().getByRole("table");
  const text = await table.innerText();
  assert.match(text, new RegExp(PARENT_AGREEMENT));
  assert.match(text, new RegExp(`${NETWORK_AGREEMENT}\\s*${GRANDMOTHER} \\(netwerk\\), uiterlijk`));
  assert.match(text, /\(gezinslid\), uiterlijk/);
  assert.match(text, /Nabellen na vier weken \(coördinator\): gedaan op/);
  assert.doesNotMatch(text, /staat in het gezinsplan/);
  await axe("gewijzigd");
});

test("an edit made meanwhile by someone else is not overwritten: the form says so and reloads", async () => {
  await section().getByRole("button", { name: /^Wijzigen\W+Eigen Kracht-conferentie van / }).click();
  const form = section().getByRole("form", { name: "Eigen Kracht-conferentie wijzigen" });
  await form.getByLabel(/^Coördinator/).fill("Jan de Wit");
  // A colleague saves the same conference first (the same call the app makes, from the same session).
  const trajectoryId = /\/trajecten\/([^/]+)\//.exec(registersUrl)?.[1] ?? "";
  const status = await page.evaluate(async (id) => {
    const base = `/api/v1/trajectories/${id}/family-group-conferences`;
    const list = (await (await fetch(base)).json()) as { items: { id: string; version: number; status: string; statusReason: string | null; heldOn: string | null; agreements: { id: string; description: string; owner: unknown; dueDate: string }[]; followUps: Record<"fourWeeks" | "threeMonths", { on: string | null; note: string | null }> | null }[] };
    const c = list.items[0];
    if (!c) return 0;
    const res = await fetch(`${base}/${c.id}`, {
      method: "PUT",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({
        status: c.status, statusReason: c.statusReason, coordinator: "Eigen Kracht Centrale, Aisha Benali", heldOn: c.heldOn,
        agreements: c.agreements.map((a) => ({ id: a.id, description: a.description, owner: a.owner, dueDate: a.dueDate })),
        // Written out: a named helper here would not survive the trip into the page (tsx adds __name).
        followUps: {
          fourWeeks: { on: c.followUps?.fourWeeks.on ?? null, note: c.followUps?.fourWeeks.note ?? null },
          threeMonths: { on: c.followUps?.threeMonths.on ?? null, note: c.followUps?.threeMonths.note ?? null },
        },
        version: c.version,
      }),
    });
    return res.status;
  }, trajectoryId);
  assert.equal(status, 200, "the colleague's edit is saved");

  await form.getByRole("button", { name: "Opslaan" }).click();
  const stale = section().getByRole("alert").filter({ hasText: "De Eigen Kracht-conferentie is intussen gewijzigd" });
  await stale.waitFor();
  assert.equal(await section().getByRole("form", { name: "Eigen Kracht-conferentie wijzigen" }).count(), 0, "the outdated form is closed");
  await axe("intussen-gewijzigd");
  await stale.getByRole("button", { name: "Nieuwste gegevens laden" }).click();
  await section().getByRole("cell", { name: "Eigen Kracht Centrale, Aisha Benali" }).waitFor();
  const table = await section().getByRole("table").innerText();
  assert.match(table, new RegExp(NETWORK_AGREEMENT), "the agreements are kept");
});

test("grandmother's agreement goes into the concept gezinsplan under a goal", async () => {
  await section().getByRole("button", { name: /^In het gezinsplan zetten\W+Eigen Kracht-conferentie van / }).click();
  const form = section().getByRole("form", { name: "Afspraken in het gezinsplan zetten" });
  await form.getByText(/Het gezinsplan is ondertekend\. Daarom komen de afspraken in een nieuw concept \(versie 2\)/).waitFor();
  await form.getByRole("button", { name: "In het gezinsplan zetten" }).click();
  await page.getByRole("link", { name: "Kies minstens één afspraak." }).waitFor();
  await axe("in-plan-fout");

  await form.getByRole("checkbox", { name: "Afspraak 2 in het gezinsplan zetten" }).check();
  const goal = form.getByLabel("Bij welk doel hoort afspraak 2?");
  await goal.selectOption({ index: 1 });
  await axe("in-plan-gekozen");
  await form.getByRole("button", { name: "In het gezinsplan zetten" }).click();
  await page.getByText("1 afspraak staat nu in het gezinsplan (concept versie 2).").waitFor();
  const planned = section().getByRole("table").getByRole("listitem").filter({ hasText: NETWORK_AGREEMENT });
  await planned.getByText("staat in het gezinsplan").waitFor();
  const other = section().getByRole("table").getByRole("listitem").filter({ hasText: PARENT_AGREEMENT });
  assert.doesNotMatch(await other.innerText(), /staat in het gezinsplan/);
  await axe("in-plan-gezet");

  await page.getByRole("link", { name: "Versie 2 van het gezinsplan bekijken" }).click();
  await page.getByRole("heading", { level: 1, name: "Gezinsplan" }).waitFor();
  const version = page.locator("#plan-version");
  await version.getByRole("heading", { name: "Versie 2 bekijken" }).waitFor();
  assert.match(await version.innerText(), /Concept/);
  const action = version.getByRole("row").filter({ hasText: NETWORK_AGREEMENT });
  assert.match(await action.innerText(), new RegExp(`${GRANDMOTHER} \\(netwerk\\)`), "the action is grandmother's");
  await axe("gezinsplan-versie-2");
});
