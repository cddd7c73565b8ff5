/**
 * Path-safety gate run before any plugin code is imported. A candidate is blocked when:
 * - its root folder (or a file it would import) is world-writable — anyone on the machine could swap the code;
 * - its root folder is owned by another user than the current one (root is accepted) — POSIX only;
 * - its entry resolves (after symlinks) outside the plugin root.
 *
 * A blocked plugin stays in the inventory (`present but blocked`); nothing is removed from the config.
 */
import { realpathSync, statSync } from "node:fs";
import { relative, isAbsolute, sep } from "node:path";

/** Why a candidate was blocked. */
export interface PathSafetyBlock {
  /** `world-writable`, `wrong-owner` or `entry-escapes-root`. */
  code: "world-writable" | "wrong-owner" | "entry-escapes-root";
  /** The offending path. */
  path: string;
  /** A sentence naming the path, the problem and the fix. */
  message: string;
}

/** Options of {@link checkPathSafety}. */
export interface PathSafetyOptions {
  /** Plugin root folder. */
  rootDir: string;
  /** Files that would be imported (entries); each must stay inside `rootDir`. */
  files?: readonly string[];
  /** Current user id; defaults to `process.getuid()` (ownership is not checked where that does not exist). */
  uid?: number;
}

function currentUid(): number | undefined {
  return typeof process.getuid === "function" ? process.getuid() : undefined;
}

function inside(root: string, target: string): boolean {
  const rel = relative(root, target);
  return rel === "" || (!rel.startsWith(`..${sep}`) && rel !== ".." && !isAbsolute(rel));
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
  const uid = options.uid ?? currentUid();
  let rootReal: string;
  try {
    rootReal = realpathSync(options.rootDir);
  } catch {
    return undefined;
  }
  const targets = [rootReal];
  for (const file of options.files ?? []) {
    let real: string;
    try {
      real = realpathSync(file);
    } catch {
      continue;
    }
    if (!inside(rootReal, real)) {
      return {
        code: "entry-escapes-root",
        path: file,
        message: `${file} resolves to ${real}, outside the plugin folder ${rootReal}. Keep plugin entries inside the plugin folder (no symlinks or ../ paths out of it).`,
      };
    }
    targets.push(real);
  }
  for (const target of targets) {
    const stats = statSync(target);
    if ((stats.mode & 0o002) !== 0) {
      return {
        code: "world-writable",
        path: target,
        message: `${target} is world-writable (mode ${(stats.mode & 0o7777).toString(8)}), so any local user could change the plugin's code. Fix it with: chmod o-w "${target}"`,
      };
    }
  }
  if (uid !== undefined) {
    const stats = statSync(rootReal);
    if (stats.uid !== uid && stats.uid !== 0) {
      return {
        code: "wrong-owner",
        path: rootReal,
        message: `${rootReal} is owned by uid ${stats.uid}, not by the current user (uid ${uid}) or root. Fix it with: chown -R ${uid} "${rootReal}"`,
      };
    }
  }
  return undefined;
}
