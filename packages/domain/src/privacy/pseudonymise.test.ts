import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  birthYearBand,
  changedFields,
  FAMILY_RULES,
  MEASUREMENT_RULES,
  MEMBER_RULES,
  monthOnly,
  PHASE_TRANSITION_RULES,
  pseudonymCaseNumber,
  pseudonymiseRow,
  PSEUDONYMISED_DELETES,
  PSEUDONYMISED_KEEPS,
  REFERRAL_CHECK_RULES,
  scrubMemberFromParticipants,
  TRAJECTORY_RULES,
  type FieldRule,
} from "./pseudonymise.ts";

const ID = "0b6c9a52-3d0e-4f51-9a6b-2f7d4c1e8a90";
const at = new Date("2026-01-02T10:00:00Z");

describe("the transforms", () => {
  test("year of birth in five-year bands, on 1 January of the band's first year", () => {
    assert.equal(birthYearBand("2013-08-02"), "2010-01-01");
    assert.equal(birthYearBand("2010-01-01"), "2010-01-01");
    assert.equal(birthYearBand("2014-12-31"), "2010-01-01");
    assert.equal(birthYearBand("2015-01-01"), "2015-01-01");
    assert.equal(birthYearBand("1999-06-15"), "1995-01-01");
    assert.equal(birthYearBand("2000-02-29"), "2000-01-01");
    assert.throws(() => birthYearBand("2013-02-30"), RangeError);
  });

  test("a date to its month", () => {
    assert.equal(monthOnly("2024-03-17"), "2024-03-01");
    assert.equal(monthOnly("2024-12-31"), "2024-12-01");
    assert.throws(() => monthOnly("17-03-2024"), RangeError);
  });

  test("the pseudonym is made from the internal id only, and is a valid case number", () => {
    assert.equal(pseudonymCaseNumber(ID), "P-0b6c9a523d0e4f519a6b2f7d4c1e8a90");
    assert.match(pseudonymCaseNumber(ID), /^[A-Za-z0-9][A-Za-z0-9._/-]*$/);
    assert.ok(pseudonymCaseNumber(ID).length <= 40);
  });
});

