/**
 * Plugin config schema builders: empty, from zod (3 or 4), from a JSON Schema.
 *
 * Import cost: nothing third-party loads when this module is imported. zod / zod-to-json-schema load on the
 * first read of `jsonSchema` of a zod-built schema; ajv loads on the first `safeParse` of a JSON-built schema
 * (both synchronously through `createRequire`, see docs/config-schemas.md).
 */
import type {
  ResolvedPluginConfigSchema,
  PluginConfigIssue,
  PluginConfigSafeParseResult,
  PluginConfigUiHint,
} from "../contract/config-schema.js";
import { requireAjvClass, requireAjvFormats, requireZod, requireZodToJsonSchema, type AjvDraft } from "./optional-dependency.js";

/**
 * A JSON Schema object.
 *
 * @example
 * ```ts
 * const schema: JsonSchemaObject = { type: "object", properties: { enabled: { type: "boolean" } } };
 * ```
 */
export type JsonSchemaObject = Record<string, unknown>;

/**
 * Any zod schema (zod 3, zod 4 classic or zod 4 mini), described structurally so this package's declarations
 * never load zod's.
 *
 * @example
 * ```ts
 * import { z } from "zod";
 * const schema: ZodSchemaLike = z.object({ enabled: z.boolean() });
 * ```
 */
export interface ZodSchemaLike {
  safeParse(value: unknown): unknown;
}

/**
 * The output type of a zod 3 or zod 4 schema.
 *
 * @example
 * ```ts
 * import { z } from "zod";
 * const schema = z.object({ n: z.number() });
 * type N = InferZodOutput<typeof schema>; // { n: number }
 * ```
 */
export type InferZodOutput<S> = S extends { _zod: { output: infer O } }
  ? O
  : S extends { _output: infer O }
    ? O
    : Record<string, unknown>;

/**
 * Options shared by the config schema builders.
 *
 * @example
 * ```ts
 * const opts: PluginConfigSchemaOptions = { uiHints: { apiKey: { label: "API key", sensitive: true } } };
 * ```
 */
export interface PluginConfigSchemaOptions {
  uiHints?: Record<string, PluginConfigUiHint>;
}

const EMPTY_OBJECT_JSON_SCHEMA: JsonSchemaObject = Object.freeze({
  type: "object",
  additionalProperties: false,
  properties: Object.freeze({}),
}) as JsonSchemaObject;

/**
 * The config schema of a plugin that takes no config: accepts only `undefined` and `{}`.
 *
 * @example
 * ```ts
 * const schema = emptyPluginConfigSchema();
 * schema.safeParse({}); // { success: true, data: {} }
 * schema.safeParse({ x: 1 }).success; // false
 * ```
 */
export function emptyPluginConfigSchema(): ResolvedPluginConfigSchema<Record<string, unknown>> {
  return {
    safeParse(value: unknown): PluginConfigSafeParseResult<Record<string, unknown>> {
      if (value === undefined) return { success: true, data: {} };
      if (typeof value !== "object" || value === null || Array.isArray(value)) {
        return fail([{ path: [], message: `must be an empty object (this plugin takes no config), got ${describeValue(value)}` }]);
      }
      const keys = Object.keys(value);
      if (keys.length > 0) {
        return fail(
          keys.map((key) => ({ path: [key], message: "unknown config key (this plugin takes no config); remove it" })),
        );
      }
      return { success: true, data: {} };
    },
    jsonSchema: { ...EMPTY_OBJECT_JSON_SCHEMA, properties: {} },
  };
}

/** Which zod major produced a schema. @internal */
export type ZodFlavor = "zod4" | "zod3";

/**
 * Tells zod 4 schemas (which carry `_zod`) from zod 3 schemas (which carry `_def` only). Throws a clear error for
 * anything else.
 *
 * @internal
 */
