/**
 * Pure form state: the values the inputs show, and the config object a save sends.
 *
 * - A field's input is a string (text, number, select key, list lines, JSON text), a boolean (switch) or `null`
 *   (a sensitive value the user asked to remove).
 * - Sensitive inputs start empty, whatever is stored: the page never holds the secret in an input.
 * - A save starts from the config as the server reported it (sensitive values masked) and changes only the fields
 *   the user changed. An untouched secret therefore goes back as the server's masked value, which the server
 *   recognises and keeps (it never overwrites the stored secret with its own mask).
 */
import { isRecord, listFields, type FieldNode, type FormModel, type FormNode } from "./schema-form.js";

/** The value of one input. */
export type FieldInput = string | boolean | null;

/** Input values by config path. */
export type FormState = Record<string, FieldInput>;

/** Reads a dotted path from a config object. */
export function getAtPath(config: unknown, path: string): unknown {
  let current: unknown = config;
  for (const part of path.split(".")) {
    if (!isRecord(current) || !Object.hasOwn(current, part)) return undefined;
    current = current[part];
  }
  return current;
}

/** The input value a field starts with, given the stored config. */
export function initialInput(field: FieldNode, stored: unknown): FieldInput {
  switch (field.control) {
    case "password":
      return "";
    case "switch":
      if (typeof stored === "boolean") return stored;
      return typeof field.defaultValue === "boolean" ? field.defaultValue : false;
    case "select": {
      if (stored === undefined) return "";
      const match = field.options?.find((option) => sameValue(option.value, stored));
      return match ? match.key : typeof stored === "string" ? stored : JSON.stringify(stored);
    }
    case "number":
      return typeof stored === "number" ? String(stored) : stored === undefined ? "" : String(stored);
    case "list":
      return Array.isArray(stored) ? stored.map((item) => (typeof item === "string" ? item : JSON.stringify(item))).join("\n") : "";
    case "json":
      return stored === undefined ? "" : JSON.stringify(stored, null, 2);
    case "text":
      return stored === undefined ? "" : typeof stored === "string" ? stored : JSON.stringify(stored);
  }
}

/**
 * The starting input values of every field.
 *
 * @example
 * ```ts
 * initialFormState(model, { provider: "twilio", twilio: { authToken: "abcd...wxyz" } });
 * // { provider: "twilio", "twilio.authToken": "", … }
 * ```
 */
export function initialFormState(model: FormModel, config: unknown): FormState {
  const state: FormState = {};
  for (const field of listFields(model.nodes)) state[field.path] = initialInput(field, getAtPath(config, field.path));
  return state;
}

/** The result of reading one input: a value to store, "remove the key", or an error the browser can see itself. */
export type ParsedInput = { kind: "set"; value: unknown } | { kind: "unset" } | { kind: "error"; message: string };

/**
 * Reads an input back into a config value. Values the schema will reject are still sent (a number field holding
 * "abc" goes as the string "abc"): the server's validation is the one source of truth and its message is shown.
 */
export function parseInput(field: FieldNode, input: FieldInput): ParsedInput {
  if (input === null) return { kind: "unset" };
  if (typeof input === "boolean") return { kind: "set", value: input };
  switch (field.control) {
    case "switch":
      return { kind: "set", value: input === "true" };
    case "password":
    case "text":
      return input === "" ? { kind: "unset" } : { kind: "set", value: input };
    case "number": {
      const trimmed = input.trim();
      if (trimmed === "") return { kind: "unset" };
      const number = Number(trimmed);
      return { kind: "set", value: Number.isFinite(number) ? number : trimmed };
    }
    case "select": {
      if (input === "") return { kind: "unset" };
      const match = field.options?.find((option) => option.key === input);
      return { kind: "set", value: match ? match.value : input };
    }
    case "list": {
      const items = input
        .split("\n")
        .map((line) => line.trim())
        .filter((line) => line !== "");
      if (items.length === 0) return { kind: "unset" };
      if (!field.numericItems) return { kind: "set", value: items };
      return { kind: "set", value: items.map((item) => (Number.isFinite(Number(item)) ? Number(item) : item)) };
    }
    case "json": {
      if (input.trim() === "") return { kind: "unset" };
      try {
        return { kind: "set", value: JSON.parse(input) as unknown };
      } catch (error) {
        return { kind: "error", message: `not valid JSON: ${(error as Error).message}` };
      }
    }
  }
}

/** The config a save sends, or the fields whose input cannot be read (invalid JSON). */
export type BuildConfigResult = { ok: true; config: Record<string, unknown>; changed: string[] } | { ok: false; errors: Record<string, string[]> };

/**
 * Builds the config to save: the stored config (as the server reported it) with the changed fields applied.
 *
 * @example
 * ```ts
 * const result = buildConfig(model, state, initial, stored);
 * if (result.ok) await client.updatePlugin(id, { config: result.config });
 * ```
 */
export function buildConfig(model: FormModel, state: FormState, initial: FormState, stored: unknown): BuildConfigResult {
  const config = isRecord(stored) ? (structuredCloneJson(stored) as Record<string, unknown>) : {};
  const errors: Record<string, string[]> = {};
  const changed: string[] = [];
  for (const field of listFields(model.nodes)) {
    const now = state[field.path];
    if (now === undefined || now === initial[field.path]) continue;
    const parsed = parseInput(field, now);
    if (parsed.kind === "error") {
      errors[field.path] = [parsed.message];
      continue;
    }
    changed.push(field.path);
    if (parsed.kind === "set") setAtPath(config, field.path, parsed.value);
    else unsetAtPath(config, field.path);
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, config, changed };
}