describe("what pseudonymisation keeps and drops, field by field", () => {
  test("family: keeps the wijk (district) and team; drops case number, address, buurt and coach", () => {
    const row = {
      organisationId: "org",
      id: ID,
      caseNumber: "KW-2026-017",
      street: "Korreweg",
      houseNumber: "12a",
      postcode: "9714AB",
      city: "Groningen",
      district: "Korrewegwijk",
      neighbourhood: "De Hoogte",
      teamId: "team",
      coachId: "coach",
      version: 4,
      createdAt: at,
      updatedAt: at,
    };
    assert.deepEqual(pseudonymiseRow(row, FAMILY_RULES, ID), {
      organisationId: "org",
      id: ID,
      caseNumber: "P-0b6c9a523d0e4f519a6b2f7d4c1e8a90",
      street: null,
      houseNumber: null,
      postcode: null,
      city: null,
      district: "Korrewegwijk",
      neighbourhood: null,
      teamId: "team",
      coachId: null,
      version: 4,
      createdAt: at,
      updatedAt: at,
    });
  });

  test("member: keeps role and a band of the year of birth; drops names and BSN", () => {
    const row = { organisationId: "org", id: "m1", familyId: ID, givenName: "Anaïs", surname: "de Vries", role: "child", dateOfBirth: "2013-08-02", bsn: "111222333", position: 1, version: 2, createdAt: at, updatedAt: at };
    assert.deepEqual(pseudonymiseRow(row, MEMBER_RULES, "m1"), {
      ...row,
      givenName: "Gezinslid",
      surname: "(gepseudonimiseerd)",
      dateOfBirth: "2010-01-01",
      bsn: null,
    });
  });

  test("measurement: keeps the scores and derived figures; drops justifications (same length), note, who measured, and the day", () => {
    const row = {
      organisationId: "org",
      id: "x",
      familyId: ID,
      memberId: null,
      instrumentKey: "ploeg-9",
      instrumentVersion: 1,
      round: 0,
      measuredOn: "2024-03-17",
      measuredById: "coach",
      measuredByName: "Zoë Hendriks",
      source: "interview",
      note: "Moeder vertelde over de schulden.",
      scores: [2, 1, 2, 3, 3, 4, 3, 2, 5],
      justifications: ["Geen werk", "Ontruiming dreigt", null, "x", "y", null, "z", "w", null],
      problemCount: 7,
      srNum: 90,
      srDen: 32,
      srLevel: 3,
      version: 1,
      createdAt: at,
      updatedAt: at,
    };
    assert.deepEqual(pseudonymiseRow(row, MEASUREMENT_RULES, "x"), {
      ...row,
      measuredOn: "2024-03-01",
      measuredById: null,
      measuredByName: null,
      note: null,
      justifications: [null, null, null, null, null, null, null, null, null],
    });
    assert.equal(pseudonymiseRow({ ...row, measuredOn: null }, MEASUREMENT_RULES, "x").measuredOn, null);
  });

  test("trajectory: keeps phases, dates, referrer kind, urgency, coercion kind, decision and which leefgebieden were named; drops every text and person", () => {
    const row = {
      organisationId: "org",
      id: "t",
      familyId: ID,
      phase: "closed",
      phaseSince: "2005-06-30",
      receivedOn: "2004-01-05",
      referrerKind: "woningcorporatie",
      referrerOrganisation: "Woonstichting De Korf",
      referrerName: "Petra Verhuur",
      referrerContact: "050-0000000",
      reason: "Huurachterstand",
      instrumentKey: "ploeg-9",
      problems: { huisvesting: "Dreigende ontruiming", inkomen: "Schulden" },
      urgency: "high",
      safetyConcerns: "Vader drinkt",
      agencies: [{ organisation: "BJZ", contactName: "Jan", contact: null }],
      coercion: "drang",
      coercionNote: "Huurcontract",
      decision: "go",
      decisionOn: "2004-01-12",
      decisionReason: "Vijf leefgebieden",
      decidedById: "lead",
      consentSignedOn: "2004-01-20",
      eropaf: [{ reason: "x" }],
      extensions: [{ reason: "y" }],
      introductionAt: at,
      introductionPlace: "Thuis",
      createdById: "coach",
      version: 9,
      createdAt: at,
      updatedAt: at,
    };
    assert.deepEqual(pseudonymiseRow(row, TRAJECTORY_RULES, "t"), {
      ...row,
      referrerOrganisation: "",
      referrerName: "",
      referrerContact: null,
      reason: "",
      problems: { huisvesting: "", inkomen: "" },
      safetyConcerns: null,
      agencies: [],
      coercionNote: null,
      decisionReason: null,
      decidedById: null,
      eropaf: [],
      extensions: [],
      introductionAt: null,
      introductionPlace: null,
      createdById: null,
    });
  });

  test("tijdpad and checks: keep the moves, results and dates; drop who and why", () => {
    const move = { organisationId: "o", trajectoryId: "t", seq: 3, fromPhase: "execution", toPhase: "closed", kind: "dropout", on: "2005-06-30", at, byId: "coach", byName: "Zoë Hendriks", reason: "Verhuisd naar Assen" };
    assert.deepEqual(pseudonymiseRow(move, PHASE_TRANSITION_RULES, "t"), { ...move, byId: null, byName: "", reason: null });
    const check = { organisationId: "o", trajectoryId: "t", kind: "police", result: "concerns", note: "Melding 2004", checkedOn: "2004-01-06", checkedById: "coach", updatedAt: at };
    assert.deepEqual(pseudonymiseRow(check, REFERRAL_CHECK_RULES, "t"), { ...check, note: null, checkedById: null });
  });

  test("a field without a rule is refused, never kept silently (the type refuses it too; a row with extra data is caught at run time)", () => {
    const rules = { id: "keep" } as Record<string, FieldRule> as Record<"id" | "secret", FieldRule>;
    assert.throws(() => pseudonymiseRow({ id: "a", secret: "x" }, rules, "a"), /no pseudonymisation rule for field 'secret'/);
  });

  test("changedFields gives only what an UPDATE sets", () => {
    const check = { organisationId: "o", trajectoryId: "t", kind: "police", result: "concerns", note: "Melding", checkedOn: "2004-01-06", checkedById: "coach", updatedAt: at };
    assert.deepEqual(changedFields(check, REFERRAL_CHECK_RULES, "t"), { note: null, checkedById: null });
  });

  test("an erased member keeps their place in an MDO's participants, without name or contact", () => {
    const list = [
      { id: "p1", kind: "member", ref: "m1", name: "Anaïs de Vries", contact: "06-1", attended: true },
      { id: "p2", kind: "member", ref: "m2", name: "Joël de Vries", contact: null, attended: true },
      { id: "p3", kind: "user", ref: "m1", name: "Zoë Hendriks", contact: null, attended: true },
    ];
    assert.deepEqual(scrubMemberFromParticipants(list, "m1", "Gezinslid (verwijderd)"), [
      { id: "p1", kind: "member", ref: "m1", name: "Gezinslid (verwijderd)", contact: null, attended: true },
      list[1],
      list[2],
    ]);
  });

  test("no record kind is both kept and deleted", () => {
    const kept = new Set<string>(PSEUDONYMISED_KEEPS);
    for (const d of PSEUDONYMISED_DELETES) assert.equal(kept.has(d), false, d);
  });
});
