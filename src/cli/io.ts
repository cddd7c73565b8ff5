/**
 * Input/output of one CLI run: streams, environment and working directory, injectable for in-process tests.
 * Colour is used only when the stream is a TTY, `NO_COLOR` is unset and `TERM` is not `dumb`; `FORCE_COLOR`
 * (any value but `0`) forces it on, `FORCE_COLOR=0` forces it off.
 */

/** The part of a writable stream the CLI uses. */
export interface CliOutput {
  write(chunk: string): unknown;
  isTTY?: boolean;
}

/** Everything a CLI run reads from or writes to its process. */
export interface CliIO {
  stdout: CliOutput;
  stderr: CliOutput;
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Interactive input (absent in tests and pipes: commands that would ask fail closed instead). */
  stdin?: NodeJS.ReadableStream & { isTTY?: boolean };
}

/** ANSI styling functions; identity functions when colour is off. */
export interface Styler {
  enabled: boolean;
  bold(text: string): string;
  dim(text: string): string;
  red(text: string): string;
  yellow(text: string): string;
  green(text: string): string;
  cyan(text: string): string;
}

/**
 * Whether to colour output written to `stream`, by the rule above.
 *
 * @example
 * ```ts
 * useColor(process.stdout, process.env); // false when piped
 * ```
 */
export function useColor(stream: CliOutput, env: NodeJS.ProcessEnv): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== "") return force !== "0" && force !== "false";
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  if (env.TERM === "dumb") return false;
  return stream.isTTY === true;
}

/**
 * A {@link Styler} for `stream`.
 *
 * @example
 * ```ts
 * const s = createStyler(process.stderr, process.env);
 * process.stderr.write(s.red("error") + "\n");
 * ```
 */
export function createStyler(stream: CliOutput, env: NodeJS.ProcessEnv): Styler {
  const enabled = useColor(stream, env);
  const wrap =
    (open: number, close: number) =>
    (text: string): string =>
      enabled ? `\u001b[${open}m${text}\u001b[${close}m` : text;
  return {
    enabled,
    bold: wrap(1, 22),
    dim: wrap(2, 22),
    red: wrap(31, 39),
    yellow: wrap(33, 39),
    green: wrap(32, 39),
    cyan: wrap(36, 39),
  };
}

/**
 * The real process's IO.
 *
 * @example
 * ```ts
 * const code = await runCli(process.argv.slice(2), processIO());
 * ```
 */
export function processIO(): CliIO {
  return { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd(), stdin: process.stdin };
}
