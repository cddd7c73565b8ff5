/**
 * Runs one compiled plugin (or channel) schema over one config value: copy (never the caller's object), compile
 * (cached per scope and schema hash), validate, and turn ajv errors into diagnostics that never print a sensitive
 * value.
 */
import type { PluginDiagnostic } from "../manifest/diagnostics.js";
import { formatPath } from "../manifest/paths.js";
import type { JsonSchemaObject, PluginUiHints } from "../manifest/plugin-manifest-schema.js";
import { cloneConfigData } from "./config-data.js";
import {
  compileJsonSchema,
  resetJsonSchemaCompiler,
  schemaHash,
  type JsonSchemaValidateFunction,
} from "./json-schema-compiler.js";
import { ajvErrorsToDiagnostics, sensitivePathsOf } from "./json-schema-errors.js";

interface CachedValidator {
  hash: string;
  compiled: ReturnType<typeof compileJsonSchema>;
}

const validatorCache = new Map<string, CachedValidator>();
const cacheStats = { compiles: 0, hits: 0 };

/**
 * Cached compiled validator for `scope` (`plugin:<id>` or `channel:<id>`) and the schema's hash. A new hash for the
 * same scope replaces the old validator (plugins updated in place do not leak compiled code).
 */
function validatorFor(scope: string, schema: JsonSchemaObject): CachedValidator["compiled"] {
  if (typeof schema !== "object" || schema === null || Array.isArray(schema)) return compileJsonSchema(schema);
  const hash = schemaHash(schema);
  const cached = validatorCache.get(scope);
  if (cached && cached.hash === hash) {
    cacheStats.hits++;
    return cached.compiled;
  }
  cacheStats.compiles++;
  const compiled = compileJsonSchema(schema);
  validatorCache.set(scope, { hash, compiled });
  return compiled;
}

/**
 * Empties the validator cache and the compiled-schema cache behind it (tests and benchmarks measure compile cost
 * with it).
 *
 * @example
 * ```ts
 * clearPluginConfigValidatorCache();
 * ```
 */
export function clearPluginConfigValidatorCache(): void {
  validatorCache.clear();
  resetJsonSchemaCompiler();
  cacheStats.compiles = 0;
  cacheStats.hits = 0;
}

/**
 * Counters of the validator cache since the last clear.
 *
 * @example
 * ```ts
 * const { compiles, hits, size } = pluginConfigValidatorCacheStats();
 * ```
 */
export function pluginConfigValidatorCacheStats(): { compiles: number; hits: number; size: number } {
  return { ...cacheStats, size: validatorCache.size };
}


/**
 * `config-not-data`: names where the offending value is and its kind, never the value (a function's source or a
 * symbol's description could be a secret). Inside a sensitive field only the field is named.
 */
export function notDataDiagnostic(
  basePath: string,
  problem: { segments: readonly string[]; kind: string },
  sensitive?: (segments: readonly string[]) => number | undefined,
): PluginDiagnostic {
  const coveredAt = sensitive?.(problem.segments);
  const shown = coveredAt === undefined ? problem.segments : problem.segments.slice(0, coveredAt);
  const rel = formatPath(shown);
  const where = basePath && rel ? `${basePath}${rel.startsWith("[") ? "" : "."}${rel}` : basePath || rel;
  const found = coveredAt === undefined ? `found ${problem.kind}${where ? ` at ${where}` : ""}` : `found a value that is not data inside ${where} (hidden: sensitive)`;
  return {
    level: "error",
    code: "config-not-data",
    path: basePath,
    message: `${basePath || "config"}: must be plain JSON-like data (objects, arrays, strings, numbers, booleans, null); ${found}.`,
  };
}

/**
 * Result of {@link validatePluginConfig} and {@link validateChannelConfig}.
 *
 * @example
 * ```ts
 * const { ok, value, diagnostics } = validatePluginConfig({ manifest, config });
 * ```
 */
export interface ConfigValidationResult {
  ok: boolean;
  /** The config with schema defaults applied (a copy; the input is never mutated). */
  value: Record<string, unknown>;
  diagnostics: PluginDiagnostic[];
}

export function runValidator(options: {
  scope: string;
  schema: JsonSchemaObject;
  data: unknown;
  path: string;
  code: string;
  hints: PluginUiHints | undefined;
  schemaName: string;
  file?: string | undefined;
}): ConfigValidationResult & { schemaInvalid: boolean } {
  const withFile = (diagnostic: PluginDiagnostic): PluginDiagnostic =>
    options.file ? { ...diagnostic, file: options.file } : diagnostic;
  const sensitive = sensitivePathsOf(options.hints);
  const copy = options.data === undefined ? { ok: true as const, value: {} } : cloneConfigData(options.data);
  if (!copy.ok) {
    return { ok: false, schemaInvalid: false, value: {}, diagnostics: [withFile(notDataDiagnostic(options.path, copy, sensitive.coveredAt))] };
  }
  const value = copy.value;
  const compiled = validatorFor(options.scope, options.schema);
  if (!compiled.ok) {
    return {
      ok: false,
      schemaInvalid: true,
      value: value as Record<string, unknown>,
      diagnostics: [
        withFile({
          level: "error",
          code: "config-schema-invalid",
          path: options.path,
          message: `${options.path}: cannot be validated: ${options.schemaName} is not a valid JSON Schema (${compiled.error}). Fix the plugin's manifest.`,
        }),
      ],
    };
  }
  const validate: JsonSchemaValidateFunction = compiled.validate;
  let valid: boolean;
  try {
    valid = validate(value) as boolean;
  } catch (error) {
    // Only reachable with pathological data (e.g. data nested deeper than the stack under a recursive schema).
    return {
      ok: false,
      schemaInvalid: false,
      value: value as Record<string, unknown>,
      diagnostics: [
        withFile({
          level: "error",
          code: "config-not-data",
          path: options.path,
          message: `${options.path}: cannot be validated: ${error instanceof RangeError ? "the value is nested too deeply" : "validation failed on this value"}. Simplify the config.`,
        }),
      ],
    };
  }
  const diagnostics = valid
    ? []
    : ajvErrorsToDiagnostics(validate.errors ?? [], {
        basePath: options.path,
        code: options.code,
        data: value,
        schema: options.schema,
        sensitive,
        ...(options.file ? { file: options.file } : {}),
      });
  return { ok: valid, schemaInvalid: false, value: value as Record<string, unknown>, diagnostics };
}
