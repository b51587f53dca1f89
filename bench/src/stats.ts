/** Timing helpers: wall-clock milliseconds with performance.now(), summarised by the median. */

export interface Sample {
  median: number;
  min: number;
  max: number;
  runs: number[];
}

export function summarize(runs: readonly number[]): Sample {
  if (runs.length === 0) throw new Error("no runs to summarise");
  const sorted = [...runs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
  return { median: round(median), min: round(sorted[0] as number), max: round(sorted[sorted.length - 1] as number), runs: runs.map((r) => round(r)) };
}

export function round(ms: number, decimals = 1): number {
  const f = 10 ** decimals;
  return Math.round(ms * f) / f;
}

export async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await fn();
  return { ms: performance.now() - start, value };
}

/**
 * Runs the contenders in turn, `warmup` rounds unmeasured and then `runs` measured rounds. The
 * order inside a round rotates so neither side always runs right after the other (GC, caches).
 */
export async function interleave(contenders: Record<string, () => Promise<unknown>>, opts: { warmup: number; runs: number }): Promise<Record<string, Sample>> {
  const names = Object.keys(contenders);
  const times = new Map<string, number[]>(names.map((n) => [n, []]));
  for (let round = 0; round < opts.warmup + opts.runs; round++) {
    const order = names.map((_, i) => names[(i + round) % names.length] as string);
    for (const name of order) {
      const fn = contenders[name] as () => Promise<unknown>;
      const { ms } = await timed(fn);
      if (round >= opts.warmup) times.get(name)?.push(ms);
    }
  }
  return Object.fromEntries(names.map((n) => [n, summarize(times.get(n) ?? [])]));
}

export function formatMs(ms: number): string {
  if (ms >= 10_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  if (ms >= 100) return `${ms.toFixed(0)} ms`;
  return `${ms.toFixed(1)} ms`;
}
