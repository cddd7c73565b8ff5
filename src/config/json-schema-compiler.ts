/**
 * Compiles plugin JSON Schemas with ajv + ajv-formats. ajv is loaded synchronously on first use (through
 * `createRequire`), so modules importing this file stay cheap to import until a schema is actually compiled.
 *
 * Drafts: draft-07 (the default, also when `$schema` is absent), 2019-09 and 2020-12 are chosen by `$schema`.
 * Validators apply `default` values (`useDefaults`) and report all errors (`allErrors`).
 */
import { createHash } from "node:crypto";
import { createRequire } from "node:module";
import type { AnySchema, ErrorObject, Options, ValidateFunction } from "ajv";
import { safeRegExpEngine, UnsupportedPatternError } from "./safe-regexp.js";

/** A JSON Schema draft this compiler understands. */
export type JsonSchemaDraft = "draft-07" | "2019-09" | "2020-12";

/** Result of {@link compileJsonSchema}. */
export type CompileJsonSchemaResult =
  | {
      ok: true;
      validate: ValidateFunction;
      /** Strict-mode findings (unknown keywords, unknown formats): the schema works, they are ignored. */
      warnings: string[];
      draft: JsonSchemaDraft;
    }
  | {
      ok: false;
      error: string;
      draft?: JsonSchemaDraft;
      /**
       * Why, when it is not ajv's own verdict: `too-deep` (nested past {@link MAX_SCHEMA_DEPTH} levels, or cyclic),
       * `unsupported-pattern` (a `pattern`/`patternProperties` regex the linear-time engine cannot run).
       */
      reason?: "too-deep" | "too-large" | "unsupported-pattern";
    };

/**
 * Most objects and arrays (subschemas, `properties` maps, `enum`/`required` lists …) one schema may have. ajv's
 * compile time grows with the schema, about 0.05 ms per typed subschema on an idle core and twice that on a busy
 * one, so this cap is what bounds the compile: 2,500 allowed a valid schema that took 200 ms to compile, past the
 * reader's 100 ms target for a whole manifest. The largest published plugin schema (telegram's channel schema) has
 * 732; 1,000 keeps a third more room while a schema at the cap compiles in about 50 ms on an idle core.
 */
export const MAX_SCHEMA_NODES = 1000;

/** Most distinct `pattern`/`patternProperties` regexes one schema may have (ajv's compile is quadratic in them). */
export const MAX_SCHEMA_PATTERNS = 256;

/**
 * How many levels of nested objects/arrays a plugin schema may have. Real schemas stay far below; deeper input
 * (or a cyclic object) is refused with a diagnostic instead of overflowing the stack in the compiler.
 */
export const MAX_SCHEMA_DEPTH = 128;

/** The part of an ajv instance this module uses (ajv is loaded lazily, so only its types are imported). */
interface AjvCore {
  compile(schema: AnySchema): ValidateFunction;
  removeSchema(schema: AnySchema): unknown;
}

type AjvConstructor = new (options: Options) => AjvCore;

const DRAFT_BY_SCHEMA_URI: Record<string, JsonSchemaDraft> = {
  "http://json-schema.org/draft-07/schema": "draft-07",
  "https://json-schema.org/draft/2019-09/schema": "2019-09",
  "https://json-schema.org/draft/2020-12/schema": "2020-12",
};

const BASE_OPTIONS: Options = {
  allErrors: true,
  useDefaults: true,
  // Schemas with an `$id` are compiled many times (once per plugin/hash); never register them globally.
  addUsedSchema: false,
  strictTypes: false,
  strictTuples: false,
  strictRequired: false,
  logger: false,
  // ajv's optimizer pass (dead-name removal, constant folding) changes the generated code's speed, never its result,
  // and costs about as much as generating the code: plugin schemas are small and each is compiled once per hash, so
  // the pass does not pay for itself (200 cold compiles of the host benchmark's schemas: ~0.75 → ~0.4 ms each).
  // Untrusted patterns: every `pattern`/`patternProperties` regex runs on RE2 (linear time, no backtracking).
  code: { optimize: false, regExp: safeRegExpEngine },
  // Never inline a `$ref` target: ajv's default copies a ref-free target's code into every place that refers to it,
  // so 2,000 `{"$ref":"#/definitions/big"}` to a 400-property definition (2,400 subschemas, 130 KB, under every cap)
  // generated code for 800,000 subschemas and ran out of memory after minutes. Each target is compiled once as its
  // own function instead; results and error paths are the same, and small schemas compile a little faster.
  inlineRefs: false,
  // `properties`/`required`/defaults look at own properties only: a schema property named `toString` or
  // `constructor` is an ordinary key, never the inherited function.
  ownProperties: true,
};

