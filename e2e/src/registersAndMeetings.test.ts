import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { Browser, Page } from "playwright-core";
import { launchBrowser, OUTPUT_DIR, startServer, type RunningServer } from "./harness.ts";
import { amsterdamDay, expectAccessible as checkAccessible, logIn, region, expectFocus } from "./steps.ts";

/**
 * Changing what was recorded, with the demo data: a coach records dwang or drang for a family in
 * uitvoering and later changes it to record its end and outcome (and meets a colleague's change
 * in between); the coach plans an MDO, then moves it to another day and invites a chain partner
 * (again with a colleague's change in between). Every page state is checked with axe; screenshots
 * go to test-output/e2e/screenshots.
 */
let server: RunningServer;
let browser: Browser;
let page: Page;
let trajectoryId = "";
const consoleErrors: string[] = [];

async function expectAccessible(name: string) {
  await checkAccessible(page, name);
}

/** "2026-12-03" as the app writes it in Dutch: "3 december 2026". */
function dutchDate(iso: string): string {
  return new Intl.DateTimeFormat("nl-NL", { dateStyle: "long", timeZone: "UTC" }).format(new Date(`${iso}T12:00:00Z`));
}

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  page = await browser.newPage({ locale: "nl-NL", timezoneId: "Europe/Amsterdam", viewport: { width: 1280, height: 900 } });
  page.setDefaultTimeout(15_000);
  page.on("console", (m) => {
    if (m.type() === "error") consoleErrors.push(m.text());
  });
  await logIn(page, server.url, "coach1@demo.ploegwerk.nl");
  // One of the coach's demo families in uitvoering (MDO's are planned from the informatiefase to the afronding).
  const families = (await (await page.request.get(`${server.url}/api/v1/families?pageSize=200`)).json()) as { items: { id: string }[] };
  for (const f of families.items) {
    const list = (await (await page.request.get(`${server.url}/api/v1/families/${f.id}/trajectories`)).json()) as { items: { id: string; phase: string }[] };
    const found = list.items.find((tr) => tr.phase === "execution");
    if (found) {
      trajectoryId = found.id;
      break;
    }
  }
  assert.ok(trajectoryId, "the demo coach has a family in uitvoering");
});

after(async () => {
  await page?.screenshot({ path: `${OUTPUT_DIR}/screenshots/rm-99-last.png`, fullPage: true }).catch(() => undefined);
  if (consoleErrors.length > 0) console.log(`browser console errors:\n${consoleErrors.join("\n")}`);
  await browser?.close();
  await server?.stop();
});

