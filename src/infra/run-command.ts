/**
 * Running an external command with a timeout, an abort signal and bounded output capture.
 */
import { spawn } from "node:child_process";

/**
 * Options of `runCommandWithTimeout`.
 *
 * @example
 * ```ts
 * const options: CommandOptions = { timeoutMs: 10_000, cwd: "/tmp", input: "hello" };
 * ```
 */
export interface CommandOptions {
  timeoutMs?: number;
  cwd?: string;
  input?: string | Uint8Array;
  /** Environment the command starts from (default `process.env`); `env` entries are layered on top. */
  baseEnv?: NodeJS.ProcessEnv;
  env?: NodeJS.ProcessEnv;
  signal?: AbortSignal;
  /** Keep at most this many bytes of stdout and of stderr (default 4 MiB each); the rest is counted, not kept. */
  maxOutputBytes?: number;
  /** Grace between SIGTERM and SIGKILL when the command is stopped (default 2000 ms). */
  killGraceMs?: number;
}

/**
 * What a finished command produced.
 *
 * @example
 * ```ts
 * const result: SpawnResult = await runCommandWithTimeout(["git", "status"], 5000);
 * if (result.code !== 0) throw new Error(result.stderr);
 * ```
 */
export interface SpawnResult {
  pid?: number;
  stdout: string;
  stderr: string;
  stdoutTruncatedBytes?: number;
  stderrTruncatedBytes?: number;
  code: number | null;
  signal: NodeJS.Signals | null;
  /** True when the command was stopped by the timeout or the abort signal. */
  killed: boolean;
  termination: "exit" | "timeout" | "signal";
}

/**
 * Runs `argv[0]` with `argv.slice(1)` (no shell), feeding `input` to stdin, and resolves with its output and exit
 * status; a timeout or abort stops it (SIGTERM, then SIGKILL) and resolves with `killed: true`. Rejects only when the
 * command cannot start (the error names it).
 *
 * @example
 * ```ts
 * const { code, stdout } = await runCommandWithTimeout(["ffmpeg", "-version"], { timeoutMs: 5000 });
 * ```
 */
export function runCommandWithTimeout(argv: string[], optionsOrTimeout: number | CommandOptions): Promise<SpawnResult> {
  const options: CommandOptions = typeof optionsOrTimeout === "number" ? { timeoutMs: optionsOrTimeout } : optionsOrTimeout;
  const [command, ...args] = argv;
  if (!command) return Promise.reject(new TypeError("runCommandWithTimeout: argv must name a command (argv[0])."));
  const limit = options.maxOutputBytes ?? 4 * 1024 * 1024;
  return new Promise<SpawnResult>((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: { ...(options.baseEnv ?? process.env), ...options.env },
      stdio: ["pipe", "pipe", "pipe"],
    });
    const out = { stdout: [] as Buffer[], stderr: [] as Buffer[], kept: { stdout: 0, stderr: 0 }, dropped: { stdout: 0, stderr: 0 } };
    const collect = (stream: "stdout" | "stderr") => (chunk: Buffer) => {
      const room = limit - out.kept[stream];
      if (room > 0) out[stream].push(chunk.subarray(0, room));
      out.kept[stream] += Math.min(room > 0 ? room : 0, chunk.length);
      out.dropped[stream] += Math.max(0, chunk.length - Math.max(room, 0));
    };
    child.stdout.on("data", collect("stdout"));
    child.stderr.on("data", collect("stderr"));
    let stopReason: "timeout" | "signal" | undefined;
    let killTimer: ReturnType<typeof setTimeout> | undefined;
    const stop = (reason: "timeout" | "signal"): void => {
      if (stopReason || child.exitCode !== null) return;
      stopReason = reason;
      child.kill("SIGTERM");
      killTimer = setTimeout(() => child.kill("SIGKILL"), options.killGraceMs ?? 2000);
      killTimer.unref?.();
    };
    const timer = options.timeoutMs && options.timeoutMs > 0 ? setTimeout(() => stop("timeout"), options.timeoutMs) : undefined;
    const onAbort = (): void => stop("signal");
    if (options.signal?.aborted) onAbort();
    else options.signal?.addEventListener("abort", onAbort, { once: true });
    child.on("error", (error) => {
      if (timer) clearTimeout(timer);
      options.signal?.removeEventListener("abort", onAbort);
      reject(new Error(`Could not run ${command}: ${error.message}`, { cause: error }));
    });
    child.on("close", (code, signal) => {
      if (timer) clearTimeout(timer);
      if (killTimer) clearTimeout(killTimer);
      options.signal?.removeEventListener("abort", onAbort);
      resolve({
        ...(child.pid === undefined ? {} : { pid: child.pid }),
        stdout: Buffer.concat(out.stdout).toString("utf8"),
        stderr: Buffer.concat(out.stderr).toString("utf8"),
        ...(out.dropped.stdout ? { stdoutTruncatedBytes: out.dropped.stdout } : {}),
        ...(out.dropped.stderr ? { stderrTruncatedBytes: out.dropped.stderr } : {}),
        code,
        signal,
        killed: stopReason !== undefined,
        termination: stopReason ?? "exit",
      });
    });
    child.stdin.on("error", () => undefined);
    if (options.input !== undefined) child.stdin.end(options.input);
    else child.stdin.end();
  });
}
