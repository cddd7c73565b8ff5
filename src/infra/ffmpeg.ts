/**
 * Running ffmpeg and ffprobe (from `PATH`, or `OPENCLAW_FFMPEG_PATH` / `OPENCLAW_FFPROBE_PATH`) for media conversion.
 */
import { runCommandWithTimeout } from "./run-command.js";

/**
 * Options of `runFfmpeg` / `runFfprobe`.
 *
 * @example
 * ```ts
 * const options: MediaExecOptions = { timeoutMs: 30_000 };
 * ```
 */
export interface MediaExecOptions {
  timeoutMs?: number;
  maxBufferBytes?: number;
  /** Bytes fed to stdin (e.g. `-i pipe:0`). */
  input?: Buffer | string;
  signal?: AbortSignal;
}

async function runMediaTool(tool: string, args: string[], options: MediaExecOptions): Promise<string> {
  const result = await runCommandWithTimeout([tool, ...args], {
    timeoutMs: options.timeoutMs ?? 60_000,
    ...(options.maxBufferBytes === undefined ? {} : { maxOutputBytes: options.maxBufferBytes }),
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.input === undefined ? {} : { input: options.input }),
  });
  if (result.killed) throw new Error(`${tool} ${result.termination === "timeout" ? "timed out" : "was aborted"}.`);
  if (result.code !== 0) {
    throw new Error(`${tool} exited with code ${result.code}: ${result.stderr.trim().split("\n").slice(-3).join(" ")}`);
  }
  return result.stdout;
}

/**
 * Runs ffmpeg with `args` and resolves with its stdout; rejects with the exit code and the last stderr lines.
 *
 * @example
 * ```ts
 * await runFfmpeg(["-y", "-i", input, "-c:a", "libopus", output]);
 * ```
 */
export function runFfmpeg(args: string[], options: MediaExecOptions = {}): Promise<string> {
  return runMediaTool(process.env.OPENCLAW_FFMPEG_PATH?.trim() || "ffmpeg", args, options);
}

/**
 * Runs ffprobe with `args` and resolves with its stdout.
 *
 * @example
 * ```ts
 * const json = JSON.parse(await runFfprobe(["-v", "quiet", "-print_format", "json", "-show_format", file]));
 * ```
 */
export function runFfprobe(args: string[], options: MediaExecOptions = {}): Promise<string> {
  return runMediaTool(process.env.OPENCLAW_FFPROBE_PATH?.trim() || "ffprobe", args, options);
}
