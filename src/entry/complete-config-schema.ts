/**
 * Completes a partial plugin config schema (every member of `OpenClawPluginConfigSchema` is optional) into one
 * with `safeParse` and `jsonSchema`, the way the established host accepts `{ jsonSchema }`, `{ validate }`,
 * `{ parse }` or `{ safeParse }` alone.
 */
import type {
  OpenClawPluginConfigSchema,
  PluginConfigIssue,
  PluginConfigSafeParseResult,
  ResolvedPluginConfigSchema,
} from "../contract/config-schema.js";
import { buildJsonPluginConfigSchema } from "./config-schema.js";

function issuesFromError(error: unknown): PluginConfigIssue[] {
  const issues = (error as { issues?: unknown })?.issues;
  if (Array.isArray(issues) && issues.length > 0) {
    return issues.map((issue: { path?: unknown; message?: unknown }) => ({
      path: Array.isArray(issue?.path) ? (issue.path as Array<string | number>) : [],
      message: typeof issue?.message === "string" ? issue.message : String(issue),
    }));
  }
  return [{ path: [], message: error instanceof Error ? error.message : String(error) }];
}

function issueFromText(text: string): PluginConfigIssue {
  // "a.b: must be x" → path ["a", "b"]; anything else stays a root message.
  const match = /^([A-Za-z0-9_$-]+(?:\.[A-Za-z0-9_$-]+)*): (.+)$/s.exec(text);
  return match ? { path: match[1]!.split("."), message: match[2]! } : { path: [], message: text };
}

/**
 * Returns `schema` with `safeParse` and `jsonSchema` filled in. `safeParse` comes from, in order: the schema's own
 * `safeParse`; `validate` (`{ ok: false, errors }` become issues, `{ ok: true, value }` is the parsed config);
 * `parse` (a throw becomes issues); `jsonSchema` (validated with ajv, defaults applied); otherwise any value is
 * accepted. A missing `jsonSchema` becomes `{}` (accepts anything). `where` names the schema in errors.
 *
 * @example
 * ```ts
 * const schema = completePluginConfigSchema({ validate: (v) => ({ ok: false, errors: ["apiKey: required"] }) }, "my-plugin");
 * schema.safeParse({}); // { success: false, error: { issues: [{ path: ["apiKey"], message: "required" }] } }
 * ```
 */
export function completePluginConfigSchema<T>(schema: OpenClawPluginConfigSchema<T>, where: string): ResolvedPluginConfigSchema<T> {
  if (typeof schema !== "object" || schema === null || Array.isArray(schema)) {
    throw new TypeError(
      `${where} must be an object with any of safeParse, parse, validate, jsonSchema (got ${Array.isArray(schema) ? "an array" : typeof schema}); use buildPluginConfigSchema(zodSchema) or buildJsonPluginConfigSchema(jsonSchema).`,
    );
  }
  const known = ["safeParse", "parse", "validate", "jsonSchema", "uiHints"];
  const keys = Object.keys(schema);
  if (keys.length > 0 && !keys.some((key) => known.includes(key))) {
    throw new TypeError(
      `${where} has none of safeParse, parse, validate, jsonSchema (found ${keys.map((k) => JSON.stringify(k)).join(", ")}); return a config schema, e.g. buildPluginConfigSchema(zodSchema) or { jsonSchema }.`,
    );
  }
  for (const member of ["safeParse", "parse", "validate"] as const) {
    if (schema[member] !== undefined && typeof schema[member] !== "function") {
      throw new TypeError(`${where}.${member} must be a function (got ${typeof schema[member]}).`);
    }
  }
  const { jsonSchema } = schema;
  if (jsonSchema !== undefined && (typeof jsonSchema !== "object" || jsonSchema === null || Array.isArray(jsonSchema))) {
    throw new TypeError(`${where}.jsonSchema must be a JSON Schema object (got ${Array.isArray(jsonSchema) ? "an array" : typeof jsonSchema}).`);
  }
  if (typeof schema.safeParse === "function" && jsonSchema !== undefined) return schema as ResolvedPluginConfigSchema<T>;
  let safeParse: (value: unknown) => PluginConfigSafeParseResult<T>;
  if (typeof schema.safeParse === "function") {
    const parse = schema.safeParse.bind(schema);
    // An absent section accepted as `{ success: true, data: undefined }` reads as the input (`{}` when absent),
    // as the `validate` path below does.
    safeParse = (value) => {
      const result = parse(value);
      if (result.success && result.data === undefined) return { success: true, data: (value === undefined ? {} : value) as T };
      return result as PluginConfigSafeParseResult<T>;
    };
  } else if (typeof schema.validate === "function") {
    const validate = schema.validate.bind(schema);
    safeParse = (value) => {
      const input = value === undefined ? {} : value;
      const result = validate(input);
      if (result?.ok === true) return { success: true, data: ("value" in result && result.value !== undefined ? result.value : input) as T };
      const errors = Array.isArray((result as { errors?: unknown })?.errors) ? (result as { errors: unknown[] }).errors : ["invalid config"];
      return { success: false, error: { issues: errors.map((e) => issueFromText(String(e))) } };
    };
  } else if (typeof schema.parse === "function") {
    const parse = schema.parse.bind(schema);
    safeParse = (value) => {
      try {
        return { success: true, data: parse(value === undefined ? {} : value) as T };
      } catch (error) {
        return { success: false, error: { issues: issuesFromError(error) } };
      }
    };
  } else if (jsonSchema !== undefined) {
    const built = buildJsonPluginConfigSchema<T>(jsonSchema);
    safeParse = (value) => built.safeParse(value);
  } else {
    safeParse = (value) => ({ success: true, data: (value === undefined ? {} : value) as T });
  }
  return { ...schema, safeParse, jsonSchema: jsonSchema ?? {} };
}
