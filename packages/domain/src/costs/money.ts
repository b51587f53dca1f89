/*
 * Money is kept in whole cents (integers) everywhere: stored, summed and divided as integers, and
 * only turned into text at the edge. Parsing is Dutch first: "12,50" is twelve euros fifty, and
 * "1.234,56" has a thousands separator; "12.50" (a point with one or two decimals) is read too.
 */

const THOUSANDS = /^\d{1,3}(\.\d{3})+$/;

function integerPart(text: string, separator: "." | ","): string | null {
  if (/^\d+$/.test(text)) return text;
  const grouped = separator === "." ? THOUSANDS : /^\d{1,3}(,\d{3})+$/;
  return grouped.test(text) ? text.split(separator).join("") : null;
}

/**
 * An amount in euros as typed ("12,50", "€ 1.234,56", "12.5", "80") → cents, or null when it is not
 * an amount with at most two decimals. Negative amounts are not amounts here (a cost is positive).
 */
export function parseEuros(typed: string): number | null {
  const text = typed.replace(/[\s\u00a0\u202f]/g, "").replace(/^€/, "").replace(/€$/, "");
  if (text === "" || !/^[\d.,]+$/.test(text)) return null;
  const lastComma = text.lastIndexOf(",");
  const lastPoint = text.lastIndexOf(".");
  let whole: string | null;
  let decimals = "";
  if (lastComma >= 0 && lastPoint >= 0) {
    // Both: the later one separates the decimals, the other groups thousands.
    const decimalAt = Math.max(lastComma, lastPoint);
    const thousands = lastComma > lastPoint ? "." : ",";
    whole = integerPart(text.slice(0, decimalAt), thousands);
    decimals = text.slice(decimalAt + 1);
  } else if (lastComma >= 0) {
    if (text.indexOf(",") !== lastComma) return null;
    whole = text.slice(0, lastComma);
    decimals = text.slice(lastComma + 1);
  } else if (lastPoint >= 0) {
    const after = text.slice(lastPoint + 1);
    if (text.indexOf(".") === lastPoint && after.length <= 2) {
      whole = text.slice(0, lastPoint);
      decimals = after;
    } else {
      whole = integerPart(text, ".");
    }
  } else {
    whole = text;
  }
  if (whole === null || !/^\d+$/.test(whole) || !/^\d{0,2}$/.test(decimals)) return null;
  const cents = Number(whole) * 100 + Number(decimals.padEnd(2, "0"));
  return Number.isSafeInteger(cents) ? cents : null;
}

/** Cents as a plain decimal with a point, for CSV files: 123456 → "1234.56", -5 → "-0.05". */
export function centsToDecimal(cents: number): string {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`cents must be a safe integer, got ${cents}`);
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(cents);
  return `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}

/** Cents as a Dutch amount to put back in an input field: 123456 → "1234,56". */
export function centsToInput(cents: number): string {
  return centsToDecimal(cents).replace(".", ",");
}

/** Minutes as hours and minutes: 95 → "1:35". */
export function minutesToClock(minutes: number): string {
  const sign = minutes < 0 ? "-" : "";
  const abs = Math.abs(minutes);
  return `${sign}${Math.trunc(abs / 60)}:${String(abs % 60).padStart(2, "0")}`;
}

/** Cents as a Dutch amount with the euro sign and thousands points: 123456 → "€ 1.234,56". */
export function formatEuros(cents: number): string {
  const [whole = "0", part = "00"] = centsToDecimal(Math.abs(cents)).split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  return `${cents < 0 ? "-" : ""}€ ${grouped},${part}`;
}

/** Minutes in words, Dutch: 90 → "1 uur en 30 minuten", 120 → "2 uur", 45 → "45 minuten". */
export function minutesInDutch(minutes: number): string {
  const h = Math.trunc(minutes / 60);
  const m = minutes % 60;
  const hours = h > 0 ? `${h} uur` : "";
  const rest = m > 0 ? `${m} ${m === 1 ? "minuut" : "minuten"}` : "";
  return [hours, rest].filter(Boolean).join(" en ") || "0 minuten";
}
