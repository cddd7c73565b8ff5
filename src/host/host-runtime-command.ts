/**
 * `runtime.system.runCommandWithTimeout` for the in-process host: spawns `argv` without a shell, feeds `input`,
 * collects stdout/stderr and kills the command when the time limit or the abort signal fires.
 */
import type { CommandRunResult, RuntimeCommandOptions } from "../contract/runtime.js";

/**
 * Runs one command with a time limit (`optionsOrTimeout` may be the timeout in milliseconds).
 *
 * @example
 * ```ts
 * const result = await runCommandWithTimeout(["node", "-e", "console.log(1)"], 5_000);
 * result.stdout; // "1\n"
 * ```
 */
export async function runCommandWithTimeout(
  argv: string[],
  optionsOrTimeout: number | RuntimeCommandOptions,
): Promise<CommandRunResult> {
  const opts: RuntimeCommandOptions = typeof optionsOrTimeout === "number" ? { timeoutMs: optionsOrTimeout } : (optionsOrTimeout ?? {});
  if (!Array.isArray(argv) || typeof argv[0] !== "string" || argv[0] === "") {
    throw new TypeError("runtime.system.runCommandWithTimeout: argv must be a non-empty array whose first item names the command.");
  }
  if (opts.timeoutMs !== undefined && !(Number.isFinite(opts.timeoutMs) && opts.timeoutMs > 0)) {
    throw new TypeError(`runtime.system.runCommandWithTimeout: timeoutMs must be a positive number of milliseconds (got ${String(opts.timeoutMs)}).`);
  }
  const { spawn } = await import("node:child_process");
  const [command, ...args] = argv as [string, ...string[]];
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: opts.cwd,
      env: opts.env ? { ...process.env, ...opts.env } : process.env,
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    let termination: CommandRunResult["termination"] = "exit";
    let killed = false;
    const kill = (why: CommandRunResult["termination"]) => {
      if (killed) return;
      termination = why;
      killed = true;
      child.kill("SIGKILL");
    };
    const timer = opts.timeoutMs === undefined ? undefined : setTimeout(() => kill("timeout"), opts.timeoutMs);
    const onAbort = () => kill("signal");
    if (opts.signal?.aborted) onAbort();
    else opts.signal?.addEventListener("abort", onAbort, { once: true });
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdin.on("error", () => {});
    child.on("error", (error) => {
      if (timer) clearTimeout(timer);
      opts.signal?.removeEventListener("abort", onAbort);
      reject(error);
    });
    child.on("close", (code, signal) => {
      if (timer) clearTimeout(timer);
      opts.signal?.removeEventListener("abort", onAbort);
      if (!killed && signal) termination = "signal";
      resolve({ pid: child.pid, stdout, stderr, code, signal, killed, termination, timedOut: termination === "timeout" });
    });
    child.stdin.end(opts.input);
  });
}
