/**
 * Hefbomen (levers): which leefgebieden improve first. For every family that improved on at least
 * two domains between its nulmeting (meting 0) and its last meting, the lever domains are those of
 * its lasting improvements (higher at the last meting than at the nulmeting) whose first
 * improvement over the nulmeting came at the earliest meting; several domains first improving at
 * that same meting are all levers. A domain that improved for a while but was back at or below its
 * nulmeting score at the last meting is not a lever: the question is which of the improvements
 * the family kept came first.
 *
 * Two entry points that must agree (levers.test.ts checks it on random families):
 * - leversFromFamilies: the full scores per meting, for small groups and exports;
 * - leversFromFirstImprovements: one small row per family, the shape the server can compute in SQL
 *   at 100,000 families without shipping scores. A sketch, with s one row per family, meting and
 *   scored domain, and l each family's last meting (over all its metingen):
 *
 *     SELECT s.family_id, s.domain,
 *            min(s.round) FILTER (WHERE s.round > 0 AND s.score > b.score)          AS first_improved,
 *            coalesce(bool_or(s.round = l.last_round AND s.score > b.score), false) AS last_improved
 *       FROM s
 *       JOIN s AS b ON b.family_id = s.family_id AND b.domain = s.domain AND b.round = 0
 *       JOIN l ON l.family_id = s.family_id
 *      GROUP BY s.family_id, s.domain
 *
 *   then one row per family: { firstImproved: {domain: first_improved}, lastImproved: {domain: last_improved} }.
 *
 * A family without a nulmeting or without a later meting is not considered; a domain not scored at
 * the nulmeting, or not scored at the family's last meting, has no lasting improvement.
 */

/** One family's scores: meting number → domain key → score (absent or undefined when not scored). */
export type ScoresByMeting =
  | ReadonlyMap<number, Readonly<Record<string, number | undefined>>>
  | Readonly<Record<number, Readonly<Record<string, number | undefined>>>>;

/** Per family, what the SQL above yields. */
export interface FirstImprovementRow {
  /** Domain → the first meting (> 0) at which it scored above the nulmeting, or null if never. */
  firstImproved: Readonly<Record<string, number | null>>;
  /** Domain → whether it scored above the nulmeting at the family's last meting. */
  lastImproved: Readonly<Record<string, boolean>>;
}

export interface LeverCounts {
  /** Families improved on at least two domains (the denominator). */
  considered: number;
  /** Domain → number of considered families for which it was a lever. */
  levers: Record<string, number>;
}

/** Families need this many lasting improvements before their first one says anything. */
export const MIN_IMPROVED_DOMAINS = 2;

function own<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

function metingen(family: ScoresByMeting): [number, Readonly<Record<string, number | undefined>>][] {
  const entries: [number, Readonly<Record<string, number | undefined>>][] =
    family instanceof Map
      ? [...(family as ReadonlyMap<number, Readonly<Record<string, number | undefined>>>).entries()]
      : Object.entries(family as Readonly<Record<string, Readonly<Record<string, number | undefined>>>>).map(([k, v]) => [Number(k), v]);
  for (const [round] of entries) {
    if (!Number.isSafeInteger(round) || round < 0) throw new RangeError(`a meting number must be a whole number ≥ 0, got ${round}`);
  }
  return entries.sort((a, b) => a[0] - b[0]);
}

function score(scores: Readonly<Record<string, number | undefined>>, key: string): number | undefined {
  const s = own(scores, key);
  return typeof s === "number" ? s : undefined;
}

function emptyCounts(domains: readonly string[]): LeverCounts {
  const levers: Record<string, number> = {};
  for (const d of domains) levers[d] = 0;
  return { considered: 0, levers };
}

/** Lever counts from each family's full scores per meting, for the instrument's domains. */
export function leversFromFamilies(families: Iterable<ScoresByMeting>, domains: readonly string[]): LeverCounts {
  const out = emptyCounts(domains);
  for (const family of families) {
    const rounds = metingen(family);
    const first = rounds[0];
    const last = rounds[rounds.length - 1];
    if (!first || !last || first[0] !== 0 || last[0] === 0) continue;
    const base = first[1];
    const lasting = domains.filter((d) => {
      const b = score(base, d);
      const l = score(last[1], d);
      return b !== undefined && l !== undefined && l > b;
    });
    if (lasting.length < MIN_IMPROVED_DOMAINS) continue;
    out.considered += 1;
    // Walk the metingen in order; the first one at which any lasting domain is above its
    // nulmeting score names the levers.
    for (const [, scores] of rounds.slice(1)) {
      const improvedHere = lasting.filter((d) => {
        const s = score(scores, d);
        return s !== undefined && s > (score(base, d) as number);
      });
      if (improvedHere.length === 0) continue;
      for (const d of improvedHere) out.levers[d] = (out.levers[d] as number) + 1;
      break;
    }
  }
  return out;
}

/**
 * Lever counts from per-family first-improvement rows (the SQL shape above). Domains default to
 * every key the rows mention, in order of first appearance.
 */
export function leversFromFirstImprovements(rows: Iterable<FirstImprovementRow>, domains?: readonly string[]): LeverCounts {
  const list = [...rows];
  let keys = domains;
  if (!keys) {
    const seen = new Set<string>();
    for (const r of list) for (const k of [...Object.keys(r.firstImproved), ...Object.keys(r.lastImproved)]) seen.add(k);
    keys = [...seen];
  }
  const out = emptyCounts(keys);
  for (const row of list) {
    let earliest = Number.POSITIVE_INFINITY;
    const lasting: [string, number][] = [];
    for (const d of keys) {
      const first = own(row.firstImproved, d) ?? null;
      if (first !== null && (!Number.isSafeInteger(first) || first <= 0)) throw new RangeError(`first improvement of ${d} must be a meting > 0 or null, got ${first}`);
      if (own(row.lastImproved, d) !== true) continue;
      if (first === null) throw new RangeError(`${d} improved at the last meting but has no first improvement`);
      lasting.push([d, first]);
      earliest = Math.min(earliest, first);
    }
    if (lasting.length < MIN_IMPROVED_DOMAINS) continue;
    out.considered += 1;
    for (const [d, first] of lasting) if (first === earliest) out.levers[d] = (out.levers[d] as number) + 1;
  }
  return out;
}
