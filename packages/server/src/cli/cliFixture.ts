/**
 * The fixture of the `ploegwerk` command-line tests, fixtures/ploeg9-20-gezinnen.csv, and the outcome
 * figures expected from it. Those figures are worked out by hand below (BRIEF §4), never by the
 * product's engine.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { HEADER, KEYS, type DomainKey } from "./cliTesting.ts";

export const FIXTURE = fileURLToPath(new URL("./fixtures/ploeg9-20-gezinnen.csv", import.meta.url));

// ---------------------------------------------------------------------------------------------
// The fixture: 20 fictional families, nulmeting (0) and meting 1, worked out by hand.
// ---------------------------------------------------------------------------------------------
//
// Domain order in the fixture and below: onderwijs_werk huisvesting inkomen opvoeding
// geestelijke_gezondheid lichamelijke_gezondheid sociaal_netwerk vrije_tijd justitiele_veiligheid.
// s = scores, w = weights 6 − s, SR = Σs·w / Σw over the scored domains (PW-7 has no
// justitiele_veiligheid score at meting 1), shown half-up to one decimal; level = SR half-up to an
// integer, from the exact SR; problems = number of domains scored ≤ 3.
//
// PW-1  m0: s 1 1 1 1 1 2 2 2 3 | w 5 5 5 5 5 4 4 4 3 | Σs·w 5+5+5+5+5+8+8+8+9 = 58 | Σw 40 | SR 58/40 = 1.45 → 1.5, level 1 | problems 9  ← exactly 1.45: shown half-up as 1.5, but the level comes from 1.45, so 1
// PW-1  m1: s 2 3 2 2 1 2 3 2 4 | w 4 3 4 4 5 4 3 4 2 | Σs·w 8+9+8+8+5+8+9+8+8 = 71 | Σw 33 | SR 71/33 = 2.1515 → 2.2, level 2 | problems 8
// PW-2  m0: s 2 2 3 3 3 3 1 4 5 | w 4 4 3 3 3 3 5 2 1 | Σs·w 8+8+9+9+9+9+5+8+5 = 70 | Σw 28 | SR 70/28 = 2.5 → 2.5, level 3 | problems 7  ← exactly 2.5: level rounds half-up to 3
// PW-2  m1: s 3 4 4 3 3 3 2 4 5 | w 3 2 2 3 3 3 4 2 1 | Σs·w 9+8+8+9+9+9+8+8+5 = 73 | Σw 23 | SR 73/23 = 3.1739 → 3.2, level 3 | problems 5
// PW-3  m0: s 2 1 2 2 3 4 2 2 2 | w 4 5 4 4 3 2 4 4 4 | Σs·w 8+5+8+8+9+8+8+8+8 = 70 | Σw 34 | SR 70/34 = 2.0588 → 2.1, level 2 | problems 8
// PW-3  m1: s 3 4 3 3 3 4 3 2 3 | w 3 2 3 3 3 2 3 4 3 | Σs·w 9+8+9+9+9+8+9+8+9 = 78 | Σw 26 | SR 78/26 = 3 → 3, level 3 | problems 7
// PW-4  m0: s 3 3 3 4 2 4 3 3 4 | w 3 3 3 2 4 2 3 3 2 | Σs·w 9+9+9+8+8+8+9+9+8 = 77 | Σw 25 | SR 77/25 = 3.08 → 3.1, level 3 | problems 6
// PW-4  m1: s 3 4 4 4 3 4 4 3 5 | w 3 2 2 2 3 2 2 3 1 | Σs·w 9+8+8+8+9+8+8+9+5 = 72 | Σw 20 | SR 72/20 = 3.6 → 3.6, level 4 | problems 3
// PW-5  m0: s 1 2 2 2 2 3 3 3 4 | w 5 4 4 4 4 3 3 3 2 | Σs·w 5+8+8+8+8+9+9+9+8 = 72 | Σw 32 | SR 72/32 = 2.25 → 2.3, level 2 | problems 8  ← exactly 2.25: shown half-up as 2.3
// PW-5  m1: s 2 4 4 3 3 3 3 3 4 | w 4 2 2 3 3 3 3 3 2 | Σs·w 8+8+8+9+9+9+9+9+8 = 77 | Σw 25 | SR 77/25 = 3.08 → 3.1, level 3 | problems 6
// PW-6  m0: s 2 2 2 2 4 4 4 5 5 | w 4 4 4 4 2 2 2 1 1 | Σs·w 8+8+8+8+8+8+8+5+5 = 66 | Σw 24 | SR 66/24 = 2.75 → 2.8, level 3 | problems 4  ← exactly 2.75: shown half-up as 2.8
// PW-6  m1: s 3 4 4 3 4 4 4 5 5 | w 3 2 2 3 2 2 2 1 1 | Σs·w 9+8+8+9+8+8+8+5+5 = 68 | Σw 18 | SR 68/18 = 3.7778 → 3.8, level 4 | problems 2
// PW-7  m0: s 3 2 1 3 2 3 2 3 3 | w 3 4 5 3 4 3 4 3 3 | Σs·w 9+8+5+9+8+9+8+9+9 = 74 | Σw 32 | SR 74/32 = 2.3125 → 2.3, level 2 | problems 9
// PW-7  m1: s 3 4 3 3 3 3 3 2 – | w 3 2 3 3 3 3 3 4 | Σs·w 9+8+9+9+9+9+9+8 = 70 | Σw 24 | SR 70/24 = 2.9167 → 2.9, level 3 | problems 7
// PW-8  m0: s 2 3 2 3 3 2 3 3 5 | w 4 3 4 3 3 4 3 3 1 | Σs·w 8+9+8+9+9+8+9+9+5 = 74 | Σw 28 | SR 74/28 = 2.6429 → 2.6, level 3 | problems 8
// PW-8  m1: s 2 3 3 3 2 2 3 3 5 | w 4 3 3 3 4 4 3 3 1 | Σs·w 8+9+9+9+8+8+9+9+5 = 74 | Σw 28 | SR 74/28 = 2.6429 → 2.6, level 3 | problems 8
// PW-9  m0: s 4 2 2 3 3 3 4 3 5 | w 2 4 4 3 3 3 2 3 1 | Σs·w 8+8+8+9+9+9+8+9+5 = 73 | Σw 25 | SR 73/25 = 2.92 → 2.9, level 3 | problems 6
// PW-9  m1: s 4 4 4 3 3 3 4 4 5 | w 2 2 2 3 3 3 2 2 1 | Σs·w 8+8+8+9+9+9+8+8+5 = 72 | Σw 20 | SR 72/20 = 3.6 → 3.6, level 4 | problems 3
// PW-10 m0: s 1 2 2 2 3 3 2 2 4 | w 5 4 4 4 3 3 4 4 2 | Σs·w 5+8+8+8+9+9+8+8+8 = 71 | Σw 33 | SR 71/33 = 2.1515 → 2.2, level 2 | problems 8
// PW-10 m1: s 2 4 3 3 3 3 3 2 4 | w 4 2 3 3 3 3 3 4 2 | Σs·w 8+8+9+9+9+9+9+8+8 = 77 | Σw 27 | SR 77/27 = 2.8519 → 2.9, level 3 | problems 7
// PW-11 m0: s 3 3 2 4 4 3 3 3 5 | w 3 3 4 2 2 3 3 3 1 | Σs·w 9+9+8+8+8+9+9+9+5 = 74 | Σw 24 | SR 74/24 = 3.0833 → 3.1, level 3 | problems 6
// PW-11 m1: s 3 4 4 4 4 3 3 3 5 | w 3 2 2 2 2 3 3 3 1 | Σs·w 9+8+8+8+8+9+9+9+5 = 73 | Σw 21 | SR 73/21 = 3.4762 → 3.5, level 3 | problems 4  ← shown 3.5, but 73/21 < 3.5, so level 3
// PW-12 m0: s 2 1 2 3 2 3 3 3 3 | w 4 5 4 3 4 3 3 3 3 | Σs·w 8+5+8+9+8+9+9+9+9 = 74 | Σw 32 | SR 74/32 = 2.3125 → 2.3, level 2 | problems 9
// PW-12 m1: s 2 4 4 3 3 3 3 3 4 | w 4 2 2 3 3 3 3 3 2 | Σs·w 8+8+8+9+9+9+9+9+8 = 77 | Σw 25 | SR 77/25 = 3.08 → 3.1, level 3 | problems 6
// PW-13 m0: s 3 3 3 2 3 4 3 4 4 | w 3 3 3 4 3 2 3 2 2 | Σs·w 9+9+9+8+9+8+9+8+8 = 77 | Σw 25 | SR 77/25 = 3.08 → 3.1, level 3 | problems 6
// PW-13 m1: s 3 4 4 3 3 4 3 4 4 | w 3 2 2 3 3 2 3 2 2 | Σs·w 9+8+8+9+9+8+9+8+8 = 76 | Σw 22 | SR 76/22 = 3.4545 → 3.5, level 3 | problems 4  ← shown 3.5, but 76/22 < 3.5, so level 3
// PW-14 m0: s 2 3 2 2 2 2 3 2 5 | w 4 3 4 4 4 4 3 4 1 | Σs·w 8+9+8+8+8+8+9+8+5 = 71 | Σw 31 | SR 71/31 = 2.2903 → 2.3, level 2 | problems 8
// PW-14 m1: s 3 4 3 3 3 2 3 2 5 | w 3 2 3 3 3 4 3 4 1 | Σs·w 9+8+9+9+9+8+9+8+5 = 74 | Σw 26 | SR 74/26 = 2.8462 → 2.8, level 3 | problems 7
// PW-15 m0: s 3 2 2 3 1 3 3 3 4 | w 3 4 4 3 5 3 3 3 2 | Σs·w 9+8+8+9+5+9+9+9+8 = 74 | Σw 30 | SR 74/30 = 2.4667 → 2.5, level 2 | problems 8  ← shown 2.5, but 74/30 < 2.5, so level 2
// PW-15 m1: s 3 4 4 3 2 3 3 3 4 | w 3 2 2 3 4 3 3 3 2 | Σs·w 9+8+8+9+8+9+9+9+8 = 77 | Σw 25 | SR 77/25 = 3.08 → 3.1, level 3 | problems 6
// PW-16 m0: s 4 3 3 3 3 4 4 3 5 | w 2 3 3 3 3 2 2 3 1 | Σs·w 8+9+9+9+9+8+8+9+5 = 74 | Σw 22 | SR 74/22 = 3.3636 → 3.4, level 3 | problems 5
// PW-16 m1: s 3 2 2 2 2 3 3 2 5 | w 3 4 4 4 4 3 3 4 1 | Σs·w 9+8+8+8+8+9+9+8+5 = 72 | Σw 30 | SR 72/30 = 2.4 → 2.4, level 2 | problems 8
// PW-17 m0: s 2 2 1 2 2 3 2 2 3 | w 4 4 5 4 4 3 4 4 3 | Σs·w 8+8+5+8+8+9+8+8+9 = 71 | Σw 35 | SR 71/35 = 2.0286 → 2, level 2 | problems 9
// PW-17 m1: s 3 3 3 2 3 3 2 2 4 | w 3 3 3 4 3 3 4 4 2 | Σs·w 9+9+9+8+9+9+8+8+8 = 77 | Σw 29 | SR 77/29 = 2.6552 → 2.7, level 3 | problems 8
// PW-18 m0: s 3 2 3 3 3 3 3 3 4 | w 3 4 3 3 3 3 3 3 2 | Σs·w 9+8+9+9+9+9+9+9+8 = 79 | Σw 27 | SR 79/27 = 2.9259 → 2.9, level 3 | problems 8
// PW-18 m1: s 4 4 4 3 3 3 4 4 5 | w 2 2 2 3 3 3 2 2 1 | Σs·w 8+8+8+9+9+9+8+8+5 = 72 | Σw 20 | SR 72/20 = 3.6 → 3.6, level 4 | problems 3
// PW-19 m0: s 2 2 2 3 3 3 2 3 5 | w 4 4 4 3 3 3 4 3 1 | Σs·w 8+8+8+9+9+9+8+9+5 = 73 | Σw 29 | SR 73/29 = 2.5172 → 2.5, level 3 | problems 8  ← shown 2.5, but 73/29 > 2.5, so level 3
// PW-19 m1: s 3 4 4 3 3 3 3 3 5 | w 3 2 2 3 3 3 3 3 1 | Σs·w 9+8+8+9+9+9+9+9+5 = 75 | Σw 23 | SR 75/23 = 3.2609 → 3.3, level 3 | problems 6
// PW-20 m0: s 3 3 2 3 3 4 3 3 5 | w 3 3 4 3 3 2 3 3 1 | Σs·w 9+9+8+9+9+8+9+9+5 = 75 | Σw 25 | SR 75/25 = 3 → 3, level 3 | problems 7
// PW-20 m1: s 3 4 4 4 3 3 5 3 5 | w 3 2 2 2 3 3 1 3 1 | Σs·w 9+8+8+8+9+9+5+9+5 = 70 | Σw 20 | SR 70/20 = 3.5 → 3.5, level 4 | problems 4  ← exactly 3.5: level rounds half-up to 4

/** Per family: [meting 0, meting 1] as [SR shown, level, problem domains]. */
export const EXPECTED_FAMILIES: Readonly<Record<string, readonly [readonly [number, number, number], readonly [number, number, number]]>> = {
  "PW-1": [[1.5, 1, 9], [2.2, 2, 8]],
  "PW-2": [[2.5, 3, 7], [3.2, 3, 5]],
  "PW-3": [[2.1, 2, 8], [3, 3, 7]],
  "PW-4": [[3.1, 3, 6], [3.6, 4, 3]],
  "PW-5": [[2.3, 2, 8], [3.1, 3, 6]],
  "PW-6": [[2.8, 3, 4], [3.8, 4, 2]],
  "PW-7": [[2.3, 2, 9], [2.9, 3, 7]],
  "PW-8": [[2.6, 3, 8], [2.6, 3, 8]],
  "PW-9": [[2.9, 3, 6], [3.6, 4, 3]],
  "PW-10": [[2.2, 2, 8], [2.9, 3, 7]],
  "PW-11": [[3.1, 3, 6], [3.5, 3, 4]],
  "PW-12": [[2.3, 2, 9], [3.1, 3, 6]],
  "PW-13": [[3.1, 3, 6], [3.5, 3, 4]],
  "PW-14": [[2.3, 2, 8], [2.8, 3, 7]],
  "PW-15": [[2.5, 2, 8], [3.1, 3, 6]],
  "PW-16": [[3.4, 3, 5], [2.4, 2, 8]],
  "PW-17": [[2, 2, 9], [2.7, 3, 8]],
  "PW-18": [[2.9, 3, 8], [3.6, 4, 3]],
  "PW-19": [[2.5, 3, 8], [3.3, 3, 6]],
  "PW-20": [[3, 3, 7], [3.5, 4, 4]],
};

