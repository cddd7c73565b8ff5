/** Path rendering and small text helpers shared by manifest and config diagnostics. */

const PLAIN_SEGMENT = /^[A-Za-z0-9_$@-]+$/;

/**
 * Renders a path as dotted text: `contracts.tools[2]`, `uiHints["twilio.authToken"].sensitive`,
 * `plugins.entries.my-plugin.config`. Segments that are not plain names are bracket-quoted so the path stays
 * unambiguous.
 *
 * @example
 * ```ts
 * formatPath(["uiHints", "twilio.authToken", "sensitive"]); // 'uiHints["twilio.authToken"].sensitive'
 * ```
 */
export function formatPath(segments: readonly PropertyKey[]): string {
  let out = "";
  for (const segment of segments) {
    if (typeof segment === "number") {
      out += `[${segment}]`;
    } else {
      const text = String(segment);
      if (PLAIN_SEGMENT.test(text)) out += out ? `.${text}` : text;
      else out += `[${JSON.stringify(text)}]`;
    }
  }
  return out;
}

/** Joins a base path and a relative one (`plugins.entries.x.config` + `apiKey`). */
export function joinPath(base: string, relative: string): string {
  if (!base) return relative;
  if (!relative) return base;
  return relative.startsWith("[") ? `${base}${relative}` : `${base}.${relative}`;
}

/**
 * Splits a dotted `uiHints` path into segments: `a.b`, `list[].name`, `list.*.name`, `map.*`; each `[]` (or `[0]`)
 * becomes a `*` segment. Callers treat `*`, and numeric segments, as wildcards.
 *
 * @example
 * ```ts
 * splitHintPath("accounts[].token"); // ["accounts", "*", "token"]
 * ```
 */
export function splitHintPath(path: string): string[] {
  if (!path.includes("[")) {
    // The common case, without a regex per segment (a manifest can hold tens of thousands of hint paths).
    const parts = path.split(".");
    let kept = 0;
    for (const part of parts) if (part) parts[kept++] = part;
    parts.length = kept;
    return parts;
  }
  const segments: string[] = [];
  for (const part of path.split(".")) {
    const match = /^(.*?)((?:\[\d*\])*)$/.exec(part);
    const name = match?.[1] ?? part;
    if (name) segments.push(name);
    for (let count = (match?.[2] ?? "").split("[").length - 1; count > 0; count--) segments.push("*");
  }
  return segments;
}

/**
 * Short, single-line JSON rendering of a value for messages (at most `max` characters).
 *
 * @example
 * ```ts
 * describeValue(true); // "true"
 * describeValue("x".repeat(100)); // '"xxxxxxxx…' (truncated)
 * ```
 */
export function describeValue(value: unknown, max = 60): string {
  let text: string;
  if (value === undefined) text = "undefined";
  else if (typeof value === "function") text = "a function";
  else if (typeof value === "bigint") text = `${value}n`;
  else {
    try {
      text = JSON.stringify(value) ?? String(value);
    } catch {
      text = Object.prototype.toString.call(value);
    }
  }
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** JSON type name of a value: `null`, `array`, `object`, `string`, `number`, `integer`, `boolean`. */
export function jsonTypeOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number" && Number.isInteger(value)) return "integer";
  return typeof value;
}

function editDistance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0]!;
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j]!;
      previous[j] = Math.min(above + 1, previous[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return previous[b.length]!;
}

/**
 * The closest candidate to `input` (case-insensitive, edit distance ≤ 2 or a shared prefix), if any.
 *
 * @example
 * ```ts
 * closestMatch("contract", ["contracts", "channels"]); // "contracts"
 * ```
 */
export function closestMatch(input: string, candidates: readonly string[]): string | undefined {
  const needle = input.toLowerCase();
  const limit = Math.max(1, Math.min(2, Math.floor(needle.length / 3)));
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    // The distance is at least the length difference: skip candidates that cannot be within the limit (this also
    // keeps a hostile 100 KB key from costing a quadratic comparison).
    if (Math.abs(candidate.length - needle.length) > limit) continue;
    const distance = editDistance(needle, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  if (best === undefined) return undefined;
  return bestDistance <= limit ? best : undefined;
}
