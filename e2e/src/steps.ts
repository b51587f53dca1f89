import assert from "node:assert/strict";
import type { Locator, Page } from "playwright-core";
import { checkPage, describeViolations } from "./harness.ts";

/*
 * Page steps the browser journeys share: logging in and out, the Dutch calendar as the server
 * counts it, the axe check with its screenshot, a new family and a measurement. Selectors are the
 * accessible names a user (or a screen reader) meets, in Dutch.
 */

export const DEMO_PASSWORD = "demo-wachtwoord";

/** A day in the Netherlands, as the server counts them: today, or `offsetDays` later (earlier when negative). */
export function amsterdamDay(offsetDays = 0): string {
  const d = new Date(Date.now() + offsetDays * 86_400_000);
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Amsterdam", year: "numeric", month: "2-digit", day: "2-digit" }).format(d);
}

/** The Amsterdam date and time (HH:MM) of a moment `minutesAgo` minutes ago, for a date and a time field. */
export function amsterdamMoment(minutesAgo: number): { date: string; time: string } {
  const at = new Date(Date.now() - minutesAgo * 60_000);
  const date = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Amsterdam", year: "numeric", month: "2-digit", day: "2-digit" }).format(at);
  const time = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Amsterdam", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(at);
  return { date, time };
}

/** Runs axe on the page as it is now (screenshot `name`.png) and fails on serious or critical violations. */
export async function expectAccessible(page: Page, name: string): Promise<void> {
  const violations = await checkPage(page, name);
  assert.deepEqual(violations, [], `axe found serious or critical violations on ${name}:\n${describeViolations(violations)}`);
}

/** Logs in on a fresh session and waits for "Mijn gezinnen". */
export async function logIn(page: Page, baseUrl: string, email: string): Promise<void> {
  await page.context().clearCookies();
  await page.goto(`${baseUrl}/inloggen`);
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Wachtwoord").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Inloggen" }).click();
  await page.getByRole("heading", { level: 1, name: "Mijn gezinnen" }).waitFor();
}

export async function logOut(page: Page): Promise<void> {
  // Exact: "Mijn account" has an "Overal uitloggen" button too.
  await page.getByRole("button", { name: "Uitloggen", exact: true }).click();
  await page.getByRole("heading", { level: 1, name: "Inloggen" }).waitFor();
}

/** A section of the page (a region named by its heading). */
export function region(page: Page, name: string | RegExp): Locator {
  return page.getByRole("region", { name });
}

