import assert from "node:assert/strict";
import { createHmac } from "node:crypto";
import { after, before, test } from "node:test";
import type { Browser, Page } from "playwright-core";
import { launchBrowser, OUTPUT_DIR, startServer, type RunningServer } from "./harness.ts";
import { DEMO_PASSWORD, expectAccessible, logIn, logOut, region } from "./steps.ts";

/**
 * Two-factor log-in, with the demo data: a coach sets up an authenticator app on "Mijn account"
 * (the test plays the app: it reads the key shown as text and computes the codes, RFC 6238), logs
 * out, logs in with password and code (a wrong code first), and a beheerder sees it on the users
 * page and resets it; then the beheerder requires two-factor for ondersteuning, whose next log-in
 * sets up an app before anything else opens. Every state is checked with axe; screenshots are
 * test-output/e2e/screenshots/2fa-*.png.
 */
const COACH = "coach1@demo.ploegwerk.nl";

let server: RunningServer;
let browser: Browser;
let page: Page;
let step = 0;
let secret = "";
const consoleErrors: string[] = [];

async function axe(name: string) {
  step += 1;
  await expectAccessible(page, `2fa-${String(step).padStart(2, "0")}-${name}`);
}

/** The authenticator app: HMAC-SHA-1 over the 30-second step, 6 digits. */
function code(base32: string, at: number): string {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  let bits = "";
  for (const c of base32.replace(/\s+/g, "")) bits += alphabet.indexOf(c).toString(2).padStart(5, "0");
  const key = Buffer.from((bits.match(/.{8}/g) ?? []).map((b) => parseInt(b, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(at / 30_000)));
  const mac = createHmac("sha1", key).update(counter).digest();
  const offset = (mac[mac.length - 1] ?? 0) & 0x0f;
  return String((mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, "0");
}

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
  await page?.screenshot({ path: `${OUTPUT_DIR}/screenshots/2fa-99-last.png`, fullPage: true }).catch(() => undefined);
  if (consoleErrors.length > 0) console.log(`browser console errors:\n${consoleErrors.join("\n")}`);
  await browser?.close();
  await server?.stop();
});

test("a coach sets up two-factor on Mijn account with the QR code's key", async () => {
  await logIn(page, server.url, COACH);
  await page.getByRole("link", { name: "Mijn account" }).click();
  await page.getByRole("heading", { level: 1, name: "Mijn account" }).waitFor();
  const section = region(page, "Tweestapsverificatie");
  await section.getByText("Tweestapsverificatie staat uit.").waitFor();
  await axe("account");

  await section.getByRole("button", { name: "Tweestapsverificatie instellen" }).click();
  const qr = section.getByRole("img", { name: "QR-code om Ploegwerk toe te voegen aan uw app voor inlogcodes" });
  await qr.waitFor();
  assert.match((await qr.getAttribute("src")) ?? "", /^data:image\/svg\+xml;base64,/);
  secret = ((await section.getByTestId("totp-secret").textContent()) ?? "").replace(/\s+/g, "");
  assert.match(secret, /^[A-Z2-7]{32}$/);
  await axe("setup-qr");

  // A typo first: the field says what is wrong.
  await section.getByLabel("Code uit de app").fill("12345");
  await section.getByRole("button", { name: "Bevestigen" }).click();
  await page.getByRole("link", { name: "Vul de 6 cijfers uit de app in." }).waitFor();
  await axe("setup-error");

  await section.getByLabel("Code uit de app").fill(code(secret, Date.now()));
  await section.getByRole("button", { name: "Bevestigen" }).click();
  await section.getByText("Tweestapsverificatie staat nu aan.").waitFor();
  await section.getByText("Tweestapsverificatie staat aan. U logt in met uw wachtwoord en een code uit de app op uw telefoon.").waitFor();
  await axe("enabled");
  await logOut(page);
});

