/**
 * Reads the OpenClaw config file (JSON5) and extracts the `plugins` section that discovery and policy need.
 * Never throws on bad input: problems become diagnostics naming the file and the field.
 */
import { homedir } from "node:os";
import { dirname, join, resolve } from "node:path";
import type { PluginDiagnostic } from "../manifest/diagnostics.js";
import { readRegularFileSync } from "../files/contained-file.js";

/** Largest config file read (bytes); a bigger file is `config-unreadable`. */
export const MAX_CONFIG_FILE_BYTES = 8 * 1024 * 1024;

/** Per-plugin settings under `plugins.entries.<id>`. */
export interface PluginEntryConfigView {
  enabled?: boolean;
  config?: unknown;
  hooks?: Record<string, unknown>;
  /** `plugins.entries.<id>.registerTimeoutMs`: this plugin's register time limit (ms), overriding the global one. */
  registerTimeoutMs?: number;
}

/**
 * The part of the config file that plugin discovery and policy read. A field with the wrong type is an error
 * diagnostic and sets {@link PluginsConfigView.configError}: the policy then keeps every plugin off (fail closed),
 * because a deny list that cannot be read must not silently become "deny nothing".
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
  /** `plugins.registerTimeoutMs`: default register time limit (ms) for every plugin. */
  registerTimeoutMs?: number;
  /**
   * Set when the config file cannot be read or parsed, or a plugin policy field has the wrong type: one sentence
   * naming the file and the fix. While set, no plugin may be imported (`resolvePluginEnablement` keeps every
   * plugin off with reason `config-invalid`).
   */
  configError?: string;
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
  /** Same as `plugins.configError`: set when the file is broken and no plugin code may be imported. */
  configError?: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A short type description for messages (never the value itself: config values may be secrets). */
function describeType(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return value.every((item) => typeof item === "string") ? "an array" : "an array with non-string items";
  return typeof value === "object" ? "an object" : `a ${typeof value}`;
}

