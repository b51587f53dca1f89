import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { describe, test } from "node:test";
import { lockDurationMs } from "./lockout.ts";
import { passwordProblem } from "./passwordPolicy.ts";
import { createSecretBox } from "./secretBox.ts";
import { parseSecretKey } from "./secretKey.ts";
import { base32Decode, base32Encode, hotp, otpauthUri, totpCode, verifyTotp } from "./totp.ts";

describe("TOTP (RFC 6238, HMAC-SHA-1)", () => {
  // RFC 6238 appendix B: the SHA-1 seed is the ASCII string "12345678901234567890", codes of 8 digits.
  const seed = Buffer.from("12345678901234567890", "ascii");
  const vectors: [number, string][] = [
    [59, "94287082"],
    [1111111109, "07081804"],
    [1111111111, "14050471"],
    [1234567890, "89005924"],
    [2000000000, "69279037"],
    [20000000000, "65353130"],
  ];

  test("the RFC 6238 test vectors", () => {
    for (const [seconds, code] of vectors) assert.equal(totpCode(seed, new Date(seconds * 1000), 8), code, `T = ${seconds}`);
  });

  test("the RFC 4226 HOTP vectors (6 digits, counters 0–9)", () => {
    const expected = ["755224", "287082", "359152", "969429", "338314", "254676", "287922", "162583", "399871", "520489"];
    assert.deepEqual(expected.map((_, i) => hotp(seed, i)), expected);
  });

  test("base32 round trip; the RFC 4648 example; spaces and lower case are accepted", () => {
    assert.equal(base32Encode(Buffer.from("foobar")), "MZXW6YTBOI");
    assert.equal(base32Decode("mzxw 6ytb oi").toString(), "foobar");
    const secret = randomBytes(20);
    assert.deepEqual(base32Decode(base32Encode(secret)), secret);
    assert.throws(() => base32Decode("not base32!"));
  });

  test("a code is accepted one step (30 s) early or late, not two; a used step is refused as a replay", () => {
    const secret = randomBytes(20);
    const now = new Date("2026-03-01T10:00:15Z");
    const at = (s: number) => new Date(now.getTime() + s * 1000);
    const step = Math.floor(now.getTime() / 30_000);
    assert.deepEqual(verifyTotp(secret, totpCode(secret, now), now, null), { step });
    assert.deepEqual(verifyTotp(secret, totpCode(secret, at(-30)), now, null), { step: step - 1 });
    assert.deepEqual(verifyTotp(secret, totpCode(secret, at(30)), now, null), { step: step + 1 });
    assert.equal(verifyTotp(secret, totpCode(secret, at(-60)), now, null).step, null);
    assert.equal(verifyTotp(secret, totpCode(secret, at(60)), now, null).step, null);
    assert.deepEqual(verifyTotp(secret, totpCode(secret, now), now, step), { step: null, replayed: true });
    // An older code of the window is a replay too once a later step was used.
    assert.deepEqual(verifyTotp(secret, totpCode(secret, at(-30)), now, step), { step: null, replayed: true });
    const window = new Set([-30, 0, 30].map((s) => totpCode(secret, at(s))));
    const outside = ["000000", "111111", "222222", "333333"].find((c) => !window.has(c)) ?? "444444";
    assert.deepEqual(verifyTotp(secret, outside, now, null), { step: null, replayed: false });
  });

  test("the otpauth URI names issuer, account and the parameters apps expect", () => {
    const text = otpauthUri(Buffer.from("12345678901234567890"), { issuer: "Ploegwerk", account: "coach@gemeente.nl" });
    assert.match(text, /^otpauth:\/\/totp\/Ploegwerk:coach%40gemeente\.nl\?/);
    const uri = new URL(text);
    assert.equal(uri.searchParams.get("secret"), "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
    assert.deepEqual([uri.searchParams.get("issuer"), uri.searchParams.get("digits"), uri.searchParams.get("period"), uri.searchParams.get("algorithm")], ["Ploegwerk", "6", "30", "SHA1"]);
  });
});

describe("secret box (AES-256-GCM)", () => {
  test("opens what it sealed, for the same context only; tampering or another key gives null", () => {
    const key = randomBytes(32);
    const box = createSecretBox(key);
    const sealed = box.seal(Buffer.from("geheim"), "totp:org:user");
    assert.notEqual(sealed.includes("geheim"), true);
    assert.equal(box.open(sealed, "totp:org:user")?.toString(), "geheim");
    assert.equal(box.open(sealed, "totp:org:other-user"), null, "bound to its user");
    const [v, body] = sealed.split(".");
    const flipped = Buffer.from(body ?? "", "base64url");
    flipped[flipped.length - 1] = (flipped[flipped.length - 1] ?? 0) ^ 1;
    assert.equal(box.open(`${v}.${flipped.toString("base64url")}`, "totp:org:user"), null, "tampered");
    assert.equal(createSecretBox(randomBytes(32)).open(sealed, "totp:org:user"), null, "another key");
    assert.notEqual(box.seal(Buffer.from("geheim"), "c"), box.seal(Buffer.from("geheim"), "c"), "a fresh IV every time");
  });

  test("PLOEGWERK_SECRET_KEY is 32 bytes as hex or base64", () => {
    const key = randomBytes(32);
    assert.deepEqual(parseSecretKey(key.toString("hex")), key);
    assert.deepEqual(parseSecretKey(key.toString("base64")), key);
    assert.deepEqual(parseSecretKey(key.toString("base64url")), key);
    assert.equal(parseSecretKey("te kort"), null);
    assert.equal(parseSecretKey(randomBytes(16).toString("hex")), null);
  });
});

describe("lock-out back-off", () => {
  test("locked from the fifth failure: 1, 2, 4 … minutes, at most an hour", () => {
    const minutes = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 40].map((n) => lockDurationMs(n) / 60_000);
    assert.deepEqual(minutes, [0, 0, 0, 0, 1, 2, 4, 8, 16, 32, 60, 60, 60]);
  });
});

describe("password policy", () => {
  const anna = { email: "anna.jansen@gemeente.nl", name: "Anna de Vries" };
  test("common passwords are refused, also with capitals, look-alike digits or a tail of digits and symbols", () => {
    for (const p of ["password1234", "Wachtwoord2024!", "P@ssw0rd123456", "qwertyuiop12", "iloveyou1234", "welkom123456", "abcabcabcabc", "aaaaaaaaaaaa", "123456789012", "zyxwvutsrqpo"]) {
      assert.equal(passwordProblem(p, anna), "common", p);
    }
  });
  test("the user's name or e-mail address may not be in it", () => {
    for (const p of ["jansen-rules-2026", "Anna's geheime zin", "ik ben devries!!", "anna.jansen.12345"]) assert.equal(passwordProblem(p, anna), "personal", p);
  });
  test("a sentence of a few words is fine", () => {
    for (const p of ["correct horse battery staple", "een lang genoeg wachtwoord", "Zomer in Zeeland 2024", "demo-wachtwoord", "twaalf teken"]) assert.equal(passwordProblem(p, anna), null, p);
  });
});
