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
import { dirname, join } from "node:path";
import { readRegularFileSync } from "../files/contained-file.js";
import type { PluginDiagnostic } from "./diagnostics.js";
import { findDuplicateKeys } from "./duplicate-keys.js";
import { checkManifestSemantics } from "./manifest-semantics.js";
import { withQuietPrototypes } from "./quiet-prototypes.js";
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
  const read = readRegularFileSync(file, { maxBytes: MAX_PLUGIN_MANIFEST_BYTES, rootDir, label: "plugin manifest" });
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
  const result = checkPluginManifest(raw, { ...options, file });
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
    return withQuietPrototypes(() => checkManifestData(data, file, options));
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
 * A copy of parsed JSON made of null-prototype objects (arrays stay arrays), built without recursion. Checks then
 * see own keys only: an enumerable `Object.prototype.pwned` set by earlier code is not a manifest key, and keys such
 * as `__proto__`, `constructor` or `toString` are ordinary keys. Shared and cyclic references are preserved (the
 * schema checks bound depth and cycles themselves).
 */
function toDataTree(value: unknown): unknown {
  if (typeof value !== "object" || value === null) return value;
  const copies = new Map<object, Record<string, unknown> | unknown[]>();
  const work: Array<{ source: object; target: Record<string, unknown> | unknown[] }> = [];
  const copyOf = (node: unknown): unknown => {
    if (typeof node !== "object" || node === null) return node;
    let copy = copies.get(node);
    if (!copy) {
      copy = Array.isArray(node) ? new Array<unknown>(node.length) : (Object.create(null) as Record<string, unknown>);
      copies.set(node, copy);
      work.push({ source: node, target: copy });
    }
    return copy;
  };
  const root = copyOf(value);
  while (work.length > 0) {
    const { source, target } = work.pop()!;
    if (Array.isArray(target)) {
      const array = source as unknown[];
      for (let index = 0; index < array.length; index++) target[index] = copyOf(array[index]);
    } else {
      for (const key of Object.keys(source)) target[key] = copyOf((source as Record<string, unknown>)[key]);
    }
  }
  return root;
}

/**
 * The checked manifest as ordinary objects for callers (the checks ran on null-prototype copies). Own `__proto__`
 * keys stay own data properties; built without recursion, shared references preserved.
 */
function toPlainTree(value: unknown): unknown {
  if (typeof value !== "object" || value === null) return value;
  const copies = new Map<object, Record<string, unknown> | unknown[]>();
  const work: Array<{ source: object; target: Record<string, unknown> | unknown[] }> = [];
  const copyOf = (node: unknown): unknown => {
    if (typeof node !== "object" || node === null) return node;
    let copy = copies.get(node);
    if (!copy) {
      copy = Array.isArray(node) ? new Array<unknown>(node.length) : {};
      copies.set(node, copy);
      work.push({ source: node, target: copy });
    }
    return copy;
  };
  const root = copyOf(value);
  while (work.length > 0) {
    const { source, target } = work.pop()!;
    if (Array.isArray(target)) {
      const array = source as unknown[];
      for (let index = 0; index < array.length; index++) target[index] = copyOf(array[index]);
    } else {
      for (const key of Object.keys(source)) {
        const item = copyOf((source as Record<string, unknown>)[key]);
        if (key === "__proto__") Object.defineProperty(target, key, { value: item, enumerable: true, writable: true, configurable: true });
        else target[key] = item;
      }
    }
  }
  return root;
}

/** Own property or undefined (never an inherited one). */
function own(node: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(node, key) ? node[key] : undefined;
}

/**
 * zod builds record outputs by assignment, so an own `__proto__` key (a hint path or channel id) would set the
 * output object's prototype instead of becoming a key. The few records zod copies get that key back as an own
 * property, with its checked value.
 */
function restoreProtoKeys(output: Record<string, unknown>, working: Record<string, unknown>): void {
  const fix = (outputParent: unknown, workingParent: unknown, key: string): void => {
    if (!isRecord(outputParent) || !isRecord(workingParent)) return;
    const out = own(outputParent, key);
    const source = own(workingParent, key);
    if (!isRecord(out) || !isRecord(source)) return;
    if (Object.getPrototypeOf(out) !== Object.prototype && Object.getPrototypeOf(out) !== null) Object.setPrototypeOf(out, Object.prototype);
    if (!Object.hasOwn(source, "__proto__")) return;
    // Rebuild in the source's key order, with `__proto__` as an own data property.
    const entries = Object.keys(source)
      .filter((name) => name === "__proto__" || Object.hasOwn(out, name))
      .map((name) => [name, name === "__proto__" ? source[name] : out[name]] as const);
    for (const name of Object.keys(out)) delete out[name];
    for (const [name, item] of entries) Object.defineProperty(out, name, { value: item, enumerable: true, writable: true, configurable: true });
  };
  for (const key of ["uiHints", "configSchema", "channelConfigs"]) fix(output, working, key);
  const channelConfigs = own(output, "channelConfigs");
  const workingChannels = own(working, "channelConfigs");
  if (isRecord(channelConfigs) && isRecord(workingChannels)) {
    for (const channelId of Object.keys(channelConfigs)) {
      for (const key of ["schema", "uiHints"]) fix(own(channelConfigs, channelId), own(workingChannels, channelId), key);
    }
  }
}

function checkManifestData(raw: unknown, file: string, options: ParsePluginManifestOptions): PluginManifestReadResult {
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
  const schema = getPluginManifestSchema();
  let parsed = schema.safeParse(working);
  for (let round = 0; !parsed.success && round < 8; round++) {
    const edits: Edits = { working, arrays: new Set(), copies: new Set() };
    for (const issue of parsed.error.issues) applyIssue(issue as ZodIssueLike, edits, report);
    for (const array of edits.arrays) {
      // Compact in one pass (splicing each dropped item would be quadratic in the list length).
      let kept = 0;
      for (const item of array) if (item !== DROPPED) array[kept++] = item;
      array.length = kept;
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
  restoreProtoKeys(manifest as unknown as Record<string, unknown>, working);
  if (idPlaceholder) manifest.id = id as string;
  checkManifestSemantics(manifest, { rootDir: options.rootDir, report });
  return result(toPlainTree(manifest) as PluginManifest);
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
    if (node === null || typeof node !== "object" || !Object.hasOwn(node, segment)) return undefined;
    node = (node as Record<PropertyKey, unknown>)[segment];
  }
  return node;
}

const DROPPED = Symbol("dropped");

/** The object being cleaned in one round, and the arrays whose dropped items are removed at the end of it. */
interface Edits {
  working: Record<string, unknown>;
  arrays: Set<unknown[]>;
  /** Objects already copied in this round: each container is copied once per round, not once per dropped key. */
  copies: Set<object>;
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
    if (edits.copies.has(child)) {
      copy = child as Record<PropertyKey, unknown> | unknown[];
    } else if (Array.isArray(child)) {
      copy = [...child];
      edits.arrays.add(copy);
    } else {
      copy = Object.assign(Object.create(null) as Record<PropertyKey, unknown>, child);
    }
    edits.copies.add(copy);
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
