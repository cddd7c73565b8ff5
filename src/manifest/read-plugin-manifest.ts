/**
 * Reads and checks `openclaw.plugin.json`. Never throws on bad input: every problem is a {@link PluginDiagnostic}.
 *
 * Where the gateway silently drops a value (unknown keys, `"tools": true`, unknown `kind`), this reader drops it
 * too — the returned manifest is what the gateway would use — but says so with a diagnostic. The manifest is
 * absent only when the file cannot be used at all: missing, unreadable, larger than 256 KiB, not JSON5, not an
 * object, no `id`, no object `configSchema`, or a reserved id.
 */
import { closeSync, fstatSync, openSync, readSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { PluginDiagnostic } from "./diagnostics.js";
import { findDuplicateKeys } from "./duplicate-keys.js";
import { checkManifestSemantics } from "./manifest-semantics.js";
import { closestMatch, describeValue, formatPath } from "./paths.js";
import {
  GATEWAY_OWNED_MANIFEST_KEYS,
  MAX_PLUGIN_MANIFEST_BYTES,
  PLUGIN_CONTRACT_KEYS,
  PLUGIN_ID_PATTERN,
  PLUGIN_KINDS,
  PLUGIN_MANIFEST_FILENAME,
  RESERVED_PLUGIN_IDS,
  type PluginManifest,
} from "./plugin-manifest-schema.js";
import { getPluginManifestSchema } from "./plugin-manifest-zod.js";

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

/** Every top-level key a manifest may carry (schema-owned keys first, then the gateway-owned ones). */
export const KNOWN_TOP_LEVEL_KEYS: readonly string[] = [
  "$schema",
  "id",
  "configSchema",
  "kind",
  "channels",
  "providers",
  "skills",
  "name",
  "description",
  "version",
  "uiHints",
  "contracts",
  "channelConfigs",
  "activation",
  ...GATEWAY_OWNED_MANIFEST_KEYS,
];

const EMPTY_SCHEMA_HINT = '{ "type": "object", "additionalProperties": false, "properties": {} }';

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

/** Where the manifest of `rootDirOrFile` is: a `.json`/`.json5` path that is not a directory is the file itself. */
function locateManifest(rootDirOrFile: string): { file: string; rootDir: string } {
  let looksLikeFile = /\.json5?$/i.test(rootDirOrFile);
  if (looksLikeFile) {
    try {
      looksLikeFile = !statSync(rootDirOrFile).isDirectory();
    } catch {
      // Missing: a `.json` path names the manifest itself.
    }
  }
  return looksLikeFile
    ? { file: rootDirOrFile, rootDir: dirname(rootDirOrFile) }
    : { file: join(rootDirOrFile, PLUGIN_MANIFEST_FILENAME), rootDir: rootDirOrFile };
}

/** Throws on invalid UTF-8 instead of inserting U+FFFD; stateless between calls (no `stream` option). */
const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

function readPluginManifestSync(rootDirOrFile: string): PluginManifestReadResult {
  let { file, rootDir } = locateManifest(rootDirOrFile);
  const fail = (code: string, message: string): PluginManifestReadResult => ({
    file,
    diagnostics: [{ level: "error", code, path: "", message, file }],
  });
  let fd: number | undefined;
  try {
    try {
      fd = openSync(file, "r");
    } catch (error) {
      // A manifest file whose name does not end in .json: `<file>/openclaw.plugin.json` is not a directory entry.
      if ((error as NodeJS.ErrnoException).code !== "ENOTDIR" || file === rootDirOrFile) throw error;
      ({ file, rootDir } = { file: rootDirOrFile, rootDir: dirname(rootDirOrFile) });
      fd = openSync(file, "r");
    }
    const stats = fstatSync(fd);
    if (stats.isDirectory()) {
      return fail("manifest-read-failed", `${file} is a directory; expected the ${PLUGIN_MANIFEST_FILENAME} file.`);
    }
    if (stats.size > MAX_PLUGIN_MANIFEST_BYTES) return fail("manifest-too-large", tooLargeMessage(stats.size));
    // One byte more than the size fstat reported: a file that grew meanwhile is widened up to the limit, and a
    // file past the limit is refused without reading more of it.
    let buffer = Buffer.allocUnsafe(Math.min(stats.size, MAX_PLUGIN_MANIFEST_BYTES) + 1);
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (length > MAX_PLUGIN_MANIFEST_BYTES) return fail("manifest-too-large", tooLargeMessage(length));
        const wider = Buffer.allocUnsafe(MAX_PLUGIN_MANIFEST_BYTES + 1);
        buffer.copy(wider);
        buffer = wider;
      }
      const bytesRead = readSync(fd, buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    let text: string;
    try {
      text = strictUtf8.decode(buffer.subarray(0, length));
    } catch {
      return fail("manifest-parse-error", `Cannot parse ${file}: the file is not valid UTF-8 text.`);
    }
    return parsePluginManifest(text, { file, rootDir });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") {
      return fail(
        "manifest-not-found",
        `plugin manifest not found: ${file}. Every plugin needs ${PLUGIN_MANIFEST_FILENAME} in its root (next to package.json) with at least "id" and "configSchema".`,
      );
    }
    if (code === "EISDIR") {
      return fail("manifest-read-failed", `${file} is a directory; expected the ${PLUGIN_MANIFEST_FILENAME} file.`);
    }
    return fail("manifest-read-failed", `Cannot read ${file}: ${(error as Error).message}`);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
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
  const result = checkPluginManifest(raw, { ...options, file });
  const duplicates = findDuplicateKeys(text, (literal) => String(loadJson5().parse(literal)));
  const duplicateDiagnostics: PluginDiagnostic[] = duplicates.map(({ path, lines }) => {
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
  const diagnostics: PluginDiagnostic[] = [];
  const seen = new Set<string>();
  const report = (level: PluginDiagnostic["level"], code: string, path: string, message: string): void => {
    const key = `${code}\0${path}`;
    if (seen.has(key)) return;
    seen.add(key);
    diagnostics.push({ level, code, path, message: path ? `${path}: ${message}` : message, file });
  };
  const result = (manifest?: PluginManifest): PluginManifestReadResult =>
    manifest ? { file, manifest, diagnostics } : { file, diagnostics };

  if (!isRecord(raw)) {
    report("error", "manifest-not-object", "", `${file} must contain a JSON object; got ${describeValue(raw)}.`);
    return result();
  }

  // Hard requirements first: without them nothing else is meaningful.
  const id = raw.id;
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
  const configSchema = raw.configSchema;
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
  const working: Record<string, unknown> = { ...raw };
  const idPlaceholder = typeof id === "string" && !PLUGIN_ID_PATTERN.test(id);
  if (idPlaceholder) working.id = "placeholder";
  const schema = getPluginManifestSchema();
  let parsed = schema.safeParse(working);
  for (let round = 0; !parsed.success && round < 8; round++) {
    const edits: Edits = { working, arrays: new Set() };
    for (const issue of parsed.error.issues) applyIssue(issue as ZodIssueLike, edits, report);
    for (const array of edits.arrays) {
      for (let index = array.length - 1; index >= 0; index--) if (array[index] === DROPPED) array.splice(index, 1);
    }
    parsed = schema.safeParse(working);
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
  if (idPlaceholder) manifest.id = id as string;
  checkManifestSemantics(manifest, { rootDir: options.rootDir, report });
  return result(manifest);
}

/** The part of a zod 4 issue this module reads (zod is loaded lazily, so no runtime import of its types). */
interface ZodIssueLike {
  code: string;
  path: PropertyKey[];
  message: string;
  keys?: string[];
  expected?: string;
  values?: unknown[];
  origin?: string;
  minimum?: number | bigint;
  input?: unknown;
}

type Report = (level: PluginDiagnostic["level"], code: string, path: string, message: string) => void;

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let node = root;
  for (const segment of path) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<PropertyKey, unknown>)[segment];
  }
  return node;
}

const DROPPED = Symbol("dropped");

/** The object being cleaned in one round, and the arrays whose dropped items are removed at the end of it. */
interface Edits {
  working: Record<string, unknown>;
  arrays: Set<unknown[]>;
}

/**
 * Removes the value at `path` (copy-on-write: the caller's object is never mutated). Array items are marked and
 * removed at the end of the round, so the indices of other issues in the same round stay valid.
 */
function dropAt(edits: Edits, path: readonly PropertyKey[]): void {
  if (path.length === 0) return;
  let node: Record<PropertyKey, unknown> | unknown[] = edits.working;
  for (let index = 0; index < path.length - 1; index++) {
    const segment = path[index]!;
    const child: unknown = (node as Record<PropertyKey, unknown>)[segment];
    if (child === null || typeof child !== "object") return;
    let copy: Record<PropertyKey, unknown> | unknown[];
    if (Array.isArray(child)) {
      copy = edits.arrays.has(child) ? child : [...child];
      edits.arrays.add(copy);
    } else {
      copy = { ...(child as Record<PropertyKey, unknown>) };
    }
    (node as Record<PropertyKey, unknown>)[segment] = copy;
    node = copy;
  }
  const last = path[path.length - 1]!;
  if (Array.isArray(node) && typeof last === "number") {
    node[last] = DROPPED;
    edits.arrays.add(node);
  } else {
    delete (node as Record<PropertyKey, unknown>)[last];
  }
}

function setAt(edits: Edits, path: readonly PropertyKey[], value: unknown): void {
  dropAt(edits, path);
  let node: Record<PropertyKey, unknown> = edits.working;
  for (const segment of path.slice(0, -1)) node = node[segment] as Record<PropertyKey, unknown>;
  node[path[path.length - 1]!] = value;
}

function contractKeyMessage(key: string, value: unknown): string {
  const example = key === "tools" ? '"tools": ["my_tool"]' : `"${key}": ["name"]`;
  const consequence =
    key === "tools"
      ? " The gateway ignores a non-array value, and then rejects every agent tool the plugin registers."
      : " The gateway ignores a non-array value.";
  return `must be an array of names, e.g. ${example}; got ${describeValue(value)}.${consequence}`;
}

function applyIssue(issue: ZodIssueLike, edits: Edits, report: Report): void {
  const path = issue.path;
  const value = valueAt(edits.working, path);
  const top = path[0];

  if (issue.code === "unrecognized_keys") {
    for (const key of issue.keys ?? []) {
      const keyPath = [...path, key];
      const where = formatPath(keyPath);
      if (path.length === 0) {
        const contractHint = (PLUGIN_CONTRACT_KEYS as readonly string[]).includes(key)
          ? ` Did you mean "contracts.${key}"?`
          : "";
        const suggestion = contractHint || suggest(key, KNOWN_TOP_LEVEL_KEYS);
        report("warning", "unknown-key", where, `unknown top-level key; the gateway ignores it.${suggestion}`);
      } else if (path.length === 1 && top === "contracts") {
        report(
          "warning",
          "contracts-unknown-key",
          where,
          `unknown contracts key; the gateway ignores it.${suggest(key, PLUGIN_CONTRACT_KEYS) || ` Known keys: ${PLUGIN_CONTRACT_KEYS.join(", ")}.`}`,
        );
      } else if (path.length === 1 && top === "activation") {
        report("warning", "activation-unknown-key", where, `unknown activation key; the gateway ignores it.`);
      } else if (top === "uiHints" || (top === "channelConfigs" && path[2] === "uiHints")) {
        report(
          "warning",
          "ui-hint-unknown-key",
          where,
          `unknown hint field; known fields are label, help, placeholder, sensitive, advanced, tags, presentation.${suggest(key, ["label", "help", "placeholder", "sensitive", "advanced", "tags", "presentation"])}`,
        );
      } else {
        report("warning", "unknown-key", where, `unknown key; the gateway ignores it.`);
      }
      dropAt(edits, keyPath);
    }
    return;
  }

  const where = formatPath(path);
  if (top === "kind") {
    report(
      "error",
      "kind-unknown",
      where,
      `${describeValue(value)} is not a plugin kind; use ${PLUGIN_KINDS.map((kind) => `"${kind}"`).join(" or ")} (or an array of them), or remove "kind". The gateway ignores unknown kinds, so the plugin would fill no slot.`,
    );
    dropAt(edits, ["kind"]);
    return;
  }
  if (top === "contracts" && path.length === 1) {
    report("error", "contracts-not-object", where, `must be an object of name lists, e.g. { "tools": ["my_tool"] }; got ${describeValue(value)}.`);
    dropAt(edits, path);
    return;
  }
  if (top === "contracts" && path.length === 2) {
    report("error", "contracts-not-array", where, contractKeyMessage(String(path[1]), value));
    dropAt(edits, path);
    return;
  }
  if (top === "contracts" && path.length >= 3) {
    report("error", "contracts-invalid-entry", where, `must be a non-blank string; got ${describeValue(value)}. The entry is ignored.`);
    dropAt(edits, path.slice(0, 3));
    return;
  }
  if ((top === "uiHints" && path.length >= 2) || (top === "channelConfigs" && path[2] === "uiHints" && path.length >= 4)) {
    const field = path[path.length - 1];
    if (field === "sensitive" && value !== undefined) {
      report(
        "error",
        "ui-hint-invalid",
        where,
        `must be true or false; got ${describeValue(value)}. Treated as true (the value stays masked) until fixed.`,
      );
      setAt(edits, path, true);
      return;
    }
    report("error", "ui-hint-invalid", where, `${describeIssue(issue, value)} The hint field is ignored.`);
    dropAt(edits, path);
    return;
  }
  if (top === "channelConfigs") {
    const missingRequired = issue.code === "invalid_type" && value === undefined;
    report(
      "error",
      "channel-config-invalid",
      where,
      missingRequired && path[2] === "schema"
        ? `is required: the channel's config JSON Schema (e.g. ${EMPTY_SCHEMA_HINT}). The channel config entry is ignored.`
        : `${describeIssue(issue, value)} ${path.length <= 2 ? "The channel config entry is ignored." : "The value is ignored."}`,
    );
    dropAt(edits, missingRequired || issue.code === "invalid_key" ? path.slice(0, 2) : path);
    return;
  }
  if (top === "activation") {
    report("error", "activation-invalid", where, `${describeIssue(issue, value)} The value is ignored.`);
    dropAt(edits, path.length > 3 ? path.slice(0, 3) : path);
    return;
  }
  if ((top === "channels" || top === "providers" || top === "skills") && path.length >= 1) {
    report("error", `${String(top)}-invalid`, where, `${describeIssue(issue, value)} The value is ignored.`);
    dropAt(edits, path.slice(0, 2));
    return;
  }
  if (top === "id" || top === "configSchema") {
    // Already reported by the hard checks; never dropped.
    return;
  }
  report("error", "field-invalid", where, `${describeIssue(issue, value)} The value is ignored.`);
  dropAt(edits, path);
}

function suggest(input: string, candidates: readonly string[]): string {
  const match = closestMatch(input, candidates);
  return match && match !== input ? ` Did you mean "${match}"?` : "";
}

function describeIssue(issue: ZodIssueLike, value: unknown): string {
  switch (issue.code) {
    case "invalid_type":
      return value === undefined
        ? `is required (${issue.expected}).`
        : `must be ${article(issue.expected ?? "value")}; got ${describeValue(value)}.`;
    case "invalid_value":
      return `must be one of ${(issue.values ?? []).map((entry) => describeValue(entry)).join(", ")}; got ${describeValue(value)}.`;
    case "too_small":
      return issue.origin === "string" ? `must not be blank.` : `must not be empty.`;
    case "invalid_format":
      return `${describeValue(value)} ${issue.message.replace(/^Invalid string: /, "")}.`;
    case "invalid_key":
      return `key ${describeValue(issue.path[issue.path.length - 1])} is not allowed (must not be blank).`;
    default:
      return `${issue.message}; got ${describeValue(value)}.`;
  }
}

function article(noun: string): string {
  if (noun === "array" || noun === "object") return `an ${noun}`;
  if (noun === "record") return "an object";
  return `a ${noun}`;
}
