/**
 * Reading the OpenClaw config file as a document, and the one `$include` shape the plugin tools follow.
 *
 * The rule (docs/plugin-index.md, "Config includes"):
 *
 * - Only the `plugins` section may come from another file, and only as `"plugins": { "$include": "<path>" }` with no
 *   other key beside `$include`: the included file's top-level object IS the `plugins` section.
 * - `<path>` is resolved relative to the folder of the file that names it, and must stay (after `realpath`) inside the
 *   folder of the main config file: no `..` or symlink out of it, no absolute path elsewhere.
 * - An included file may itself be exactly `{ "$include": "<path>" }` (a chain, each link relative to its own file),
 *   up to {@link MAX_INCLUDE_DEPTH} links; a file met twice is a cycle and an error.
 * - Include arrays, includes with sibling keys (overrides) and a root-level `$include` are not flattened: readers
 *   report them and writers refuse them, naming the file and the shape to use instead.
 */
import { realpathSync } from "node:fs";
import { dirname, isAbsolute, resolve } from "node:path";
import { isRecord, typeDescription } from "./config-data.js";
import { isPathInside, readRegularFileSync } from "../files/contained-file.js";
import { parseJson5Text } from "./json5-text.js";

/** Largest config (or included) file read, in bytes. */
export const MAX_CONFIG_DOCUMENT_BYTES = 8 * 1024 * 1024;
/** Most `$include` links followed from the main config file to the file holding `plugins`. */
export const MAX_INCLUDE_DEPTH = 8;
/** The include key. */
export const INCLUDE_KEY = "$include";

/** Why a config document or include cannot be used. */
export type ConfigDocumentErrorCode =
  | "config-unreadable"
  | "config-parse-error"
  | "config-not-object"
  | "config-include-invalid"
  | "config-include-escape"
  | "config-include-missing"
  | "config-include-cycle"
  | "config-include-unsupported";

/**
 * A config file or include that cannot be used; `file` names it, the message says what to do.
 *
 * @example
 * ```ts
 * try { await readConfigDocument(path); } catch (e) { if (e instanceof ConfigDocumentError) console.error(e.code, e.file); }
 * ```
 */
export class ConfigDocumentError extends Error {
  readonly code: ConfigDocumentErrorCode;
  readonly file: string;
  readonly line: number | undefined;
  readonly column: number | undefined;
  constructor(code: ConfigDocumentErrorCode, file: string, message: string, position: { line?: number; column?: number } = {}) {
    super(message);
    this.name = "ConfigDocumentError";
    this.code = code;
    this.file = file;
    this.line = position.line;
    this.column = position.column;
  }
}

/** A parsed config document. */
export interface ConfigDocument {
  /** The path as given (absolute). */
  path: string;
  /** False when the file does not exist (`value` is then `{}`). */
  exists: boolean;
  value: Record<string, unknown>;
  /** Exact text read (to tell whether a rewrite changes anything). */
  text: string;
}

/**
 * Reads and parses one config document (JSON5, UTF-8, ≤ {@link MAX_CONFIG_DOCUMENT_BYTES}). A missing file is an empty
 * document unless `mustExist`; anything else unusable throws a {@link ConfigDocumentError}.
 *
 * @example
 * ```ts
 * const doc = await readConfigDocument("/home/me/.openclaw/openclaw.json");
 * doc.value.plugins;
 * ```
 */
export async function readConfigDocument(path: string, options: { mustExist?: boolean; label?: string } = {}): Promise<ConfigDocument> {
  const label = options.label ?? "config file";
  const read = readRegularFileSync(path, { maxBytes: MAX_CONFIG_DOCUMENT_BYTES, label });
  if (!read.ok) {
    if (read.code === "not-found" && !options.mustExist) return { path, exists: false, value: {}, text: "" };
    if (read.code === "not-found") {
      throw new ConfigDocumentError("config-include-missing", path, `The ${label} ${path} does not exist. Create it (it holds the plugins section as a JSON object), or point $include at an existing file.`);
    }
    throw new ConfigDocumentError("config-unreadable", path, `Cannot read the ${label}: ${read.message} Replace it with a readable regular JSON5 file.`);
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(read.bytes);
  } catch {
    throw new ConfigDocumentError("config-unreadable", path, `The ${label} ${path} is not valid UTF-8 text. Save it as UTF-8.`);
  }
  const parsed = await parseJson5Text(text);
  if (!parsed.ok) {
    const { at, reason, line, column } = parsed.error;
    const position: { line?: number; column?: number } = {};
    if (line !== undefined) position.line = line;
    if (column !== undefined) position.column = column;
    throw new ConfigDocumentError("config-parse-error", path, `The ${label} ${path} is not valid JSON5${at}: ${reason}. Fix the syntax there.`, position);
  }
  if (!isRecord(parsed.value)) {
    throw new ConfigDocumentError("config-not-object", path, `The ${label} ${path} must contain a JSON object at the top level (it holds ${typeDescription(parsed.value)}). Wrap the settings in { … }.`);
  }
  return { path, exists: true, value: parsed.value, text };
}