/** The nine leefgebieden of ploeg-9, in form order, and the labels of its five-point scale. */
export const DOMAINS = [
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
export const SCALE = ["Aanzienlijk probleem", "Probleem", "Geeft wel wat problemen", "Gaat redelijk goed", "Geen enkel probleem"] as const;

/**
 * From a family file: "Nieuwe meting", then round `round` with a score per leefgebied (in
 * DOMAINS order) and a description where the score is a problem. Leaves the form unsaved.
 */
export async function fillMeasurement(page: Page, round: number, scores: readonly number[]): Promise<void> {
  await page.getByRole("link", { name: "Nieuwe meting" }).first().click();
  await page.getByRole("heading", { level: 1, name: /Nieuwe meting/ }).waitFor();
  await page.getByLabel(/^Meting/).first().fill(String(round));
  for (const [i, domain] of DOMAINS.entries()) {
    const score = scores[i];
    assert.ok(score !== undefined && score >= 1 && score <= 5, `a score from 1 to 5 for ${domain}`);
    const group = page.getByRole("group", { name: new RegExp(`^${domain}`) });
    await group.getByLabel(`${score} ${SCALE[score - 1]}`, { exact: true }).check();
    if (score <= 3) await group.getByLabel(/Beschrijving problematiek/).fill(`Toelichting bij ${domain.toLowerCase()} (meting ${round}).`);
  }
}

export interface NewMember {
  givenName: string;
  surname: string;
  role: "Ouder of verzorger" | "Kind" | "Overig";
  dateOfBirth: string;
  bsn?: string;
}

/**
 * From "Mijn gezinnen": "Nieuw gezin", with the case number, optionally a postcode, and the
 * members. Leaves the form unsaved, so the caller can check it first.
 */
export async function fillNewFamily(page: Page, family: { caseNumber: string; postcode?: string; members: readonly NewMember[] }): Promise<void> {
  await page.getByRole("link", { name: "Nieuw gezin" }).click();
  await page.getByRole("heading", { level: 1, name: "Nieuw gezin" }).waitFor();
  await page.getByLabel(/^Dossiernummer/).fill(family.caseNumber);
  if (family.postcode) await page.getByLabel(/^Postcode/).fill(family.postcode);
  for (const [i, m] of family.members.entries()) {
    const legend = `Gezinslid ${i + 1}`;
    if ((await page.getByRole("group", { name: legend }).count()) === 0) await page.getByRole("button", { name: "Gezinslid toevoegen" }).click();
    const group = page.getByRole("group", { name: legend });
    await group.getByLabel(/^Voornaam/).fill(m.givenName);
    await group.getByLabel(/^Achternaam/).fill(m.surname);
    await group.getByLabel(/^Rol in het gezin/).selectOption({ label: m.role });
    await group.getByLabel(/^Geboortedatum/).fill(m.dateOfBirth);
    if (m.bsn) await group.getByLabel(/^BSN/).fill(m.bsn);
  }
}

/** Trajectory page: the "Fase wijzigen" block for a move to `phase` (data-testid move-<key>). */
export function phaseMove(page: Page, key: string): Locator {
  return page.getByTestId(`move-${key}`);
}

/** The trajectory's work pages have a navigation of their own ("Traject van gezin …"). */
export async function openTrajectoryPage(page: Page, label: "Traject" | "Gezinsplan" | "MDO's" | "Weekoverzichten" | "Afronding en nazorg", heading: string | RegExp): Promise<void> {
  await page.getByRole("navigation", { name: /Traject van gezin/ }).getByRole("link", { name: label, exact: true }).click();
  await page.getByRole("heading", { level: 1, name: heading }).waitFor();
}

/** What the focused element must be: its id (exact or by suffix), its tag, its text, or its text within an enclosing element. */
export interface FocusExpectation {
  id?: string;
  idEndsWith?: string;
  tag?: string;
  textIncludes?: string;
  textStartsWith?: string;
  within?: string;
}

/**
 * Waits (up to 5 s) until the focused element matches, and fails with what has focus instead.
 * Pages move focus in a requestAnimationFrame after a re-render, so an immediate read races it.
 */
export async function expectFocus(page: Page, expected: FocusExpectation, message: string): Promise<void> {
  const matches = (want: FocusExpectation): boolean => {
    const el = document.activeElement;
    if (!el) return false;
    const scope = want.within ? el.closest(want.within) : el;
    const text = scope?.textContent ?? "";
    return (want.id === undefined || el.id === want.id)
      && (want.idEndsWith === undefined || el.id.endsWith(want.idEndsWith))
      && (want.tag === undefined || el.tagName === want.tag)
      && (want.within === undefined || scope !== null)
      && (want.textIncludes === undefined || text.includes(want.textIncludes))
      && (want.textStartsWith === undefined || text.startsWith(want.textStartsWith));
  };
  try {
    await page.waitForFunction(matches, expected, { timeout: 5000 });
  } catch {
    const actual = await page.evaluate(() => {
      const el = document.activeElement;
      return el ? `<${el.tagName.toLowerCase()} id="${el.id}"> ${(el.textContent ?? "").slice(0, 80)}` : "nothing";
    });
    assert.fail(`${message}: expected focus on ${JSON.stringify(expected)}, but focus is on ${actual}`);
  }
}
