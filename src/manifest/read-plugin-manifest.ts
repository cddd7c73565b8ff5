/**
 * Reads and checks `openclaw.plugin.json`. Never throws on bad input: every problem is a {@link PluginDiagnostic}.
 *
 * Where the gateway silently drops a value (unknown keys, `"tools": true`, unknown `kind`), this reader drops it
 * too — the returned manifest is what the gateway would use — but says so with a diagnostic. The manifest is
 * absent only when the file cannot be used at all: missing, unreadable, larger than 256 KiB, not JSON5, not an
 * object, no `id`, no object `configSchema`, or a reserved id.
 */
import { statSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { readRegularFileSync } from "../files/contained-file.js";
import type { PluginDiagnostic } from "./diagnostics.js";
import { findDuplicateKeys } from "./duplicate-keys.js";
import { markParsedTree, own, restoreProtoKeys, toDataTree, toPlainTree } from "./data-tree.js";
import {
  applyIssue,
  DROPPED,
  EMPTY_SCHEMA_HINT,
  KNOWN_TOP_LEVEL_KEYS,
  UI_HINT_FIELDS,
  type Edits,
  type ZodIssueLike,
} from "./manifest-issues.js";
import { prepassManifest } from "./manifest-prepass.js";
import { checkManifestSemantics } from "./manifest-semantics.js";
import { withQuietPrototypes } from "./quiet-prototypes.js";
import { describeValue, formatPath } from "./paths.js";
import {
  MAX_PLUGIN_MANIFEST_BYTES,
  PLUGIN_ID_PATTERN,
  PLUGIN_MANIFEST_FILENAME,
  RESERVED_PLUGIN_IDS,
  type PluginManifest,
} from "./plugin-manifest-schema.js";
import { getPluginManifestSchema } from "./plugin-manifest-zod.js";

export { KNOWN_TOP_LEVEL_KEYS };

/**
 * What the manifest reader returns.
 *
 * @example
 * ```ts
 * const result: PluginManifestReadResult = await readPluginManifest("./my-plugin");
 * if (result.manifest) console.log(result.manifest.id);
 * ```
 */
export interface PluginManifestReadResult {
  /** The manifest file the result is about. */
  file: string;
  /** The usable manifest; absent only when errors make the file unusable. */
  manifest?: PluginManifest;
  diagnostics: PluginDiagnostic[];
}

/**
 * Options of {@link parsePluginManifest} and {@link checkPluginManifest}.
 *
 * @example
 * ```ts
 * const options: ParsePluginManifestOptions = { rootDir: "/plugins/voice-call" };
 * ```
 */
export interface ParsePluginManifestOptions {
  /** File name used in diagnostics; defaults to `<rootDir>/openclaw.plugin.json` or `openclaw.plugin.json`. */
  file?: string;
  /** Plugin root; when given, `skills` folders are checked to exist under it. */
  rootDir?: string;
}

type Json5 = { parse(text: string): unknown };
let json5: Json5 | undefined;
function loadJson5(): Json5 {
  if (!json5) {
    const mod = createRequire(import.meta.url)("json5") as Json5 & { default?: Json5 };
    json5 = mod.default ?? mod;
  }
  return json5;
}

/**
 * Strict JSON first (most manifests are plain JSON, and `JSON.parse` is far cheaper than the JSON5 parser), JSON5
 * when that fails. JSON5 is a superset of JSON and both give the same value for JSON text (own `__proto__` keys,
 * last duplicate wins, same numbers), so the result never depends on which parser ran; syntax errors always come
 * from the JSON5 parser, so their messages and positions are unchanged.
 */
function parseManifestText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return loadJson5().parse(text);
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Reads `openclaw.plugin.json` from a plugin root directory (or the given file path), at most 256 KiB, parsed as
 * JSON5. Never throws on bad input.
 *
 * The bytes are read with synchronous calls: a manifest is small, and each asynchronous file call is a thread-pool
 * round trip that costs more than the read itself (five of them made up most of a host's per-plugin load time).
 *
 * @param rootDirOrFile - The plugin root (containing `openclaw.plugin.json`) or the manifest file itself.
 * @example
 * ```ts
 * const { manifest, diagnostics } = await readPluginManifest("./extensions/voice-call");
 * for (const d of diagnostics) console.error(formatDiagnostic(d));
 * ```
 */
export async function readPluginManifest(rootDirOrFile: string): Promise<PluginManifestReadResult> {
  return readPluginManifestSync(rootDirOrFile);
}

/**
 * Where the manifest of `rootDirOrFile` is: an existing path that is not a directory is the file itself (a FIFO or
 * socket too, so that it is refused as such), a missing `.json`/`.json5` path names the file, anything else is a
 * plugin root. `stat` never opens the path, so it cannot block.
 */
function locateManifest(rootDirOrFile: string): { file: string; rootDir: string } {
  let isFile: boolean;
  try {
    isFile = !statSync(rootDirOrFile).isDirectory();
  } catch {
    isFile = /\.json5?$/i.test(rootDirOrFile);
  }
  return isFile
    ? { file: rootDirOrFile, rootDir: dirname(rootDirOrFile) }
    : { file: join(rootDirOrFile, PLUGIN_MANIFEST_FILENAME), rootDir: rootDirOrFile };
}

/** Throws on invalid UTF-8 instead of inserting U+FFFD; stateless between calls (no `stream` option). */
const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * Reads through {@link readRegularFileSync} with the plugin root as containment root: the file must resolve (every
 * symlink followed) inside the plugin folder (`entry-escapes-root` otherwise, and nothing of the target is read),
 * must be a regular file (a FIFO is refused at once, never waited on) and at most 256 KiB.
 */
function readPluginManifestSync(rootDirOrFile: string): PluginManifestReadResult {
  const { file, rootDir } = locateManifest(rootDirOrFile);
  const fail = (code: string, message: string): PluginManifestReadResult => ({
    file,
    diagnostics: [{ level: "error", code, path: "", message, file }],
  });
  // Absolute paths: the contained reader resolves a relative file against the root, not against the cwd.
  const read = readRegularFileSync(resolve(file), { maxBytes: MAX_PLUGIN_MANIFEST_BYTES, rootDir: resolve(rootDir), label: "plugin manifest" });
  if (!read.ok) {
    switch (read.code) {
      case "not-found":
        return fail(
          "manifest-not-found",
          `plugin manifest not found: ${file}. Every plugin needs ${PLUGIN_MANIFEST_FILENAME} in its root (next to package.json) with at least "id" and "configSchema".`,
        );
      case "entry-escapes-root":
        return fail(
          "entry-escapes-root",
          `${file} resolves outside the plugin folder ${rootDir} (a symlink or ../ path out of it); the manifest is not read. Put a regular ${PLUGIN_MANIFEST_FILENAME} inside the plugin folder.`,
        );
      case "not-regular-file":
        return fail(
          "manifest-read-failed",
          /is a directory/.test(read.message)
            ? `${file} is a directory; expected the ${PLUGIN_MANIFEST_FILENAME} file.`
            : `${file} is not a regular file (a FIFO, socket or device) and is not read; replace it with a regular ${PLUGIN_MANIFEST_FILENAME}.`,
        );
      case "too-large":
        return fail("manifest-too-large", tooLargeMessage(sizeOf(file) ?? MAX_PLUGIN_MANIFEST_BYTES + 1));
      default:
        return fail("manifest-read-failed", `Cannot read ${file}: ${read.message}`);
    }
  }
  let text: string;
  try {
    text = strictUtf8.decode(read.bytes);
  } catch {
    return fail("manifest-parse-error", `Cannot parse ${file}: the file is not valid UTF-8 text.`);
  }
  return parsePluginManifest(text, { file, rootDir });
}

function sizeOf(file: string): number | undefined {
  try {
    return statSync(file).size;
  } catch {
    return undefined;
  }
}

/**
 * At most this many diagnostics of one code are listed per manifest; the rest are counted in one
 * `diagnostics-truncated` diagnostic (a hostile manifest can hold tens of thousands of findings).
 */
const MAX_DIAGNOSTICS_PER_CODE = 100;

function truncatedDiagnostic(code: string, level: PluginDiagnostic["level"], more: number, file: string): PluginDiagnostic {
  return {
    level,
    code: "diagnostics-truncated",
    path: "",
    message: `${more} more ${code} finding${more === 1 ? "" : "s"} not listed (only the first ${MAX_DIAGNOSTICS_PER_CODE} of each kind are); fix the ones listed and check again.`,
    file,
  };
}

function tooLargeMessage(size: number): string {
  return `the manifest is ${Math.ceil(size / 1024)} KiB; the gateway reads at most ${MAX_PLUGIN_MANIFEST_BYTES / 1024} KiB. Move large data (schemas, catalogs) out of ${PLUGIN_MANIFEST_FILENAME}.`;
}

/**
 * Parses manifest text (JSON5: comments and trailing commas allowed) and checks it. Never throws on bad input;
 * a syntax error names the file, line and column.
 *
 * @example
 * ```ts
 * const result = parsePluginManifest('{ id: "demo", configSchema: {}, }', { file: "openclaw.plugin.json" });
 * result.manifest?.id; // "demo"
 * ```
 */
export function parsePluginManifest(text: string, options: ParsePluginManifestOptions = {}): PluginManifestReadResult {
  const file = options.file ?? (options.rootDir ? join(options.rootDir, PLUGIN_MANIFEST_FILENAME) : PLUGIN_MANIFEST_FILENAME);
  const size = Buffer.byteLength(text, "utf8");
  if (size > MAX_PLUGIN_MANIFEST_BYTES) {
    return { file, diagnostics: [{ level: "error", code: "manifest-too-large", path: "", message: tooLargeMessage(size), file }] };
  }
  let raw: unknown;
  try {
    raw = parseManifestText(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    const { lineNumber, columnNumber } = error as { lineNumber?: number; columnNumber?: number };
    const reason = String((error as Error).message ?? error)
      .replace(/^JSON5: /, "")
      .replace(/ at \d+:\d+$/, "");
    const where = lineNumber !== undefined ? ` at line ${lineNumber}, column ${columnNumber ?? 0}` : "";
    const diagnostic: PluginDiagnostic = {
      level: "error",
      code: "manifest-parse-error",
      path: "",
      message: `Cannot parse ${file}${where}: ${reason}. The file must be JSON (JSON5 comments and trailing commas are allowed).`,
      file,
    };
    if (lineNumber !== undefined) diagnostic.line = lineNumber;
    if (columnNumber !== undefined) diagnostic.column = columnNumber;
    return { file, diagnostics: [diagnostic] };
  }
  const result = checkPluginManifest(markParsedTree(raw), { ...options, file });
  let duplicates: ReturnType<typeof findDuplicateKeys>;
  try {
    duplicates = findDuplicateKeys(text, (literal) => String(loadJson5().parse(literal)));
  } catch {
    duplicates = []; // the duplicate-key scan is advice; it never costs the manifest
  }
  const duplicateDiagnostics: PluginDiagnostic[] = duplicates.slice(0, MAX_DIAGNOSTICS_PER_CODE).map(({ path, lines }) => {
    const where = formatPath(path);
    return {
      level: "warning",
      code: "duplicate-key",
      path: where,
      message: `${where}: the key appears ${lines.length} times (lines ${lines.join(", ")}); only the last one is used and the others are ignored. Merge them into one.`,
      file,
      line: lines[0]!,
    };
  });
  if (duplicates.length > MAX_DIAGNOSTICS_PER_CODE) {
    duplicateDiagnostics.push(truncatedDiagnostic("duplicate-key", "warning", duplicates.length - MAX_DIAGNOSTICS_PER_CODE, file));
  }
  return duplicateDiagnostics.length > 0 ? { ...result, diagnostics: [...duplicateDiagnostics, ...result.diagnostics] } : result;
}

/**
 * Checks an already-parsed manifest value (for tools that build the object in memory). Never throws.
 *
 * @example
 * ```ts
 * const { manifest, diagnostics } = checkPluginManifest({ id: "demo", configSchema: {}, contracts: { tools: true } });
 * // diagnostics[0].code === "contracts-not-array"; manifest.contracts is {}
 * ```
 */
export function checkPluginManifest(raw: unknown, options: ParsePluginManifestOptions = {}): PluginManifestReadResult {
  const file = options.file ?? (options.rootDir ? join(options.rootDir, PLUGIN_MANIFEST_FILENAME) : PLUGIN_MANIFEST_FILENAME);
  let data: unknown;
  try {
    data = toDataTree(raw);
  } catch {
    // Only in-memory values can get here (a throwing getter, a revoked Proxy); parsed JSON never does.
    return {
      file,
      diagnostics: [
        {
          level: "error",
          code: "manifest-not-data",
          path: "",
          message: `${file} must be plain JSON data; reading the value threw. Pass the parsed file contents.`,
          file,
        },
      ],
    };
  }
  try {
    return withQuietPrototypes(() => checkManifestData(data, file, options, true));
  } catch {
    // A bug guard, not a code path: every check above is written not to throw. The manifest is not trusted then.
    return {
      file,
      diagnostics: [
        {
          level: "error",
          code: "manifest-check-failed",
          path: "",
          message: `${file} could not be checked (internal error in the manifest checks); please report it with the manifest attached.`,
          file,
        },
      ],
    };
  }
}

/**
 * {@link checkPluginManifest} without the linear pre-pass (zod alone finds and drops every bad value). Internal: the
 * differential test proves that both give the same manifest and the same diagnostics.
 *
 * @example
 * ```ts
 * checkPluginManifestWithoutPrepass({ id: "demo", configSchema: {}, contracts: { tools: [1] } }).diagnostics[0]?.code;
 * // "contracts-invalid-entry", as with checkPluginManifest
 * ```
 */
export function checkPluginManifestWithoutPrepass(raw: unknown, options: ParsePluginManifestOptions = {}): PluginManifestReadResult {
  const file = options.file ?? PLUGIN_MANIFEST_FILENAME;
  return withQuietPrototypes(() => checkManifestData(toDataTree(raw), file, options, false));
}

/**
 * zod's English messages describe the received value for `invalid_type` by its constructor name, which throws for a
 * null-prototype object carrying an own `constructor` key (`{"label":{"constructor":{"name":[{}]}}}`); the reader
 * words its own messages from the issue code, so it gives zod a message that never looks at the value.
 */
const PARSE_CONTEXT = {
  error: (issue: { code?: string; expected?: unknown }) =>
    issue.code === "invalid_type" ? `Invalid input: expected ${String(issue.expected)}` : undefined,
};

function checkManifestData(raw: unknown, file: string, options: ParsePluginManifestOptions, prepass: boolean): PluginManifestReadResult {
  const diagnostics: PluginDiagnostic[] = [];
  const seen = new Set<string>();
  const perCode = new Map<string, { level: PluginDiagnostic["level"]; count: number }>();
  const report = (level: PluginDiagnostic["level"], code: string, path: string, message: string): void => {
    const key = `${code}\0${path}`;
    if (seen.has(key)) return;
    seen.add(key);
    const tally = perCode.get(code) ?? { level, count: 0 };
    perCode.set(code, tally);
    if (++tally.count > MAX_DIAGNOSTICS_PER_CODE) return;
    diagnostics.push({ level, code, path, message: path ? `${path}: ${message}` : message, file });
  };
  const result = (manifest?: PluginManifest): PluginManifestReadResult => {
    for (const [code, { level, count }] of perCode) {
      if (count > MAX_DIAGNOSTICS_PER_CODE) diagnostics.push(truncatedDiagnostic(code, level, count - MAX_DIAGNOSTICS_PER_CODE, file));
    }
    return manifest ? { file, manifest, diagnostics } : { file, diagnostics };
  };

  if (!isRecord(raw)) {
    report("error", "manifest-not-object", "", `${file} must contain a JSON object; got ${describeValue(raw)}.`);
    return result();
  }

  // Hard requirements first: without them nothing else is meaningful.
  const id = own(raw, "id");
  if (typeof id !== "string" || id.trim() === "") {
    report(
      "error",
      "id-missing",
      "id",
      `"id" is required: a non-blank string of lowercase letters, digits and hyphens that matches plugins.entries.<id> (e.g. "my-plugin")${id === undefined ? "" : `; got ${describeValue(id)}`}.`,
    );
  } else if (!PLUGIN_ID_PATTERN.test(id)) {
    const suggestion = id
      .trim()
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "");
    report(
      "error",
      "id-invalid",
      "id",
      `${describeValue(id)} is not a valid plugin id: use lowercase letters and digits separated by single hyphens${suggestion && PLUGIN_ID_PATTERN.test(suggestion) ? ` (e.g. "${suggestion}")` : ""}.`,
    );
  } else if (RESERVED_PLUGIN_IDS.includes(id)) {
    report("error", "id-reserved", "id", `plugin id "${id}" is reserved by OpenClaw core; choose another id.`);
  }
  const configSchema = own(raw, "configSchema");
  if (configSchema === undefined) {
    report(
      "error",
      "config-schema-missing",
      "configSchema",
      `"configSchema" is required, even when the plugin takes no config. Use ${EMPTY_SCHEMA_HINT}.`,
    );
  } else if (!isRecord(configSchema)) {
    report(
      "error",
      "config-schema-not-object",
      "configSchema",
      `must be a JSON Schema object; got ${describeValue(configSchema)}. For a plugin without config use ${EMPTY_SCHEMA_HINT}.`,
    );
  }
  const fatal = diagnostics.some((d) => d.code !== "id-invalid");
  if (fatal) return result();

  // Structural check with the zod schema. Offending values are dropped (as the gateway would) and reported.
  const working = Object.assign(Object.create(null) as Record<string, unknown>, raw);
  const idPlaceholder = typeof id === "string" && !PLUGIN_ID_PATTERN.test(id);
  if (idPlaceholder) working.id = "placeholder";
  // Past the per-code cap a finding is only counted: its path and message are never built.
  const listing = (code: string): boolean => (perCode.get(code)?.count ?? 0) < MAX_DIAGNOSTICS_PER_CODE;
  const count = (code: string, level: PluginDiagnostic["level"]): void => {
    const tally = perCode.get(code) ?? { level, count: 0 };
    perCode.set(code, tally);
    tally.count++;
  };
  if (prepass) prepassManifest(working, { report, listing, count });
  // The pre-pass checked every top-level hint completely (fields, types, unknown keys, hints that are not objects):
  // zod need not walk tens of thousands of them again. They rejoin the manifest after the schema check.
  const checkedHints = prepass && isRecord(working.uiHints) ? working.uiHints : undefined;
  if (checkedHints) delete working.uiHints;
  const schema = getPluginManifestSchema();
  let parsed = schema.safeParse(working, PARSE_CONTEXT);
  for (let round = 0; !parsed.success && round < 8; round++) {
    const edits: Edits = { working, arrays: new Set(), copies: new Set() };
    for (const issue of parsed.error.issues) applyIssue(issue as ZodIssueLike, edits, report);
    for (const array of edits.arrays) {
      // Compact in one pass (splicing each dropped item would be quadratic in the list length).
      let kept = 0;
      for (const item of array) if (item !== DROPPED) array[kept++] = item;
      array.length = kept;
    }
    parsed = schema.safeParse(working, PARSE_CONTEXT);
  }
  if (!parsed.success) {
    report(
      "error",
      "manifest-invalid",
      "",
      `${file} could not be normalized: ${parsed.error.issues.map((issue) => `${formatPath(issue.path as PropertyKey[])} ${issue.message}`).join("; ")}.`,
    );
    return result();
  }
  const manifest = parsed.data as PluginManifest;
  restoreProtoKeys(manifest as unknown as Record<string, unknown>, working);
  if (idPlaceholder) manifest.id = id as string;
  if (checkedHints) manifest.uiHints = checkedHints as PluginManifest["uiHints"];
  checkManifestSemantics(manifest, { rootDir: options.rootDir, report, listing, count });
  if (!checkedHints) return result(toPlainTree(manifest) as PluginManifest);
  // Same shape and key order as zod's output: top-level keys and hint fields in schema order.
  const { uiHints: _checked, ...rest } = manifest;
  const converted = toPlainTree(rest) as Record<string, unknown>;
  const plain: Record<string, unknown> = {};
  for (const key of KNOWN_TOP_LEVEL_KEYS) {
    if (key === "uiHints") plain.uiHints = plainHints(checkedHints);
    else if (Object.hasOwn(converted, key)) plain[key] = converted[key];
  }
  return result(plain as unknown as PluginManifest);
}

/** Checked hints as ordinary objects, fields in schema order (as zod would output them); `__proto__` stays an own key. */
function plainHints(hints: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const path of Object.keys(hints)) {
    const hint = hints[path] as Record<string, unknown>;
    const plain: Record<string, unknown> = {};
    for (const field of UI_HINT_FIELDS) {
      if (!Object.hasOwn(hint, field)) continue;
      const value = hint[field];
      plain[field] = Array.isArray(value) ? [...value] : value;
    }
    if (path === "__proto__") Object.defineProperty(out, path, { value: plain, enumerable: true, writable: true, configurable: true });
    else out[path] = plain;
  }
  return out;
}
