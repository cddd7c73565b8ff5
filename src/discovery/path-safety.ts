/**
 * Path-safety gate for discovery (`plugins list`, `inspect`, `doctor`), run before any plugin code is imported.
 * It is the loader's own gate ({@link checkPluginFiles}): the same files — `package.json`, the manifest, the entry
 * the loader would import for the main and the setup entry (built peers and the root `index.*` fallback included),
 * resolved with `realpath` — must stay inside the plugin folder, be regular files, and neither they, the folders
 * leading to them nor the root may be world-writable or owned by another user (root is accepted).
 *
 * A blocked plugin stays in the inventory (`present but blocked`); nothing is removed from the config.
 */
import { checkPluginFiles, type PathSafetyBlock } from "../host/path-safety.js";

export type { PathSafetyBlock } from "../host/path-safety.js";

/** Options of {@link checkPathSafety}. */
export interface PathSafetyOptions {
  /** Plugin root folder. */
  rootDir: string;
  /** More files that would be read or imported (a file named in `plugins.load.paths`); each must stay inside. */
  files?: readonly string[];
  /** Current user id; defaults to `process.getuid()` (ownership is not checked where that does not exist). */
  uid?: number;
}

/**
 * Checks a plugin candidate; returns the first blocking reason, or `undefined` when it is safe to import.
 * Missing files are not a safety problem (the loader reports them).
 *
 * @example
 * ```ts
 * const block = checkPathSafety({ rootDir: "/home/me/.openclaw/extensions/demo" });
 * if (block) console.error(`present but blocked: ${block.message}`);
 * ```
 */
export function checkPathSafety(options: PathSafetyOptions): PathSafetyBlock | undefined {
  return checkPluginFiles(options.rootDir, {
    ...(options.uid !== undefined ? { uid: options.uid } : {}),
    ...(options.files ? { extraFiles: options.files } : {}),
  }).block;
}
