import { describe, test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { isValidBsn, normalizeBsn } from "./bsn.ts";

/** 9·d1 + 8·d2 + … + 2·d8 − d9, written out independently of the code under test. */
function elfproefSum(bsn: string): number {
  const d = [...bsn].map(Number);
  return 9 * (d[0] ?? 0) + 8 * (d[1] ?? 0) + 7 * (d[2] ?? 0) + 6 * (d[3] ?? 0) + 5 * (d[4] ?? 0) + 4 * (d[5] ?? 0) + 3 * (d[6] ?? 0) + 2 * (d[7] ?? 0) - (d[8] ?? 0);
}

/** Random valid BSNs: eight random digits plus the check digit that makes the 11-proef pass. */
const validBsn = fc
  .array(fc.integer({ min: 0, max: 9 }), { minLength: 8, maxLength: 8 })
  .map((digits) => {
    const partial = elfproefSum(`${digits.join("")}0`); // 0 as d9 for now
    return { digits, check: partial % 11 };
  })
  .filter(({ digits, check }) => check <= 9 && !(check === 0 && digits.every((d) => d === 0)))
  .map(({ digits, check }) => `${digits.join("")}${check}`);

describe("isValidBsn (11-proef)", () => {
  test("accepts known valid numbers", () => {
    // 111222333: 9+8+7+12+10+8+9+6 − 3 = 66 = 6·11
    // 123456782: 9+16+21+24+25+24+21+16 − 2 = 154 = 14·11
    // 012345672: 0+8+14+18+20+20+18+14 − 2 = 110 = 10·11
    // 999999990: 9·44 − 0 = 396 = 36·11
    for (const bsn of ["111222333", "123456782", "012345672", "999999990"]) {
      assert.equal(elfproefSum(bsn) % 11, 0, `hand check of ${bsn}`);
      assert.equal(isValidBsn(bsn), true, bsn);
    }
  });

  test("refuses numbers that fail the 11-proef", () => {
    // 123456789: 156 − 9 = 147 = 13·11 + 4;  111222334: 66 − 1 = 65;  123456783: 153
    for (const bsn of ["123456789", "111222334", "123456783", "111222332", "999999999"]) {
      assert.equal(isValidBsn(bsn), false, bsn);
    }
  });

  test("refuses all zeros although 0 is divisible by 11", () => {
    assert.equal(isValidBsn("000000000"), false);
  });

  test("refuses wrong lengths", () => {
    for (const bsn of ["", "11122233", "1112223330", "12345678", "0123456782"]) {
      assert.equal(isValidBsn(bsn), false, JSON.stringify(bsn));
    }
  });

  test("refuses letters, separators, whitespace and non-ASCII digits", () => {
    for (const bsn of ["11122233a", "a11222333", "111.222.333", "111 222 333", " 111222333", "111222333\n", "１１１２２２３３３", "-11222333", "1112223.3"]) {
      assert.equal(isValidBsn(bsn), false, JSON.stringify(bsn));
    }
  });

  test("property: agrees with the written-out 11-proef on random nine-digit strings", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 9, maxLength: 9 }), (digits) => {
        const bsn = digits.join("");
        assert.equal(isValidBsn(bsn), elfproefSum(bsn) % 11 === 0 && bsn !== "000000000", bsn);
      }),
      { numRuns: 2000 },
    );
  });

  test("property: changing any single digit of a valid BSN makes it invalid", () => {
    fc.assert(
      fc.property(validBsn, fc.integer({ min: 0, max: 8 }), fc.integer({ min: 1, max: 9 }), (bsn, position, delta) => {
        assert.equal(isValidBsn(bsn), true, bsn);
        const digit = Number(bsn[position]);
        const changed = `${bsn.slice(0, position)}${(digit + delta) % 10}${bsn.slice(position + 1)}`;
        assert.notEqual(changed, bsn);
        assert.equal(isValidBsn(changed), false, `${bsn} → ${changed}`);
      }),
      { numRuns: 2000 },
    );
  });

  test("every single-digit change of 111222333 is detected (exhaustive)", () => {
    const bsn = "111222333";
    for (let position = 0; position < 9; position++) {
      for (let digit = 0; digit <= 9; digit++) {
        const changed = `${bsn.slice(0, position)}${digit}${bsn.slice(position + 1)}`;
        assert.equal(isValidBsn(changed), changed === bsn, changed);
      }
    }
  });
});

describe("normalizeBsn", () => {
  test("adds the leading zero to an eight-digit BSN", () => {
    assert.equal(normalizeBsn("12345672"), "012345672");
    assert.equal(isValidBsn(normalizeBsn("12345672")), true);
  });

  test("removes spaces, dots and hyphens", () => {
    assert.equal(normalizeBsn("1112.22.333"), "111222333");
    assert.equal(normalizeBsn(" 111 222 333 "), "111222333");
    assert.equal(normalizeBsn("111-222-333"), "111222333");
    assert.equal(normalizeBsn("1234.56.72"), "012345672");
    assert.equal(normalizeBsn("1234 5672"), "012345672");
  });

  test("leaves other input for isValidBsn to refuse", () => {
    assert.equal(normalizeBsn("11122233a"), "11122233a");
    assert.equal(isValidBsn(normalizeBsn("1234567")), false);
    assert.equal(isValidBsn(normalizeBsn("1234567823")), false);
    assert.equal(isValidBsn(normalizeBsn("0000.000.00")), false);
  });

  test("property: formatting a valid BSN with separators does not change it", () => {
    fc.assert(
      fc.property(validBsn, fc.constantFrom("", " ", ".", "-"), (bsn, sep) => {
        const formatted = `${bsn.slice(0, 4)}${sep}${bsn.slice(4, 6)}${sep}${bsn.slice(6)}`;
        assert.equal(normalizeBsn(formatted), bsn);
      }),
    );
  });
});
