/**
 * Exit codes of the `openclaw` command line. Stable: scripts and CI may rely on them (docs/cli.md lists them).
 */
export const ExitCode = {
  /** Success; for `doctor`, no issues; for `build --check`, metadata up to date. */
  ok: 0,
  /** The command ran and found problems: validation errors, stale metadata, load errors, doctor findings. */
  problems: 1,
  /** Usage error: unknown command or option, missing argument, plugin or folder not found, refusal to overwrite. */
  usage: 2,
  /** Unexpected internal failure (a bug): the stack trace goes to stderr. */
  internal: 3,
} as const;

/** One of the {@link ExitCode} values. */
export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

/**
 * An error a command throws to stop with a message and a specific exit code (no stack trace is printed).
 *
 * @example
 * ```ts
 * throw new CliError(`No plugin folder at ${dir}. Pass the folder that holds openclaw.plugin.json.`, ExitCode.usage);
 * ```
 */
export class CliError extends Error {
  readonly exitCode: ExitCodeValue;
  constructor(message: string, exitCode: ExitCodeValue = ExitCode.problems) {
    super(message);
    this.name = "CliError";
    this.exitCode = exitCode;
  }
}