const instances = new Map<string, { ajv: AjvCore; compiles: number }>();
let lazyRequire: NodeRequire | undefined;

type Exported<T> = T | { default: T };
function unwrap<T>(mod: Exported<T>): T {
  return typeof mod === "object" && mod !== null && "default" in mod ? mod.default : (mod as T);
}

/** ajv's constructor for a draft. Each load is a string literal so the isolation check can see it. */
function constructorFor(draft: JsonSchemaDraft): AjvConstructor {
  lazyRequire ??= createRequire(import.meta.url);
  if (draft === "2020-12") return unwrap(lazyRequire("ajv/dist/2020") as Exported<AjvConstructor>);
  if (draft === "2019-09") return unwrap(lazyRequire("ajv/dist/2019") as Exported<AjvConstructor>);
  return unwrap(lazyRequire("ajv") as Exported<AjvConstructor>);
}

/**
 * The ajv instance for a draft and strictness. ajv keeps every schema and validator it ever compiled in the
 * instance's code scope (`removeSchema` does not release them), so an instance is replaced after
 * `MAX_COMPILED` compiles: validators already handed out keep working, and the old instance is garbage once
 * none of them is cached any more. A long-running host that keeps reloading changed schemas stays bounded.
 */
function instanceFor(draft: JsonSchemaDraft, strict: boolean): AjvCore {
  const key = `${draft}:${strict}`;
  let entry = instances.get(key);
  if (!entry || entry.compiles >= MAX_COMPILED) {
    const Ajv = constructorFor(draft);
    const ajv = new Ajv({ ...BASE_OPTIONS, strictSchema: strict, strictNumbers: true, validateFormats: true });
    lazyRequire ??= createRequire(import.meta.url);
    const addFormats = unwrap(lazyRequire("ajv-formats") as Exported<(ajv: AjvCore) => void>);
    addFormats(ajv);
    entry = { ajv, compiles: 0 };
    instances.set(key, entry);
  }
  entry.compiles += 1;
  return entry.ajv;
}

/**
 * The draft a schema declares through `$schema` (trailing `#` ignored); `draft-07` when absent.
 *
 * @example
 * ```ts
 * draftOf({ $schema: "https://json-schema.org/draft/2020-12/schema" }); // "2020-12"
 * ```
 */
