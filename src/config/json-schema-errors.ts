/**
 * Turns ajv errors into {@link PluginDiagnostic}s with config paths (`plugins.entries.my-plugin.config.apiKey`),
 * ajv's reason, and — only for values that are not sensitive — the offending value. Nothing under a `uiHints` path
 * marked `sensitive: true` is printed: not its value, not the keys of a sensitive object, not the path below the
 * sensitive field (errors inside are reported at the field). Objects and arrays are never printed either.
 */
import type { ErrorObject } from "ajv";
import type { PluginDiagnostic } from "../manifest/diagnostics.js";
import { closestMatch, describeValue, formatPath, joinPath, splitHintPath } from "../manifest/paths.js";
import type { PluginUiHints } from "../manifest/plugin-manifest-schema.js";

/** Matcher for the sensitive paths declared by `uiHints`. */
export interface SensitivePaths {
  /** True when the value at `segments` is, or is inside, a sensitive field. */
  covers(segments: readonly string[]): boolean;
  /**
   * How many leading segments of `segments` name the outermost sensitive field covering it (so a message can name
   * that field but nothing inside it: keys of a sensitive object are secret too); `undefined` when not covered.
   */
  coveredAt(segments: readonly string[]): number | undefined;
}

interface TrieNode {
  end: boolean;
  children: Map<string, TrieNode>;
}

/**
 * Collects the `sensitive: true` hint paths. `*`, `[]` and numeric segments match any key or index. Matching walks a
 * trie of the hint paths, so it costs the path length (times the wildcard branches), not the number of hints.
 *
 * @example
 * ```ts
 * sensitivePathsOf({ "twilio.authToken": { sensitive: true } }).covers(["twilio", "authToken"]); // true
 * ```
 */
export function sensitivePathsOf(...hintSets: Array<PluginUiHints | undefined>): SensitivePaths {
  const root: TrieNode = { end: false, children: new Map() };
  for (const hints of hintSets) {
    if (!hints) continue;
    for (const path of Object.keys(hints)) {
      const hint = hints[path];
      // Fail safe: any truthy `sensitive` (even a malformed one) hides the value.
      if (!hint || typeof hint !== "object" || !Object.hasOwn(hint, "sensitive") || !(hint as { sensitive?: unknown }).sensitive) continue;
      let node = root;
      for (const raw of splitHintPath(path)) {
        const part = raw === "*" || /^\d+$/.test(raw) ? "*" : raw;
        let child = node.children.get(part);
        if (!child) {
          child = { end: false, children: new Map() };
          node.children.set(part, child);
        }
        node = child;
      }
      node.end = true;
    }
  }
  const coveredAt = (segments: readonly string[]): number | undefined => {
    if (root.end) return 0;
    // Breadth-first over the segments: the set of trie nodes a prefix can be in (exact key and wildcard).
    let current: TrieNode[] = [root];
    for (let index = 0; index < segments.length && current.length > 0; index++) {
      const next: TrieNode[] = [];
      for (const node of current) {
        const exact = node.children.get(segments[index]!);
        const any = node.children.get("*");
        if (exact) next.push(exact);
        if (any) next.push(any);
      }
      if (next.some((node) => node.end)) return index + 1;
      current = next;
    }
    return undefined;
  };
  return { covers: (segments) => coveredAt(segments) !== undefined, coveredAt };
}

function decodePointer(pointer: string): string[] {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split("/")
    .map((part) => part.replace(/~1/g, "/").replace(/~0/g, "~"));
}

function valueAt(root: unknown, segments: readonly string[]): unknown {
  let node = root;
  for (const segment of segments) {
    if (node === null || typeof node !== "object" || !Object.hasOwn(node, segment)) return undefined;
    node = (node as Record<string, unknown>)[segment];
  }
  return node;
}

function shownValue(value: unknown, sensitive: boolean): string {
  if (sensitive) return " (value hidden: sensitive)";
  if (value === null || ["string", "number", "boolean"].includes(typeof value)) return ` (got ${describeValue(value)})`;
  if (Array.isArray(value)) return " (got an array)";
  if (typeof value === "object") return " (got an object)";
  return "";
}

