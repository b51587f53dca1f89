import { invalid, PURPOSE_MAX_LENGTH } from "@ploegwerk/domain";

const badPurpose = (reason: string) =>
  invalid({ nl: "Het opgegeven doel (X-Ploegwerk-Purpose) is ongeldig.", en: "The purpose given (X-Ploegwerk-Purpose) is not valid." }, [{ name: "X-Ploegwerk-Purpose", reason }]);

/**
 * Why personal data is read, as a client (X-Ploegwerk-Purpose header) or the CLI (--purpose)
 * says it: plain text, or UTF-8 percent-encoded (browsers only send Latin-1 in headers).
 * Blank is "not given"; over 200 characters or control characters are refused (400).
 */
export function parsePurpose(header: string | string[] | undefined): string | null {
  const raw = Array.isArray(header) ? header[0] : header;
  if (raw === undefined) return null;
  let text = raw;
  if (/%[0-9A-Fa-f]{2}/.test(raw)) {
    try {
      text = decodeURIComponent(raw);
    } catch {
      throw badPurpose("not valid percent-encoded UTF-8");
    }
  }
  text = text.trim();
  if (/[\u0000-\u001f\u007f]/.test(text)) throw badPurpose("contains control characters");
  if (text.length > PURPOSE_MAX_LENGTH) throw badPurpose(`at most ${PURPOSE_MAX_LENGTH} characters`);
  return text === "" ? null : text;
}