export function detectZodFlavor(schema: unknown, caller = "buildPluginConfigSchema"): ZodFlavor {
  if ((typeof schema === "object" || typeof schema === "function") && schema !== null) {
    const record = schema as Record<string, unknown>;
    const internals = record._zod;
    if (typeof internals === "object" && internals !== null && "def" in internals) return "zod4";
    if (typeof record._def === "object" && record._def !== null && typeof record.safeParse === "function") return "zod3";
  }
  throw new TypeError(
    `${caller}: expected a zod schema (zod 3 or zod 4), got ${describeValue(schema)}. ` +
      `For a plain JSON Schema object use buildJsonPluginConfigSchema(json).`,
  );
}

function isAnyLikeZodSchema(schema: Record<string, unknown>, flavor: ZodFlavor): boolean {
  if (flavor === "zod4") {
    const type = (schema._zod as { def?: { type?: unknown } }).def?.type;
    return type === "any" || type === "unknown";
  }
  const typeName = (schema._def as { typeName?: unknown }).typeName;
  return typeName === "ZodAny" || typeName === "ZodUnknown";
}

/**
 * Converts a zod 3 or zod 4 schema to a draft-07 JSON Schema describing the accepted **input** (fields with
 * defaults are optional). zod 4 uses the schema's own `toJSONSchema` (or `z.toJSONSchema` from this package's
 * zod for zod-mini schemas); zod 3 uses zod-to-json-schema. Never silently returns an empty schema: a result
 * with no constraints for a schema that is not `z.any()`/`z.unknown()` is an error.
 *
 * @example
 * ```ts
 * import { z } from "zod";
 * zodToPluginJsonSchema(z.object({ enabled: z.boolean().default(true) }));
 * // { $schema: "http://json-schema.org/draft-07/schema#", type: "object", properties: { enabled: { type: "boolean", default: true } }, … }
 * ```
 */
export function zodToPluginJsonSchema(schema: ZodSchemaLike, caller = "buildPluginConfigSchema"): JsonSchemaObject {
  const flavor = detectZodFlavor(schema, caller);
  const record = schema as unknown as Record<string, unknown>;
  let result: unknown;
  try {
    if (flavor === "zod4") {
      const params = { target: "draft-07", io: "input" } as const;
      if (typeof record.toJSONSchema === "function") {
        result = (record.toJSONSchema as (p: typeof params) => unknown).call(schema, params);
      } else {
        const z = requireZod<{ toJSONSchema(s: unknown, p: typeof params): unknown }>(caller);
        result = z.toJSONSchema(schema, params);
      }
    } else {
      const mod = requireZodToJsonSchema<{
        zodToJsonSchema(s: unknown, o: { target: string; $refStrategy: string }): unknown;
      }>(caller);
      result = mod.zodToJsonSchema(schema, { target: "jsonSchema7", $refStrategy: "none" });
    }
  } catch (error) {
    throw new Error(
      `${caller}: cannot convert the ${flavor === "zod4" ? "zod 4" : "zod 3"} schema to JSON Schema: ` +
        `${(error as Error).message}. Use types JSON Schema can represent (no transforms, dates, functions), ` +
        `or pass a JSON Schema to buildJsonPluginConfigSchema(json).`,
    );
  }
  if (typeof result !== "object" || result === null || Array.isArray(result)) {
    throw new Error(`${caller}: converting the zod schema produced ${describeValue(result)}, not a JSON Schema object.`);
  }
  const json = { ...(result as JsonSchemaObject) };
  const meaningful = Object.keys(json).filter((key) => key !== "$schema" && key !== "definitions" && key !== "$defs");
  if (meaningful.length === 0 && !isAnyLikeZodSchema(record, flavor)) {
    throw new Error(
      `${caller}: converting the ${flavor === "zod4" ? "zod 4" : "zod 3"} schema produced an empty JSON Schema ({}), ` +
        `which would accept any config. This happens when a zod 4 schema is given to a zod 3 converter or the ` +
        `schema type is unsupported; pass a schema from "zod" (v4) or "zod/v3", or use buildJsonPluginConfigSchema(json).`,
    );
  }
  if (json.$schema === undefined) json.$schema = "http://json-schema.org/draft-07/schema#";
  return json;
}

