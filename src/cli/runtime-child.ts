/**
 * The parent side of the CLI's runtime checks: plugin code never runs in the CLI's own process. Each check spawns
 * `node dist/cli/runtime-worker.js` (the same Node binary, `process.execPath`) with an IPC channel, sends it jobs
 * and waits for each answer with a time limit. The plugin's own stdout and stderr are forwarded to the CLI's
 * stderr, so `--json` output stays one JSON document.
 *
 * Outcomes: `result` (the job's answer), `exited` (the child ended before answering: a plugin called
 * `process.exit()`, or crashed; code or signal given), `timeout` (no answer within the limit: the child is killed
 * with SIGKILL) or `failed` (the worker could not start or reported an internal error).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { CliOutput } from "./io.js";
import type { RuntimeJob, RuntimeJobResult } from "./runtime-jobs.js";

/** Extra time a plugin load gets on top of its register time limit (the import, the manifest and config checks). */
export const LOAD_GRACE_MS = 5_000;

/** Time limit of one plugin load when no `registerTimeoutMs` is configured. */
export const DEFAULT_LOAD_TIMEOUT_MS = 30_000;

/**
 * The time limit (ms) of one runtime-check job: `registerTimeoutMs + LOAD_GRACE_MS` when a register time limit is
 * configured, else {@link DEFAULT_LOAD_TIMEOUT_MS}.
 *
 * @example
 * ```ts
 * loadTimeLimitMs(500); // 5500
 * ```
 */
export function loadTimeLimitMs(registerTimeoutMs: number | undefined): number {
  return registerTimeoutMs === undefined ? DEFAULT_LOAD_TIMEOUT_MS : registerTimeoutMs + LOAD_GRACE_MS;
}

/** What one job in the child produced. */
export type ChildOutcome<T> =
  | { kind: "result"; value: T }
  | { kind: "exited"; code: number | null; signal: NodeJS.Signals | null }
  | { kind: "timeout"; limitMs: number }
  | { kind: "failed"; message: string };

/** Options of {@link startRuntimeChild}. */
export interface RuntimeChildOptions {
  /** Environment of the child (the CLI's). */
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Where the plugin's own output goes (the CLI's stderr). */
  output: CliOutput;
}

/** A running runtime-check child. */
export interface RuntimeChild {
  /** Sends one job and waits for its answer, at most `timeoutMs` (then the child is killed). */
  run<J extends RuntimeJob>(job: J, timeoutMs: number): Promise<ChildOutcome<RuntimeJobResult<J>>>;
  /** Kills the child (SIGKILL) and waits until it and its output streams are closed. */
  close(): Promise<void>;
}

/**
 * Node arguments that start one of the CLI's worker scripts (`runtime-worker`, `plugin-command-worker`): the built
 * `<name>.js` beside this file, or (in the repo's own tests) the `.ts` through tsx.
 *
 * @example
 * ```ts
 * spawn(process.execPath, workerScriptArgs("plugin-command-worker"), { stdio: ["inherit", "inherit", "inherit", "ipc"] });
 * ```
 */
export function workerScriptArgs(name: "runtime-worker" | "plugin-command-worker"): string[] {
  const here = dirname(fileURLToPath(import.meta.url));
  const built = join(here, `${name}.js`);
  if (existsSync(built)) return [built];
  const source = join(here, `${name}.ts`);
  if (existsSync(source)) {
    const tsxDir = dirname(createRequire(import.meta.url).resolve("tsx/package.json"));
    return ["--import", pathToFileURL(join(tsxDir, "dist", "loader.mjs")).href, source];
  }
  throw new Error(`the CLI worker ${name}.js is missing next to ${here}; reinstall the openclaw package.`);
}

interface Reply {
  id?: number;
  ready?: boolean;
  result?: unknown;
  error?: string;
}

/**
 * Spawns the runtime-check worker.
 *
 * @example
 * ```ts
 * const child = startRuntimeChild({ env: process.env, cwd: process.cwd(), output: process.stderr });
 * try {
 *   const outcome = await child.run({ kind: "entry", file: "/plugins/demo/dist/index.js" }, 30_000);
 *   if (outcome.kind === "exited") console.error(`exit code ${outcome.code}`);
 * } finally {
 *   await child.close();
 * }
 * ```
 */