//
// meting 0: domain means (sum over the families that scored the domain, / count, half-up to one decimal)
//   onderwijs_werk           1+2+2+3+1+2+3+2+4+1+3+2+3+2+3+4+2+3+2+3 = 48 / 20 = 2.4 → 2.4
//   huisvesting              1+2+1+3+2+2+2+3+2+2+3+1+3+3+2+3+2+2+2+3 = 44 / 20 = 2.2 → 2.2
//   inkomen                  1+3+2+3+2+2+1+2+2+2+2+2+3+2+2+3+1+3+2+2 = 42 / 20 = 2.1 → 2.1
//   opvoeding                1+3+2+4+2+2+3+3+3+2+4+3+2+2+3+3+2+3+3+3 = 53 / 20 = 2.65 → 2.7  ← exactly x.x5: half-up
//   geestelijke_gezondheid   1+3+3+2+2+4+2+3+3+3+4+2+3+2+1+3+2+3+3+3 = 52 / 20 = 2.6 → 2.6
//   lichamelijke_gezondheid  2+3+4+4+3+4+3+2+3+3+3+3+4+2+3+4+3+3+3+4 = 63 / 20 = 3.15 → 3.2  ← exactly x.x5: half-up
//   sociaal_netwerk          2+1+2+3+3+4+2+3+4+2+3+3+3+3+3+4+2+3+2+3 = 55 / 20 = 2.75 → 2.8  ← exactly x.x5: half-up
//   vrije_tijd               2+4+2+3+3+5+3+3+3+2+3+3+4+2+3+3+2+3+3+3 = 59 / 20 = 2.95 → 3.0  ← exactly x.x5: half-up
//   justitiele_veiligheid    3+5+2+4+4+5+3+5+5+4+5+3+4+5+4+5+3+4+5+5 = 83 / 20 = 4.15 → 4.2  ← exactly x.x5: half-up
//   problem domains per family (PW-1..PW-20): 9+7+8+6+8+4+9+8+6+8+6+9+6+8+8+5+9+8+8+7 = 147 / 20 = 7.35
//   distribution: 4: 1, 5: 1, 6: 4, 7: 2, 8: 8, 9: 4
//   mean SR: Σ of the 20 exact SR fractions above = 325256824177/6354671400; / 20 = 2.5592 → 2.6
// meting 1: domain means (sum over the families that scored the domain, / count, half-up to one decimal)
//   onderwijs_werk           2+3+3+3+2+3+3+2+4+2+3+2+3+3+3+3+3+4+3+3 = 57 / 20 = 2.85 → 2.9  ← exactly x.x5: half-up
//   huisvesting              3+4+4+4+4+4+4+3+4+4+4+4+4+4+4+2+3+4+4+4 = 75 / 20 = 3.75 → 3.8  ← exactly x.x5: half-up
//   inkomen                  2+4+3+4+4+4+3+3+4+3+4+4+4+3+4+2+3+4+4+4 = 70 / 20 = 3.5 → 3.5
//   opvoeding                2+3+3+4+3+3+3+3+3+3+4+3+3+3+3+2+2+3+3+4 = 60 / 20 = 3 → 3.0
//   geestelijke_gezondheid   1+3+3+3+3+4+3+2+3+3+4+3+3+3+2+2+3+3+3+3 = 57 / 20 = 2.85 → 2.9  ← exactly x.x5: half-up
//   lichamelijke_gezondheid  2+3+4+4+3+4+3+2+3+3+3+3+4+2+3+3+3+3+3+3 = 61 / 20 = 3.05 → 3.1  ← exactly x.x5: half-up
//   sociaal_netwerk          3+2+3+4+3+4+3+3+4+3+3+3+3+3+3+3+2+4+3+5 = 64 / 20 = 3.2 → 3.2
//   vrije_tijd               2+4+2+3+3+5+2+3+4+2+3+3+4+2+3+2+2+4+3+3 = 59 / 20 = 2.95 → 3.0  ← exactly x.x5: half-up
//   justitiele_veiligheid    4+5+3+5+4+5+5+5+4+5+4+4+5+4+5+4+5+5+5 = 86 / 19 = 4.5263 → 4.5
//   problem domains per family (PW-1..PW-20): 8+5+7+3+6+2+7+8+3+7+4+6+4+7+6+8+8+3+6+4 = 112 / 20 = 5.60
//   distribution: 2: 1, 3: 3, 4: 3, 5: 1, 6: 4, 7: 4, 8: 4
//   mean SR: Σ of the 20 exact SR fractions above = 112033378321/1802700900; / 20 = 3.1074 → 3.1
// transitions 0→1 (levels): improved 14: PW-1 1→2, PW-3 2→3, PW-4 3→4, PW-5 2→3, PW-6 3→4, PW-7 2→3, PW-9 3→4, PW-10 2→3, PW-12 2→3, PW-14 2→3, PW-15 2→3, PW-17 2→3, PW-18 3→4, PW-20 3→4
//   same 5: PW-2 3→3, PW-8 3→3, PW-11 3→3, PW-13 3→3, PW-19 3→3; declined 1: PW-16 3→2
export const EXPECTED_METINGEN = [
  {
    meting: 0,
    families: 20,
    domainMeans: {
      onderwijs_werk: 2.4,
      huisvesting: 2.2,
      inkomen: 2.1,
      opvoeding: 2.7,
      geestelijke_gezondheid: 2.6,
      lichamelijke_gezondheid: 3.2,
      sociaal_netwerk: 2.8,
      vrije_tijd: 3.0,
      justitiele_veiligheid: 4.2,
    },
    problemDomainsMean: 7.35,
    problemDomainDistribution: { "4": 1, "5": 1, "6": 4, "7": 2, "8": 8, "9": 4 },
    selfRelianceMean: 2.6,
  },
  {
    meting: 1,
    families: 20,
    domainMeans: {
      onderwijs_werk: 2.9,
      huisvesting: 3.8,
      inkomen: 3.5,
      opvoeding: 3.0,
      geestelijke_gezondheid: 2.9,
      lichamelijke_gezondheid: 3.1,
      sociaal_netwerk: 3.2,
      vrije_tijd: 3.0,
      justitiele_veiligheid: 4.5,
    },
    problemDomainsMean: 5.6,
    problemDomainDistribution: { "2": 1, "3": 3, "4": 3, "5": 1, "6": 4, "7": 4, "8": 4 },
    selfRelianceMean: 3.1,
  },
] as const;
export const EXPECTED_TRANSITIONS = [{ from: 0, to: 1, families: 20, improved: 14, same: 5, declined: 1 }] as const;

