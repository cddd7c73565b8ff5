/**
 * What every command receives: the run's IO, stylers for stdout and stderr, and the lifecycle tracer.
 */
import type { CliIO, Styler } from "./io.js";
import type { LifecycleTracer } from "./trace.js";
import type { PluginDiagnostic } from "../manifest/diagnostics.js";

/** Per-run context handed to each command. */
export interface CommandContext {
  io: CliIO;
  /** Styling for stdout (colour only on a TTY). */
  out: Styler;
  /** Styling for stderr (colour only on a TTY). */
  err: Styler;
  tracer: LifecycleTracer;
}

/**
 * Writes a line to stdout.
 *
 * @example
 * ```ts
 * println(ctx, "Plugin demo is valid.");
 * ```
 */
export function println(ctx: CommandContext, text = ""): void {
  ctx.io.stdout.write(`${text}\n`);
}

/**
 * Writes a line to stderr.
 *
 * @example
 * ```ts
 * eprintln(ctx, "warning: no plugins found");
 * ```
 */
export function eprintln(ctx: CommandContext, text = ""): void {
  ctx.io.stderr.write(`${text}\n`);
}

/**
 * Writes `value` as pretty JSON to stdout (the only thing `--json` commands print there).
 *
 * @example
 * ```ts
 * printJson(ctx, { id: "demo" });
 * ```
 */
export function printJson(ctx: CommandContext, value: unknown): void {
  ctx.io.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/**
 * One human line for a diagnostic: `error   <file>: <path>: <message> (<code>)`, coloured by level on a TTY.
 *
 * @example
 * ```ts
 * eprintln(ctx, formatDiagnosticLine(ctx.err, diagnostic));
 * ```
 */
export function formatDiagnosticLine(
  style: CommandContext["err"],
  diagnostic: PluginDiagnostic,
): string {
  const level =
    diagnostic.level === "error"
      ? style.red("error  ")
      : diagnostic.level === "warning"
        ? style.yellow("warning")
        : style.cyan("info   ");
  let location = diagnostic.file ?? "";
  if (location && diagnostic.line !== undefined) {
    location += `:${diagnostic.line}${diagnostic.column !== undefined ? `:${diagnostic.column}` : ""}`;
  }
  const parts = [location, diagnostic.path && !diagnostic.message.includes(diagnostic.path) ? diagnostic.path : ""]
    .filter(Boolean)
    .join(": ");
  return `${level} ${parts ? `${parts}: ` : ""}${diagnostic.message} ${style.dim(`(${diagnostic.code})`)}`;
}
