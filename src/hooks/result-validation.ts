/**
 * Reading and checking a handler's result. The result object is read once (every field a single time, see
 * `snapshotRecord`), then the decision fields the hook acts on are type-checked. A wrong-typed decision field
 * (`{ block: "true" }`, `{ block: 1 }`, `{ requireApproval: "yes" }`, …) is not "no decision": it is an invalid
 * result, which the runner treats as a failure of that handler and answers with the hook's failure policy.
 */
import type { PluginHookName } from "../contract/hook-types.js";
import type { HookResultRecord } from "./merge-rules.js";
import { describeType, errorText, isRecord, setOwn, snapshotRecord } from "./safe-values.js";

/** What a decision field must be. */
type FieldType =
  | { type: "boolean" | "string" | "object" | "function" | "number" }
  | { type: "oneOf"; values: readonly string[] }
  | { type: "array-of-objects" }
  | { type: "approval" };

type FieldSpecs = Readonly<Record<string, FieldType>>;

const BOOLEAN: FieldType = { type: "boolean" };
const STRING: FieldType = { type: "string" };
const OBJECT: FieldType = { type: "object" };

const TOOL_CALL: FieldSpecs = { block: BOOLEAN, blockReason: STRING, params: OBJECT, requireApproval: { type: "approval" } };
const CANCEL: FieldSpecs = { cancel: BOOLEAN, cancelReason: STRING };
const CLAIM: FieldSpecs = { handled: BOOLEAN };

/** Decision fields per hook (fields not listed are passed on unchecked, as before). */
const DECISION_FIELDS: Partial<Record<PluginHookName | "trusted_tool_policy", FieldSpecs>> = {
  before_tool_call: TOOL_CALL,
  trusted_tool_policy: { ...TOOL_CALL, allow: BOOLEAN, reason: STRING },
  before_install: { block: BOOLEAN, blockReason: STRING, findings: { type: "array-of-objects" } },
  before_agent_run: {
    outcome: { type: "oneOf", values: ["pass", "block"] },
    reason: STRING,
    message: STRING,
    category: STRING,
  },
  message_sending: CANCEL,
  reply_payload_sending: { ...CANCEL, payload: OBJECT },
  before_agent_reply: CLAIM,
  inbound_claim: CLAIM,
  before_dispatch: CLAIM,
  reply_dispatch: CLAIM,
  before_message_write: { block: BOOLEAN },
};

const APPROVAL_FIELDS: FieldSpecs = {
  title: STRING,
  description: STRING,
  severity: { type: "oneOf", values: ["info", "warning", "critical"] },
  timeoutMs: { type: "number" },
  onResolution: { type: "function" },
};
const APPROVAL_REQUIRED = ["title", "description"];
const APPROVAL_ENTRIES = Object.entries(APPROVAL_FIELDS);
const APPROVAL_KEYS = Object.keys(APPROVAL_FIELDS);
const NO_FIELDS: ReadonlyArray<[string, FieldType]> = [];
/** Per result kind: its checked fields as entries and as keys (computed once). */
const SPEC_ENTRIES = new Map<string, { entries: ReadonlyArray<[string, FieldType]>; keys: readonly string[] }>(
  Object.entries(DECISION_FIELDS).map(([kind, specs]) => [kind, { entries: Object.entries(specs ?? {}), keys: Object.keys(specs ?? {}) }]),
);

/** Which field table a result is checked against: a hook name, or a trusted tool policy. */
export type ResultKind = PluginHookName | "trusted_tool_policy";

/**
 * A handler result as the runner acts on it.
 * - `none`: `undefined` or `null` (no decision).
 * - `other`: not an object (a primitive, an array, a function); what that means depends on the hook.
 * - `record`: the result's fields, each read once, decision fields type-checked.
 * - `invalid`: unreadable (a getter or trap threw) or a decision field has the wrong type; `reason` says which.
 */
export type ReadResult =
  | { kind: "none" }
  | { kind: "other"; type: string }
  | { kind: "record"; fields: HookResultRecord }
  | { kind: "invalid"; reason: string };