test("the coach records drang, then changes it to record its end and outcome", async () => {
  await page.goto(`${server.url}/trajecten/${trajectoryId}/ekc-opschaling-drang`);
  const section = region(page, "Dwang en drang");
  await section.getByRole("heading", { level: 2, name: "Dwang en drang" }).waitFor();
  await section.getByRole("button", { name: "Dwang of drang vastleggen" }).click();
  const add = section.getByRole("form", { name: "Dwang of drang vastleggen" });
  await add.getByLabel("Middel").selectOption({ label: "Uitkering (sociale zaken)" });
  await add.getByRole("radio", { name: "Drang" }).check();
  await add.getByLabel(/^Wie past het toe/).fill("Sociale dienst Voorbeeldstad");
  await add.getByLabel(/^Afgesproken voorwaarde/).fill("Moeder gaat elke week naar de budgetcursus; anders wordt de uitkering lager.");
  const startsOn = amsterdamDay(-60);
  await add.getByLabel("Vanaf", { exact: true }).fill(startsOn);
  await expectAccessible("rm-01-drang-vastleggen");
  await add.getByRole("button", { name: "Opslaan" }).click();
  await page.getByText("Dwang of drang is vastgelegd.").waitFor();
  const table = section.getByRole("table", { name: "Dwang en drang" });
  const row = table.getByRole("row").filter({ hasText: "Sociale dienst Voorbeeldstad" });
  assert.match(await row.innerText(), new RegExp(`vanaf ${dutchDate(startsOn)}`));
  assert.match(await row.innerText(), /Loopt nu/);
  await expectAccessible("rm-02-drang-vastgelegd");

  // Changing it: the form opens under the row, with what was recorded, focus on its first field.
  // The button names the entry for screen readers: "Wijzigen: Uitkering (sociale zaken), Sociale dienst Voorbeeldstad".
  await row.getByRole("button", { name: /^Wijzigen\s*: Uitkering \(sociale zaken\), Sociale dienst Voorbeeldstad$/ }).click();
  const edit = section.getByRole("form", { name: "Wijzigen: Uitkering (sociale zaken) (Sociale dienst Voorbeeldstad)" });
  await edit.waitFor();
  assert.equal(await edit.getByLabel("Vanaf", { exact: true }).inputValue(), startsOn);
  assert.equal(await edit.getByRole("radio", { name: "Drang" }).isChecked(), true);
  await expectFocus(page, { tag: "SELECT" }, "focus moves to the form's first field");

  // An end before the start: the summary says so and links to the field.
  await edit.getByLabel(/^Tot en met/).fill(amsterdamDay(-90));
  await edit.getByRole("button", { name: "Opslaan" }).click();
  const summary = edit.getByRole("alert").filter({ hasText: "Er is 1 fout" });
  await summary.getByRole("link", { name: "De einddatum ligt vóór de begindatum." }).click();
  await expectFocus(page, { idEndsWith: "-endsOn" }, "focus moves to the end date");
  await expectAccessible("rm-03-drang-wijzigen-fout");

  // A colleague saves a change meanwhile: the coach is told, and loads the newest data.
  const current = (await (await page.request.get(`${server.url}/api/v1/trajectories/${trajectoryId}/leverages`)).json()) as { items: Record<string, unknown>[] };
  const entry = current.items.find((l) => l.party === "Sociale dienst Voorbeeldstad");
  assert.ok(entry);
  const meanwhile = await page.request.put(`${server.url}/api/v1/trajectories/${trajectoryId}/leverages/${String(entry.id)}`, {
    data: { lever: entry.lever, kind: entry.kind, party: entry.party, condition: `${String(entry.condition)} Afgesproken met de klantmanager.`, startsOn: entry.startsOn, endsOn: null, outcome: null, version: entry.version },
  });
  assert.equal(meanwhile.status(), 200);
  const endsOn = amsterdamDay(-1);
  await edit.getByLabel(/^Tot en met/).fill(endsOn);
  await edit.getByRole("button", { name: "Opslaan" }).click();
  const stale = edit.getByRole("alert").filter({ hasText: "Dit is intussen gewijzigd" });
  await stale.waitFor();
  await expectFocus(page, { textIncludes: "Iemand anders heeft dit opgeslagen" }, "focus moves to the message");
  await expectAccessible("rm-04-drang-intussen-gewijzigd");
  await stale.getByRole("button", { name: "Nieuwste gegevens laden" }).click();
  await stale.waitFor({ state: "detached" });
  assert.match(await edit.getByLabel(/^Afgesproken voorwaarde/).inputValue(), /Afgesproken met de klantmanager\./, "the form shows the colleague's change");
  assert.equal(await edit.getByLabel(/^Tot en met/).inputValue(), "");

  // The end and the outcome.
  await edit.getByLabel(/^Tot en met/).fill(endsOn);
  await edit.getByLabel(/^Uitkomst/).fill("Moeder heeft de cursus afgemaakt; de uitkering bleef gelijk.");
  await expectAccessible("rm-05-drang-wijzigen");
  await edit.getByRole("button", { name: "Opslaan" }).click();
  await page.getByText("De wijziging van Uitkering (sociale zaken) is opgeslagen.").waitFor();
  await edit.waitFor({ state: "detached" });
  await expectFocus(page, { textStartsWith: "Wijzigen" }, "focus goes back to the row's button");
  const text = await row.innerText();
  assert.match(text, new RegExp(`${dutchDate(startsOn)} tot en met ${dutchDate(endsOn)}`));
  assert.match(text, /Loopt niet \(meer\)/);
  assert.match(text, /Moeder heeft de cursus afgemaakt; de uitkering bleef gelijk\./);
  assert.match(text, /Afgesproken met de klantmanager\./);
  await expectAccessible("rm-06-drang-gewijzigd");
});

