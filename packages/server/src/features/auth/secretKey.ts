import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** The file an embedded installation keeps its generated key in, inside the PGlite data directory. */
export const EMBEDDED_KEY_FILE = "ploegwerk-secret.key";

/** 32 bytes from 64 hex characters or from base64 (standard or URL-safe); null when it is neither. */
export function parseSecretKey(text: string): Buffer | null {
  const t = text.trim();
  if (/^[0-9a-fA-F]{64}$/.test(t)) return Buffer.from(t, "hex");
  if (/^[A-Za-z0-9+/_-]{43}=?$/.test(t)) {
    const b = Buffer.from(t.replace(/-/g, "+").replace(/_/g, "/"), "base64");
    return b.length === 32 ? b : null;
  }
  return null;
}

/**
 * The key for the embedded database (`npm start` without configuration): made once with the
 * system's random generator and kept, readable by the owner only, beside the data it protects.
 * Anyone who can read the data directory can read the key too, so a real installation sets
 * PLOEGWERK_SECRET_KEY from its secret store instead (see the README).
 */
export function embeddedSecretKey(dataDir: string): Buffer {
  const file = join(dataDir, EMBEDDED_KEY_FILE);
  if (existsSync(file)) {
    const key = parseSecretKey(readFileSync(file, "utf8"));
    if (!key) throw new Error(`${file} does not hold a 32-byte key (64 hex characters); restore it from a backup, or remove it to make a new one (two-factor set-ups made with the old key then have to be redone)`);
    // Tighten a key file that a copy or an editor left readable to others.
    if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
    return key;
  }
  mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(32);
  // "wx": never overwrite a key another process wrote a moment ago.
  writeFileSync(file, `${key.toString("hex")}\n`, { mode: 0o600, flag: "wx" });
  return key;
}

let ephemeral: Buffer | undefined;
/**
 * A key that lives as long as this process: for tests and tools that build the app in-process.
 * `serve` always passes the configured or stored key, so nothing sealed with this one outlives a restart.
 */
export function processSecretKey(): Buffer {
  ephemeral ??= randomBytes(32);
  return ephemeral;
}