function mapZodIssues(error: unknown): PluginConfigIssue[] {
  const issues = (error as { issues?: unknown } | undefined)?.issues;
  if (!Array.isArray(issues) || issues.length === 0) return [{ path: [], message: "invalid config" }];
  return issues.map((issue: { path?: unknown; message?: unknown }) => ({
    path: Array.isArray(issue.path)
      ? issue.path.map((segment: unknown) =>
          typeof segment === "number" || typeof segment === "string" ? segment : String(segment),
        )
      : [],
    message: typeof issue.message === "string" ? issue.message : "invalid value",
  }));
}

/**
 * Builds a plugin config schema from a zod 3 or zod 4 schema. `safeParse` runs the zod schema itself (an absent
 * config parses as `{}`, so defaults apply); `jsonSchema` is converted on first read (draft-07, input shape) and
 * cached. The parsed type flows into `definePluginEntry`, typing `api.pluginConfig` without casts.
 *
 * @example
 * ```ts
 * import { z } from "zod";
 * import { buildPluginConfigSchema, definePluginEntry } from "openclaw/plugin-sdk/plugin-entry";
 *
 * export default definePluginEntry({
 *   id: "weather",
 *   name: "Weather",
 *   description: "Weather tools",
 *   configSchema: buildPluginConfigSchema(z.object({ units: z.enum(["metric", "imperial"]).default("metric") })),
 *   register(api) {
 *     api.logger.info(api.pluginConfig.units); // "metric" | "imperial"
 *   },
 * });
 * ```
 */
export function buildPluginConfigSchema<S extends ZodSchemaLike>(
  schema: S,
  options: PluginConfigSchemaOptions = {},
): ResolvedPluginConfigSchema<InferZodOutput<S>> {
  detectZodFlavor(schema);
  let jsonSchema: JsonSchemaObject | undefined;
  const built: ResolvedPluginConfigSchema<InferZodOutput<S>> = {
    safeParse(value: unknown): PluginConfigSafeParseResult<InferZodOutput<S>> {
      const result = schema.safeParse(value === undefined ? {} : value) as
        | { success: true; data: InferZodOutput<S> }
        | { success: false; error: unknown };
      if (result.success) return { success: true, data: result.data };
      return fail(mapZodIssues(result.error));
    },
    get jsonSchema(): JsonSchemaObject {
      jsonSchema ??= zodToPluginJsonSchema(schema);
      return jsonSchema;
    },
  };
  if (options.uiHints) built.uiHints = options.uiHints;
  return built;
}

function decodePointer(pointer: string): Array<string | number> {
  if (!pointer) return [];
  return pointer
    .split("/")
    .slice(1)
    .map((segment) => segment.replace(/~1/g, "/").replace(/~0/g, "~"))
    .map((segment) => (/^(0|[1-9]\d*)$/.test(segment) ? Number(segment) : segment));
}

interface AjvErrorLike {
  instancePath: string;
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
}

/**
 * Maps ajv errors to `{ path, message }` issues (`required` / `additionalProperties` point at the property).
 *
 * @internal
 */
export function ajvErrorsToIssues(errors: readonly AjvErrorLike[] | null | undefined): PluginConfigIssue[] {
  if (!errors || errors.length === 0) return [{ path: [], message: "invalid config" }];
  return errors.map((error) => {
    const path = decodePointer(error.instancePath);
    if (error.keyword === "required" && typeof error.params.missingProperty === "string") {
      path.push(error.params.missingProperty);
    } else if (error.keyword === "additionalProperties" && typeof error.params.additionalProperty === "string") {
      path.push(error.params.additionalProperty);
    }
    return { path, message: error.message ?? `failed "${error.keyword}"` };
  });
}

/**
 * Builds a plugin config schema from a JSON Schema (draft-07 by default; 2019-09 / 2020-12 by `$schema`).
 * `safeParse` validates with ajv (all errors, `default` values applied to a copy — the input is never mutated;
 * an absent config validates as `{}`). The validator compiles on the first `safeParse`; an invalid schema throws
 * there with ajv's message. Errors look like `{ path: ["enabled"], message: "must be boolean" }`.
 *
 * @example
 * ```ts
 * const schema = buildJsonPluginConfigSchema<{ enabled: boolean }>({
 *   type: "object",
 *   properties: { enabled: { type: "boolean", default: true } },
 *   additionalProperties: false,
 * });
 * schema.safeParse({}); // { success: true, data: { enabled: true } }
 * ```
 */
