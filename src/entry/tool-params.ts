/**
 * Tool parameter helpers: string-enum JSON Schemas (TypeBox-compatible, built without TypeBox) and readers for
 * tool-call arguments. Runtime-light: no third-party code.
 */

/**
 * Options of `stringEnum`.
 *
 * @example
 * ```ts
 * const options: StringEnumOptions<readonly ["a", "b"]> = { description: "Mode", default: "a" };
 * ```
 */
export interface StringEnumOptions<T extends readonly string[]> {
  description?: string;
  title?: string;
  default?: T[number];
  deprecated?: boolean;
}

/**
 * A JSON Schema for one of a fixed set of strings. It is also a TypeBox `Unsafe` schema (it carries TypeBox's
 * `Kind` symbol and a `static` type), so it can sit inside `Type.Object({ … })`.
 *
 * @example
 * ```ts
 * const schema: StringEnumSchema<readonly ["on", "off"]> = stringEnum(["on", "off"] as const);
 * schema.enum; // ["on", "off"]
 * ```
 */
export interface StringEnumSchema<T extends readonly string[]> {
  type: "string";
  enum: Array<T[number]>;
  description?: string;
  title?: string;
  default?: T[number];
  deprecated?: boolean;
  /** Type-level only: the value type (TypeBox `Static`). */
  static: T[number];
  params: unknown[];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- TypeBox's `Kind` is a `unique symbol` this package cannot name; any other symbol key is accepted
  [key: symbol]: any;
}

const TYPEBOX_KIND = Symbol.for("TypeBox.Kind");
const TYPEBOX_OPTIONAL = Symbol.for("TypeBox.Optional");

function checkValues(where: string, values: readonly string[]): void {
  if (!Array.isArray(values) || values.length === 0 || values.some((v) => typeof v !== "string")) {
    throw new TypeError(`${where}: values must be a non-empty array of strings (got ${JSON.stringify(values)}).`);
  }
}

/**
 * A string-enum parameter schema: `{ type: "string", enum: [...] }` plus the options given. A `default` that is
 * not one of the values is an error.
 *
 * @example
 * ```ts
 * import { Type } from "@sinclair/typebox";
 * const Params = Type.Object({ action: stringEnum(["discover", "start", "collect"] as const, { description: "What to do" }) });
 * ```
 */
export function stringEnum<const T extends readonly string[]>(values: T, options: StringEnumOptions<T> = {}): StringEnumSchema<T> {
  checkValues("stringEnum", values);
  if (options.default !== undefined && !values.includes(options.default)) {
    throw new TypeError(`stringEnum: default ${JSON.stringify(options.default)} is not one of ${JSON.stringify(values)}.`);
  }
  const schema = { ...options, type: "string", enum: [...values] } as unknown as StringEnumSchema<T>;
  Object.defineProperty(schema, TYPEBOX_KIND, { value: "Unsafe", enumerable: false });
  return schema;
}

/**
 * `stringEnum` marked optional for `Type.Object` (TypeBox's `Optional` flag).
 *
 * @example
 * ```ts
 * const Params = Type.Object({ mode: optionalStringEnum(["fast", "slow"] as const) });
 * ```
 */
export function optionalStringEnum<const T extends readonly string[]>(
  values: T,
  options: StringEnumOptions<T> = {},
): StringEnumSchema<T> {
  const schema = stringEnum(values, options);
  Object.defineProperty(schema, TYPEBOX_OPTIONAL, { value: "Optional", enumerable: false });
  return schema;
}

/**
 * Options of `readStringParam`.
 *
 * @example
 * ```ts
 * const options: StringParamOptions = { required: true, label: "target" };
 * ```
 */
export interface StringParamOptions {
  /** Throw when the value is missing or empty. */
  required?: boolean;
  /** Trim whitespace (default `true`). */
  trim?: boolean;
  /** Name used in error messages (default: the key). */
  label?: string;
  /** Keep an empty string instead of treating it as missing. */
  allowEmpty?: boolean;
}

/**
 * Reads a string argument of a tool call. Numbers and booleans are converted to strings; a missing, `null` or
 * (unless `allowEmpty`) empty value is `undefined` — or, with `required`, an error naming the parameter.
 * A value of another type is an error naming the parameter and the type received.
 *
 * @example
 * ```ts
 * const runId = readStringParam(params, "runId", { required: true }); // string
 * const label = readStringParam(params, "label"); // string | undefined
 * ```
 */
export function readStringParam(params: Record<string, unknown>, key: string, options: StringParamOptions & { required: true }): string;
export function readStringParam(params: Record<string, unknown>, key: string, options?: StringParamOptions): string | undefined;
export function readStringParam(params: Record<string, unknown>, key: string, options: StringParamOptions = {}): string | undefined {
  const label = options.label ?? key;
  const raw = typeof params === "object" && params !== null ? params[key] : undefined;
  let value: string | undefined;
  if (raw === undefined || raw === null) value = undefined;
  else if (typeof raw === "string") value = options.trim === false ? raw : raw.trim();
  else if (typeof raw === "number" || typeof raw === "boolean") value = String(raw);
  else throw new TypeError(`${label} must be a string (got ${Array.isArray(raw) ? "an array" : typeof raw}).`);
  if (value === "" && !options.allowEmpty) value = undefined;
  if (value === undefined && options.required) throw new TypeError(`${label} is required.`);
  return value;
}