test("log-in asks for the code after the password; a wrong code is refused, the right one opens the app", async () => {
  await page.context().clearCookies();
  await page.goto(`${server.url}/inloggen`);
  await page.getByLabel("E-mailadres").fill(COACH);
  await page.getByLabel("Wachtwoord").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Inloggen" }).click();
  await page.getByRole("heading", { level: 2, name: "Vul de code uit uw app in" }).waitFor();
  await axe("login-code");

  const now = Date.now();
  const window = new Set([-30_000, 0, 30_000, 60_000].map((d) => code(secret, now + d)));
  const wrong = ["000000", "111111", "222222", "333333", "444444"].find((c) => !window.has(c)) ?? "555555";
  await page.getByLabel("Code uit de app").fill(wrong);
  await page.getByRole("button", { name: "Inloggen" }).click();
  await page.getByRole("link", { name: /Deze code klopt niet of is verlopen/ }).waitFor();
  await axe("login-wrong-code");

  // The code of set-up was used; the app's next code (30 s ahead, inside the window) is new.
  await page.getByLabel("Code uit de app").fill(code(secret, Date.now() + 30_000));
  await page.getByRole("button", { name: "Inloggen" }).click();
  await page.getByRole("heading", { level: 1, name: "Mijn gezinnen" }).waitFor();
  await axe("logged-in");
  await logOut(page);
});

test("a beheerder sees two-factor on the users page and resets it; the coach then logs in with the password alone", async () => {
  await page.context().clearCookies();
  await page.goto(`${server.url}/inloggen`);
  await page.getByLabel("E-mailadres").fill("beheerder@demo.ploegwerk.nl");
  await page.getByLabel("Wachtwoord").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Inloggen" }).click();
  await page.getByRole("heading", { level: 1, name: "Gebruikers en teams" }).waitFor();
  const section = region(page, "Inloggen en beveiliging");
  await section.getByRole("group", { name: "Wie moet tweestapsverificatie gebruiken?" }).waitFor();
  const row = section.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "Carla Coach" }) });
  await row.getByRole("cell", { name: "Aan", exact: true }).waitFor();
  await axe("users-security");

  await row.getByRole("button", { name: "Tweestapsverificatie resetten Carla Coach" }).click();
  await section.getByText("De tweestapsverificatie van Carla Coach is gereset.", { exact: false }).waitFor();
  await row.getByRole("cell", { name: "Uit", exact: true }).waitFor();
  await axe("users-security-reset");
  await logOut(page);

  await logIn(page, server.url, COACH);
});

test("when the organisation requires it for a role, the next log-in of that role sets up an app first", async () => {
  await page.context().clearCookies();
  await page.goto(`${server.url}/inloggen`);
  await page.getByLabel("E-mailadres").fill("beheerder@demo.ploegwerk.nl");
  await page.getByLabel("Wachtwoord").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Inloggen" }).click();
  await page.getByRole("heading", { level: 1, name: "Gebruikers en teams" }).waitFor();
  const roles = region(page, "Inloggen en beveiliging").getByRole("group", { name: "Wie moet tweestapsverificatie gebruiken?" });
  await roles.getByLabel("Ondersteuning", { exact: true }).check();
  await region(page, "Inloggen en beveiliging").getByRole("button", { name: "Opslaan" }).click();
  await page.getByText("De instelling is opgeslagen.").waitFor();
  await logOut(page);
  // Nothing of the beheerder stays in the header once logged out (same tab, no reload).
  assert.equal(await page.getByRole("navigation", { name: "Hoofdmenu" }).count(), 0);

  await page.getByLabel("E-mailadres").fill("ondersteuning@demo.ploegwerk.nl");
  await page.getByLabel("Wachtwoord").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Inloggen" }).click();
  await page.getByRole("heading", { level: 2, name: "Stel eerst tweestapsverificatie in" }).waitFor();
  await axe("enrol-intro");
  await page.getByRole("button", { name: "Begin met instellen" }).click();
  const key = ((await page.getByTestId("totp-secret").textContent()) ?? "").replace(/\s+/g, "");
  assert.match(key, /^[A-Z2-7]{32}$/);
  await axe("enrol-qr");
  await page.getByLabel("Code uit de app").fill(code(key, Date.now()));
  await page.getByRole("button", { name: "Bevestigen" }).click();
  await page.getByRole("heading", { level: 1, name: "Mijn gezinnen" }).waitFor();
  await axe("enrolled");
});
