import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, test } from "node:test";
import { loadConfig } from "../../config.ts";
import { EMBEDDED_KEY_FILE } from "./secretKey.ts";
import { oidcSettings, serverSecretKey } from "./serverSecrets.ts";

describe("the server's secret key and identity provider settings", () => {
  test("PLOEGWERK_SECRET_KEY is used when set; a bad one stops the start with a message naming it", () => {
    const key = randomBytes(32);
    const config = loadConfig({ PLOEGWERK_SECRET_KEY: key.toString("hex"), DATABASE_URL: "postgres://x@localhost/db" });
    assert.deepEqual(serverSecretKey(config), key);
    assert.throws(() => loadConfig({ PLOEGWERK_SECRET_KEY: "geheim" }), /PLOEGWERK_SECRET_KEY: must be 32 random bytes/);
  });

  test("with PostgreSQL and no key the server refuses to start", () => {
    assert.throws(() => serverSecretKey(loadConfig({ DATABASE_URL: "postgres://x@localhost/db" })), /PLOEGWERK_SECRET_KEY is required with DATABASE_URL/);
  });

  test("the embedded database makes a key once, readable by the owner only, and keeps it", () => {
    const dir = mkdtempSync(join(tmpdir(), "ploegwerk-key-"));
    try {
      const first = serverSecretKey(loadConfig({ PLOEGWERK_DATA_DIR: dir }));
      const file = join(dir, EMBEDDED_KEY_FILE);
      assert.equal(statSync(file).mode & 0o777, 0o600);
      assert.equal(readFileSync(file, "utf8").trim(), first.toString("hex"));
      assert.deepEqual(serverSecretKey(loadConfig({ PLOEGWERK_DATA_DIR: dir })), first, "the same key at the next start");
      writeFileSync(file, "kapot\n");
      assert.throws(() => serverSecretKey(loadConfig({ PLOEGWERK_DATA_DIR: dir })), /does not hold a 32-byte key/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test("OpenID Connect is off by default; when the issuer is set the rest is required, https unless on this machine", () => {
    assert.equal(oidcSettings(loadConfig({})), null);
    assert.throws(() => loadConfig({ PLOEGWERK_OIDC_ISSUER: "https://login.gemeente.nl" }), /PLOEGWERK_OIDC_CLIENT_ID: is required/);
    assert.throws(() => loadConfig({ PLOEGWERK_OIDC_ISSUER: "http://login.gemeente.nl" }), /PLOEGWERK_OIDC_ISSUER: must be an https/);
    const on = oidcSettings(
      loadConfig({
        PLOEGWERK_OIDC_ISSUER: "https://login.gemeente.nl/realms/ploegwerk",
        PLOEGWERK_OIDC_CLIENT_ID: "ploegwerk",
        PLOEGWERK_OIDC_CLIENT_SECRET: "s3cret",
        PLOEGWERK_OIDC_ORGANISATION: "gemeente",
        PLOEGWERK_OIDC_REDIRECT_URI: "https://ploegwerk.gemeente.nl/api/v1/session/oidc/callback",
      }),
    );
    assert.deepEqual({ ...on, issuer: on?.issuer.href }, { issuer: "https://login.gemeente.nl/realms/ploegwerk", clientId: "ploegwerk", clientSecret: "s3cret", organisationSlug: "gemeente", redirectUri: "https://ploegwerk.gemeente.nl/api/v1/session/oidc/callback", label: "uw organisatie" });
    assert.throws(() => loadConfig({ PLOEGWERK_SESSION_HOURS: "12", PLOEGWERK_SESSION_MAX_HOURS: "8" }), /PLOEGWERK_SESSION_MAX_HOURS: must be at least PLOEGWERK_SESSION_HOURS/);
  });
});
