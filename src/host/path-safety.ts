/**
 * The path-safety gate, run before any plugin code is imported — by the loader for every root it loads and by
 * discovery for `plugins list` / `inspect` / `doctor` — over the same set of files (see `entry-files.ts`):
 *
 * - every file the host reads or imports for the plugin (`package.json`, `openclaw.plugin.json`, the entry the
 *   loader would import for the main and for the setup entry, files named in `plugins.load.paths`) is resolved with
 *   `realpath` and must stay inside the `realpath` of the plugin root (`entry-escapes-root`), and must be a regular
 *   file (`path-unsafe`);
 * - the root, every folder between it and each resolved file, and each resolved file must not be world-writable
 *   (`world-writable`) nor owned by another user than the current one or root (`wrong-owner`, POSIX only).
 *
 * Missing files are not a safety problem (the loader reports them).
 */
import { statSync } from "node:fs";
import { dirname, join } from "node:path";
import { isPathInside, resolveInsideRoot } from "../files/contained-file.js";
import {
  type EntryFileProblem,
  type PluginPackageJson,
  type PluginPackageJsonProblem,
  type ResolvedEntryFile,
  readPluginPackageJson,
  resolveEntryFile,
} from "./entry-files.js";

/**
 * Why a plugin was blocked by the path-safety gate.
 *
 * @example
 * ```ts
 * const block: PathSafetyBlock = { code: "world-writable", path: "/p/dist/index.js", message: "…chmod o-w…" };
 * ```
 */
export interface PathSafetyBlock {
  /** `world-writable`, `wrong-owner`, `entry-escapes-root` or `path-unsafe`. */
  code: "world-writable" | "wrong-owner" | "entry-escapes-root" | "path-unsafe";
  /** The offending path, as named. */
  path: string;
  /** A sentence naming the path, what it resolves to, the problem and the fix. */
  message: string;
}

/** Options of {@link checkPluginFiles}. */
export interface CheckPluginFilesOptions {
  /** Current user id; defaults to `process.getuid()` (ownership is not checked where that does not exist). */
  uid?: number;
  /** More files the host would read or import (a file named in `plugins.load.paths`); each must stay inside. */
  extraFiles?: readonly string[];
}

/** What the gate found: the block, if any, plus what it resolved on the way (reused by the loader). */
export interface PluginFilesReport {
  block?: PathSafetyBlock;
  /** `package.json` as read (bounded, contained). */
  packageJson: PluginPackageJson | PluginPackageJsonProblem;
  /** The entry the loader imports in runtime modes. */
  main: ResolvedEntryFile | EntryFileProblem;
  /** The entry the loader imports in setup modes (the main entry when no setup entry is declared). */
  setup: ResolvedEntryFile | EntryFileProblem;
}

/** File name of the native plugin manifest. */
const MANIFEST_FILE = "openclaw.plugin.json";

function currentUid(): number | undefined {
  return typeof process.getuid === "function" ? process.getuid() : undefined;
}

function isRegularFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function modeOf(path: string): { mode: number; uid: number } | undefined {
  try {
    const stats = statSync(path);
    return { mode: stats.mode, uid: stats.uid };
  } catch {
    return undefined;
  }
}

/** Folders from `rootReal` down to the folder holding `fileReal` (both inside the root). */
function foldersBetween(rootReal: string, fileReal: string): string[] {
  const out: string[] = [];
  let dir = dirname(fileReal);
  while (isPathInside(rootReal, dir) && dir !== rootReal) {
    out.push(dir);
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return out;
}

function permissionBlock(target: string, named: string, uid: number | undefined): PathSafetyBlock | undefined {
  const stats = modeOf(target);
  if (!stats) return undefined;
  const shown = named === target ? target : `${named} (resolves to ${target})`;
  if ((stats.mode & 0o002) !== 0) {
    return {
      code: "world-writable",
      path: named,
      message: `${shown} is world-writable (mode ${(stats.mode & 0o7777).toString(8)}), so any local user could change the plugin's code. Fix it with: chmod o-w "${target}"`,
    };
  }
  if (uid !== undefined && stats.uid !== uid && stats.uid !== 0) {
    return {
      code: "wrong-owner",
      path: named,
      message: `${shown} is owned by uid ${stats.uid}, not by the current user (uid ${uid}) or root. Fix it with: chown ${uid} "${target}"`,
    };
  }
  return undefined;
}

/**
 * Runs the path-safety gate over a plugin root and returns the first block (if any) together with the resolved
 * `package.json` and entries. Never throws; never imports anything.
 *
 * @example
 * ```ts
 * const report = checkPluginFiles("/home/me/.openclaw/extensions/demo");
 * if (report.block) console.error(`present but blocked: ${report.block.message}`);
 * ```
 */
export function checkPluginFiles(rootDir: string, options: CheckPluginFilesOptions = {}): PluginFilesReport {
  const uid = options.uid ?? currentUid();
  const root = resolveInsideRoot(rootDir, ".");
  const rootReal = root.ok ? root.rootReal : undefined;
  const packageJson = readPluginPackageJson(rootDir);
  const fields = packageJson.ok ? packageJson.fields : {};
  const main = resolveEntryFile(rootDir, { preferSetup: false, fields, rootReal });
  const setup = fields.setupEntry ? resolveEntryFile(rootDir, { preferSetup: true, fields, rootReal }) : main;
  const report: PluginFilesReport = { packageJson, main, setup };
  if (rootReal === undefined) return report;

  // 1. Containment and file type of every file the host reads or imports.
  const files: Array<{ named: string; real: string }> = [];
  if (!packageJson.ok && packageJson.code !== "package-json-invalid") {
    report.block = { code: packageJson.code, path: packageJson.file, message: packageJson.message };
    return report;
  }
  const named = [join(rootDir, "package.json"), join(rootDir, MANIFEST_FILE), ...(options.extraFiles ?? [])];
  for (const file of named) {
    const resolved = resolveInsideRoot(rootDir, file, { rootReal });
    if (resolved.ok) {
      if (!isRegularFile(resolved.real)) {
        report.block = {
          code: "path-unsafe",
          path: resolved.path,
          message: `${resolved.path} is not a regular file (a directory, FIFO, socket or device); the host reads only regular files. Replace it with a regular file.`,
        };
        return report;
      }
      files.push({ named: resolved.path, real: resolved.real });
      continue;
    }
    if (resolved.code === "not-found") continue;
    report.block = {
      code: resolved.code === "entry-escapes-root" ? "entry-escapes-root" : "path-unsafe",
      path: resolved.path,
      message: resolved.message,
    };
    return report;
  }
  for (const entry of [main, setup]) {
    if ("error" in entry) {
      if (entry.code !== "entry-not-found") {
        report.block = { code: entry.code, path: entry.path ?? rootDir, message: entry.error };
        return report;
      }
      continue;
    }
    files.push({ named: entry.file, real: entry.real });
  }

  // 2. Permissions of the root, the folders down to each file, and each resolved file.
  const checked = new Set<string>();
  const targets: Array<{ named: string; real: string }> = [{ named: rootReal, real: rootReal }];
  for (const file of files) {
    for (const folder of foldersBetween(rootReal, file.real).reverse()) targets.push({ named: folder, real: folder });
    targets.push(file);
  }
  for (const target of targets) {
    if (checked.has(target.real)) continue;
    checked.add(target.real);
    const block = permissionBlock(target.real, target.named, uid);
    if (block) {
      report.block = block;
      return report;
    }
  }
  return report;
}
