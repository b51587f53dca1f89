import { spawn } from "node:child_process";
import { closeSync, openSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** The repository root and the product's own command, exactly as a user runs it. */
export const ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const PLOEGWERK_BIN = fileURLToPath(new URL("../../node_modules/.bin/ploegwerk", import.meta.url));

export interface CliResult {
  /** Wall time from spawn to exit, in milliseconds. */
  ms: number;
  code: number;
  /** Stopped by the benchmark's timeout. */
  timedOut: boolean;
  stdout: string;
  stderr: string;
}

export class CliError extends Error {
  constructor(readonly args: readonly string[], readonly result: CliResult) {
    const lines = result.stderr.split("\n").map((l) => l.trim()).filter((l) => l && !l.startsWith("at "));
    const what = result.timedOut ? `was stopped after ${(result.ms / 60_000).toFixed(1)} min (--timeout-minutes)` : `exited with ${result.code}`;
    super(`ploegwerk ${args.join(" ")} ${what}: ${lines.find((l) => l.startsWith("error:")) ?? lines[lines.length - 1] ?? "(no output)"}`);
  }
}

/**
 * Runs `ploegwerk ARGS` in its own process and times it (wall clock, so process start, loading
 * the TypeScript sources, opening the database and the migrations check are included).
 * With `stdoutFile` the command's stdout goes straight into that file.
 */
export function ploegwerk(args: readonly string[], env: NodeJS.ProcessEnv, opts: { stdoutFile?: string; timeoutMs?: number; onTimeout?: () => Promise<void> } = {}): Promise<CliResult> {
  const fd = opts.stdoutFile ? openSync(opts.stdoutFile, "w") : undefined;
  return new Promise<CliResult>((resolve, reject) => {
    const start = performance.now();
    const child = spawn(PLOEGWERK_BIN, [...args], { cwd: ROOT, env, stdio: ["ignore", fd ?? "pipe", "pipe"] });
    let timedOut = false;
    // A plan gone wrong (stale statistics) can run for hours: stop the child and, through
    // onTimeout, the query it left running on the server.
    const timer = opts.timeoutMs
      ? setTimeout(() => {
          timedOut = true;
          child.kill("SIGTERM");
          void opts.onTimeout?.().catch(() => undefined);
        }, opts.timeoutMs)
      : undefined;
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout?.on("data", (b: Buffer) => out.push(b));
    child.stderr?.on("data", (b: Buffer) => err.push(b));
    child.on("error", (e) => {
      clearTimeout(timer);
      if (fd !== undefined) closeSync(fd);
      reject(e);
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      const ms = performance.now() - start;
      if (fd !== undefined) closeSync(fd);
      const result: CliResult = {
        ms,
        code: code ?? (signal ? 128 : 1),
        timedOut,
        stdout: Buffer.concat(out).toString("utf8"),
        stderr: Buffer.concat(err).toString("utf8") + (signal && !timedOut ? `\n(killed by ${signal})` : ""),
      };
      if (result.code !== 0 || timedOut) reject(new CliError(args, result));
      else resolve(result);
    });
  });
}
