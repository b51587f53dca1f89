import { csvLine, type InstrumentDefinition, type OutcomeReport } from "@ploegwerk/domain";

/** One line per family and meting: the per-family part of the report, for spreadsheets. */
export function outcomeCsv(def: InstrumentDefinition, report: OutcomeReport): string {
  const keys = def.domains.map((d) => d.key);
  const lines = [csvLine(["family", "meting", "selfReliance", "level", "problemDomains", ...keys])];
  for (const f of report.families ?? []) {
    for (const m of f.measurements) lines.push(csvLine([f.family, m.meting, m.selfReliance, m.level, m.problemDomains, ...keys.map((k) => m.scores[k])]));
  }
  return `${lines.join("\n")}\n`;
}

function table(rows: string[][]): string {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? "").length))) ?? [];
  return rows.map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join("  ")).join("\n");
}

const fmt = (n: number | null, digits: number) => (n === null ? "–" : n.toFixed(digits));

/** A readable summary: means per leefgebied per meting, then the level transitions. */
export function outcomeTable(def: InstrumentDefinition, report: OutcomeReport): string {
  const header = ["leefgebied", ...report.metingen.map((m) => `meting ${m.meting}`)];
  const rows = [header];
  for (const d of def.domains) rows.push([d.label.nl, ...report.metingen.map((m) => fmt(m.domainMeans[d.key] ?? null, 1))]);
  rows.push(["gezinnen", ...report.metingen.map((m) => String(m.families))]);
  rows.push(["gem. probleemgebieden", ...report.metingen.map((m) => fmt(m.problemDomainsMean, 2))]);
  if (def.weightedSelfReliance) rows.push(["gem. zelfredzaamheid", ...report.metingen.map((m) => fmt(m.selfRelianceMean, 1))]);
  let out = `${def.name.nl} (${def.key}@${def.version})\n\n${table(rows)}\n`;
  if (report.transitions.length > 0) {
    const t = [["overgang", "gezinnen", "gestegen", "gelijk", "gedaald"]];
    for (const tr of report.transitions) t.push([`${tr.from} → ${tr.to}`, String(tr.families), String(tr.improved), String(tr.same), String(tr.declined)]);
    out += `\n${table(t)}\n`;
  }
  return out;
}
