/**
 * A plugin author's project folder as the author commands see it: `package.json`, `openclaw.plugin.json` and the
 * entry module. Reading never throws on bad input; importing the entry reports failures as values.
 */
import { existsSync, lstatSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { isAbsolute, join, relative, resolve } from "node:path";
import { CliError, ExitCode } from "./exit-codes.js";
import { packageExtensions, PLUGIN_MANIFEST_FILE } from "../discovery/discover-plugins.js";
import { readRegularFileSync } from "../files/contained-file.js";
import { MAX_PLUGIN_MANIFEST_BYTES } from "../manifest/plugin-manifest-schema.js";

/** Largest package.json read. */
const MAX_PACKAGE_JSON_BYTES = 4 * 1024 * 1024;

/** Default built entry of a scaffolded plugin. */
export const DEFAULT_ENTRY = "./dist/index.js";

/** The project files of one plugin folder. */
export interface PluginProject {
  rootDir: string;
  packageJsonFile: string;
  packageJson?: Record<string, unknown>;
  /** Set when package.json exists but cannot be parsed. */
  packageJsonError?: string;
  /** `package.json#openclaw.extensions`, when present and well-formed. */
  extensions?: string[];
  manifestFile: string;
  /** Raw parsed manifest (for build's merge); `undefined` when missing or unparsable. */
  manifestRaw?: Record<string, unknown>;
  /** True when the manifest is JSON5 rather than plain JSON (build rewrites it as JSON; comments are not kept). */
  manifestIsJson5?: boolean;
  /**
   * Set when something exists at the manifest path but cannot be read as a file: a folder, a FIFO, a link out of
   * the plugin folder, too large. One sentence naming the path and the fix.
   */
  manifestError?: string;
}

/**
 * Reads the project in `dir` (must be an existing folder, else a usage error).
 *
 * @example
 * ```ts
 * const project = readPluginProject(process.cwd());
 * project.extensions; // ["./dist/index.js"]
 * ```
 */
export function readPluginProject(dir: string): PluginProject {
  const rootDir = resolve(dir);
  if (!existsSync(rootDir) || !statSync(rootDir).isDirectory()) {
    throw new CliError(`${rootDir} is not a folder. Pass the plugin folder (the one holding package.json and ${PLUGIN_MANIFEST_FILE}).`, ExitCode.usage);
  }
  const project: PluginProject = {
    rootDir,
    packageJsonFile: join(rootDir, "package.json"),
    manifestFile: join(rootDir, PLUGIN_MANIFEST_FILE),
  };
  const exists = (file: string): boolean => {
    try {
      lstatSync(file);
      return true;
    } catch {
      return false;
    }
  };
  if (exists(project.packageJsonFile)) {
    const read = readRegularFileSync(project.packageJsonFile, { maxBytes: MAX_PACKAGE_JSON_BYTES, rootDir, label: "package.json" });
    if (!read.ok) project.packageJsonError = read.message.replace(/\.$/, "");
    else {
      try {
        const parsed: unknown = JSON.parse(read.bytes.toString("utf8"));
        if (typeof parsed === "object" && parsed !== null && !Array.isArray(parsed)) {
          project.packageJson = parsed as Record<string, unknown>;
          const extensions = packageExtensions(project.packageJson);
          if (extensions) project.extensions = extensions;
        } else project.packageJsonError = "package.json must contain a JSON object";
      } catch (error) {
        project.packageJsonError = `package.json is not valid JSON: ${(error as Error).message}`;
      }
    }
  }
  if (exists(project.manifestFile)) {
    const read = readRegularFileSync(project.manifestFile, { maxBytes: MAX_PLUGIN_MANIFEST_BYTES, rootDir, label: PLUGIN_MANIFEST_FILE });
    if (!read.ok) {
      project.manifestError = `${read.message} ${
        read.code === "not-regular-file"
          ? `Remove it and write ${PLUGIN_MANIFEST_FILE} as a regular file (openclaw plugins build generates one for tool plugins).`
          : read.code === "entry-escapes-root"
            ? `Point the link at a file inside the plugin folder, or replace it with a regular file.`
            : ""
      }`.trim();
      return project;
    }
    const text = read.bytes.toString("utf8");
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      try {
        // The gateway reads manifests as JSON5 (comments, trailing commas); json5 loads only for such files.
        const json5 = createRequire(import.meta.url)("json5") as { parse(text: string): unknown };
        parsed = json5.parse(text);
        project.manifestIsJson5 = true;
      } catch {
        // unparsable: the manifest reader reports where; build refuses to merge into it
      }
    }
    if (typeof parsed === "object" && parsed !== null && !Array.isArray(parsed)) {
      project.manifestRaw = parsed as Record<string, unknown>;
    }
  }
  return project;
}

/**
 * `./`-relative form of `file` inside `rootDir` (as written in package.json).
 *
 * @example
 * ```ts
 * toPackageRelative("/p", "/p/dist/index.js"); // "./dist/index.js"
 * ```
 */
export function toPackageRelative(rootDir: string, file: string): string {
  const rel = relative(rootDir, file).split("\\").join("/");
  return rel.startsWith("../") || isAbsolute(rel) ? rel : `./${rel}`;
}

/**
 * Which entry file to use: `--entry` (relative to the plugin folder), else the first `openclaw.extensions` entry,
 * else `./dist/index.js`.
 *
 * @example
 * ```ts
 * resolveEntryFile(project).relative; // "./dist/index.js"
 * ```
 */
export function resolveEntryFile(
  project: PluginProject,
  entryOption?: string,
): { file: string; relative: string; source: "option" | "extensions" | "default" } {
  if (entryOption) {
    const file = resolve(project.rootDir, entryOption);
    return { file, relative: toPackageRelative(project.rootDir, file), source: "option" };
  }
  const first = project.extensions?.[0];
  if (first) {
    const file = resolve(project.rootDir, first);
    return { file, relative: toPackageRelative(project.rootDir, file), source: "extensions" };
  }
  const file = resolve(project.rootDir, DEFAULT_ENTRY);
  return { file, relative: DEFAULT_ENTRY, source: "default" };
}

/**
 * A compact summary of a module's exports, e.g. `default: object {id, name, register}; helper: function`.
 *
 * @example
 * ```ts
 * describeModuleShape({ default: { id: "x" } }); // "default: object {id}"
 * ```
 */
export function describeModuleShape(module: Record<string, unknown>): string {
  const names = Object.keys(module);
  if (names.length === 0) return "no exports";
  return names
    .map((name) => {
      const value = module[name];
      if (typeof value === "function") return `${name}: function`;
      if (typeof value === "object" && value !== null) return `${name}: object {${Object.keys(value).slice(0, 8).join(", ")}}`;
      return `${name}: ${value === null ? "null" : typeof value}`;
    })
    .join("; ");
}