function expectedText(spec: FieldType): string {
  switch (spec.type) {
    case "oneOf":
      return `one of ${spec.values.map((v) => JSON.stringify(v)).join(", ")}`;
    case "array-of-objects":
      return "an array of objects";
    case "approval":
      return "an object { title, description }";
    case "object":
      return "an object";
    case "number":
      return "a finite number";
    default:
      return `a ${spec.type}`;
  }
}

function mismatch(field: string, value: unknown, spec: FieldType): { kind: "invalid"; reason: string } {
  const shown = spec.type === "oneOf" && typeof value === "string" ? `${describeType(value)} ${JSON.stringify(value.slice(0, 40))}` : describeType(value);
  return { kind: "invalid", reason: `invalid result: "${field}" is ${shown}, expected ${expectedText(spec)}` };
}

function unreadable(field: string | undefined, error: unknown): { kind: "invalid"; reason: string } {
  return { kind: "invalid", reason: `invalid result: reading ${field !== undefined ? `"${field}"` : "its fields"} threw: ${errorText(error)}` };
}

/** Checks `fields[name]` against `spec`; may replace it with a once-read copy (nested objects, arrays). */
function checkField(fields: HookResultRecord, path: string, name: string, spec: FieldType): { kind: "invalid"; reason: string } | undefined {
  const value = fields[name];
  if (value === undefined) return undefined;
  switch (spec.type) {
    case "boolean":
    case "string":
    case "function":
      return typeof value === spec.type ? undefined : mismatch(path, value, spec);
    case "number":
      return typeof value === "number" && Number.isFinite(value) ? undefined : mismatch(path, value, spec);
    case "object":
      return isRecord(value) ? undefined : mismatch(path, value, spec);
    case "oneOf":
      return typeof value === "string" && spec.values.includes(value) ? undefined : mismatch(path, value, spec);
    case "array-of-objects": {
      let items: unknown[];
      try {
        if (!Array.isArray(value)) return mismatch(path, value, spec);
        items = Array.from(value as unknown[]);
      } catch (error) {
        return unreadable(path, error);
      }
      const bad = items.findIndex((item) => !isRecord(item));
      if (bad >= 0) return mismatch(`${path}[${bad}]`, items[bad], OBJECT);
      setOwn(fields, name, items);
      return undefined;
    }
    case "approval": {
      if (!isRecord(value)) return mismatch(path, value, spec);
      const read = snapshotRecord(value, APPROVAL_KEYS);
      if (!read.ok) return unreadable(read.field !== undefined ? `${path}.${read.field}` : path, read.error);
      for (const required of APPROVAL_REQUIRED) {
        if (read.value[required] === undefined) return mismatch(`${path}.${required}`, undefined, STRING);
      }
      for (const [inner, innerSpec] of APPROVAL_ENTRIES) {
        const invalid = checkField(read.value, `${path}.${inner}`, inner, innerSpec);
        if (invalid) return invalid;
      }
      setOwn(fields, name, { ...read.value });
      return undefined;
    }
  }
}

const NONE: ReadResult = Object.freeze({ kind: "none" });

/**
 * Reads a handler's result for hook `kind`: each field once, then the hook's decision fields type-checked.
 * Never throws.
 *
 * @example
 * ```ts
 * readResult("before_tool_call", { block: "true" }); // { kind: "invalid", reason: 'invalid result: "block" is a string, expected a boolean' }
 * ```
 */
export function readResult(kind: ResultKind, value: unknown): ReadResult {
  if (value === undefined || value === null) return NONE;
  if (!isRecord(value)) return { kind: "other", type: describeType(value) };
  const specs = SPEC_ENTRIES.get(kind);
  const read = snapshotRecord(value, specs?.keys ?? []);
  if (!read.ok) return unreadable(read.field, read.error);
  const fields = read.value;
  for (const [name, spec] of specs?.entries ?? NO_FIELDS) {
    const invalid = checkField(fields, name, name, spec);
    if (invalid) return invalid;
  }
  if (kind === "before_agent_run") {
    if (fields.outcome === undefined) return mismatch("outcome", undefined, DECISION_FIELDS.before_agent_run?.outcome ?? STRING);
    if (fields.outcome === "block" && fields.reason === undefined) return mismatch("reason", undefined, STRING);
  }
  return { kind: "record", fields };
}
