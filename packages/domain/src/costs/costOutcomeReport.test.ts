import { describe, test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { ratio } from "../outcomes/ratio.ts";
import { COST_LINES, type CostLine } from "./costKinds.ts";
import type { CostOutcomeRow } from "./costOutcomeContract.ts";
import { determinedUnknowns } from "../outcomes/disclosure/linearAudit.ts";
import { costOutcomeTable, type FamilyCostFacts } from "./costOutcomeReport.ts";

function fam(id: string, group: string | null, lines: Partial<Record<CostLine, number>>, o: Partial<Pick<FamilyCostFacts, "trajectoryCents" | "outsideCents" | "outcome">> = {}): FamilyCostFacts {
  const total = Object.values(lines).reduce((a, b) => a + (b ?? 0), 0);
  return { familyId: id, group, lines, trajectoryCents: o.trajectoryCents ?? [total - (o.outsideCents ?? 0)], outsideCents: o.outsideCents ?? 0, outcome: o.outcome ?? null };
}
const improved = (from: [number, number], to: [number, number], problemFrom: number, problemTo: number) => ({ sr: { from: ratio(...from), to: ratio(...to) }, problemFrom, problemTo });
const GROUPS = [
  { key: "Noord", label: "Noord" },
  { key: "Zuid", label: "Zuid" },
  { key: null, label: "Geen wijk" },
];

describe("costOutcomeTable without suppression (team roles)", () => {
  const facts = [
    fam("a", "Noord", { hours: 100_000, jeugdwet: 650_000 }, { outcome: improved([2, 1], [3, 1], 7, 5) }),
    fam("b", "Noord", { hours: 200_000 }, { outcome: improved([5, 2], [5, 2], 6, 6) }),
    fam("c", "Noord", { hours: 50_000, wmo: 10_000 }, { trajectoryCents: [20_000, 30_000], outsideCents: 10_000 }),
    fam("d", "Zuid", { hours: 80_000, gezinsbudget: 5_000 }, { outcome: improved([17, 8], [1, 1], 8, 9) }),
    fam("e", null, { hours: 1_000 }, { trajectoryCents: [], outsideCents: 1_000 }),
  ];
  const { total, groups } = costOutcomeTable(facts, { groups: GROUPS, totalLabel: "Totaal", suppress: false });

  test("per family: count, total, mean and median", () => {
    assert.deepEqual([total.families, total.totalCents, total.meanCents, total.medianCents], [5, 1_096_000, 219_200, 85_000]);
    const noord = groups[0] as CostOutcomeRow;
    assert.deepEqual([noord.key, noord.families, noord.totalCents, noord.meanCents, noord.medianCents], ["Noord", 3, 1_010_000, 336_667, 200_000]);
    assert.deepEqual(groups.map((g) => [g.label, g.families]), [["Noord", 3], ["Zuid", 1], ["Geen wijk", 1]]);
    assert.ok(groups.every((g) => !g.hidden));
  });

  test("per trajectory: every trajectory's costs in the period", () => {
    // a 750000, b 200000, c 20000 and 30000, d 85000; e has none.
    assert.deepEqual(total.trajectories, { count: 5, meanCents: 217_000, medianCents: 85_000 });
    assert.deepEqual(groups[0]?.trajectories, { count: 4, meanCents: 250_000, medianCents: 115_000 });
    assert.equal(groups[2]?.trajectories, null);
  });

  test("per line, with the families using it and the mean over them; lines in list order", () => {
    assert.deepEqual(
      total.lines.map((l) => [l.line, l.families, l.totalCents, l.meanCents]),
      [
        ["hours", 5, 431_000, 86_200],
        ["wmo", 1, 10_000, 10_000],
        ["jeugdwet", 1, 650_000, 650_000],
        ["gezinsbudget", 1, 5_000, 5_000],
      ],
    );
    assert.deepEqual(groups[1]?.lines.map((l) => l.line), ["hours", "gezinsbudget"]);
  });

  test("outcome of the same families: those with a nulmeting and a later meting, exact mean SR change", () => {
    // a +1, b 0, d −1.125: mean −0.125/3 = −0.0416… → −0.04; problems −2, 0, +1 → −1/3 → −0.33.
    assert.deepEqual(total.outcome, { families: 3, selfRelianceChange: -0.04, problemDomainChange: -0.33 });
    assert.deepEqual(groups[0]?.outcome, { families: 2, selfRelianceChange: 0.5, problemDomainChange: -1 });
    assert.equal(groups[2]?.outcome, null, "no family with two metingen");
  });

  test("SR change only when every measured family has SR at both", () => {
    const mixed = [fam("a", "Noord", { hours: 1 }, { outcome: improved([2, 1], [3, 1], 7, 5) }), fam("b", "Noord", { hours: 1 }, { outcome: { sr: null, problemFrom: 4, problemTo: 3 } })];
    assert.deepEqual(costOutcomeTable(mixed, { groups: GROUPS, totalLabel: "T", suppress: false }).total.outcome, { families: 2, selfRelianceChange: null, problemDomainChange: -1.5 });
  });

  test("families of a group not in the list get a row of their own; no families, no rows", () => {
    const r = costOutcomeTable([fam("x", "WK001401", { hours: 5 })], { groups: GROUPS, totalLabel: "T", suppress: false });
    assert.deepEqual(r.groups.map((g) => [g.key, g.label]), [["WK001401", "WK001401"]]);
    const none = costOutcomeTable([], { groups: GROUPS, totalLabel: "T", suppress: false });
    assert.deepEqual([none.groups, none.total.families, none.total.meanCents, none.total.trajectories, none.total.outcome, none.total.lines], [[], 0, null, null, null, []]);
  });
});

/**
 * The attacker's view, written apart from the implementation: every relation between the figures
 * of the table (a row's total = its lines = its trajectories + its costs outside any trajectory;
 * a total-row figure = the sum of the wijk figures) as linear equations in the figures the answer
 * hides, and the costs outside trajectories, which it never shows. Answers the figures over 1–4
 * families that the shown figures pin down exactly.
 */
function pinnedFigures(table: { total: CostOutcomeRow; groups: CostOutcomeRow[] }, facts: readonly FamilyCostFacts[]): string[] {
  const rows = [{ shown: table.total, facts }, ...table.groups.map((g) => ({ shown: g, facts: facts.filter((f) => f.group === g.key) }))];
  const names: string[] = [];
  const counts: number[] = [];
  const ids = new Map<string, number>();
  const figure = (name: string, exists: boolean, hidden: boolean, count: number): number | null | "known" => {
    if (!exists) return "known";
    if (!hidden) return "known";
    if (!ids.has(name)) {
      ids.set(name, names.length);
      names.push(name);
      counts.push(count);
    }
    return ids.get(name) as number;
  };
  const equations: [number, number][][] = [];
  const equation = (terms: [number | null | "known", number][]) => {
    const e = terms.filter((t): t is [number, number] => typeof t[0] === "number");
    if (e.length > 0) equations.push(e);
  };
  const at = (r: number) => rows[r] as (typeof rows)[number];
  const usedLines = (fs: readonly FamilyCostFacts[]) => COST_LINES.filter((l) => fs.some((f) => (f.lines[l] ?? 0) > 0));
  const count = (fs: readonly FamilyCostFacts[], p: (f: FamilyCostFacts) => boolean) => fs.filter(p).length;
  const rowFig = (r: number) => figure(`row ${r}`, true, at(r).shown.totalCents === null, at(r).facts.length);
  const trajFig = (r: number) => figure(`trajectories ${r}`, count(at(r).facts, (f) => f.trajectoryCents.length > 0) > 0, at(r).shown.trajectories === null, count(at(r).facts, (f) => f.trajectoryCents.length > 0));
  const outFig = (r: number) => figure(`outside ${r}`, count(at(r).facts, (f) => f.outsideCents > 0) > 0, true, count(at(r).facts, (f) => f.outsideCents > 0));
  const outcomeFig = (r: number) => figure(`outcome ${r}`, count(at(r).facts, (f) => f.outcome !== null) > 0, at(r).shown.outcome === null, count(at(r).facts, (f) => f.outcome !== null));
  const lineFig = (r: number, l: CostLine) =>
    figure(`${l} ${r}`, usedLines(at(r).facts).includes(l), at(r).shown.lines.find((x) => x.line === l)?.totalCents == null, count(at(r).facts, (f) => (f.lines[l] ?? 0) > 0));
  rows.forEach((_, r) => {
    equation([[rowFig(r), 1], ...usedLines(at(r).facts).map((l): [number | null | "known", number] => [lineFig(r, l), -1])]);
    equation([[rowFig(r), 1], [trajFig(r), -1], [outFig(r), -1]]);
  });
  const groups = rows.map((_, r) => r).slice(1);
  for (const fig of [rowFig, trajFig, outFig, outcomeFig]) equation([[fig(0), 1], ...groups.map((g): [number | null | "known", number] => [fig(g), -1])]);
  for (const l of COST_LINES) if (usedLines(facts).includes(l)) equation([[lineFig(0, l), 1], ...groups.map((g): [number | null | "known", number] => [lineFig(g, l), -1])]);
  const determined = determinedUnknowns(equations, names.length);
  return names.filter((_, i) => determined[i] && (counts[i] ?? 0) > 0 && (counts[i] ?? 0) < 5);
}

/** n families in a group, each with hours and (from `from`) some other line. */
function many(prefix: string, group: string | null, n: number, lines: (i: number) => Partial<Record<CostLine, number>>, o: (i: number) => Partial<Pick<FamilyCostFacts, "trajectoryCents" | "outsideCents" | "outcome">> = () => ({})) {
  return Array.from({ length: n }, (_, i) => fam(`${prefix}${i}`, group, lines(i), o(i)));
}

describe("costOutcomeTable with suppression (analist)", () => {
  test("under five families in all: nothing but the labels", () => {
    const { total, groups } = costOutcomeTable(many("a", "Noord", 4, () => ({ hours: 1000 })), { groups: GROUPS, totalLabel: "Totaal", suppress: true });
    assert.equal(total.hidden, true);
    assert.deepEqual([total.families, total.totalCents, total.meanCents, total.medianCents, total.trajectories, total.outcome], [null, null, null, null, null, null]);
    assert.ok(total.lines.every((l) => l.families === null && l.totalCents === null && l.meanCents === null));
    assert.ok(groups.every((g) => g.hidden));
  });

  test("a wijk under five is hidden, and the next smallest with it, so the total does not give it away", () => {
    const facts = [...many("n", "Noord", 6, () => ({ hours: 1000 })), ...many("z", "Zuid", 3, () => ({ hours: 2000 })), ...many("o", "Oost", 9, () => ({ hours: 500 }))];
    const { total, groups } = costOutcomeTable(facts, { groups: [...GROUPS, { key: "Oost", label: "Oost" }], totalLabel: "Totaal", suppress: true });
    assert.deepEqual(groups.map((g) => [g.label, g.hidden, g.families, g.totalCents]), [["Noord", true, null, null], ["Zuid", true, null, null], ["Oost", false, 9, 4500]]);
    assert.equal(total.families, 18);
    assert.equal(total.totalCents, 16_500);
  });

  test("a funding source of fewer than five families is hidden in its row, and another with it", () => {
    const facts = many("n", "Noord", 10, (i) => ({ hours: 1000, ...(i < 2 ? { wmo: 500 } : {}), ...(i < 7 ? { jeugdwet: 900 } : {}) }));
    const { total, groups } = costOutcomeTable(facts, { groups: GROUPS, totalLabel: "Totaal", suppress: true });
    for (const row of [total, groups[0] as CostOutcomeRow]) {
      assert.deepEqual(row.lines.map((l) => [l.line, l.families]), [["hours", 10], ["wmo", null], ["jeugdwet", null]], row.label);
      assert.equal(row.totalCents, 10_000 + 1000 + 6300, "the row total stays: hidden lines together cover seven families");
    }
  });

  test("a line hidden to protect the total row cannot be worked out through the wijk cells either", () => {
    // Noord: 6 families with Wmo; Zuid: 6 families, 3 with jeugdwet. Jeugdwet (3) is hidden in the total row and in
    // Zuid; hiding Wmo beside it in the total row is not enough, since Noord's Wmo cell equals the total's.
    const facts = [...many("n", "Noord", 6, () => ({ hours: 100, wmo: 50 })), ...many("z", "Zuid", 6, (i) => ({ hours: 100, ...(i < 3 ? { jeugdwet: 70 } : {}) }))];
    const table = costOutcomeTable(facts, { groups: GROUPS, totalLabel: "Totaal", suppress: true });
    const cell = (r: CostOutcomeRow | undefined, line: CostLine) => r?.lines.find((l) => l.line === line)?.totalCents;
    assert.equal(cell(table.total, "jeugdwet"), null);
    assert.equal(cell(table.groups[1], "jeugdwet"), null);
    assert.deepEqual(pinnedFigures(table, facts), [], "no figure over fewer than five families follows from the shown ones");
    // What the per-relation rules alone would have left: total Wmo follows from Noord's, total jeugdwet from the total row.
    assert.ok(cell(table.total, "hours") === null || cell(table.total, "wmo") === null && cell(table.groups[0], "wmo") === null);
  });

  test("trajectories: hidden when the families with costs outside a trajectory number 1 to 4", () => {
    const facts = many("n", "Noord", 8, () => ({ hours: 1000 }), (i) => (i < 2 ? { trajectoryCents: [600], outsideCents: 400 } : {}));
    const { total } = costOutcomeTable(facts, { groups: GROUPS, totalLabel: "Totaal", suppress: true });
    assert.equal(total.trajectories, null, "total − trajectory sum would give the outside costs of two families");
    assert.equal(total.totalCents, 8000);
    const fine = costOutcomeTable(many("n", "Noord", 8, () => ({ hours: 1000 })), { groups: GROUPS, totalLabel: "Totaal", suppress: true });
    assert.deepEqual(fine.total.trajectories, { count: 8, meanCents: 1000, medianCents: 1000 });
  });

  test("outcome: shown only over five families or more, complementary across wijken", () => {
    const o = () => ({ outcome: improved([2, 1], [3, 1], 6, 4) });
    const facts = [...many("n", "Noord", 7, () => ({ hours: 1 }), (i) => (i < 3 ? o() : {})), ...many("z", "Zuid", 7, () => ({ hours: 1 }), (i) => (i < 6 ? o() : {})), ...many("x", "Oost", 7, () => ({ hours: 1 }), o)];
    const { total, groups } = costOutcomeTable(facts, { groups: [...GROUPS, { key: "Oost", label: "Oost" }], totalLabel: "Totaal", suppress: true });
    assert.deepEqual(groups.map((g) => g.outcome?.families ?? null), [null, null, 7], "Noord (3) hidden, and Zuid (6) with it");
    assert.deepEqual(total.outcome, { families: 16, selfRelianceChange: 1, problemDomainChange: -2 });
  });

  test("the same facts unsuppressed show everything", () => {
    const facts = many("z", "Zuid", 3, () => ({ hours: 2000, wmo: 1 }));
    const { total } = costOutcomeTable(facts, { groups: GROUPS, totalLabel: "Totaal", suppress: false });
    assert.equal(total.families, 3);
    assert.ok(total.lines.every((l) => l.families !== null));
  });
});

describe("property: with suppression no shown figure covers fewer than five families, and no subtraction does", () => {
  const groupKeys = ["A", "B", "C", "D", null] as const;
  /** How often each funding line, the outcome and costs outside a trajectory occur, per wijk: tables where a line lives in one or two wijken only, as in practice. */
  const chance = fc.constantFrom(0, 0, 0.15, 0.5, 0.9, 1);
  const EXTRA = ["wmo", "jeugdwet", "gezinsbudget"] as const;
  const profile = fc.record({ wmo: chance, jeugdwet: chance, gezinsbudget: chance, outside: chance, measured: chance });
  const families = fc
    .tuple(fc.array(profile, { minLength: groupKeys.length, maxLength: groupKeys.length }), fc.array(fc.tuple(fc.integer({ min: 0, max: groupKeys.length - 1 }), fc.array(fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), { minLength: 5, maxLength: 5 }), fc.integer({ min: 0, max: 2 })), { maxLength: 60 }))
    .map(([profiles, rows]) =>
      rows.map(([g, dice, trajectories], i): FamilyCostFacts => {
        const p = profiles[g] as { wmo: number; jeugdwet: number; gezinsbudget: number; outside: number; measured: number };
        const lines: Partial<Record<CostLine, number>> = { hours: 100 + i };
        EXTRA.forEach((l, k) => {
          if ((dice[k] as number) < p[l]) lines[l] = 300 + 7 * k;
        });
        return {
          familyId: `f${i}`,
          group: groupKeys[g] ?? null,
          lines,
          trajectoryCents: Array.from({ length: trajectories }, () => 10),
          outsideCents: (dice[3] as number) < p.outside || trajectories === 0 ? 5 : 0,
          outcome: (dice[4] as number) < p.measured ? improved([2, 1], [3, 1], 6, 5) : null,
        };
      }),
    );

  test("checked on every table", () => {
    fc.assert(
      fc.property(families, (facts) => {
        const { total, groups } = costOutcomeTable(facts, { groups: groupKeys.map((k) => ({ key: k, label: k ?? "–" })), totalLabel: "T", suppress: true });
        const factsOf = (key: string | null | "total") => (key === "total" ? facts : facts.filter((f) => f.group === key));
        const rows: [CostOutcomeRow, readonly FamilyCostFacts[]][] = [[total, facts], ...groups.map((g): [CostOutcomeRow, readonly FamilyCostFacts[]] => [g, factsOf(g.key)])];
        const risky = (n: number) => n > 0 && n < 5;
        const using = (fs: readonly FamilyCostFacts[], l: CostLine) => fs.filter((f) => (f.lines[l] ?? 0) > 0);

        for (const [row, fs] of rows) {
          // Primary: every shown figure covers at least five families.
          if (row.families !== null) assert.ok(fs.length >= 5, `${row.label}: ${fs.length} families shown`);
          if (row.trajectories !== null) assert.ok(fs.filter((f) => f.trajectoryCents.length > 0).length >= 5);
          if (row.outcome !== null) assert.ok(row.outcome.families >= 5);
          for (const l of row.lines) if (l.families !== null) assert.ok(l.families >= 5, `${row.label} ${l.line}: ${l.families}`);
          // Within a shown row: the hidden lines together, and the costs outside trajectories.
          if (row.totalCents !== null) {
            const hidden = new Set(row.lines.filter((l) => l.totalCents === null).flatMap((l) => using(fs, l.line).map((f) => f.familyId)));
            assert.ok(!risky(hidden.size), `${row.label}: hidden lines expose ${hidden.size} families`);
            if (row.trajectories !== null) assert.ok(!risky(fs.filter((f) => f.outsideCents > 0).length), `${row.label}: total − trajectories`);
          }
        }
        // Across the wijken, per column, against a shown total.
        const hiddenGroups = (shown: (g: CostOutcomeRow) => boolean) => groups.filter((g) => !shown(g));
        if (total.families !== null) assert.ok(!risky(hiddenGroups((g) => g.families !== null).reduce((s, g) => s + factsOf(g.key).length, 0)), "rows");
        if (total.outcome !== null) assert.ok(!risky(hiddenGroups((g) => g.outcome !== null).reduce((s, g) => s + factsOf(g.key).filter((f) => f.outcome).length, 0)), "outcome");
        if (total.trajectories !== null) {
          const h = hiddenGroups((g) => g.trajectories !== null);
          assert.ok(!risky(h.reduce((s, g) => s + factsOf(g.key).filter((f) => f.trajectoryCents.length > 0).length, 0)), "trajectories");
          // Σ trajectories of those wijken follows from the total; with their row totals, Σ of their outside costs might.
          assert.ok(!risky(h.reduce((s, g) => s + factsOf(g.key).filter((f) => f.outsideCents > 0).length, 0)), "outside costs via the rows");
        }
        for (const line of COST_LINES) {
          const totalCell = total.lines.find((l) => l.line === line);
          if (!totalCell) continue;
          const cells = groups.map((g) => ({ g, cell: g.lines.find((l) => l.line === line) })).filter((c) => c.cell);
          if (totalCell.totalCents !== null) {
            assert.ok(!risky(cells.filter((c) => c.cell?.totalCents === null).reduce((s, c) => s + using(factsOf(c.g.key), line).length, 0)), `column ${line}`);
          }
        }
        // And through any chain of relations: the exact linear attack.
        assert.deepEqual(pinnedFigures({ total, groups }, facts), [], "figures over fewer than five families follow from the shown ones");
      }),
      { numRuns: 1000 },
    );
  });
});
