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
