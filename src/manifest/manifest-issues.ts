/**
 * Turns the manifest zod schema's issues into diagnostics and drops (or fixes) the offending values the way the
 * gateway would, copy-on-write: each container is copied once per round, dropped list items are compacted at the end.
 */
import type { PluginDiagnostic } from "./diagnostics.js";
import { closestMatch, describeValue, formatPath } from "./paths.js";
import { GATEWAY_OWNED_MANIFEST_KEYS, PLUGIN_CONTRACT_KEYS, PLUGIN_KINDS } from "./plugin-manifest-schema.js";

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

export const EMPTY_SCHEMA_HINT = '{ "type": "object", "additionalProperties": false, "properties": {} }';

/** The part of a zod 4 issue this module reads (zod is loaded lazily, so no runtime import of its types). */
export interface ZodIssueLike {
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

export type Report = (level: PluginDiagnostic["level"], code: string, path: string, message: string) => void;

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let node = root;
  for (const segment of path) {
    if (node === null || typeof node !== "object" || !Object.hasOwn(node, segment)) return undefined;
    node = (node as Record<PropertyKey, unknown>)[segment];
  }
  return node;
}

export const DROPPED = Symbol("dropped");

/** The object being cleaned in one round, and the arrays whose dropped items are removed at the end of it. */
export interface Edits {
  working: Record<string, unknown>;
  arrays: Set<unknown[]>;
  /** Objects already copied in this round: each container is copied once per round, not once per dropped key. */
  copies: Set<object>;
}

/**
 * Removes the value at `path` (copy-on-write: the caller's object is never mutated). Array items are marked and
 * removed at the end of the round, so the indices of other issues in the same round stay valid.
 */
export function dropAt(edits: Edits, path: readonly PropertyKey[]): void {
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

/** The fields a `uiHints` entry may have. */
export const UI_HINT_FIELDS: readonly string[] = ["label", "help", "placeholder", "sensitive", "advanced", "tags", "presentation"];

/** Reports one unknown key under `path` (the key is dropped by the caller), with the message of its place. */
export function reportUnknownKey(path: readonly PropertyKey[], key: string, report: Report): void {
  const top = path[0];
  const where = formatPath([...path, key]);
  if (path.length === 0) {
    const contractHint = (PLUGIN_CONTRACT_KEYS as readonly string[]).includes(key) ? ` Did you mean "contracts.${key}"?` : "";
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
      `unknown hint field; known fields are ${UI_HINT_FIELDS.join(", ")}.${suggest(key, UI_HINT_FIELDS)}`,
    );
  } else {
    report("warning", "unknown-key", where, `unknown key; the gateway ignores it.`);
  }
}

/** The message of a `contracts.<key>[i]` entry that is not a non-blank string. */
export function contractEntryMessage(value: unknown): string {
  return `must be a non-blank string; got ${describeValue(value)}. The entry is ignored.`;
}

/** The message of a `uiHints` `sensitive` field that is not a boolean (it is then treated as `true`). */
export function sensitiveHintMessage(value: unknown): string {
  return `must be true or false; got ${describeValue(value)}. Treated as true (the value stays masked) until fixed.`;
}

export function applyIssue(issue: ZodIssueLike, edits: Edits, report: Report): void {
  const path = issue.path;
  const value = valueAt(edits.working, path);
  const top = path[0];

  if (issue.code === "unrecognized_keys") {
    for (const key of issue.keys ?? []) {
      reportUnknownKey(path, key, report);
      dropAt(edits, [...path, key]);
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
    report("error", "contracts-invalid-entry", where, contractEntryMessage(value));
    dropAt(edits, path.slice(0, 3));
    return;
  }
  if ((top === "uiHints" && path.length >= 2) || (top === "channelConfigs" && path[2] === "uiHints" && path.length >= 4)) {
    const field = path[path.length - 1];
    // The flag itself (uiHints.<path>.sensitive), not a hint whose path is "sensitive".
    const flagDepth = top === "uiHints" ? 3 : 5;
    if (field === "sensitive" && path.length === flagDepth && value !== undefined) {
      report("error", "ui-hint-invalid", where, sensitiveHintMessage(value));
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

/** The sentence describing what is wrong with `value` according to a zod issue (or a synthetic one of the same shape). */
export function describeIssue(issue: ZodIssueLike, value: unknown): string {
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
