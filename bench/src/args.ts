import { parseArgs } from "node:util";

export type EngineName = "pglite" | "postgres";

export interface BenchOptions {
  families: number;
  engines: EngineName[];
  /** Measured runs per figure (the median is reported); at least 7. */
  runs: number;
  warmup: number;
  /** Imports to time, each into its own fresh organisation; the median is reported. */
  importRuns: number;
  postgresUrl: string;
  /** Print the EXPLAIN ANALYZE plans (they are always written to the JSON). */
  explain: boolean;
  /** ANALYZE the whole database after seeding and importing, on top of what the CLI does itself. */
  analyze: boolean;
  /** Keep the PGlite directory and the PostgreSQL organisations for inspection. */
  keep: boolean;
  /** A CLI step or a PostgreSQL statement running longer than this is stopped (a plan gone wrong). */
  timeoutMs: number;
}

export const USAGE = `npm run bench -- [options]

  --families N          families to seed (default 10000; the targets are set for 10,000)
  --engine E            pglite | postgres | both (default both)
  --runs N              measured runs per figure, median reported (default 9, at least 7)
  --warmup N            warm-up runs before measuring (default 3)
  --import-runs N       CSV imports to time, each into a fresh organisation (default 3)
  --analyze             also ANALYZE the whole database after seeding and after importing
  --explain             print the EXPLAIN ANALYZE plans (always saved in the JSON)
  --keep                keep the PGlite directory and the PostgreSQL organisations
  --timeout-minutes N   stop a CLI step or PostgreSQL statement after N minutes (default 15)

PostgreSQL: PLOEGWERK_BENCH_POSTGRES_URL, default postgres://postgres@127.0.0.1:5432/test.
Results: a table on stdout and bench/results/latest.json.`;

export class ArgsError extends Error {}

function positiveInt(name: string, raw: string | undefined, fallback: number, min = 1, max = 1_000_000): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw new ArgsError(`--${name} must be a whole number from ${min} to ${max}, got '${raw}'`);
  return n;
}

export function parseBenchArgs(argv: readonly string[], env: NodeJS.ProcessEnv): BenchOptions | "help" {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      families: { type: "string" },
      engine: { type: "string" },
      runs: { type: "string" },
      warmup: { type: "string" },
      "import-runs": { type: "string" },
      analyze: { type: "boolean" },
      explain: { type: "boolean" },
      keep: { type: "boolean" },
      "timeout-minutes": { type: "string" },
      help: { type: "boolean", short: "h" },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) return "help";
  const engine = values.engine ?? "both";
  if (engine !== "pglite" && engine !== "postgres" && engine !== "both") throw new ArgsError(`--engine must be pglite, postgres or both, got '${engine}'`);
  return {
    families: positiveInt("families", values.families, 10_000),
    engines: engine === "both" ? ["pglite", "postgres"] : [engine],
    runs: positiveInt("runs", values.runs, 9, 7, 1000),
    warmup: positiveInt("warmup", values.warmup, 3, 0, 100),
    importRuns: positiveInt("import-runs", values["import-runs"], 3, 1, 20),
    postgresUrl: env.PLOEGWERK_BENCH_POSTGRES_URL?.trim() || "postgres://postgres@127.0.0.1:5432/test",
    explain: values.explain ?? false,
    analyze: values.analyze ?? false,
    keep: values.keep ?? false,
    timeoutMs: positiveInt("timeout-minutes", values["timeout-minutes"], 15, 1, 24 * 60) * 60_000,
  };
}
