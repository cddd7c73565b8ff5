/**
 * Local sources: a plugin folder (copied into the managed root) and `--link` (the folder stays where it is and is
 * added to `plugins.load.paths`).
 */
import { cp, realpath, stat } from "node:fs/promises";
import { homedir } from "node:os";
import { basename, isAbsolute, join, resolve } from "node:path";
import { installError } from "../failure.js";
import type { InstallSourceResolver, SourceContext, StagedSource } from "../installer-api.js";
import { archiveKindOf } from "../archive.js";

/**
 * An absolute path from a spec as typed (`~` expands to the home folder; relative to `cwd`).
 *
 * @example
 * ```ts
 * resolveLocalPath("./demo", "/work"); // "/work/demo"
 * ```
 */
export function resolveLocalPath(spec: string, cwd: string): string {
  const body = spec.startsWith("path:") ? spec.slice(5) : spec;
  if (body === "~" || body.startsWith("~/")) return join(homedir(), body.slice(1));
  return isAbsolute(body) ? body : resolve(cwd, body);
}

/**
 * True when a spec names a local path: starts with `.`, `/`, `~` or `path:`, or is a Windows drive path.
 *
 * @example
 * ```ts
 * looksLikePath("./demo"); // true
 * looksLikePath("demo"); // false
 * ```
 */
export function looksLikePath(spec: string): boolean {
  return /^(\.{1,2}([\\/]|$)|[\\/]|~([\\/]|$)|path:|[a-zA-Z]:[\\/])/.test(spec);
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

function notFound(spec: string, path: string) {
  return installError("source-not-found", `No plugin folder or archive at ${path}.`, {
    source: spec,
    rule: "a local install names an existing plugin folder or a .zip/.tgz/.tar.gz/.tar archive",
    fix: "check the path; for an npm package use npm:<name>",
  });
}

/** Folders never copied from a local plugin folder (dependencies are installed fresh in the managed project). */
const SKIPPED_NAMES = new Set([".git", "node_modules"]);

/**
 * Copies a plugin folder (links copied as links, `.git` and `node_modules` left out) into `dest`.
 *
 * @example
 * ```ts
 * await copyPluginFolder("/src/demo", "/state/extensions/.openclaw-staging/op/stage");
 * ```
 */
export async function copyPluginFolder(from: string, dest: string): Promise<void> {
  const root = resolve(from);
  await cp(root, dest, {
    recursive: true,
    verbatimSymlinks: true,
    errorOnExist: true,
    force: false,
    preserveTimestamps: true,
    filter: (source) => source === root || !SKIPPED_NAMES.has(basename(source)),
  });
}

/**
 * Built-in resolver for local folders (copy, or link with `--link`).
 *
 * @example
 * ```ts
 * const staged = await folderSource(process.cwd()).stage("./demo", sctx);
 * ```
 */
export function folderSource(cwd: string): InstallSourceResolver {
  return {
    kind: "path",
    matches: (spec) => looksLikePath(spec) && archiveKindOf(spec) === undefined,
    async stage(spec: string, sctx: SourceContext): Promise<StagedSource> {
      const path = resolveLocalPath(spec, cwd);
      if (!(await isDirectory(path))) throw notFound(spec, path);
      const real = await realpath(path);
      if (sctx.request.link) {
        return { pluginDir: real, source: "link", link: true, record: { spec: real, sourcePath: real } };
      }
      sctx.progress({ phase: "download", status: "progress", message: `copying ${real}` });
      const dest = join(sctx.stagingDir, "plugin");
      await copyPluginFolder(real, dest);
      return { pluginDir: dest, source: "path", managedNpm: true, record: { spec: real, sourcePath: real } };
    },
  };
}
