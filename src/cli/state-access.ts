/**
 * How CLI commands reach the state domain (src/state, src/config/config-writer.ts): loaded lazily, so commands that do
 * not need the index (and every SDK subpath) never load node:sqlite or proper-lockfile, and with one mapping from the
 * domain's typed errors to CLI exit codes and messages.
 */
import { existsSync } from "node:fs";
import { CliError, ExitCode } from "./exit-codes.js";
import type { SqlitePluginIndex } from "../state/plugin-index.js";

/**
 * Opens the plugin index of `stateDir`, or throws a {@link CliError} (exit 1) whose message names the Node.js version
 * needed (Node 20 has no node:sqlite) or the broken file.
 *
 * @example
 * ```ts
 * const index = await openIndexForCli(paths.stateDir);
 * try { index.listRecords(); } finally { index.close(); }
 * ```
 */
export async function openIndexForCli(stateDir: string): Promise<SqlitePluginIndex> {
  const { openPluginIndex } = await import("../state/plugin-index.js");
  try {
    return openPluginIndex({ stateDir });
  } catch (error) {
    throw toCliError(error);
  }
}

/**
 * The index if it exists and this Node.js can open it, else `undefined` (plus the reason when it cannot be opened),
 * for read-only commands that fall back. A state directory without an index stays without one (nothing is created).
 *
 * @example
 * ```ts
 * const { index, unavailable } = await tryOpenIndex(paths.stateDir);
 * ```
 */
export async function tryOpenIndex(stateDir: string): Promise<{ index?: SqlitePluginIndex; unavailable?: string }> {
  const { openPluginIndex, pluginIndexDatabasePath, sqliteSupport } = await import("../state/plugin-index.js");
  const support = sqliteSupport();
  if (!support.ok) return { unavailable: support.message };
  if (!existsSync(pluginIndexDatabasePath(stateDir))) return {};
  try {
    return { index: openPluginIndex({ stateDir }) };
  } catch (error) {
    return { unavailable: (error as Error).message };
  }
}

/**
 * Maps the state domain's errors to a {@link CliError}: Nix-mode refusal, config/include problems, lock timeout,
 * missing node:sqlite and index problems exit 1 with the domain's message (it names the file, the rule and the fix);
 * anything else is returned unchanged (an internal error).
 *
 * @example
 * ```ts
 * try { await updateOpenClawConfig(paths, edit); } catch (error) { throw toCliError(error); }
 * ```
 */
export function toCliError(error: unknown): unknown {
  if (error instanceof CliError) return error;
  const name = error instanceof Error ? error.name : "";
  if (["ConfigWriteError", "ConfigDocumentError", "StateLockError", "PluginIndexUnavailableError", "PluginIndexError"].includes(name)) {
    return new CliError((error as Error).message, ExitCode.problems);
  }
  return error;
}
