/**
 * Folders named on the command line: one rule for every command — a folder that does not exist (or is a file) is a
 * usage error (exit 2) naming the option, the path and what to pass instead. Nothing is scanned when it fails.
 */
import { statSync } from "node:fs";
import { resolve } from "node:path";
import { CliError, ExitCode } from "./exit-codes.js";

/**
 * The absolute path of the `--workspace` folder, or `undefined` when the option is absent. Throws a usage error
 * (exit 2) when it names nothing, or a file.
 *
 * @example
 * ```ts
 * const workspaceDir = requireWorkspaceFolder(ctx.io.cwd, options.workspace); // throws for "nowhere"
 * ```
 */
export function requireWorkspaceFolder(cwd: string, workspace: string | undefined): string | undefined {
  if (workspace === undefined) return undefined;
  const dir = resolve(cwd, workspace);
  let isDirectory = false;
  try {
    isDirectory = statSync(dir).isDirectory();
  } catch {
    throw new CliError(
      `--workspace ${workspace}: ${dir} does not exist. Pass the workspace folder (the one holding .openclaw/extensions), or leave --workspace out to use the current folder.`,
      ExitCode.usage,
    );
  }
  if (!isDirectory) throw new CliError(`--workspace ${workspace}: ${dir} is a file, not a folder. Pass the workspace folder.`, ExitCode.usage);
  return dir;
}