test("the coach plans an MDO, then moves it to another day and invites a chain partner", async () => {
  await page.goto(`${server.url}/trajecten/${trajectoryId}/mdo`);
  await page.getByRole("heading", { level: 1, name: "MDO's" }).waitFor();
  await page.getByRole("button", { name: "MDO plannen" }).click();
  const schedule = page.getByRole("form", { name: "Nieuw MDO plannen" });
  const firstDay = amsterdamDay(14);
  await schedule.getByLabel("Datum", { exact: true }).fill(firstDay);
  await schedule.getByLabel("Tijd", { exact: true }).fill("10:00");
  await schedule.getByLabel(/^Plaats/).fill("Wijkcentrum De Brug");
  await schedule.getByRole("group", { name: /Ketenpartners uit het gezinsplan/ }).getByRole("checkbox", { name: /Mark Budget/ }).check();
  await schedule.getByRole("button", { name: "MDO plannen" }).click();
  await page.getByText(/Het MDO is gepland op/).waitFor();

  const listRow = page.getByRole("row").filter({ hasText: "Wijkcentrum De Brug" });
  await listRow.getByRole("link", { name: /Bekijken, vastleggen of afgelasten/ }).click();
  await page.getByRole("heading", { level: 1, name: `MDO van ${dutchDate(firstDay)} om 10:00` }).waitFor();
  await expectAccessible("rm-07-mdo-gepland");

  // The change form starts from what is planned.
  await page.getByRole("button", { name: "MDO wijzigen" }).click();
  const edit = page.getByRole("form", { name: "MDO wijzigen" });
  assert.equal(await edit.getByLabel("Datum", { exact: true }).inputValue(), firstDay);
  assert.equal(await edit.getByLabel("Tijd", { exact: true }).inputValue(), "10:00");
  assert.equal(await edit.getByLabel(/^Plaats/).inputValue(), "Wijkcentrum De Brug");
  assert.equal(await edit.getByRole("group", { name: /Ketenpartners uit het gezinsplan/ }).getByRole("checkbox", { name: /Mark Budget/ }).isChecked(), true, "the invited plan partner is ticked");
  await expectFocus(page, { id: "mdo-edit-date" }, "focus moves to the date");
  assert.equal(await page.getByRole("form", { name: "MDO vastleggen als gehouden" }).count(), 0, "holding waits while the planning changes");

  const secondDay = amsterdamDay(21);
  await edit.getByLabel("Datum", { exact: true }).fill(secondDay);
  await edit.getByLabel("Tijd", { exact: true }).fill("14:30");
  await edit.getByLabel(/^Plaats/).fill("Bij het gezin thuis");
  await edit.getByRole("button", { name: "Ketenpartner toevoegen" }).click();
  const partner = edit.getByRole("group", { name: "Ketenpartner 1" });
  await expectFocus(page, { id: "mdo-edit-partners-0-organisation" }, "focus moves to the new partner");
  await partner.getByLabel(/^Organisatie/).fill("GGD Voorbeeldstad");

  // The contact person is missing: the summary links to it.
  await edit.getByRole("button", { name: "Wijzigingen opslaan" }).click();
  await edit.getByRole("alert").filter({ hasText: "Er is 1 fout" }).getByRole("link", { name: "Vul de contactpersoon van ketenpartner 1 in." }).click();
  await expectFocus(page, { id: "mdo-edit-partners-0-contactName" }, "focus moves to mdo-edit-partners-0-contactName");
  await expectAccessible("rm-08-mdo-wijzigen-fout");
  await partner.getByLabel(/^Contactpersoon/).fill("Noor Jansen");
  await partner.getByLabel(/^Telefoon of e-mail/).fill("noor.jansen@ggd.example");
  await edit.getByRole("button", { name: "Agendapunt toevoegen" }).click();
  await edit.getByLabel(/^Agendapunt \d+$/).last().fill("Huurachterstand: afspraken met de woningcorporatie");
  await expectAccessible("rm-09-mdo-wijzigen");

  // A colleague changes the MDO meanwhile: nothing is saved and the coach loads the newest data.
  const meetings = (await (await page.request.get(`${server.url}/api/v1/trajectories/${trajectoryId}/meetings`)).json()) as { items: { id: string; location: string | null; version: number }[] };
  const meeting = meetings.items.find((m) => m.location === "Wijkcentrum De Brug");
  assert.ok(meeting);
  const meanwhile = await page.request.patch(`${server.url}/api/v1/trajectories/${trajectoryId}/meetings/${meeting.id}`, { data: { version: meeting.version, location: "Wijkcentrum De Brug, zaal 2" } });
  assert.equal(meanwhile.status(), 200);
  await edit.getByRole("button", { name: "Wijzigingen opslaan" }).click();
  const stale = page.getByRole("alert").filter({ hasText: "Het MDO is intussen gewijzigd" });
  await stale.waitFor();
  await expectFocus(page, { textIncludes: "Iemand anders heeft dit MDO gewijzigd" }, "focus moves to the message");
  await expectAccessible("rm-10-mdo-intussen-gewijzigd");
  await stale.getByRole("button", { name: "Nieuwste versie laden" }).click();
  await stale.waitFor({ state: "detached" });
  assert.equal(await edit.getByLabel(/^Plaats/).inputValue(), "Wijkcentrum De Brug, zaal 2", "the form opens again with the colleague's change");

  // Again, on the newest data.
  await edit.getByLabel("Datum", { exact: true }).fill(secondDay);
  await edit.getByLabel("Tijd", { exact: true }).fill("14:30");
  await edit.getByLabel(/^Plaats/).fill("Bij het gezin thuis");
  await edit.getByRole("button", { name: "Ketenpartner toevoegen" }).click();
  await partner.getByLabel(/^Organisatie/).fill("GGD Voorbeeldstad");
  await partner.getByLabel(/^Contactpersoon/).fill("Noor Jansen");
  await partner.getByLabel(/^Telefoon of e-mail/).fill("noor.jansen@ggd.example");
  await edit.getByRole("button", { name: "Agendapunt toevoegen" }).click();
  await edit.getByLabel(/^Agendapunt \d+$/).last().fill("Huurachterstand: afspraken met de woningcorporatie");
  await edit.getByRole("button", { name: "Wijzigingen opslaan" }).click();

  const when = `${dutchDate(secondDay)} om 14:30`;
  await page.getByText(`De wijzigingen zijn opgeslagen. Het MDO is op ${when}.`).waitFor();
  await page.getByRole("heading", { level: 1, name: `MDO van ${when}` }).waitFor();
  const facts = await page.locator(".pw-facts").innerText();
  assert.match(facts, new RegExp(when));
  assert.match(facts, /Bij het gezin thuis/);
  const participants = page.locator("h2", { hasText: "Deelnemers" }).locator("xpath=following-sibling::ul[1]");
  assert.match(await participants.innerText(), /Noor Jansen, GGD Voorbeeldstad \(ketenpartner\)/);
  assert.match(await participants.innerText(), /Mark Budget, Schuldhulpverlening Voorbeeldstad \(ketenpartner\)/, "the partner invited before is still invited");
  assert.match(await participants.innerText(), /\(voorzitter\)/, "the chair still takes part");
  assert.match(await page.locator("ol.utrecht-ordered-list").innerText(), /Huurachterstand: afspraken met de woningcorporatie/);
  await page.getByRole("form", { name: "MDO vastleggen als gehouden" }).waitFor();
  await expectAccessible("rm-11-mdo-gewijzigd");

  // Nothing changed: nothing is sent.
  const versionOf = async () => {
    const list = (await (await page.request.get(`${server.url}/api/v1/trajectories/${trajectoryId}/meetings`)).json()) as { items: { id: string; version: number }[] };
    return list.items.find((m) => m.id === meeting.id)?.version;
  };
  const saved = await versionOf();
  await page.getByRole("button", { name: "MDO wijzigen" }).click();
  await page.getByRole("form", { name: "MDO wijzigen" }).getByRole("button", { name: "Wijzigingen opslaan" }).click();
  await page.getByText("U heeft niets gewijzigd. Er is niets opgeslagen.").waitFor();
  assert.equal(await versionOf(), saved, "the MDO was not saved again");

  // The list shows the new day.
  await page.getByRole("link", { name: "Alle MDO's van dit traject" }).click();
  await page.getByRole("heading", { level: 1, name: "MDO's" }).waitFor();
  assert.match(await page.getByRole("row").filter({ hasText: "Bij het gezin thuis" }).innerText(), new RegExp(when));
});
