/**
 * Reads the OpenClaw config file (JSON5) and its `plugins` section (through the shared policy reader,
 * src/config/plugins-policy.ts), for discovery and the CLI. Never throws on bad input: problems become diagnostics
 * naming the file and the field, and a broken file fails closed (`configError`).
 */
import { homedir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { isRecord, typeDescription } from "../config/config-data.js";
import { readPluginsPolicy, type PluginsPolicy } from "../config/plugins-policy.js";
import { ConfigDocumentError, locatePluginsSection } from "../config/config-include.js";
import { readRegularFileSync } from "../files/contained-file.js";
import type { PluginDiagnostic } from "../manifest/diagnostics.js";
import { parseJson5Text } from "../config/json5-text.js";

/** Largest config file read (bytes); a bigger file is `config-unreadable`. */
export const MAX_CONFIG_FILE_BYTES = 8 * 1024 * 1024;

/** Result of {@link readOpenClawConfig}. */
export interface OpenClawConfigFile {
  /** Absolute path that was read. */
  path: string;
  /** False when the file does not exist (an empty config is used). */
  exists: boolean;
  /** The included file holding the `plugins` section, when it comes from `plugins.$include` (src/config/config-include.ts). */
  pluginsFile?: string;
  /** The whole parsed config object (`{}` when missing or unreadable), with an included `plugins` section in place. */
  raw: Record<string, unknown>;
  /** The `plugins` section, read (`invalidReason` is set, and equals `configError`, while the file is broken). */
  plugins: PluginsPolicy;
  diagnostics: PluginDiagnostic[];
  /** Same as `plugins.invalidReason`: set when the file is broken and no plugin code may be imported. */
  configError?: string;
}

/** The sentence every fail-closed message ends with. */
const NOTHING_LOADS = "until it is fixed no plugin code is imported";

/**
 * The `plugins` section of a parsed config file, read by the shared policy reader
 * (`readPluginsPolicy`, src/config/plugins-policy.ts: one check, code and message per field), with relative
 * `plugins.load.paths` resolved against `baseDir` (the config file's folder; `~` = the home folder) and `file` on
 * every diagnostic. Any error sets `plugins.invalidReason` to a sentence naming the file: the policy fails closed.
 *
 * @example
 * ```ts
 * const { plugins } = normalizePluginsConfig({ plugins: { allow: ["demo"] } }, { file: "openclaw.json", baseDir: "/etc" });
 * plugins.allow; // ["demo"]
 * normalizePluginsConfig({ plugins: { deny: "demo" } }, { file: "openclaw.json", baseDir: "/etc" }).plugins.invalidReason; // set
 * ```
 */
export function normalizePluginsConfig(
  raw: Record<string, unknown>,
  options: { file: string; baseDir: string },
): { plugins: PluginsPolicy; diagnostics: PluginDiagnostic[] } {
  const { policy, diagnostics, entryDiagnostics } = readPluginsPolicy(raw, { file: options.file });
  policy.loadPaths = policy.loadPaths.map((entry) => resolveAgainst(options.baseDir, entry));
  if (policy.invalidReason !== undefined) {
    policy.invalidReason = `${options.file}: ${policy.invalidReason} (openclaw plugins doctor shows each problem) — ${NOTHING_LOADS}.`;
  }
  return { plugins: policy, diagnostics: [...diagnostics, ...[...entryDiagnostics.values()].flat()] };
}

function resolveAgainst(baseDir: string, entry: string): string {
  if (entry === "~" || entry.startsWith("~/")) return join(homedir(), entry.slice(1));
  return resolve(baseDir, entry);
}

/** The result for a config file that exists but cannot be used: empty config, one error, fail closed. */
function unusableConfigFile(
  path: string,
  plugins: PluginsPolicy,
  error: { code: string; message: string; line?: number | undefined; column?: number | undefined },
): OpenClawConfigFile {
  const diagnostic: PluginDiagnostic = { level: "error", code: error.code, path: "", file: path, message: error.message };
  if (error.line !== undefined) diagnostic.line = error.line;
  if (error.column !== undefined) diagnostic.column = error.column;
  const where = error.line !== undefined ? `${path}:${error.line}${error.column !== undefined ? `:${error.column}` : ""}` : path;
  const configError = `the config file ${where} cannot be used (${error.code}); fix it (openclaw plugins doctor shows what and where) — ${NOTHING_LOADS}.`;
  return { path, exists: true, raw: {}, plugins: { ...plugins, invalidReason: configError }, diagnostics: [diagnostic], configError };
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
  const parsed = await parseJson5Text(text);
  if (!parsed.ok) {
    const { at, reason, line, column } = parsed.error;
    return unusableConfigFile(path, empty, {
      code: "config-parse-error",
      message: `Config file ${path} is not valid JSON5${at}: ${reason}. Fix the syntax there; ${NOTHING_LOADS} (plugins.deny and plugins.allow cannot be applied from a file that does not parse).`,
      line,
      column,
    });
  }
  const value = parsed.value;
  if (!isRecord(value)) {
    return unusableConfigFile(path, empty, {
      code: "config-not-object",
      message: `Config file ${path} must contain a JSON object at the top level (it holds ${typeDescription(value)}). Wrap the settings in { … }; ${NOTHING_LOADS}.`,
    });
  }
  // `plugins.$include` (config-include.ts): the section comes from another file; paths in it resolve against that file.
  let raw = value;
  let pluginsFile = path;
  const includeDiagnostics: PluginDiagnostic[] = [];
  try {
    const source = await locatePluginsSection({ path, exists: true, value, text });
    if (source.kind === "include") {
      raw = { ...parsed, plugins: source.section };
      pluginsFile = source.file;
    }
    if (source.rootInclude) {
      includeDiagnostics.push({
        level: "warning",
        code: "config-include-unsupported",
        path: "$include",
        file: path,
        message: `root-level "$include" is not followed by the plugin tools (the plugins section is read from ${path} itself); to keep plugins in another file use "plugins": { "$include": "./plugins.json5" }.`,
      });
    }
  } catch (error) {
    if (!(error instanceof ConfigDocumentError)) throw error;
    return unusableConfigFile(path, empty, {
      code: error.code,
      message: `${error.message} ${NOTHING_LOADS[0]!.toUpperCase()}${NOTHING_LOADS.slice(1)}.`,
      line: error.line,
      column: error.column,
    });
  }
  const { plugins, diagnostics } = normalizePluginsConfig(raw, { file: pluginsFile, baseDir: dirname(pluginsFile) });
  diagnostics.unshift(...includeDiagnostics);
  const result: OpenClawConfigFile = { path, exists: true, raw, plugins, diagnostics };
  if (pluginsFile !== path) result.pluginsFile = pluginsFile;
  if (plugins.invalidReason !== undefined) result.configError = plugins.invalidReason;
  return result;
}
