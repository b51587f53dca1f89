/**
 * The BSN "11-proef": nine digits d1..d9 with 9·d1 + 8·d2 + … + 2·d8 − 1·d9 divisible by 11.
 * 000000000 passes the arithmetic but is no BSN, so it is refused.
 */
export function isValidBsn(input: string): boolean {
  if (!/^\d{9}$/.test(input)) return false;
  if (/^0+$/.test(input)) return false;
  let total = 0;
  for (let i = 0; i < 8; i++) total += Number(input[i]) * (9 - i);
  total -= Number(input[8]);
  return total % 11 === 0;
}

/** Accepts 8 digits too (older BSNs written without their leading zero). */
export function normalizeBsn(input: string): string {
  const digits = input.replace(/[\s.-]/g, "");
  return digits.length === 8 ? `0${digits}` : digits;
}
