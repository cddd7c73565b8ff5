/**
 * The hostile-input suite's runner: each case runs in its own Node process with a hard time limit, against the
 * built package as a consumer reaches it (`openclaw/plugin-sdk/<subpath>` resolved through `package.json#exports`
 * by self-reference from the repo root; the CLI as `node dist/cli/openclaw.js`). A case that hangs is killed and
 * reported as `timedOut`, so one frozen case can neither freeze the suite nor hide behind a vitest timeout.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "../../scripts/lib/entrypoints.js";
import { runPnpm } from "../../scripts/lib/pack.js";

/** What an isolated run did. */
export interface IsolatedResult {
  /** Exit code; `null` when killed. */
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** True when the time limit killed it. */
  timedOut: boolean;
  durationMs: number;
}

/** Options of {@link runIsolatedModule} and {@link runIsolatedCli}. */
export interface IsolatedOptions {
  /** Hard limit; the process is killed with SIGKILL after it. Default 15 s. */
  timeoutMs?: number;
  /** Working directory (the CLI's); module scripts always run from the repo root so self-reference resolves. */
  cwd?: string;
  /** Extra environment; `NO_COLOR=1` is always set. */
  env?: NodeJS.ProcessEnv;
}

/** Path of the built CLI. */
export const cliPath = join(repoRoot, "dist", "cli", "openclaw.js");

/** Builds `dist/` once when it is missing (under the build lock, as the other package tests do). */
export function ensureBuilt(): void {
  if (!existsSync(cliPath)) runPnpm(["run", "build"], { locked: true });
}

function run(args: string[], cwd: string, options: IsolatedOptions): IsolatedResult {
  const timeoutMs = options.timeoutMs ?? 15_000;
  const started = performance.now();
  const result = spawnSync(process.execPath, args, {
    cwd,
    env: { ...process.env, NO_COLOR: "1", ...options.env },
    encoding: "utf8",
    timeout: timeoutMs,
    killSignal: "SIGKILL",
    maxBuffer: 32 * 1024 * 1024,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const durationMs = performance.now() - started;
  const timedOut = (result.error as NodeJS.ErrnoException | undefined)?.code === "ETIMEDOUT" || (result.signal === "SIGKILL" && durationMs >= timeoutMs);
  if (result.error && !timedOut) throw result.error;
  return { status: result.status, signal: result.signal, stdout: result.stdout ?? "", stderr: result.stderr ?? "", timedOut, durationMs };
}

/**
 * Runs an ES module `source` in a fresh Node process from the repo root. Pass data in through `env` or by
 * embedding `JSON.stringify(value)` in the source; print results as JSON on stdout.
 *
 * @example
 * ```ts
 * const r = runIsolatedModule(`import { parsePluginManifest } from "openclaw/plugin-sdk/plugin-manifest";
 * console.log(JSON.stringify(parsePluginManifest(process.env.TEXT).diagnostics));`, { env: { TEXT: "{}" } });
 * ```
 */
export function runIsolatedModule(source: string, options: IsolatedOptions = {}): IsolatedResult {
  return run(["--input-type=module", "-e", source], repoRoot, options);
}

/** Runs the built `openclaw` CLI with `args` in a fresh process. */
export function runIsolatedCli(args: string[], options: IsolatedOptions = {}): IsolatedResult {
  return run([cliPath, ...args], options.cwd ?? repoRoot, options);
}

/** The last non-empty stdout line parsed as JSON (how module cases report results). */
export function lastJsonLine<T = unknown>(result: IsolatedResult): T {
  const line = result.stdout.trim().split("\n").filter(Boolean).at(-1);
  if (line === undefined) throw new Error(`no output; stderr:\n${result.stderr}`);
  return JSON.parse(line) as T;
}
