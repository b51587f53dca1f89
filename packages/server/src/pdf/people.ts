/* Names of the people in a family as documents print them (pure). */
import type { Family, Member, MemberRole } from "@ploegwerk/domain";
import { ageOn, joinDutch } from "./format.ts";

export const ROLE_LABELS: Readonly<Record<MemberRole, string>> = { parent: "ouder", child: "kind", other: "gezinslid" };

export const fullName = (m: Pick<Member, "givenName" | "surname">) => `${m.givenName} ${m.surname}`;

/** The adults a letter is addressed to: the parents, else every member who is not a child. */
export function addressees(family: Family): Member[] {
  const parents = family.members.filter((m) => m.role === "parent");
  return parents.length > 0 ? parents : family.members.filter((m) => m.role !== "child");
}

/** "gezin De Vries", from the adults' surnames ("gezin De Vries en El Amrani"); the case number when nobody is recorded. */
export function familyName(family: Family): string {
  const adults = addressees(family);
  const surnames = [...new Set((adults.length > 0 ? adults : family.members).map((m) => m.surname.trim()).filter(Boolean))];
  if (surnames.length === 0) return `gezin met dossiernummer ${family.caseNumber}`;
  return `gezin ${joinDutch(surnames.map((s) => s.charAt(0).toUpperCase() + s.slice(1)))}`;
}

/** Age from which a child signs the plan too (a child of twelve has a say in its own help). */
export const SIGNING_AGE = 12;

/** Who signs the plan on paper: every adult, and children from SIGNING_AGE on the day of printing. */
export function familySigners(family: Family, on: string): Member[] {
  return family.members.filter((m) => m.role !== "child" || ageOn(m.dateOfBirth, on) >= SIGNING_AGE);
}

/** "1234AB" → "1234 AB" as printed on an envelope. */
export function printedPostcode(postcode: string): string {
  return /^\d{4}[A-Z]{2}$/.test(postcode) ? `${postcode.slice(0, 4)} ${postcode.slice(4)}` : postcode;
}

/** The envelope lines of the family's address, leaving out what is not recorded. */
export function addressLines(family: Family): string[] {
  const { street, houseNumber, postcode, city } = family.address;
  const streetLine = [street, houseNumber].filter(Boolean).join(" ");
  const cityLine = [postcode ? printedPostcode(postcode) : null, city ? city.toUpperCase() : null].filter(Boolean).join("  ");
  return [streetLine, cityLine].filter((l) => l !== "");
}

/** "Team Noord" stays as it is; "Noord" becomes "team Noord". */
export function teamLabel(teamName: string): string {
  return /^team\b/i.test(teamName.trim()) ? teamName.trim() : `team ${teamName.trim()}`;
}
