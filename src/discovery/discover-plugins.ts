/**
 * Finds plugin folders on disk, without importing anything. Roots, in precedence order (first wins when the same
 * folder or id is found twice):
 *
 * 1. `plugins.load.paths` (origin `config`): each entry is a plugin folder, a folder of plugin folders, or a single
 *    `.js`/`.mjs`/`.cjs`/`.ts` file (its folder is the plugin root);
 * 2. `<workspace>/.openclaw/extensions` (origin `workspace`): each sub-folder is a candidate;
 * 3. `<state dir>/extensions` (origin `global`): each sub-folder is a candidate.
 *
 * In the auto-discovered roots (2, 3) top-level files are local helpers and are skipped. A folder is a plugin
 * candidate when it holds `openclaw.plugin.json`, a `package.json` with `openclaw.extensions`, or is a compatible
 * Codex/Claude/Cursor bundle ({@link detectBundleKind}; then the candidate carries `bundleKind`).
 * Every candidate passes the path-safety gate ({@link checkPathSafety}); blocked ones are kept, marked `blocked`.
 */
import { existsSync, readdirSync, realpathSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { readPluginPackageJson } from "../host/entry-files.js";
import { detectBundleKind } from "../bundles/detect-bundle.js";
import type { BundleKind } from "../bundles/bundle-types.js";
import type { PluginDiagnostic } from "../manifest/diagnostics.js";
import { checkPathSafety, type PathSafetyBlock } from "./path-safety.js";
import type { PluginOrigin, PluginsPolicy } from "../config/plugins-policy.js";
import type { OpenClawPaths } from "./state-paths.js";

/** File name of the native plugin manifest. */
export const PLUGIN_MANIFEST_FILE = "openclaw.plugin.json";

const SCRIPT_EXTENSIONS = [".js", ".mjs", ".cjs", ".ts", ".mts", ".cts"];

/** A plugin folder found on disk, before its manifest is read. */
export interface PluginCandidate {
  /** Absolute plugin root folder. */
  rootDir: string;
  origin: PluginOrigin;
  /** The configured path or extensions root that yielded this candidate. */
  source: string;
  /** `<rootDir>/openclaw.plugin.json` (may not exist). */
  manifestFile: string;
  /** Parsed `package.json`, when present and valid. */
  packageJson?: Record<string, unknown>;
  /** Why `package.json` could not be read, when it exists but is unreadable or invalid. */
  packageJsonError?: string;
  /**
   * Entry files, absolute: `package.json#openclaw.extensions` resolved against the root, or the file named in
   * `plugins.load.paths`.
   */
  entryFiles: string[];
  /** Set when the path-safety gate blocks the candidate: it is present on disk but will not be imported. */
  blocked?: PathSafetyBlock;
  /** Set when the folder is a compatible bundle (no `openclaw.plugin.json`): its subtype. */
  bundleKind?: BundleKind;
}

/** Result of {@link discoverPluginCandidates}. */
export interface PluginDiscoveryResult {
  candidates: PluginCandidate[];
  diagnostics: PluginDiagnostic[];
}

/** Options of {@link discoverPluginCandidates}. */
export interface DiscoverPluginCandidatesOptions {
  paths: Pick<OpenClawPaths, "userExtensionsDir" | "workspaceExtensionsDir">;
  plugins: Pick<PluginsPolicy, "loadPaths">;
  /** Config file, named in diagnostics about `plugins.load.paths`. */
  configPath?: string;
  /** Current uid for the ownership check (tests); defaults to the process uid. */
  uid?: number;
}

function isDir(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** `package.json` through the host's reader: contained in the folder, regular files only, bounded, never blocking. */
function readPackageJson(rootDir: string): { value?: Record<string, unknown>; error?: string } {
  const read = readPluginPackageJson(rootDir);
  if (!read.ok) return { error: read.message };
  return read.value ? { value: read.value } : {};
}

/**
 * `package.json#openclaw.extensions` as given (relative strings), or `undefined` when absent or malformed.
 *
 * @example
 * ```ts
 * packageExtensions({ openclaw: { extensions: ["./dist/index.js"] } }); // ["./dist/index.js"]
 * ```
 */
export function packageExtensions(packageJson: Record<string, unknown> | undefined): string[] | undefined {
  const section = packageJson?.openclaw;
  if (typeof section !== "object" || section === null) return undefined;
  const extensions = (section as Record<string, unknown>).extensions;
  if (!Array.isArray(extensions) || extensions.some((entry) => typeof entry !== "string")) return undefined;
  return extensions as string[];
}

function looksLikePlugin(dir: string): boolean {
  if (existsSync(join(dir, PLUGIN_MANIFEST_FILE))) return true;
  const pkg = readPackageJson(dir).value;
  return packageExtensions(pkg) !== undefined || detectBundleKind(dir) !== undefined;
}

/**
 * Why `dir` is not a plugin folder — what it lacks — or `undefined` when it is one (it holds
 * `openclaw.plugin.json`, or a `package.json` with `openclaw.extensions`).
 *
 * @example
 * ```ts
 * notAPluginFolderReason("/tmp/empty"); // "it has no openclaw.plugin.json and no package.json"
 * ```
 */
export function notAPluginFolderReason(dir: string): string | undefined {
  if (looksLikePlugin(dir)) return undefined;
  const pkg = readPackageJson(dir);
  const packageState = pkg.error
    ? `its package.json cannot be read (${pkg.error})`
    : pkg.value
      ? "its package.json has no openclaw.extensions list"
      : "no package.json";
  return `it has no ${PLUGIN_MANIFEST_FILE} and ${packageState}`;
}

/**
 * Builds a candidate for the plugin folder `rootDir` (runs the path-safety gate).
 *
 * @example
 * ```ts
 * const candidate = describePluginFolder({ rootDir: "/src/demo", origin: "path", source: "/src/demo" });
 * ```
 */
export function describePluginFolder(options: {
  rootDir: string;
  origin: PluginOrigin;
  source: string;
  entryFile?: string;
  uid?: number;
}): PluginCandidate {
  const rootDir = resolve(options.rootDir);
  const pkg = readPackageJson(rootDir);
  const extensions = packageExtensions(pkg.value) ?? [];
  const entryFiles = options.entryFile ? [resolve(options.entryFile)] : extensions.map((entry) => resolve(rootDir, entry));
  const candidate: PluginCandidate = {
    rootDir,
    origin: options.origin,
    source: options.source,
    manifestFile: join(rootDir, PLUGIN_MANIFEST_FILE),
    entryFiles,
  };
  if (pkg.value) candidate.packageJson = pkg.value;
  if (pkg.error) candidate.packageJsonError = pkg.error;
  const bundleKind = options.entryFile || extensions.length > 0 ? undefined : detectBundleKind(rootDir);
  if (bundleKind) candidate.bundleKind = bundleKind;
  const safety: Parameters<typeof checkPathSafety>[0] = { rootDir, files: entryFiles };
  if (options.uid !== undefined) safety.uid = options.uid;
  const blocked = checkPathSafety(safety);
  if (blocked) candidate.blocked = blocked;
  return candidate;
}

/**
 * Scans the configured load paths and both extension roots; never imports plugin code and never throws on
 * missing folders.
 *
 * @example
 * ```ts
 * const paths = resolveOpenClawPaths();
 * const config = await readOpenClawConfig(paths.configPath);
 * const { candidates } = discoverPluginCandidates({ paths, plugins: config.plugins });
 * ```
 */
export function discoverPluginCandidates(options: DiscoverPluginCandidatesOptions): PluginDiscoveryResult {
  const candidates: PluginCandidate[] = [];
  const diagnostics: PluginDiagnostic[] = [];
  const seen = new Set<string>();
  const add = (rootDir: string, origin: PluginOrigin, source: string, entryFile?: string): void => {
    let real: string;
    try {
      real = realpathSync(rootDir);
    } catch {
      real = resolve(rootDir);
    }
    const key = entryFile ? `${real}#${entryFile}` : real;
    if (seen.has(key)) return;
    seen.add(key);
    const describe: Parameters<typeof describePluginFolder>[0] = { rootDir, origin, source };
    if (entryFile) describe.entryFile = entryFile;
    if (options.uid !== undefined) describe.uid = options.uid;
    candidates.push(describePluginFolder(describe));
  };

  options.plugins.loadPaths.forEach((loadPath, index) => {
    const where: Pick<PluginDiagnostic, "path" | "file"> = { path: `plugins.load.paths.${index}` };
    if (options.configPath) where.file = options.configPath;
    if (!existsSync(loadPath)) {
      diagnostics.push({
        level: "warning",
        code: "load-path-missing",
        ...where,
        message: `plugins.load.paths entry ${loadPath} does not exist; fix or remove it${options.configPath ? ` in ${options.configPath}` : ""}.`,
      });
      return;
    }
    if (!isDir(loadPath)) {
      if (SCRIPT_EXTENSIONS.some((extension) => loadPath.endsWith(extension))) {
        add(dirname(loadPath), "config", loadPath, loadPath);
      } else {
        diagnostics.push({
          level: "warning",
          code: "load-path-not-plugin",
          ...where,
          message: `plugins.load.paths entry ${loadPath} is neither a folder nor a .js/.mjs/.cjs/.ts file; remove it or point it at a plugin folder.`,
        });
      }
      return;
    }
    if (looksLikePlugin(loadPath)) {
      add(loadPath, "config", loadPath);
      return;
    }
    const found = scanRoot(loadPath);
    if (found.length === 0) {
      diagnostics.push({
        level: "warning",
        code: "load-path-empty",
        ...where,
        message: `plugins.load.paths entry ${loadPath} holds no plugin (no ${PLUGIN_MANIFEST_FILE} or package.json with openclaw.extensions, in it or in its sub-folders).`,
      });
    }
    for (const dir of found) add(dir, "config", loadPath);
  });
  for (const dir of scanRoot(options.paths.workspaceExtensionsDir)) add(dir, "workspace", options.paths.workspaceExtensionsDir);
  for (const dir of scanRoot(options.paths.userExtensionsDir)) add(dir, "global", options.paths.userExtensionsDir);

  return { candidates, diagnostics };
}

function scanRoot(root: string): string[] {
  if (!isDir(root)) return [];
  let names: string[];
  try {
    names = readdirSync(root).sort();
  } catch {
    return [];
  }
  return names
    .filter((name) => !name.startsWith("."))
    .map((name) => join(root, name))
    .filter((dir) => isDir(dir) && looksLikePlugin(dir));
}
