import type { TFunction } from "i18next";

/**
 * The API words its field errors in English (for integrators). In the Dutch interface the
 * catalogue's own reasons are shown in plain Dutch; anything else keeps the server's words after a
 * Dutch lead-in.
 */
const KNOWN: readonly [RegExp, "name" | "cost" | "costUnit" | "costWithoutAmount" | "freeWithAmount" | "year" | "url" | "sourceTitle" | "domain" | "partner"][] = [
  [/^fill in the name$/, "name"],
  [/not an amount in euros/, "cost"],
  [/say what the amount is for/, "costUnit"],
  [/fill in the amount, or clear the unit/, "costWithoutAmount"],
  [/an entry marked free has no amount/, "freeWithAmount"],
  [/a year (from|up to)|is not a year/, "year"],
  [/a web address starting with http/, "url"],
  [/fill in the title of the source/, "sourceTitle"],
  [/is not a leefgebied of this organisation's instruments/, "domain"],
  [/not a registered chain partner of this organisation/, "partner"],
];

export function catalogueReason(reason: string, t: TFunction, lang: string): string {
  if (lang === "en") return reason;
  const plain = reason.replace(/^item \d+: /, "");
  for (const [pattern, key] of KNOWN) if (pattern.test(plain)) return t(`catalogue.errors.${key}`);
  return t("catalogue.errors.other", { reason });
}

/** "line 3, column cost" / "entry 2, field key" in the user's language; anything else as it is. */
export function importPlace(name: string, t: TFunction): string {
  let m = /^line (\d+), column (.+)$/.exec(name);
  if (m) return t("catalogue.at.lineColumn", { line: m[1], column: m[2] });
  m = /^line (\d+)$/.exec(name);
  if (m) return t("catalogue.at.line", { line: m[1] });
  m = /^entry (\d+), field (.+)$/.exec(name);
  if (m) return t("catalogue.at.entryField", { entry: m[1], field: m[2] });
  m = /^entry (\d+)$/.exec(name);
  if (m) return t("catalogue.at.entry", { entry: m[1] });
  return name;
}
