/**
 * Pseudonyms and date shifts of one research export (pure). The caller makes a fresh key of 32
 * random bytes per export and keeps it in memory only: it is never stored and never written to
 * the export or its codebook. From that key:
 *
 * - a family's pseudonym is HMAC-SHA256(key, "family:" + id), shortened to 16 hex characters, so
 *   within one export the family always has the same pseudonym, and without the key nobody can
 *   compute it from the id or link it to the pseudonym of the same family in another export;
 * - a family's date shift is drawn from HMAC-SHA256(key, "shift:" + id): one whole number of days
 *   between −180 and +180, never 0, the same for every date of the family in this export.
 *
 * The HMAC itself comes from the caller (node:crypto on the server), so this module stays free of
 * I/O and runs in the browser bundle too.
 */

/** HMAC-SHA256 of a UTF-8 message under a key: 32 bytes. */
export type HmacSha256 = (key: Uint8Array, message: string) => Uint8Array;

export const EXPORT_KEY_BYTES = 32;
/** Hex characters kept of the HMAC: 64 bits, so a collision within one export is negligible (and checked). */
export const PSEUDONYM_HEX_LENGTH = 16;
/** A pseudonym starts with a letter, so no spreadsheet reads it as a number. */
export const PSEUDONYM_PREFIX = "G-";
/** Dates of a family move by at most this many days, either way (never by 0). */
export const MAX_DATE_SHIFT_DAYS = 180;

/** Two families got the same pseudonym in one export: astronomically rare; the export stops and can be run again. */
export class PseudonymCollision extends Error {
  constructor() {
    super("two families got the same pseudonym in this export; run the export again (a new key is drawn)");
    this.name = "PseudonymCollision";
  }
}

export interface Pseudonymiser {
  /** The family's pseudonym in this export, e.g. "G-3f2a9c0d1e2b4a5c". */
  pseudonym(familyId: string): string;
  /** Days every date of the family moves in this export: −180..−1 or 1..180. */
  dayShift(familyId: string): number;
  /** How many distinct families got a pseudonym so far. */
  readonly families: number;
}

function hex(bytes: Uint8Array): string {
  let out = "";
  for (const b of bytes) out += b.toString(16).padStart(2, "0");
  return out;
}

/** The shift from the first four bytes: 360 values, mapped onto −180..−1 and 1..180. */
function shiftFrom(bytes: Uint8Array): number {
  if (bytes.length < 4) throw new RangeError("the HMAC is too short");
  const n = ((bytes[0] ?? 0) * 2 ** 24 + (bytes[1] ?? 0) * 2 ** 16 + (bytes[2] ?? 0) * 2 ** 8 + (bytes[3] ?? 0)) % (2 * MAX_DATE_SHIFT_DAYS);
  return n < MAX_DATE_SHIFT_DAYS ? n - MAX_DATE_SHIFT_DAYS : n - MAX_DATE_SHIFT_DAYS + 1;
}

export function createPseudonymiser(key: Uint8Array, hmac: HmacSha256): Pseudonymiser {
  if (key.length !== EXPORT_KEY_BYTES) throw new RangeError(`an export key has ${EXPORT_KEY_BYTES} bytes, got ${key.length}`);
  // The key is copied, so the caller wiping its buffer cannot change pseudonyms halfway.
  const secret = Uint8Array.from(key);
  const byPseudonym = new Map<string, string>();
  const byFamily = new Map<string, string>();
  return {
    pseudonym(familyId) {
      const known = byFamily.get(familyId);
      if (known !== undefined) return known;
      const p = `${PSEUDONYM_PREFIX}${hex(hmac(secret, `family:${familyId}`)).slice(0, PSEUDONYM_HEX_LENGTH)}`;
      if (byPseudonym.has(p)) throw new PseudonymCollision();
      byPseudonym.set(p, familyId);
      byFamily.set(familyId, p);
      return p;
    },
    dayShift(familyId) {
      return shiftFrom(hmac(secret, `shift:${familyId}`));
    },
    get families() {
      return byFamily.size;
    },
  };
}
