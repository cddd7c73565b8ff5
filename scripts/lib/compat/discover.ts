/**
 * Finding plugin folders in a corpus and the production sources of each (the files a plugin ships, not its tests,
 * examples, scripts or build configs). Pure file-system walking; no TypeScript here.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";

/** Directory names never walked: installs, build output, VCS. */
const skippedDirectories = new Set(["node_modules", ".git", "dist", "build", "out", "coverage", ".turbo", ".next", "lib-cov"]);

/**
 * Directory names holding non-production code. A plugin folder below one of them (a test fixture) is not a corpus
 * folder, and no source below one of them is type-checked.
 */
const nonProductionDirectories = new Set([
  "test",
  "tests",
  "__tests__",
  "__mocks__",
  "__fixtures__",
  "fixtures",
  "example",
  "examples",
  "e2e",
  "scripts",
  "script",
  "bench",
  "benchmarks",
  "evals",
  "docs",
  "testing",
  "test-utils",
]);

/** File names that are tests, stories or tool configs rather than plugin code. */
const nonProductionFile = /(\.|-|_)(test|spec|bench|stories|e2e)\.[cm]?[jt]sx?$|(^|[\\/])[^\\/]+\.config\.[cm]?[jt]s$|(^|[\\/])test-(utils|helpers)\.[cm]?[jt]s$/;

const typeScriptFile = /\.(ts|tsx|mts|cts)$/;
const javaScriptFile = /\.(js|jsx|mjs|cjs)$/;

/** One plugin folder of a corpus. */
export interface PluginFolder {
  /** Absolute path. */
  readonly dir: string;
  /** Path relative to the corpus root, with `/` separators (the folder's name in reports). */
  readonly name: string;
  /** Absolute paths of the production sources to type-check. */
  readonly sources: string[];
  /** `"ts"` when the folder has TypeScript sources; `"js"` when it has only JavaScript (checked with `allowJs`). */
  readonly language: "ts" | "js";
  /** True when a production source imports `openclaw` or `openclaw/…` (statically, dynamically or via require). */
  readonly importsOpenclaw: boolean;
}

const openclawImport = /(?:from\s*|import\s*\(\s*|require\s*\(\s*|import\s+)["']openclaw(?:\/[^"']*)?["']/;

/** True when `source` imports the `openclaw` package or one of its subpaths. */
export function importsOpenclaw(source: string): boolean {
  return openclawImport.test(source);
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** True when `relativePath` (from a plugin folder or corpus root) passes through a non-production directory. */
export function isNonProductionPath(relativePath: string): boolean {
  const parts = relativePath.split(/[\\/]/);
  const dirs = parts.slice(0, -1);
  if (dirs.some((part) => nonProductionDirectories.has(part.toLowerCase()) || skippedDirectories.has(part))) return true;
  return nonProductionFile.test(relativePath);
}

/**
 * Every folder below `corpusDir` (itself included) that holds an `openclaw.plugin.json`, skipping installs, build
 * output and folders under test/example/fixture directories. Sorted by name.
 */
export function findPluginFolders(corpusDir: string): PluginFolder[] {
  if (!isDirectory(corpusDir)) throw new Error(`compat-corpus: ${corpusDir} is not a directory; pass the folder that holds the plugin repositories.`);
  const pluginDirs: string[] = [];
  const walk = (dir: string): void => {
    if (existsSync(join(dir, "openclaw.plugin.json"))) pluginDirs.push(dir);
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (!entry.isDirectory() || entry.name.startsWith(".")) continue;
      if (skippedDirectories.has(entry.name) || nonProductionDirectories.has(entry.name.toLowerCase())) continue;
      walk(join(dir, entry.name));
    }
  };
  walk(corpusDir);
  const folders = pluginDirs.map((dir) => {
    const { sources, language } = productionSources(dir);
    const name = relative(corpusDir, dir).split(sep).join("/") || ".";
    const imports = sources.some((file) => importsOpenclaw(readFileSync(file, "utf8")));
    return { dir, name, sources, language, importsOpenclaw: imports };
  });
  return folders.sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * The production sources of the plugin folder `dir`: every TypeScript file (declaration files included) outside
 * non-production directories and test/config file names, not descending into nested folders that are their own
 * package (`package.json`) or plugin (`openclaw.plugin.json`). A folder without TypeScript yields its JavaScript files.
 */
export function productionSources(dir: string): { sources: string[]; language: "ts" | "js" } {
  const ts: string[] = [];
  const js: string[] = [];
  const walk = (current: string): void => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const path = join(current, entry.name);
      if (entry.isDirectory()) {
        if (entry.name.startsWith(".") || skippedDirectories.has(entry.name)) continue;
        if (nonProductionDirectories.has(entry.name.toLowerCase())) continue;
        if (existsSync(join(path, "package.json")) || existsSync(join(path, "openclaw.plugin.json"))) continue;
        walk(path);
        continue;
      }
      if (!entry.isFile()) continue;
      const rel = relative(dir, path);
      if (nonProductionFile.test(rel)) continue;
      if (typeScriptFile.test(entry.name)) ts.push(path);
      else if (javaScriptFile.test(entry.name)) js.push(path);
    }
  };
  walk(dir);
  return ts.length > 0 ? { sources: ts.sort(), language: "ts" } : { sources: js.sort(), language: "js" };
}
