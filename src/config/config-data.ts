/**
 * Config values are data: copied before defaults are applied, and refused — without printing them — when they are
 * not data (a function, a symbol, a bigint, a class instance that cannot be cloned).
 */

/**
 * True for an object that is not an array or null: the shape every reader of JSON config, records and plugin answers
 * checks before reading fields.
 *
 * @example
 * ```ts
 * isRecord({ a: 1 }); // true
 * isRecord([1]); // false
 * ```
 */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Own property of a plain or null-prototype object, never an inherited one (`constructor`, `toString`, …).
 *
 * @example
 * ```ts
 * ownValue({}, "constructor"); // undefined (not Object)
 * ```
 */
export function ownValue(node: unknown, key: string): unknown {
  return typeof node === "object" && node !== null && Object.hasOwn(node, key) ? (node as Record<string, unknown>)[key] : undefined;
}

/**
 * Sets an own data property, also for the key `__proto__` (plain assignment would change the prototype).
 *
 * @example
 * ```ts
 * setOwnValue(channels, "__proto__", validated); // an own key, the prototype is untouched
 * ```
 */
export function setOwnValue(node: Record<string, unknown>, key: string, value: unknown): void {
  if (key === "__proto__") Object.defineProperty(node, key, { value, enumerable: true, writable: true, configurable: true });
  else node[key] = value;
}

/** Where a value that is not data was found, and what kind of value it is (never the value itself). */
export interface NotDataProblem {
  ok: false;
  /** Path segments from the cloned value to the offending value (empty when unknown). */
  segments: string[];
  /** "a function", "a symbol", "a bigint" or "a value that cannot be copied". */
  kind: string;
}

function kindOf(value: unknown): string | undefined {
  if (typeof value === "function") return "a function";
  if (typeof value === "symbol") return "a symbol";
  if (typeof value === "bigint") return "a bigint";
  return undefined;
}

/**
 * Where the first value that is not data sits (iterative walk, each object once, own string keys only). Used only
 * after `structuredClone` refused the value, to say where the problem is without quoting it: the clone error
 * message of a function or symbol would print its source or description.
 */
function locateNotData(root: unknown): { segments: string[]; kind: string } {
  const rootKind = kindOf(root);
  if (rootKind) return { segments: [], kind: rootKind };
  const seen = new Set<object>();
  const stack: Array<{ node: unknown; segments: string[] }> = [{ node: root, segments: [] }];
  while (stack.length > 0) {
    const { node, segments } = stack.pop()!;
    if (typeof node !== "object" || node === null || seen.has(node)) continue;
    seen.add(node);
    let keys: string[];
    try {
      keys = Object.keys(node);
    } catch {
      return { segments, kind: "a value that cannot be copied" };
    }
    for (const key of keys) {
      let child: unknown;
      try {
        child = (node as Record<string, unknown>)[key];
      } catch {
        return { segments: [...segments, key], kind: "a value that cannot be read" };
      }
      const kind = kindOf(child);
      if (kind) return { segments: [...segments, key], kind };
      if (typeof child === "object" && child !== null) stack.push({ node: child, segments: [...segments, key] });
    }
  }
  return { segments: [], kind: "a value that cannot be copied" };
}

/**
 * A deep copy of config data (defaults are applied to the copy, never to the caller's object). Never throws; a
 * value that is not data gives where it is and its kind.
 *
 * @example
 * ```ts
 * cloneConfigData({ a: () => 1 }); // { ok: false, segments: ["a"], kind: "a function" }
 * ```
 */
export function cloneConfigData(value: unknown): { ok: true; value: unknown } | NotDataProblem {
  try {
    return { ok: true, value: structuredClone(value) };
  } catch {
    try {
      const { segments, kind } = locateNotData(value);
      return { ok: false, segments, kind };
    } catch {
      return { ok: false, segments: [], kind: "a value that cannot be copied" };
    }
  }
}

/**
 * JSON type of a value for messages, never the value itself: `a string`, `a number`, `an array`, `null`, ….
 *
 * @example
 * ```ts
 * typeDescription("secret"); // "a string"
 * ```
 */
export function typeDescription(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (value === undefined) return "undefined";
  const type = typeof value;
  return type === "object" ? "an object" : `${/^[aeiou]/.test(type) ? "an" : "a"} ${type}`;
}