export function buildJsonPluginConfigSchema<T = Record<string, unknown>>(
  jsonSchema: JsonSchemaObject,
  options: PluginConfigSchemaOptions = {},
): ResolvedPluginConfigSchema<T> {
  if (typeof jsonSchema !== "object" || jsonSchema === null || Array.isArray(jsonSchema)) {
    throw new TypeError(
      `buildJsonPluginConfigSchema: expected a JSON Schema object, got ${describeValue(jsonSchema)}. ` +
        `For a zod schema use buildPluginConfigSchema(zodSchema).`,
    );
  }
  if (isZodLike(jsonSchema)) {
    throw new TypeError(
      "buildJsonPluginConfigSchema: got a zod schema; use buildPluginConfigSchema(zodSchema) for zod schemas.",
    );
  }
  type Validate = ((value: unknown) => boolean) & { errors?: AjvErrorLike[] | null };
  let validate: Validate | undefined;
  const built: ResolvedPluginConfigSchema<T> = {
    safeParse(value: unknown): PluginConfigSafeParseResult<T> {
      if (!validate) {
        validate = compileJsonSchema(jsonSchema) as Validate;
      }
      let copy: unknown;
      try {
        copy = value === undefined ? {} : structuredClone(value);
      } catch (error) {
        return fail([{ path: [], message: `config must be plain JSON data (${(error as Error).message})` }]);
      }
      if (validate(copy)) return { success: true, data: copy as T };
      return fail(ajvErrorsToIssues(validate.errors));
    },
    jsonSchema,
  };
  if (options.uiHints) built.uiHints = options.uiHints;
  return built;
}

interface AjvLike {
  compile(schema: object): unknown;
}
type AjvClass = new (options: Record<string, unknown>) => AjvLike;

const ajvInstances = new Map<AjvDraft, AjvLike>();
const DRAFTS: Record<string, AjvDraft> = {
  "http://json-schema.org/draft-07/schema": "draft-07",
  "https://json-schema.org/draft/2019-09/schema": "2019-09",
  "https://json-schema.org/draft/2020-12/schema": "2020-12",
};

function compileJsonSchema(schema: JsonSchemaObject): unknown {
  const caller = "buildJsonPluginConfigSchema";
  let draft: AjvDraft = "draft-07";
  if (schema.$schema !== undefined) {
    const found = typeof schema.$schema === "string" ? DRAFTS[schema.$schema.replace(/#$/, "")] : undefined;
    if (!found) {
      throw new Error(
        `${caller}: unsupported $schema ${JSON.stringify(schema.$schema)}; use draft-07, 2019-09 or 2020-12, or leave $schema out (draft-07).`,
      );
    }
    draft = found;
  }
  let ajv = ajvInstances.get(draft);
  if (!ajv) {
    const Ajv = requireAjvClass<AjvClass>(draft, caller);
    ajv = new Ajv({ allErrors: true, useDefaults: true, strict: false, addUsedSchema: false, logger: false });
    requireAjvFormats<(instance: AjvLike) => void>(caller)(ajv);
    ajvInstances.set(draft, ajv);
  }
  try {
    return ajv.compile(schema);
  } catch (error) {
    throw new Error(`${caller}: the JSON Schema is invalid: ${(error as Error).message}`);
  }
}

function isZodLike(value: object): boolean {
  const record = value as Record<string, unknown>;
  return typeof record.safeParse === "function" && ("_zod" in record || "_def" in record);
}

function fail(issues: PluginConfigIssue[]): { success: false; error: { issues: PluginConfigIssue[] } } {
  return { success: false, error: { issues } };
}

/**
 * Short description of a value for error messages.
 *
 * @internal
 */
export function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "string") return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  if (typeof value === "object") return "an object";
  if (typeof value === "function") return "a function";
  return `${typeof value} ${String(value)}`;
}