export const DOMAIN_LABELS: Readonly<Record<DomainKey, string>> = {
  onderwijs_werk: "Onderwijs en werk",
  huisvesting: "Huisvesting",
  inkomen: "Inkomen",
  opvoeding: "Opvoedingssituatie",
  geestelijke_gezondheid: "Geestelijke gezondheid",
  lichamelijke_gezondheid: "Lichamelijke gezondheid",
  sociaal_netwerk: "Sociaal netwerk",
  vrije_tijd: "Vrije tijd",
  justitiele_veiligheid: "Justitiële veiligheid",
};

export interface FixtureRow {
  family: string;
  meting: number;
  line: string;
  scores: Record<string, number>;
}

/** The fixture's data lines, read as plain text (no quoting in this file). */
export function fixtureRows(): FixtureRow[] {
  const [header, ...lines] = readFileSync(FIXTURE, "utf8").trimEnd().split("\n");
  assert.equal(header, HEADER);
  return lines.map((line) => {
    const [family = "", meting = "", , ...cells] = line.split(",");
    const scores: Record<string, number> = {};
    KEYS.forEach((k, i) => {
      const c = cells[i] ?? "";
      if (c !== "") scores[k] = Number(c);
    });
    return { family, meting: Number(meting), line, scores };
  });
}

/** PW-2 before PW-10: by the family's number, then by meting. */
export function byFamilyAndMeting(a: { family: string; meting: number }, b: { family: string; meting: number }): number {
  return Number(a.family.slice(3)) - Number(b.family.slice(3)) || a.meting - b.meting;
}

export function expectedFamilyLines(): string[] {
  const rows = fixtureRows().sort(byFamilyAndMeting);
  return rows.map((r) => {
    const [sr, level, problems] = EXPECTED_FAMILIES[r.family]?.[r.meting] ?? [NaN, NaN, NaN];
    return [r.family, r.meting, sr, level, problems, ...KEYS.map((k) => r.scores[k] ?? "")].join(",");
  });
}