export function startRuntimeChild(options: RuntimeChildOptions): RuntimeChild {
  let child: ChildProcess | undefined;
  let startError: string | undefined;
  try {
    child = spawn(process.execPath, workerScriptArgs("runtime-worker"), {
      cwd: options.cwd,
      env: options.env,
      stdio: ["ignore", "pipe", "pipe", "ipc"],
      serialization: "json",
    });
  } catch (error) {
    startError = error instanceof Error ? error.message : String(error);
  }
  let exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  let closed = false;
  const listeners = new Set<() => void>();
  const notify = (): void => {
    for (const listener of [...listeners]) listener();
  };
  const replies: Reply[] = [];
  let ready = false;
  if (child) {
    // Never keeps the CLI alive by itself (a wait for an answer holds a timer); the worker exits when the CLI's
    // end closes the IPC channel.
    child.unref();
    child.channel?.unref();
    (child.stdout as { unref?: () => void } | null)?.unref?.();
    (child.stderr as { unref?: () => void } | null)?.unref?.();
    child.stdout?.on("data", (chunk: Buffer) => options.output.write(chunk.toString("utf8")));
    child.stderr?.on("data", (chunk: Buffer) => options.output.write(chunk.toString("utf8")));
    child.on("message", (message: Reply) => {
      if (message && message.ready === true) ready = true;
      else replies.push(message);
      notify();
    });
    child.on("error", (error) => {
      startError ??= error.message;
      notify();
    });
    child.on("exit", (code, signal) => {
      exit = { code, signal };
      // Messages sent just before the exit are delivered first; give the channel a moment before deciding.
      setTimeout(notify, 50);
    });
    child.on("close", () => {
      closed = true;
      notify();
    });
  }
  let nextId = 1;
  const wait = (done: () => boolean, timeoutMs: number): Promise<boolean> =>
    new Promise((resolve) => {
      if (done()) return resolve(true);
      const timer = setTimeout(() => {
        listeners.delete(check);
        resolve(false);
      }, timeoutMs);
      const check = (): void => {
        if (!done()) return;
        clearTimeout(timer);
        listeners.delete(check);
        resolve(true);
      };
      listeners.add(check);
    });
  const settled = (): boolean => exit !== undefined || startError !== undefined;

  return {
    async run<J extends RuntimeJob>(job: J, timeoutMs: number): Promise<ChildOutcome<RuntimeJobResult<J>>> {
      if (!child || startError) return { kind: "failed", message: `cannot start the runtime-check process: ${startError}` };
      // Starting Node and loading the SDK does not count against the plugin's time limit.
      if (!ready && !(await wait(() => ready || settled(), 60_000))) {
        child.kill("SIGKILL");
        return { kind: "failed", message: "the runtime-check process did not start within 60 s" };
      }
      if (!ready) {
        if (startError) return { kind: "failed", message: `cannot start the runtime-check process: ${startError}` };
        return { kind: "failed", message: `the runtime-check process ended before it was ready (exit code ${exit?.code ?? exit?.signal})` };
      }
      const id = nextId++;
      const answer = (): Reply | undefined => replies.find((reply) => reply.id === id);
      if (exit !== undefined) return { kind: "exited", ...exit };
      child.send({ id, job });
      const answered = await wait(() => answer() !== undefined || settled(), timeoutMs);
      const reply = answer();
      if (reply) {
        if (reply.error !== undefined) return { kind: "failed", message: reply.error };
        return { kind: "result", value: reply.result as RuntimeJobResult<J> };
      }
      if (!answered) {
        child.kill("SIGKILL");
        return { kind: "timeout", limitMs: timeoutMs };
      }
      if (exit !== undefined) {
        // Wait for the delayed check (late messages) so a reply sent just before exiting still counts.
        await new Promise((resolve) => setTimeout(resolve, 60));
        const late = answer();
        if (late) return late.error !== undefined ? { kind: "failed", message: late.error } : { kind: "result", value: late.result as RuntimeJobResult<J> };
        const ended = exit as { code: number | null; signal: NodeJS.Signals | null };
        return { kind: "exited", code: ended.code, signal: ended.signal };
      }
      return { kind: "failed", message: `cannot run the runtime check: ${startError}` };
    },
    async close(): Promise<void> {
      if (!child) return;
      if (exit === undefined) child.kill("SIGKILL");
      // The plugin's last output is forwarded before the CLI prints its own (bounded: a grandchild may hold the pipes).
      await wait(() => closed, 2_000);
      child.stdout?.destroy();
      child.stderr?.destroy();
    },
  };
}

/** Children started ahead of time (see {@link prewarmRuntimeChild}), not yet handed out. */
const warmChildren: Array<{ options: RuntimeChildOptions; child: RuntimeChild }> = [];

function sameOptions(a: RuntimeChildOptions, b: RuntimeChildOptions): boolean {
  return a.env === b.env && a.cwd === b.cwd && a.output === b.output;
}

/**
 * Starts a runtime-check child now, so Node's start-up and the SDK's module loading overlap the command's own work
 * (discovery, manifests); the next {@link withRuntimeChild} with the same options takes it. The child runs no plugin
 * code until it gets a job. {@link releaseRuntimeChildren} kills children nobody took.
 *
 * @example
 * ```ts
 * prewarmRuntimeChild(options); // at the start of `inspect --runtime`
 * ```
 */
export function prewarmRuntimeChild(options: RuntimeChildOptions): void {
  if (warmChildren.some((warm) => sameOptions(warm.options, options))) return;
  warmChildren.push({ options, child: startRuntimeChild(options) });
}

/**
 * Kills every pre-started child that was not used (the CLI calls it when a command ends).
 *
 * @example
 * ```ts
 * await releaseRuntimeChildren();
 * ```
 */
export async function releaseRuntimeChildren(): Promise<void> {
  const unused = warmChildren.splice(0);
  await Promise.all(unused.map((warm) => warm.child.close()));
}

/**
 * A fresh runtime-check child: the pre-started one for these options when there is one, else a new one. The caller
 * closes it.
 *
 * @example
 * ```ts
 * const child = takeRuntimeChild(options);
 * try { await child.run(job, 30_000); } finally { await child.close(); }
 * ```
 */
export function takeRuntimeChild(options: RuntimeChildOptions): RuntimeChild {
  const index = warmChildren.findIndex((warm) => sameOptions(warm.options, options));
  return index >= 0 ? warmChildren.splice(index, 1)[0]!.child : startRuntimeChild(options);
}

/**
 * Runs `fn` with a fresh runtime-check child (a pre-started one when available) and always closes it. With
 * `prewarmNext`, the child for the next plugin starts while this one works.
 *
 * @example
 * ```ts
 * const outcome = await withRuntimeChild(options, (child) => child.run({ kind: "entry", file }, 30_000));
 * ```
 */
export async function withRuntimeChild<T>(
  options: RuntimeChildOptions,
  fn: (child: RuntimeChild) => Promise<T>,
  extra: { prewarmNext?: boolean } = {},
): Promise<T> {
  const child = takeRuntimeChild(options);
  if (extra.prewarmNext) prewarmRuntimeChild(options);
  try {
    return await fn(child);
  } finally {
    await child.close();
  }
}
