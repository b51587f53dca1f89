import { describe, test } from "node:test";
import assert from "node:assert/strict";
import type { z } from "zod";
import { NewFamily, NewMember, type NewFamilyInput, type NewMemberInput } from "./family.ts";

/** Asserts a failed parse with an issue at `path`, whose message matches `message`. */
function assertIssue(result: z.ZodSafeParseResult<unknown>, path: readonly (string | number)[], message: RegExp): void {
  assert.equal(result.success, false, "expected the input to be rejected");
  const issues = result.error?.issues ?? [];
  const hit = issues.find((i) => JSON.stringify(i.path) === JSON.stringify(path));
  assert.ok(hit, `no issue at ${JSON.stringify(path)}; got ${JSON.stringify(issues.map((i) => [i.path, i.message]))}`);
  assert.match(hit.message, message);
}

/** A date `days` from today (UTC), as YYYY-MM-DD. */
function isoDaysFromNow(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

const member = (over: Partial<NewMemberInput> = {}): NewMemberInput => ({
  givenName: "Sanne",
  surname: "de Vries",
  role: "parent",
  dateOfBirth: "1985-04-12",
  ...over,
});

describe("NewMember", () => {
  test("accepts a valid member and normalizes the BSN", () => {
    const parsed = NewMember.parse(member({ bsn: "1112.22.333" }));
    assert.equal(parsed.bsn, "111222333");
    assert.equal(NewMember.parse(member({ bsn: "1234 5672" })).bsn, "012345672");
    assert.equal(NewMember.parse(member()).bsn, null);
    assert.equal(NewMember.parse(member({ bsn: null })).bsn, null);
  });

  test("rejects a BSN that fails the 11-proef, has the wrong length or holds letters", () => {
    for (const bsn of ["123456789", "11122233", "1112223334", "11122233a", "000000000"]) {
      assertIssue(NewMember.safeParse(member({ bsn })), ["bsn"], /not a valid BSN/);
    }
  });

  test("rejects a date of birth in the future", () => {
    assertIssue(NewMember.safeParse(member({ dateOfBirth: isoDaysFromNow(2) })), ["dateOfBirth"], /in the future/);
    assertIssue(NewMember.safeParse(member({ dateOfBirth: "2999-01-01" })), ["dateOfBirth"], /in the future/);
    assert.equal(NewMember.safeParse(member({ dateOfBirth: isoDaysFromNow(-2) })).success, true);
  });

  test("rejects a date of birth that is not YYYY-MM-DD", () => {
    for (const dateOfBirth of ["12-04-1985", "1985-4-12", "1985-13-01", ""]) {
      assertIssue(NewMember.safeParse(member({ dateOfBirth })), ["dateOfBirth"], /YYYY-MM-DD/);
    }
  });

  test("requires names and a known role", () => {
    assertIssue(NewMember.safeParse(member({ givenName: "   " })), ["givenName"], /given name is required/);
    assertIssue(NewMember.safeParse(member({ surname: "x".repeat(201) })), ["surname"], /too long/);
    assert.equal(NewMember.safeParse({ ...member(), role: "grandparent" }).success, false);
  });
});

describe("NewFamily", () => {
  const family = (over: Partial<NewFamilyInput> = {}): NewFamilyInput => ({ caseNumber: "2012/017", ...over });
  const address = (postcode: string | null) => ({ street: "Hoofdstraat", houseNumber: "12a", postcode, city: "Groningen" });

  test("accepts a minimal family and fills in the defaults", () => {
    const parsed = NewFamily.parse(family());
    assert.equal(parsed.caseNumber, "2012/017");
    assert.deepEqual(parsed.address, { street: null, houseNumber: null, postcode: null, city: null });
    assert.deepEqual(parsed.members, []);
    assert.equal(parsed.teamId, null);
  });

  test("accepts case numbers with letters, digits, '.', '_', '/' and '-', trimmed", () => {
    for (const caseNumber of ["2012-017", "PL.2012_17", "a/b-c", "7"]) {
      assert.equal(NewFamily.parse(family({ caseNumber })).caseNumber, caseNumber);
    }
    assert.equal(NewFamily.parse(family({ caseNumber: "  D-101 " })).caseNumber, "D-101");
  });

  test("rejects a bad case number", () => {
    assertIssue(NewFamily.safeParse(family({ caseNumber: "" })), ["caseNumber"], /required/);
    assertIssue(NewFamily.safeParse(family({ caseNumber: "   " })), ["caseNumber"], /required/);
    assertIssue(NewFamily.safeParse(family({ caseNumber: "x".repeat(41) })), ["caseNumber"], /too long/);
    for (const caseNumber of ["D 101", "#101", "-101", "D-101;drop", "dossier№1"]) {
      assertIssue(NewFamily.safeParse(family({ caseNumber })), ["caseNumber"], /letters, digits/);
    }
  });

  test("normalizes the postcode: '1234 ab' → '1234AB'", () => {
    assert.equal(NewFamily.parse(family({ address: address("1234 ab") })).address.postcode, "1234AB");
    assert.equal(NewFamily.parse(family({ address: address(" 9712cp ") })).address.postcode, "9712CP");
    assert.equal(NewFamily.parse(family({ address: address(null) })).address.postcode, null);
  });

  test("rejects a bad postcode", () => {
    for (const postcode of ["0123AB", "123AB", "12345AB", "1234A", "1234 abc", "AB1234", "1234-AB", ""]) {
      assertIssue(NewFamily.safeParse(family({ address: address(postcode) })), ["address", "postcode"], /not a Dutch postcode/);
    }
  });

  test("checks the members it contains", () => {
    assertIssue(NewFamily.safeParse(family({ members: [member(), member({ bsn: "123456789" })] })), ["members", 1, "bsn"], /not a valid BSN/);
  });
});