export function draftOf(schema: Record<string, unknown>): JsonSchemaDraft | { unsupported: string } {
  const declared = schema.$schema;
  if (declared === undefined) return "draft-07";
  if (typeof declared !== "string") return { unsupported: `a ${declared === null ? "null" : Array.isArray(declared) ? "array" : typeof declared}` };
  const uri = declared.replace(/#$/, "");
  return Object.hasOwn(DRAFT_BY_SCHEMA_URI, uri) ? DRAFT_BY_SCHEMA_URI[uri]! : { unsupported: declared };
}

/**
 * Compiles a JSON Schema; never throws. Invalid schemas give `ok: false` with ajv's message; schemas that only
 * trip ajv's strict mode (unknown keyword or format) compile leniently and report the finding in `warnings`.
 *
 * @example
 * ```ts
 * const compiled = compileJsonSchema({ type: "object", required: ["apiKey"] });
 * if (compiled.ok) compiled.validate({}); // false, compiled.validate.errors lists the missing property
 * ```
 */
export function compileJsonSchema(schema: unknown): CompileJsonSchemaResult {
  if (typeof schema !== "object" || schema === null || Array.isArray(schema)) {
    return { ok: false, error: "must be a JSON Schema object" };
  }
  const size = measureSchema(schema);
  if (size.tooDeep) {
    return {
      ok: false,
      reason: "too-deep",
      error: `the schema is nested deeper than ${MAX_SCHEMA_DEPTH} levels (or refers to itself as an object); flatten it, or reuse parts with "$ref"`,
    };
  }
  if (size.nodes > MAX_SCHEMA_NODES || size.patterns > MAX_SCHEMA_PATTERNS) {
    return {
      ok: false,
      reason: "too-large",
      error:
        size.nodes > MAX_SCHEMA_NODES
          ? `the schema has more than ${MAX_SCHEMA_NODES} objects and arrays (subschemas, property maps, lists); split it or reuse parts with "$ref"`
          : `the schema has more than ${MAX_SCHEMA_PATTERNS} distinct regex patterns; share patterns or use "enum"/"format"`,
    };
  }
  let hash: string;
  try {
    hash = schemaHash(schema);
  } catch (error) {
    // Only reachable with in-memory schemas (a throwing getter, a revoked Proxy), never with parsed JSON.
    return { ok: false, error: `the schema cannot be read (${errorMessage(error)})` };
  }
  const cached = compiled.get(hash);
  if (cached) {
    // Refresh its position: the map's insertion order is the eviction order.
    compiled.delete(hash);
    compiled.set(hash, cached);
    return cached;
  }
  const result = compileUncached(schema as Record<string, unknown>);
  compiled.set(hash, result);
  if (compiled.size > MAX_COMPILED) compiled.delete(compiled.keys().next().value as string);
  return result;
}

/** Compiled results by schema hash, least recently used first. */
const compiled = new Map<string, CompileJsonSchemaResult>();
const MAX_COMPILED = 1000;

/**
 * Forgets every compiled schema and the ajv instances (ajv itself stays loaded). Benchmarks use it to measure
 * compile cost; long-running hosts never need it (the cache is bounded).
 *
 * @example
 * ```ts
 * resetJsonSchemaCompiler();
 * ```
 */
export function resetJsonSchemaCompiler(): void {
  compiled.clear();
  instances.clear();
}

function compileWith(ajv: AjvCore, schema: Record<string, unknown>): ValidateFunction {
  try {
    return ajv.compile(schema as AnySchema);
  } finally {
    // The compiled function is ours to cache; do not let ajv keep every schema object alive as well.
    ajv.removeSchema(schema as AnySchema);
  }
}

function compileUncached(schema: Record<string, unknown>): CompileJsonSchemaResult {
  const draft = draftOf(schema);
  if (typeof draft !== "string") {
    return {
      ok: false,
      error: `unsupported $schema "${draft.unsupported}" (use draft-07, 2019-09 or 2020-12, or leave $schema out)`,
    };
  }
  try {
    return { ok: true, validate: compileWith(instanceFor(draft, true), schema), warnings: [], draft };
  } catch (strictError) {
    const message = errorMessage(strictError);
    const strictOnly = message.startsWith("strict mode:") || message.startsWith("unknown format");
    if (!strictOnly) return compileFailure(strictError, schema, draft);
    try {
      const validate = compileWith(instanceFor(draft, false), schema);
      return { ok: true, validate, warnings: [message.replace(/^strict mode: /, "")], draft };
    } catch (error) {
      return compileFailure(error, schema, draft);
    }
  }
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : "the schema could not be compiled";
}

function compileFailure(error: unknown, schema: Record<string, unknown>, draft: JsonSchemaDraft): CompileJsonSchemaResult {
  if (error instanceof UnsupportedPatternError) {
    const where = findPattern(schema, error.pattern);
    return { ok: false, reason: "unsupported-pattern", draft, error: `${where ? `at ${where}: ` : ""}${error.message}` };
  }
  if (error instanceof RangeError) {
    return { ok: false, reason: "too-deep", draft, error: "the schema is too deeply nested or too large to compile; flatten it" };
  }
  return { ok: false, error: errorMessage(error), draft };
}

/** JSON pointer (`#/properties/name/pattern`) of the first `pattern` or `patternProperties` key equal to `pattern`. */
function findPattern(schema: Record<string, unknown>, pattern: string): string | undefined {
  const stack: Array<{ node: unknown; pointer: string }> = [{ node: schema, pointer: "#" }];
  let steps = 0;
  while (stack.length > 0 && steps++ < 1_000_000) {
    const { node, pointer } = stack.pop()!;
    if (typeof node !== "object" || node === null) continue;
    for (const key of Object.keys(node)) {
      const child = (node as Record<string, unknown>)[key];
      const childPointer = `${pointer}/${key.replace(/~/g, "~0").replace(/\//g, "~1")}`;
      if (key === "pattern" && child === pattern) return childPointer;
      if (key === "patternProperties" && typeof child === "object" && child !== null && Object.hasOwn(child, pattern)) {
        return `${childPointer}/${pattern.replace(/~/g, "~0").replace(/\//g, "~1")}`;
      }
      stack.push({ node: child, pointer: childPointer });
    }
  }
  return undefined;
}

/**
 * One iterative walk: too deep (or cyclic), how many objects (up to just past the limit) and how many distinct
 * `pattern` strings and `patternProperties` keys.
 */
function measureSchema(schema: object): { tooDeep: boolean; nodes: number; patterns: number } {
  if (exceedsDepth(schema, MAX_SCHEMA_DEPTH)) return { tooDeep: true, nodes: 0, patterns: 0 };
  const patterns = new Set<string>();
  let nodes = 0;
  const stack: unknown[] = [schema];
  const seen = new Set<object>();
  while (stack.length > 0 && nodes <= MAX_SCHEMA_NODES && patterns.size <= MAX_SCHEMA_PATTERNS) {
    const node = stack.pop();
    if (typeof node !== "object" || node === null || seen.has(node)) continue;
    seen.add(node);
    nodes++;
    if (Array.isArray(node)) {
      for (const item of node) stack.push(item);
      continue;
    }
    for (const key of Object.keys(node)) {
      const child = (node as Record<string, unknown>)[key];
      if (key === "pattern" && typeof child === "string") patterns.add(child);
      if (key === "patternProperties" && typeof child === "object" && child !== null) for (const p of Object.keys(child)) patterns.add(p);
      stack.push(child);
    }
  }
  return { tooDeep: false, nodes, patterns: patterns.size };
}

/**
 * True when `value` nests objects/arrays more than `limit` levels deep (a cycle counts as too deep). Iterative, so
 * it never overflows the stack; a node reached again at a depth not greater than before is not walked again.
 *
 * @example
 * ```ts
 * exceedsDepth({ a: { b: {} } }, 2); // true
 * ```
 */
export function exceedsDepth(value: unknown, limit: number): boolean {
  const deepest = new Map<object, number>();
  const stack: Array<{ node: unknown; depth: number }> = [{ node: value, depth: 0 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (typeof node !== "object" || node === null) continue;
    if (depth >= limit) return true;
    const seen = deepest.get(node);
    if (seen !== undefined && seen >= depth) continue;
    deepest.set(node, depth);
    const children = Array.isArray(node) ? node : Object.values(node);
    for (const child of children) if (typeof child === "object" && child !== null) stack.push({ node: child, depth: depth + 1 });
  }
  return false;
}

/**
 * JSON text with object keys sorted, so equal schemas serialize (and hash) identically.
 *
 * @example
 * ```ts
 * stableStringify({ b: 1, a: [2, { d: 3, c: 4 }] }); // '{"a":[2,{"c":4,"d":3}],"b":1}'
 * ```
 */
export function stableStringify(value: unknown): string {
  // Iterative (an explicit stack), so no input depth can overflow the call stack; a cycle renders as "[circular]".
  const out: string[] = [];
  const open = new Set<object>();
  type Frame = { node: object; keys: string[] | undefined; index: number; first: boolean };
  const stack: Frame[] = [];
  const emit = (item: unknown): void => {
    if (typeof item === "object" && item !== null) {
      if (open.has(item)) {
        out.push('"[circular]"');
        return;
      }
      open.add(item);
      const isArray = Array.isArray(item);
      out.push(isArray ? "[" : "{");
      stack.push({ node: item, keys: isArray ? undefined : Object.keys(item).sort(), index: 0, first: true });
      return;
    }
    out.push(JSON.stringify(item) ?? "null");
  };
  emit(value);
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    if (frame.keys === undefined) {
      const array = frame.node as unknown[];
      if (frame.index >= array.length) {
        out.push("]");
        open.delete(frame.node);
        stack.pop();
        continue;
      }
      if (!frame.first) out.push(",");
      frame.first = false;
      emit(array[frame.index++] ?? null);
      continue;
    }
    const record = frame.node as Record<string, unknown>;
    let key: string | undefined;
    while (frame.index < frame.keys.length) {
      const candidate = frame.keys[frame.index++]!;
      if (record[candidate] !== undefined) {
        key = candidate;
        break;
      }
    }
    if (key === undefined) {
      out.push("}");
      open.delete(frame.node);
      stack.pop();
      continue;
    }
    if (!frame.first) out.push(",");
    frame.first = false;
    out.push(`${JSON.stringify(key)}:`);
    emit(record[key]);
  }
  return out.join("");
}

const hashes = new WeakMap<object, string>();

/**
 * sha256 of the schema's {@link stableStringify} form (memoized per schema object).
 *
 * @example
 * ```ts
 * schemaHash({ type: "object" }) === schemaHash({ type: "object" }); // true
 * ```
 */
export function schemaHash(schema: object): string {
  if (typeof schema !== "object" || schema === null) return createHash("sha256").update(stableStringify(schema)).digest("hex");
  let hash = hashes.get(schema);
  if (!hash) {
    hash = createHash("sha256").update(stableStringify(schema)).digest("hex");
    hashes.set(schema, hash);
  }
  return hash;
}

export type { ErrorObject as JsonSchemaError, ValidateFunction as JsonSchemaValidateFunction };