/** Sets a dotted path, creating (or replacing non-object) parents. */
export function setAtPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split(".");
  let current = target;
  for (const part of parts.slice(0, -1)) {
    const next = Object.hasOwn(current, part) ? current[part] : undefined;
    if (isRecord(next)) current = next;
    else {
      const created: Record<string, unknown> = {};
      defineOwn(current, part, created);
      current = created;
    }
  }
  defineOwn(current, parts[parts.length - 1]!, value);
}

/** Removes a dotted path; parents left empty by the removal are removed too. */
export function unsetAtPath(target: Record<string, unknown>, path: string): void {
  const parts = path.split(".");
  const chain: Record<string, unknown>[] = [target];
  for (const part of parts.slice(0, -1)) {
    const next = Object.hasOwn(chain[chain.length - 1]!, part) ? chain[chain.length - 1]![part] : undefined;
    if (!isRecord(next)) return;
    chain.push(next);
  }
  delete chain[chain.length - 1]![parts[parts.length - 1]!];
  for (let i = chain.length - 1; i > 0; i--) {
    if (Object.keys(chain[i]!).length > 0) break;
    delete chain[i - 1]![parts[i - 1]!];
  }
}

/** Builds a nested config from a flat list of `{ key: "a.b", currentValue }` parameters (the API's list). */
export function configFromParameters(parameters: readonly { key: string; currentValue?: unknown; isSet?: boolean }[]): Record<string, unknown> {
  const config: Record<string, unknown> = {};
  for (const parameter of parameters) {
    if (parameter.currentValue === undefined || parameter.currentValue === null) continue;
    if (parameter.isSet === false) continue;
    setAtPath(config, parameter.key, parameter.currentValue);
  }
  return config;
}

/** One entry of the API's 422 `validationErrors`. */
export interface ValidationErrorEntry {
  field?: string;
  path?: string;
  message: string;
}

/** Server validation errors placed on the form: by field or group path, and the ones that belong to no field. */
export interface PlacedErrors {
  byPath: Record<string, string[]>;
  general: string[];
}

/**
 * Normalises an error's field to a form path: drops a `plugins.entries.<id>.config.` or `config.` prefix, turns a
 * JSON pointer (`/serve/port`) or brackets (`items[0]`) into dots.
 */
export function normaliseErrorPath(field: string, pluginId?: string): string {
  let path = field.trim();
  if (path.startsWith("/")) path = path.slice(1).split("/").map((part) => part.replace(/~1/g, "/").replace(/~0/g, "~")).join(".");
  path = path.replace(/\[(\d+|"[^"]*"|'[^']*')\]/g, (_match, inner: string) => `.${inner.replace(/^["']|["']$/g, "")}`);
  const entryPrefix = pluginId ? `plugins.entries.${pluginId}.config` : undefined;
  if (entryPrefix && (path === entryPrefix || path.startsWith(`${entryPrefix}.`))) path = path.slice(entryPrefix.length + 1);
  else if (path === "config" || path.startsWith("config.")) path = path.slice("config".length + 1);
  return path.replace(/^\.+/, "");
}

/**
 * Places the server's validation errors on the nearest field or group of the form; a message that repeats its path
 * as a `path: ` prefix loses it (the field already shows where). Errors about no known path stay general.
 *
 * @example
 * ```ts
 * placeErrors([{ field: "fromNumber", message: "fromNumber: must match pattern …" }], model, "voice-call");
 * // { byPath: { fromNumber: ["must match pattern …"] }, general: [] }
 * ```
 */
export function placeErrors(errors: readonly ValidationErrorEntry[], model: FormModel, pluginId?: string): PlacedErrors {
  const known = new Set<string>();
  collectPaths(model.nodes, known);
  const placed: PlacedErrors = { byPath: {}, general: [] };
  for (const error of errors) {
    const raw = error.field ?? error.path ?? "";
    const path = normaliseErrorPath(raw, pluginId);
    const message = stripPathPrefix(error.message, [raw, path, pluginId ? `plugins.entries.${pluginId}.config.${path}` : ""]);
    let target: string | undefined = path;
    while (target !== undefined && target !== "" && !known.has(target)) {
      const cut = target.lastIndexOf(".");
      target = cut === -1 ? undefined : target.slice(0, cut);
    }
    if (target === undefined || target === "") {
      placed.general.push(path === "" ? message : `${path}: ${message}`);
      continue;
    }
    const text = target === path ? message : `${path.slice(target.length + 1)}: ${message}`;
    (placed.byPath[target] ??= []).push(text);
  }
  return placed;
}

function stripPathPrefix(message: string, prefixes: string[]): string {
  for (const prefix of prefixes) {
    if (prefix !== "" && message.startsWith(`${prefix}: `)) return message.slice(prefix.length + 2);
  }
  return message;
}

function collectPaths(nodes: readonly FormNode[], out: Set<string>): void {
  for (const node of nodes) {
    out.add(node.path);
    if (node.kind === "group") collectPaths(node.children, out);
  }
}

function sameValue(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

function structuredCloneJson(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value)) as unknown;
}

function defineOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}
