/**
 * Reads the OpenClaw config file (JSON5) and extracts the `plugins` section that discovery and policy need.
 * Never throws on bad input: problems become diagnostics naming the file and the field.
 */
import { readFile } from "node:fs/promises";
import { homedir } from "node:os";
import { dirname, join, resolve } from "node:path";
import type { PluginDiagnostic } from "../manifest/diagnostics.js";

/** Per-plugin settings under `plugins.entries.<id>`. */
export interface PluginEntryConfigView {
  enabled?: boolean;
  config?: unknown;
  hooks?: Record<string, unknown>;
}

/**
 * The part of the config file that plugin discovery and policy read. Fields with the wrong type are dropped
 * (with a diagnostic), so consumers can trust the types.
 */
export interface PluginsConfigView {
  /** `plugins.enabled`: `false` disables every plugin. Default `true`. */
  enabled: boolean;
  /** `plugins.allow`: when non-empty, only these ids may load. */
  allow: string[];
  /** `plugins.deny`: these ids never load (deny wins over allow). */
  deny: string[];
  /** `plugins.load.paths`: extra plugin folders or files, absolute after resolution. */
  loadPaths: string[];
  /** `plugins.entries`. */
  entries: Record<string, PluginEntryConfigView>;
  /** `plugins.slots` (e.g. `memory`): slot name → plugin id. */
  slots: Record<string, string>;
}

/** Result of {@link readOpenClawConfig}. */
export interface OpenClawConfigFile {
  /** Absolute path that was read. */
  path: string;
  /** False when the file does not exist (an empty config is used). */
  exists: boolean;
  /** The whole parsed config object (`{}` when missing or unreadable). */
  raw: Record<string, unknown>;
  /** The `plugins` section, normalised. */
  plugins: PluginsConfigView;
  diagnostics: PluginDiagnostic[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Normalises a config object's `plugins` section. Relative `plugins.load.paths` resolve against `baseDir`
 * (the config file's folder).
 *
 * @example
 * ```ts
 * const { plugins } = normalizePluginsConfig({ plugins: { allow: ["demo"] } }, { file: "openclaw.json", baseDir: "/etc" });
 * plugins.allow; // ["demo"]
 * ```
 */
export function normalizePluginsConfig(
  raw: Record<string, unknown>,
  options: { file: string; baseDir: string },
): { plugins: PluginsConfigView; diagnostics: PluginDiagnostic[] } {
  const diagnostics: PluginDiagnostic[] = [];
  const plugins: PluginsConfigView = { enabled: true, allow: [], deny: [], loadPaths: [], entries: {}, slots: {} };
  const bad = (path: string, expected: string): void => {
    diagnostics.push({
      level: "error",
      code: "config-invalid-type",
      path,
      file: options.file,
      message: `${path} must be ${expected}; fix it in ${options.file} (the value was ignored).`,
    });
  };
  const section = raw.plugins;
  if (section === undefined) return { plugins, diagnostics };
  if (!isRecord(section)) {
    bad("plugins", "an object");
    return { plugins, diagnostics };
  }
  if (section.enabled !== undefined) {
    if (typeof section.enabled === "boolean") plugins.enabled = section.enabled;
    else bad("plugins.enabled", "true or false");
  }
  const stringList = (value: unknown, path: string): string[] => {
    if (value === undefined) return [];
    if (!Array.isArray(value) || value.some((item) => typeof item !== "string")) {
      bad(path, "an array of strings");
      return [];
    }
    return value as string[];
  };
  plugins.allow = stringList(section.allow, "plugins.allow");
  plugins.deny = stringList(section.deny, "plugins.deny");
  if (section.load !== undefined) {
    if (!isRecord(section.load)) bad("plugins.load", "an object");
    else {
      plugins.loadPaths = stringList(section.load.paths, "plugins.load.paths").map((entry) =>
        resolveAgainst(options.baseDir, entry),
      );
    }
  }
  if (section.entries !== undefined) {
    if (!isRecord(section.entries)) bad("plugins.entries", "an object keyed by plugin id");
    else {
      for (const [id, value] of Object.entries(section.entries)) {
        if (!isRecord(value)) {
          bad(`plugins.entries.${id}`, "an object");
          continue;
        }
        const entry: PluginEntryConfigView = {};
        if (value.enabled !== undefined) {
          if (typeof value.enabled === "boolean") entry.enabled = value.enabled;
          else bad(`plugins.entries.${id}.enabled`, "true or false");
        }
        if (value.config !== undefined) entry.config = value.config;
        if (value.hooks !== undefined) {
          if (isRecord(value.hooks)) entry.hooks = value.hooks;
          else bad(`plugins.entries.${id}.hooks`, "an object");
        }
        plugins.entries[id] = entry;
      }
    }
  }
  if (section.slots !== undefined) {
    if (!isRecord(section.slots)) bad("plugins.slots", "an object");
    else {
      for (const [slot, value] of Object.entries(section.slots)) {
        if (typeof value === "string") plugins.slots[slot] = value;
        else bad(`plugins.slots.${slot}`, "a plugin id string");
      }
    }
  }
  return { plugins, diagnostics };
}

function resolveAgainst(baseDir: string, entry: string): string {
  if (entry === "~" || entry.startsWith("~/")) return join(homedir(), entry.slice(1));
  return resolve(baseDir, entry);
}

/** The result for a config file that exists but cannot be used: empty config plus one error diagnostic. */
function unusableConfigFile(
  path: string,
  plugins: PluginsConfigView,
  error: { code: string; message: string; line?: number | undefined; column?: number | undefined },
): OpenClawConfigFile {
  const diagnostic: PluginDiagnostic = { level: "error", code: error.code, path: "", file: path, message: error.message };
  if (error.line !== undefined) diagnostic.line = error.line;
  if (error.column !== undefined) diagnostic.column = error.column;
  return { path, exists: true, raw: {}, plugins, diagnostics: [diagnostic] };
}

/**
 * Reads and parses the config file at `path` as JSON5. A missing file is not an error (empty config); a parse
 * error is a diagnostic with line and column.
 *
 * @example
 * ```ts
 * const file = await readOpenClawConfig(resolveOpenClawPaths().configPath);
 * for (const d of file.diagnostics) console.error(d.message);
 * ```
 */
export async function readOpenClawConfig(path: string): Promise<OpenClawConfigFile> {
  const empty = normalizePluginsConfig({}, { file: path, baseDir: dirname(path) }).plugins;
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return { path, exists: false, raw: {}, plugins: empty, diagnostics: [] };
    return unusableConfigFile(path, empty, {
      code: "config-unreadable",
      message: `Cannot read config file ${path}: ${(error as Error).message}. Check its permissions, or point OPENCLAW_CONFIG_PATH at another file.`,
    });
  }
  let parsed: unknown;
  try {
    const JSON5 = (await import("json5")).default;
    parsed = JSON5.parse(text);
  } catch (error) {
    const err = error as Error & { lineNumber?: number; columnNumber?: number };
    return unusableConfigFile(path, empty, {
      code: "config-parse-error",
      message: `Config file ${path} is not valid JSON5: ${err.message.replace(/^JSON5: /, "")}. Fix the syntax at the position shown.`,
      line: err.lineNumber,
      column: err.columnNumber,
    });
  }
  if (!isRecord(parsed)) {
    return unusableConfigFile(path, empty, { code: "config-not-object", message: `Config file ${path} must contain a JSON object at the top level.` });
  }
  const { plugins, diagnostics } = normalizePluginsConfig(parsed, { file: path, baseDir: dirname(path) });
  return { path, exists: true, raw: parsed, plugins, diagnostics };
}