/** Where the `plugins` section lives. */
export interface PluginsSectionSource {
  /** `inline`: in the main config file; `include`: in {@link PluginsSectionSource.file} through `plugins.$include`. */
  kind: "inline" | "include";
  /** The file holding the section (the main config file when `inline`). */
  file: string;
  /** Every file from the main config to {@link PluginsSectionSource.file}. */
  chain: string[];
  /** The section itself (`undefined` when the main config has no `plugins` key). */
  section: unknown;
  /** The included document (only for `include`). */
  document?: ConfigDocument;
}

function realpathOrSelf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

/** The include target named by `value` in `from`, checked (string, contained). */
function includeTarget(value: unknown, from: string, where: string, rootDir: string): string {
  if (Array.isArray(value)) {
    throw new ConfigDocumentError(
      "config-include-unsupported",
      from,
      `${from}: ${where} is an array; the plugin tools follow only a single-file include. Point ${where} at one file that holds the whole plugins section.`,
    );
  }
  if (typeof value !== "string" || value.trim() === "") {
    throw new ConfigDocumentError("config-include-invalid", from, `${from}: ${where} must be a path string such as "./plugins.json5"; got ${typeDescription(value)}.`);
  }
  const target = resolve(dirname(from), value);
  const rootReal = realpathOrSelf(rootDir);
  const real = realpathOrSelf(target);
  if (!isPathInside(resolve(rootDir), target) && !isPathInside(rootReal, target)) {
    throw new ConfigDocumentError(
      "config-include-escape",
      from,
      `${from}: ${where} "${value}" resolves to ${target}, outside the config folder ${rootReal}. Keep included files inside the folder of the main config file${isAbsolute(value) ? "" : " (no ../ out of it)"}.`,
    );
  }
  if (!isPathInside(rootReal, real)) {
    throw new ConfigDocumentError(
      "config-include-escape",
      from,
      `${from}: ${where} "${value}" resolves through a symlink to ${real}, outside the config folder ${rootReal}. Keep included files (and their links) inside the folder of the main config file.`,
    );
  }
  return target;
}

/**
 * Finds the file holding the `plugins` section of the main config document `main`, following `plugins.$include`
 * (and chained `{ "$include": … }` files) by the rule in this module's header. Throws a {@link ConfigDocumentError}
 * for a missing, escaping, cyclic or unsupported include. A root-level `$include` in the main file is not followed
 * (`rootInclude` is set so callers can warn or refuse).
 *
 * @example
 * ```ts
 * const main = await readConfigDocument(configPath);
 * const source = await locatePluginsSection(main);
 * source.file; // "/home/me/.openclaw/plugins.json5" when plugins comes from an include
 * ```
 */
export async function locatePluginsSection(main: ConfigDocument): Promise<PluginsSectionSource & { rootInclude: boolean }> {
  const rootInclude = Object.prototype.hasOwnProperty.call(main.value, INCLUDE_KEY);
  const plugins = Object.prototype.hasOwnProperty.call(main.value, "plugins") ? main.value.plugins : undefined;
  if (!isRecord(plugins) || !Object.prototype.hasOwnProperty.call(plugins, INCLUDE_KEY)) {
    return { kind: "inline", file: main.path, chain: [main.path], section: plugins, rootInclude };
  }
  const rootDir = dirname(main.path);
  const seen = new Set<string>([realpathOrSelf(main.path)]);
  const chain = [main.path];
  let holder: Record<string, unknown> = plugins;
  let from = main.path;
  let where = `plugins.${INCLUDE_KEY}`;
  for (let depth = 1; ; depth += 1) {
    const siblings = Object.keys(holder).filter((key) => key !== INCLUDE_KEY);
    if (siblings.length > 0) {
      throw new ConfigDocumentError(
        "config-include-unsupported",
        from,
        `${from}: ${where} has sibling keys (${siblings.join(", ")}) that would override the included file; the plugin tools do not merge. Move ${siblings.join(", ")} into the included file and leave only "$include" beside them.`,
      );
    }
    if (depth > MAX_INCLUDE_DEPTH) {
      throw new ConfigDocumentError("config-include-invalid", from, `${from}: more than ${MAX_INCLUDE_DEPTH} chained $include links lead to the plugins section; point plugins.$include at the file that holds it.`);
    }
    const target = includeTarget(holder[INCLUDE_KEY], from, where, rootDir);
    const real = realpathOrSelf(target);
    if (seen.has(real)) {
      throw new ConfigDocumentError("config-include-cycle", from, `${from}: ${where} leads back to ${target} (include cycle: ${[...chain, target].join(" → ")}). Point it at the file that holds the plugins section.`);
    }
    seen.add(real);
    chain.push(target);
    const document = await readConfigDocument(target, { mustExist: true, label: "included plugins file" });
    if (Object.prototype.hasOwnProperty.call(document.value, INCLUDE_KEY)) {
      holder = document.value;
      from = target;
      where = INCLUDE_KEY;
      continue;
    }
    return { kind: "include", file: target, chain, section: document.value, document, rootInclude };
  }
}
