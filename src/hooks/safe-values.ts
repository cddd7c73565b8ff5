/**
 * Reading values that come from plugin code without letting them throw at the host: thrown values of any kind,
 * handler results with throwing getters, revoked proxies, null-prototype objects, events with throwing getters.
 * Every function here either returns or reports a failure as data; none of them throws.
 */
import type { HookResultRecord } from "./merge-rules.js";

const MAX_TEXT = 500;

/** A read that either produced a value or failed with whatever was thrown (and, for a result field, which one). */
export type SafeRead<T> = { ok: true; value: T } | { ok: false; error: unknown; field?: string };

/**
 * Sets `key` as an own data property, so `__proto__` stays an ordinary key (and never changes a prototype). Plain
 * assignment for every other key: the targets are fresh plain or null-prototype objects.
 */
export function setOwn(target: object, key: string, value: unknown): void {
  if (key === "__proto__") {
    Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
  } else {
    (target as Record<string, unknown>)[key] = value;
  }
}

/** Reads `target[key]` once; a throwing getter or proxy trap becomes `{ ok: false }`. */
export function safeGet(target: object, key: string): SafeRead<unknown> {
  try {
    return { ok: true, value: Reflect.get(target, key) };
  } catch (error) {
    return { ok: false, error };
  }
}

function firstLine(text: string): string {
  const line = text.split("\n")[0]?.trim() ?? "";
  return line.length > MAX_TEXT ? `${line.slice(0, MAX_TEXT)}…` : line;
}

/**
 * The type of a value in words, for messages: `a string`, `a number`, `an array`, `null`, `a function`, `an object`,
 * `a revoked Proxy`. Never throws.
 */
export function describeType(value: unknown): string {
  if (value === null) return "null";
  if (value === undefined) return "undefined";
  switch (typeof value) {
    case "string":
      return "a string";
    case "number":
      return Number.isNaN(value) ? "NaN" : "a number";
    case "bigint":
      return "a bigint";
    case "boolean":
      return "a boolean";
    case "symbol":
      return "a symbol";
    case "function":
      return "a function";
    default:
      try {
        return Array.isArray(value) ? "an array" : "an object";
      } catch {
        return "a revoked Proxy";
      }
  }
}

function unsafeErrorText(value: unknown): string {
  if (typeof value === "string") return firstLine(value) || "(empty string)";
  if (typeof value === "symbol") {
    const description = firstLine(value.description ?? "");
    return description ? `Symbol(${description})` : "a symbol";
  }
  if (value === null || (typeof value !== "object" && typeof value !== "function")) return String(value);
  const message = safeGet(value, "message");
  if (message.ok && typeof message.value === "string" && message.value.trim() !== "") return firstLine(message.value);
  const name = safeGet(value, "name");
  if (name.ok && typeof name.value === "string" && name.value.trim() !== "") return firstLine(name.value);
  try {
    const text = String(value);
    if (text !== "[object Object]" && text.trim() !== "") return firstLine(text);
  } catch {
    // A null-prototype object, a throwing toString or a revoked proxy: fall through to the type.
  }
  return `${describeType(value)} was thrown (no message)`;
}

/**
 * A one-line, bounded description of a thrown value, whatever it is (an Error, a string, a symbol, a null-prototype
 * object, an object whose `message` getter or `toString` throws, a revoked Proxy). Never throws.
 *
 * @example
 * ```ts
 * errorText(Object.create(null)); // "an object was thrown (no message)"
 * ```
 */
export function errorText(error: unknown): string {
  try {
    return unsafeErrorText(error);
  } catch {
    return `${describeType(error)} was thrown (no message)`;
  }
}

/** Whether `value` is a non-array object; `false` for a revoked Proxy (whose `Array.isArray` throws). */
export function isRecord(value: unknown): value is HookResultRecord {
  if (typeof value !== "object" || value === null) return false;
  try {
    return !Array.isArray(value);
  } catch {
    return false;
  }
}

/**
 * Reads a result object exactly once: every own enumerable string key plus `extraKeys` (read through `[[Get]]`, so a
 * getter inherited from a class prototype still counts), each read a single time, into a fresh null-prototype record.
 * A throwing getter, `ownKeys` trap or revoked proxy makes the whole read fail (with the field named).
 */
export function snapshotRecord(value: object, extraKeys: readonly string[] = []): SafeRead<HookResultRecord> {
  let keys: string[];
  try {
    keys = Object.keys(value);
  } catch (error) {
    return { ok: false, error };
  }
  // A null-prototype record: assigning any key (even `__proto__`) creates an own property and runs no setter.
  const out: HookResultRecord = Object.create(null) as HookResultRecord;
  for (const key of keys) {
    const read = safeGet(value, key);
    if (!read.ok) return { ok: false, error: read.error, field: key };
    out[key] = read.value;
  }
  for (const key of extraKeys) {
    if (key in out) continue;
    const read = safeGet(value, key);
    if (!read.ok) return { ok: false, error: read.error, field: key };
    if (read.value !== undefined) out[key] = read.value;
  }
  return { ok: true, value: out };
}

/** Deep copy for JSON-like data (plain objects, arrays, primitives); other objects go through structuredClone. Throws on a hostile value. */
function deepCopy(value: unknown, depth: number): unknown {
  if (value === null || typeof value !== "object") return value;
  if (depth > 64) return value;
  if (Array.isArray(value)) return value.map((item) => deepCopy(item, depth + 1));
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) {
    try {
      return structuredClone(value);
    } catch {
      return value;
    }
  }
  const out: HookResultRecord = {};
  for (const key of Object.keys(value)) {
    const item = deepCopy((value as HookResultRecord)[key], depth + 1);
    if (key === "__proto__") setOwn(out, key, item);
    else out[key] = item;
  }
  return out;
}

/**
 * Takes the run's snapshot of an event: top-level fields read once, `params` deep-copied once. A non-object event
 * is used as is. A throwing getter, trap or revoked proxy anywhere on that path becomes `{ ok: false }`.
 */
export function snapshotEvent(event: unknown): SafeRead<unknown> {
  if (typeof event !== "object" || event === null) return { ok: true, value: event };
  try {
    if (Array.isArray(event)) return { ok: true, value: event };
    // Spread defines own data properties (a `__proto__` key stays a key) and reads each getter once.
    const copy: HookResultRecord = { ...(event as HookResultRecord) };
    if (isRecord(copy.params)) copy.params = deepCopy(copy.params, 0);
    return { ok: true, value: copy };
  } catch (error) {
    return { ok: false, error };
  }
}

/**
 * A handler's own copy of an event snapshot: shallow copy of the event, deep copy of its `params`, so an in-place
 * mutation by one handler never leaks to the next.
 */
export function copyEvent(snapshot: unknown): SafeRead<unknown> {
  if (!isRecord(snapshot)) return { ok: true, value: snapshot };
  try {
    const copy: HookResultRecord = { ...snapshot };
    if (isRecord(copy.params)) copy.params = deepCopy(copy.params, 0);
    return { ok: true, value: copy };
  } catch (error) {
    return { ok: false, error };
  }
}
