import { describe, test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { centsToDecimal, centsToInput, formatEuros, minutesInDutch, minutesToClock, parseEuros } from "./money.ts";

describe("parseEuros", () => {
  test("Dutch amounts: a comma separates the cents, points group thousands", () => {
    assert.equal(parseEuros("12,50"), 1250);
    assert.equal(parseEuros("12,5"), 1250);
    assert.equal(parseEuros("0,05"), 5);
    assert.equal(parseEuros("1.234,56"), 123456);
    assert.equal(parseEuros("1.234.567,89"), 123456789);
    assert.equal(parseEuros("1.234"), 123400, "a point followed by three digits groups thousands");
    assert.equal(parseEuros("6.500"), 650000, "the Houd me vast group training: € 6.500");
    assert.equal(parseEuros("12,"), 1200);
  });

  test("a point with one or two decimals, and English thousands with a comma, are read too", () => {
    assert.equal(parseEuros("12.50"), 1250);
    assert.equal(parseEuros("12.5"), 1250);
    assert.equal(parseEuros("1,234.56"), 123456);
  });

  test("a euro sign and spaces (also non-breaking) are ignored", () => {
    assert.equal(parseEuros("€ 80"), 8000);
    assert.equal(parseEuros("€\u00a01.250,00"), 125000);
    assert.equal(parseEuros(" 75 € "), 7500);
    assert.equal(parseEuros("0"), 0, "zero is an amount; whether it is allowed is the form's rule");
  });

  test("not an amount: null", () => {
    for (const bad of ["", " ", "€", "abc", "12,345", "12.345.67", "1,2,3", "-5", "12,50-", "1.2.3", "12,5.0", "1e5", "12 ,50x", ".", ","]) {
      assert.equal(parseEuros(bad), null, `"${bad}"`);
    }
  });

  test("round trip: any amount written as an input or a CSV decimal reads back to the same cents", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000_000 }), (cents) => {
        assert.equal(parseEuros(centsToInput(cents)), cents);
        assert.equal(parseEuros(centsToDecimal(cents)), cents);
      }),
    );
  });
});

describe("cents and minutes as text", () => {
  test("centsToDecimal keeps two decimals and the sign", () => {
    assert.equal(centsToDecimal(123456), "1234.56");
    assert.equal(centsToDecimal(5), "0.05");
    assert.equal(centsToDecimal(0), "0.00");
    assert.equal(centsToDecimal(-5), "-0.05");
    assert.equal(centsToDecimal(-123400), "-1234.00");
    assert.throws(() => centsToDecimal(1.5), RangeError);
  });

  test("centsToInput uses a comma", () => {
    assert.equal(centsToInput(650000), "6500,00");
  });

  test("formatEuros: the Dutch way, thousands with points", () => {
    assert.equal(formatEuros(81250), "€ 812,50");
    assert.equal(formatEuros(123456789), "€ 1.234.567,89");
    assert.equal(formatEuros(5), "€ 0,05");
    assert.equal(formatEuros(100000), "€ 1.000,00");
    assert.equal(formatEuros(-2550), "-€ 25,50");
    assert.equal(parseEuros(formatEuros(123456789)), 123456789);
  });

  test("minutesInDutch", () => {
    assert.equal(minutesInDutch(90), "1 uur en 30 minuten");
    assert.equal(minutesInDutch(120), "2 uur");
    assert.equal(minutesInDutch(45), "45 minuten");
    assert.equal(minutesInDutch(61), "1 uur en 1 minuut");
    assert.equal(minutesInDutch(0), "0 minuten");
  });

  test("minutesToClock", () => {
    assert.equal(minutesToClock(95), "1:35");
    assert.equal(minutesToClock(5), "0:05");
    assert.equal(minutesToClock(1440), "24:00");
    assert.equal(minutesToClock(-65), "-1:05");
  });
});
