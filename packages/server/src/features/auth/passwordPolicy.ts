import { readFileSync } from "node:fs";
import { invalid, type DomainError } from "@ploegwerk/domain";

/**
 * The password policy beyond the minimum length (which the shared zod schema checks): no common
 * password, also not with its letters swapped for look-alike digits or with digits or symbols
 * stuck on the end; no run of one repeated character or short pattern, or a keyboard or number
 * sequence; and nothing containing the user's own name or e-mail address (NIST SP 800-63B §5.1.1.2).
 */

let common: ReadonlySet<string> | undefined;
/** The shipped list (common-passwords.txt, licence in its header), read once on first use. */
export function commonPasswords(): ReadonlySet<string> {
  common ??= new Set(
    readFileSync(new URL("./common-passwords.txt", import.meta.url), "utf8")
      .split("\n")
      .map((l) => l.trim())
      .filter((l) => l.length > 0 && !l.startsWith("#")),
  );
  return common;
}

const LOOK_ALIKES: Record<string, string> = { "0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "8": "b", "@": "a", "$": "s", "!": "i" };

/** The forms of a password to look up: as typed, without separators, and with look-alikes and a tail of digits or symbols undone. */
function candidates(password: string): Set<string> {
  const lower = password.toLowerCase();
  const joined = lower.replace(/[\s._-]+/g, "");
  const tailless = joined.replace(/[^a-z]+$/, "");
  const unswap = (s: string) => [...s].map((c) => LOOK_ALIKES[c] ?? c).join("");
  // The tail goes first ("p@ssw0rd123" → "p@ssw0rd" → "password"), and also after ("passw0rd!" → "password").
  const plain = unswap(joined.replace(/\d+[^a-z0-9]*$|[^a-z0-9]+$/, ""));
  return new Set([lower, joined, tailless, plain, unswap(joined).replace(/[^a-z]+$/, "")].filter((c) => c.length >= 4));
}

const SEQUENCES = ["0123456789012345678901234567890", "abcdefghijklmnopqrstuvwxyz", "qwertyuiopasdfghjklzxcvbnm", "azertyuiopqsdfghjklmwxcvbn", "1qaz2wsx3edc4rfv5tgb6yhn7ujm"];

/** "aaaaaaaaaaaa", "abcabcabcabc", "123456789012", "zyxwvutsrqpo": guessed before any list. */
function isPredictable(password: string): boolean {
  const p = password.toLowerCase().replace(/\s+/g, "");
  for (let size = 1; size <= 4; size++) {
    const unit = p.slice(0, size);
    if (unit.length === size && unit.repeat(Math.ceil(p.length / size)).slice(0, p.length) === p) return true;
  }
  for (const s of SEQUENCES) {
    const rev = [...s].reverse().join("");
    if (s.includes(p) || rev.includes(p)) return true;
  }
  return false;
}

/** Pieces of the user's own name and address that a password must not contain. */
function personalWords(person: { email: string; name: string }): string[] {
  const local = person.email.toLowerCase().split("@")[0] ?? "";
  const words = [local, ...local.split(/[^a-z0-9]+/), ...person.name.toLowerCase().split(/[^\p{L}\p{N}]+/u), person.name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "")];
  // Short words ("de", "van", "jan") would refuse too much: four characters or more.
  return [...new Set(words.filter((w) => w.length >= 4))];
}

export type PasswordProblem = "common" | "personal";

/** Why a password is refused, or null when it may be used. */
export function passwordProblem(password: string, person: { email: string; name: string }, list: ReadonlySet<string> = commonPasswords()): PasswordProblem | null {
  const forms = candidates(password);
  if (isPredictable(password) || [...forms].some((f) => list.has(f))) return "common";
  const compact = password.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");
  if (personalWords(person).some((w) => compact.includes(w.replace(/[^\p{L}\p{N}]+/gu, "")))) return "personal";
  return null;
}

const MESSAGES: Record<PasswordProblem, { nl: string; en: string; reason: string }> = {
  common: {
    nl: "Dit wachtwoord is te makkelijk te raden: het staat op een lijst van veelgebruikte wachtwoorden. Kies een ander wachtwoord, bijvoorbeeld een zin van een paar woorden.",
    en: "This password is too easy to guess: it is on a list of commonly used passwords. Choose another one, for example a sentence of a few words.",
    reason: "password is too common or too easy to guess",
  },
  personal: {
    nl: "Het wachtwoord mag uw naam of e-mailadres niet bevatten. Kies een ander wachtwoord.",
    en: "The password must not contain your name or e-mail address. Choose another one.",
    reason: "password contains the user's name or e-mail address",
  },
};

/** Throws 400 invalid on `field` (reason `password_common` or `password_personal`) when the policy refuses the password. */
export function assertPasswordAllowed(password: string, person: { email: string; name: string }, field = "password"): void {
  const problem = passwordProblem(password, person);
  if (problem) throw policyError(problem, field);
}

export function policyError(problem: PasswordProblem, field: string): DomainError {
  const m = MESSAGES[problem];
  return invalid({ nl: m.nl, en: m.en }, [{ name: field, reason: m.reason }], `password_${problem}`);
}