function own(record: Record<string, unknown>, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

/** The sentence every fail-closed message ends with. */
const NOTHING_LOADS = "until it is fixed no plugin code is imported";

/**
 * Normalises a config object's `plugins` section. Relative `plugins.load.paths` resolve against `baseDir`
 * (the config file's folder). A wrong-typed field is an error diagnostic (`config-invalid-type`, naming the field
 * path and the type found) and sets `plugins.configError`, so the policy fails closed.
 *
 * @example
 * ```ts
 * const { plugins } = normalizePluginsConfig({ plugins: { allow: ["demo"] } }, { file: "openclaw.json", baseDir: "/etc" });
 * plugins.allow; // ["demo"]
 * normalizePluginsConfig({ plugins: { deny: "demo" } }, { file: "openclaw.json", baseDir: "/etc" }).plugins.configError; // set
 * ```
 */
export function normalizePluginsConfig(
  raw: Record<string, unknown>,
  options: { file: string; baseDir: string },
): { plugins: PluginsConfigView; diagnostics: PluginDiagnostic[] } {
  const diagnostics: PluginDiagnostic[] = [];
  const plugins: PluginsConfigView = {
    enabled: true,
    allow: [],
    deny: [],
    loadPaths: [],
    entries: Object.create(null) as Record<string, PluginEntryConfigView>,
    slots: Object.create(null) as Record<string, string>,
  };
  const bad = (path: string, expected: string, value: unknown): void => {
    diagnostics.push({
      level: "error",
      code: "config-invalid-type",
      path,
      file: options.file,
      message: `${path} must be ${expected}, but it is ${describeType(value)}. Fix ${path} in ${options.file}; ${NOTHING_LOADS}.`,
    });
  };
  const timeout = (value: unknown, path: string): number | undefined => {
    if (value === undefined) return undefined;
    if (typeof value === "number" && Number.isSafeInteger(value) && value > 0) return value;
    bad(path, "a positive whole number of milliseconds (e.g. 10000)", value);
    return undefined;
  };
  const finish = (): { plugins: PluginsConfigView; diagnostics: PluginDiagnostic[] } => {
    const errors = diagnostics.filter((d) => d.level === "error");
    if (errors.length > 0) {
      plugins.configError = `${options.file}: ${errors.map((d) => d.path).join(", ")} ${errors.length === 1 ? "has" : "have"} the wrong type; fix ${errors.length === 1 ? "it" : "them"} (openclaw plugins doctor shows each) — ${NOTHING_LOADS}.`;
    }
    return { plugins, diagnostics };
  };
  const section = own(raw, "plugins");
  if (section === undefined) return finish();
  if (!isRecord(section)) {
    bad("plugins", "an object", section);
    return finish();
  }
  const enabled = own(section, "enabled");
  if (enabled !== undefined) {
    if (typeof enabled === "boolean") plugins.enabled = enabled;
    else bad("plugins.enabled", "true or false", enabled);
  }
  const stringList = (value: unknown, path: string): string[] => {
    if (value === undefined) return [];
    if (!Array.isArray(value) || value.some((item) => typeof item !== "string")) {
      bad(path, "an array of strings", value);
      return [];
    }
    return value as string[];
  };
  plugins.allow = stringList(own(section, "allow"), "plugins.allow");
  plugins.deny = stringList(own(section, "deny"), "plugins.deny");
  const registerTimeoutMs = timeout(own(section, "registerTimeoutMs"), "plugins.registerTimeoutMs");
  if (registerTimeoutMs !== undefined) plugins.registerTimeoutMs = registerTimeoutMs;
  const load = own(section, "load");
  if (load !== undefined) {
    if (!isRecord(load)) bad("plugins.load", "an object", load);
    else {
      plugins.loadPaths = stringList(own(load, "paths"), "plugins.load.paths").map((entry) => resolveAgainst(options.baseDir, entry));
    }
  }
  const entries = own(section, "entries");
  if (entries !== undefined) {
    if (!isRecord(entries)) bad("plugins.entries", "an object keyed by plugin id", entries);
    else {
      for (const [id, value] of Object.entries(entries)) {
        if (!isRecord(value)) {
          bad(`plugins.entries.${id}`, "an object", value);
          continue;
        }
        const entry: PluginEntryConfigView = {};
        const entryEnabled = own(value, "enabled");
        if (entryEnabled !== undefined) {
          if (typeof entryEnabled === "boolean") entry.enabled = entryEnabled;
          else bad(`plugins.entries.${id}.enabled`, "true or false", entryEnabled);
        }
        const config = own(value, "config");
        if (config !== undefined) entry.config = config;
        const hooks = own(value, "hooks");
        if (hooks !== undefined) {
          if (isRecord(hooks)) entry.hooks = hooks;
          else bad(`plugins.entries.${id}.hooks`, "an object", hooks);
        }
        const entryTimeout = timeout(own(value, "registerTimeoutMs"), `plugins.entries.${id}.registerTimeoutMs`);
        if (entryTimeout !== undefined) entry.registerTimeoutMs = entryTimeout;
        plugins.entries[id] = entry;
      }
    }
  }
  const slots = own(section, "slots");
  if (slots !== undefined) {
    if (!isRecord(slots)) bad("plugins.slots", "an object", slots);
    else {
      for (const [slot, value] of Object.entries(slots)) {
        if (typeof value === "string") plugins.slots[slot] = value;
        else bad(`plugins.slots.${slot}`, "a plugin id string", value);
      }
    }
  }
  return finish();
}

function resolveAgainst(baseDir: string, entry: string): string {
  if (entry === "~" || entry.startsWith("~/")) return join(homedir(), entry.slice(1));
  return resolve(baseDir, entry);
}

/** The result for a config file that exists but cannot be used: empty config, one error, fail closed. */
function unusableConfigFile(
  path: string,
  plugins: PluginsConfigView,
  error: { code: string; message: string; line?: number | undefined; column?: number | undefined },
): OpenClawConfigFile {
  const diagnostic: PluginDiagnostic = { level: "error", code: error.code, path: "", file: path, message: error.message };
  if (error.line !== undefined) diagnostic.line = error.line;
  if (error.column !== undefined) diagnostic.column = error.column;
  const where = error.line !== undefined ? `${path}:${error.line}${error.column !== undefined ? `:${error.column}` : ""}` : path;
  const configError = `the config file ${where} cannot be used (${error.code}); fix it (openclaw plugins doctor shows what and where) — ${NOTHING_LOADS}.`;
  return { path, exists: true, raw: {}, plugins: { ...plugins, configError }, diagnostics: [diagnostic], configError };
}

/**
 * Reads and parses the config file at `path` as JSON5. A missing file is not an error (empty config). A file that
 * cannot be read (not a regular file — a FIFO is refused without waiting —, unreadable, over
 * {@link MAX_CONFIG_FILE_BYTES}) or parsed (the diagnostic has line and column), or whose plugin policy fields have
 * the wrong type, is an error and sets `configError`: fail closed, no plugin is imported until it is fixed.
 *
 * @example
 * ```ts
 * const file = await readOpenClawConfig(resolveOpenClawPaths().configPath);
 * if (file.configError) throw new Error(file.configError);
 * ```
 */
export async function readOpenClawConfig(path: string): Promise<OpenClawConfigFile> {
  const empty = normalizePluginsConfig({}, { file: path, baseDir: dirname(path) }).plugins;
  const read = readRegularFileSync(path, { maxBytes: MAX_CONFIG_FILE_BYTES, label: "config file" });
  if (!read.ok) {
    if (read.code === "not-found") return { path, exists: false, raw: {}, plugins: empty, diagnostics: [] };
    return unusableConfigFile(path, empty, {
      code: "config-unreadable",
      message: `Cannot read the config file: ${read.message} Replace it with a readable regular JSON5 file, or point OPENCLAW_CONFIG_PATH at one; ${NOTHING_LOADS}.`,
    });
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(read.bytes);
  } catch {
    return unusableConfigFile(path, empty, {
      code: "config-unreadable",
      message: `Config file ${path} is not valid UTF-8 text. Save it as UTF-8; ${NOTHING_LOADS}.`,
    });
  }
  let parsed: unknown;
  try {
    const JSON5 = (await import("json5")).default;
    parsed = JSON5.parse(text);
  } catch (error) {
    const err = error as Error & { lineNumber?: number; columnNumber?: number };
    const at = err.lineNumber !== undefined ? ` at line ${err.lineNumber}${err.columnNumber !== undefined ? `, column ${err.columnNumber}` : ""}` : "";
    return unusableConfigFile(path, empty, {
      code: "config-parse-error",
      message: `Config file ${path} is not valid JSON5${at}: ${String(err.message).replace(/^JSON5: /, "").replace(/ at \d+:\d+$/, "")}. Fix the syntax there; ${NOTHING_LOADS} (plugins.deny and plugins.allow cannot be applied from a file that does not parse).`,
      line: err.lineNumber,
      column: err.columnNumber,
    });
  }
  if (!isRecord(parsed)) {
    return unusableConfigFile(path, empty, {
      code: "config-not-object",
      message: `Config file ${path} must contain a JSON object at the top level (it holds ${describeType(parsed)}). Wrap the settings in { … }; ${NOTHING_LOADS}.`,
    });
  }
  const { plugins, diagnostics } = normalizePluginsConfig(parsed, { file: path, baseDir: dirname(path) });
  const result: OpenClawConfigFile = { path, exists: true, raw: parsed, plugins, diagnostics };
  if (plugins.configError) result.configError = plugins.configError;
  return result;
}

/**
 * The register time limit (ms) configured for plugin `id`: `plugins.entries.<id>.registerTimeoutMs`, else
 * `plugins.registerTimeoutMs`, else `undefined` (the loader's default applies).
 *
 * @example
 * ```ts
 * registerTimeoutFor(plugins, "demo"); // 5000 with { plugins: { registerTimeoutMs: 5000 } }
 * ```
 */
export function registerTimeoutFor(plugins: PluginsConfigView, id: string | undefined): number | undefined {
  const entry = id !== undefined && Object.prototype.hasOwnProperty.call(plugins.entries, id) ? plugins.entries[id] : undefined;
  return entry?.registerTimeoutMs ?? plugins.registerTimeoutMs;
}
