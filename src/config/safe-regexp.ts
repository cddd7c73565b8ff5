/**
 * Linear-time regular expressions for untrusted patterns (`pattern`, `patternProperties` of plugin JSON Schemas).
 *
 * A plugin's schema is foreign input: a pattern such as `^(a+)+$` backtracks exponentially in JavaScript's own
 * engine, so 30 characters of config (or of a `uiHints` path) would freeze the host. Every schema pattern is run
 * with re2js (a pure-JS port of RE2: automata, no backtracking, match time linear in the input) instead. Patterns
 * RE2 cannot express (backreferences, lookaround) are refused with a message naming the pattern; callers turn that
 * into a diagnostic that names the schema path. re2js loads on first use (`createRequire` with a literal specifier),
 * so importing this module loads no third-party code.
 */
import { createRequire } from "node:module";
import type { RE2JS as RE2JSClass } from "re2js";

/** What ajv needs from a compiled pattern (its `RegExpLike`). */
export interface SafeRegExp {
  test(input: string): boolean;
  toString(): string;
}

/** ajv's `code.regExp` engine shape: a compile function plus a `code` string (used only by standalone code). */
export interface SafeRegExpEngine {
  (pattern: string, flags: string): SafeRegExp;
  code: string;
}

/** A pattern RE2 cannot compile, with the reason; `pattern` is the pattern text. */
export class UnsupportedPatternError extends Error {
  readonly pattern: string;
  constructor(pattern: string, reason: string) {
    super(`pattern ${JSON.stringify(pattern.length > 80 ? `${pattern.slice(0, 79)}…` : pattern)} cannot be used: ${reason}. Schema patterns run on a linear-time engine (RE2 syntax): backreferences and lookaround are not supported`);
    this.name = "UnsupportedPatternError";
    this.pattern = pattern;
  }
}

let re2: typeof RE2JSClass | undefined;
function loadRe2(): typeof RE2JSClass {
  if (!re2) {
    const mod = createRequire(import.meta.url)("re2js") as { RE2JS: typeof RE2JSClass };
    re2 = mod.RE2JS;
  }
  return re2;
}

/** Compiled patterns by source text, least recently used first (bounded). */
const cache = new Map<string, SafeRegExp | UnsupportedPatternError>();
const MAX_CACHED = 2000;

/**
 * Rewrites the ECMAScript escapes RE2 spells differently: `\uXXXX` and `\u{X…}` become `\x{X…}` (JSON Schema
 * patterns are ECMA-262 regexes, and `\u00e9` is a common way to write one). Everything else is passed through;
 * escapes are walked pairwise so an escaped backslash is never mistaken for the start of one.
 */
function toRe2Syntax(pattern: string): string {
  if (!pattern.includes("\\u")) return pattern;
  let out = "";
  for (let index = 0; index < pattern.length; index++) {
    const char = pattern[index]!;
    if (char !== "\\" || index + 1 >= pattern.length) {
      out += char;
      continue;
    }
    const next = pattern[index + 1]!;
    if (next === "u") {
      const braced = /^\{([0-9a-fA-F]{1,6})\}/.exec(pattern.slice(index + 2, index + 10));
      const plain = /^[0-9a-fA-F]{4}/.exec(pattern.slice(index + 2, index + 6));
      if (braced) {
        out += `\\x{${braced[1]}}`;
        index += 2 + braced[0].length - 1;
        continue;
      }
      if (plain) {
        out += `\\x{${plain[0]}}`;
        index += 5;
        continue;
      }
    }
    out += char + next;
    index++;
  }
  return out;
}

/**
 * Compiles an untrusted pattern with RE2 semantics (search anywhere, like JSON Schema `pattern`). Throws
 * {@link UnsupportedPatternError} for a pattern RE2 cannot compile; never backtracks when matching.
 *
 * @example
 * ```ts
 * compileSafeRegExp("^(a+)+$").test("a".repeat(28) + "!"); // false, in linear time
 * ```
 */
export function compileSafeRegExp(pattern: string): SafeRegExp {
  let entry = cache.get(pattern);
  if (entry === undefined) {
    try {
      const compiled = loadRe2().compile(toRe2Syntax(pattern));
      const text = `/${pattern}/re2`;
      entry = { test: (input: string) => compiled.matcher(input).find(), toString: () => text };
    } catch (error) {
      const reason = error instanceof Error ? error.message.replace(/^error parsing regexp: /, "") : "invalid pattern";
      entry = new UnsupportedPatternError(pattern, reason);
    }
    cache.set(pattern, entry);
    if (cache.size > MAX_CACHED) cache.delete(cache.keys().next().value as string);
  }
  if (entry instanceof UnsupportedPatternError) throw entry;
  return entry;
}

/**
 * The engine handed to ajv as `code.regExp`: every `pattern`/`patternProperties` regex of a compiled schema runs on
 * RE2. ajv passes the `u` flag; RE2 always matches by code point, so flags are ignored.
 *
 * @example
 * ```ts
 * new Ajv({ code: { regExp: safeRegExpEngine } });
 * ```
 */
export const safeRegExpEngine: SafeRegExpEngine = Object.assign((pattern: string, _flags: string) => compileSafeRegExp(pattern), {
  code: 'require("re2js").RE2JS.compile',
});

/**
 * True when `input` matches the untrusted `pattern`; `undefined` when RE2 cannot compile the pattern.
 *
 * @example
 * ```ts
 * safeRegExpTest("^x-", "x-trace"); // true
 * safeRegExpTest("(a)\\1", "aa"); // undefined (backreference)
 * ```
 */
export function safeRegExpTest(pattern: string, input: string): boolean | undefined {
  try {
    return compileSafeRegExp(pattern).test(input);
  } catch {
    return undefined;
  }
}