function schemaPropertyNames(schema: unknown, schemaPath: string): string[] {
  // schemaPath looks like "#/properties/twilio/additionalProperties"; the parent schema holds `properties`.
  const segments = decodePointer(schemaPath.replace(/^#/, "")).slice(0, -1);
  const parent = valueAt(schema, segments);
  const properties = parent && typeof parent === "object" && Object.hasOwn(parent, "properties") ? (parent as Record<string, unknown>).properties : undefined;
  return properties && typeof properties === "object" ? Object.keys(properties) : [];
}

/**
 * Options of {@link ajvErrorsToDiagnostics}.
 *
 * @example
 * ```ts
 * const options: AjvErrorsToDiagnosticsOptions = { basePath: "plugins.entries.demo.config", code: "plugin-config-mismatch", data: {}, schema: {} };
 * ```
 */
export interface AjvErrorsToDiagnosticsOptions {
  /** Path of the validated value inside the gateway config. */
  basePath: string;
  code: string;
  /** The validated value (used to show non-sensitive offending values). */
  data: unknown;
  /** The schema (used to suggest property names for typos). */
  schema: unknown;
  sensitive?: SensitivePaths;
  file?: string;
}

/**
 * Converts ajv errors to error diagnostics: `<basePath>.<instancePath>: <ajv message>[ detail]`.
 *
 * @example
 * ```ts
 * ajvErrorsToDiagnostics(validate.errors ?? [], { basePath: "plugins.entries.my-plugin.config", code: "plugin-config-mismatch", data, schema });
 * // [{ message: "plugins.entries.my-plugin.config: must have required property 'apiKey'", … }]
 * ```
 */
export function ajvErrorsToDiagnostics(
  errors: readonly ErrorObject[],
  options: AjvErrorsToDiagnosticsOptions,
): PluginDiagnostic[] {
  const diagnostics: PluginDiagnostic[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    // `if` only says "must match then/else"; the inner errors carry the reason.
    if (error.keyword === "if") continue;
    const segments = decodePointer(error.instancePath);
    const coveredAt = options.sensitive?.coveredAt(segments);
    const sensitive = coveredAt !== undefined;
    // Inside a sensitive field, the message names the field and nothing below it (keys there are secret too).
    const path = joinPath(options.basePath, formatPath(sensitive ? segments.slice(0, coveredAt) : segments));
    const value = valueAt(options.data, segments);
    let message = error.message ?? `fails ${error.keyword}`;
    const params = error.params as Record<string, unknown>;
    if (sensitive && coveredAt < segments.length) {
      message = "a value inside is invalid (details hidden: sensitive)";
    } else {
      switch (error.keyword) {
        case "additionalProperties": {
          if (sensitive) {
            message = "must NOT have additional properties (property name hidden: sensitive)";
            break;
          }
          const property = String(params.additionalProperty);
          const match = closestMatch(property, schemaPropertyNames(options.schema, error.schemaPath));
          message = `must NOT have additional properties: '${property}' is not allowed${match ? ` (did you mean '${match}'?)` : ""}`;
          break;
        }
        case "enum":
          message += sensitive
            ? shownValue(value, true)
            : `: ${(params.allowedValues as unknown[]).map((entry) => describeValue(entry)).join(", ")}${shownValue(value, false)}`;
          break;
        case "const":
          message += sensitive ? shownValue(value, true) : ` ${describeValue(params.allowedValue)}${shownValue(value, false)}`;
          break;
        case "required":
        case "dependencies":
        case "dependentRequired":
        case "propertyNames":
        case "minProperties":
        case "maxProperties":
        case "anyOf":
        case "oneOf":
        case "not":
          break;
        default:
          message += shownValue(value, sensitive);
      }
    }
    const text = `${path}: ${message}`;
    if (seen.has(text)) continue;
    seen.add(text);
    const diagnostic: PluginDiagnostic = { level: "error", code: options.code, path, message: text };
    if (options.file) diagnostic.file = options.file;
    diagnostics.push(diagnostic);
  }
  return diagnostics;
}
