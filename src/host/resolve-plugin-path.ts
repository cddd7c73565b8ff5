/**
 * `api.resolvePath(input)`: a path a plugin asks the host to resolve is resolved against the plugin root and,
 * after every symlink is followed (`realpath`; for a path that does not exist yet, of its deepest existing folder),
 * must stay inside the `realpath` of that root. Anything else throws an error naming the input, what it resolves
 * to and the fix.
 */
import { homedir } from "node:os";
import { join } from "node:path";
import { resolveInsideRoot } from "../files/contained-file.js";

/**
 * Resolves `input` for plugin `pluginId` inside `rootDir` (`~` and `~/…` expand to the home directory, which is
 * then outside unless the plugin lives there). Returns the absolute path as named (not the realpath).
 *
 * @example
 * ```ts
 * resolvePluginPath("demo", "/plugins/demo", "data/cache.json"); // "/plugins/demo/data/cache.json"
 * resolvePluginPath("demo", "/plugins/demo", "../../etc/passwd"); // throws: resolves outside the plugin folder
 * ```
 */
export function resolvePluginPath(pluginId: string, rootDir: string, input: string): string {
  if (typeof input !== "string" || input === "" || input.includes("\0")) {
    throw new TypeError(`plugin "${pluginId}": api.resolvePath needs a non-empty path string without NUL bytes.`);
  }
  const expanded = input === "~" ? homedir() : input.startsWith("~/") ? join(homedir(), input.slice(2)) : input;
  const resolved = resolveInsideRoot(rootDir, expanded, { allowMissing: true });
  if (resolved.ok) return resolved.path;
  if (resolved.code === "entry-escapes-root" || resolved.code === "not-found") {
    throw new Error(
      `plugin "${pluginId}": api.resolvePath(${JSON.stringify(input)}) refused (entry-escapes-root): ${resolved.message} Keep files the plugin uses inside its folder ${rootDir}, or take the path from the plugin's config.`,
    );
  }
  throw new Error(`plugin "${pluginId}": api.resolvePath(${JSON.stringify(input)}) refused: ${resolved.message}`);
}
