/**
 * Turning any thrown value into a readable sentence without running into a second throw: plugins can throw
 * `null`, symbols, null-prototype objects, objects whose `toString` or `message` getter throws, or a `Proxy` whose
 * every trap throws. The host never calls `String(value)` on such a value directly.
 */

const MAX_MESSAGE = 500;

function clip(text: string): string {
  return text.length > MAX_MESSAGE ? `${text.slice(0, MAX_MESSAGE)}…` : text;
}

function attempt<T>(read: () => T): { ok: true; value: T } | { ok: false } {
  try {
    return { ok: true, value: read() };
  } catch {
    return { ok: false };
  }
}

/**
 * A one-line description of a thrown value; never throws. An `Error` gives its message, primitives and symbols
 * are printed, other objects their own `message` when it is a string, else their string form when that works,
 * else a neutral description.
 *
 * @example
 * ```ts
 * describeThrown(new Error("boom")); // "boom"
 * describeThrown(Object.create(null)); // "a thrown object without a message (not an Error)"
 * describeThrown(Symbol("x")); // "Symbol(x)"
 * ```
 */
export function describeThrown(value: unknown): string {
  if (value === null) return "null (not an Error)";
  if (value === undefined) return "undefined (not an Error)";
  switch (typeof value) {
    case "string":
      return clip(value);
    case "number":
    case "boolean":
    case "bigint":
      return `${String(value)} (not an Error)`;
    case "symbol": {
      const description = attempt(() => (value as symbol).description);
      return `Symbol(${description.ok && description.value !== undefined ? clip(description.value) : ""}) (not an Error)`;
    }
    default:
      break;
  }
  // Objects and functions: only look at own data, never trust getters or prototypes to behave.
  const message = attempt(() => {
    const own = Object.getOwnPropertyDescriptor(value, "message");
    if (own && "value" in own && typeof own.value === "string") return own.value;
    // An Error subclass may define message on its prototype chain; read it only for real errors.
    if (value instanceof Error) {
      const inherited = (value as Error).message;
      return typeof inherited === "string" ? inherited : undefined;
    }
    return undefined;
  });
  if (message.ok && message.value !== undefined) return clip(message.value) || "an Error with an empty message";
  const text = attempt(() => {
    const converted: unknown = String(value);
    return typeof converted === "string" ? converted : undefined;
  });
  if (text.ok && text.value !== undefined && text.value !== "[object Object]") return `${clip(text.value)} (not an Error)`;
  return `a thrown ${typeof value === "function" ? "function" : "object"} without a message (not an Error)`;
}
