/**
 * Typed readers for tool-call parameters (the raw `params` object a model passes to a tool), with clear errors for
 * missing or malformed values.
 */

/**
 * Options of the string readers.
 *
 * @example
 * ```ts
 * readStringParam(params, "query", { required: true, label: "search query" });
 * ```
 */
export interface StringParamOptions {
  required?: boolean;
  /** Keep surrounding whitespace (default: trimmed). */
  trim?: boolean;
  /** Name used in error messages (default: the key). */
  label?: string;
  /** Accept an empty string as a value (default: empty counts as missing). */
  allowEmpty?: boolean;
}

/** Error thrown for a missing or malformed tool parameter; its message names the parameter. */
class ToolParamError extends Error {
  override name = "ToolParamError";
}

/**
 * A string parameter: trimmed unless `trim: false`; `undefined` when absent, empty or not a string; throws
 * `<label> required` when `required` and there is no usable string.
 *
 * @example
 * ```ts
 * const city = readStringParam(params, "city", { required: true });
 * ```
 */
export function readStringParam(params: Record<string, unknown>, key: string, options: StringParamOptions & { required: true }): string;
export function readStringParam(params: Record<string, unknown>, key: string, options?: StringParamOptions): string | undefined;
export function readStringParam(params: Record<string, unknown>, key: string, options: StringParamOptions = {}): string | undefined {
  const label = options.label ?? key;
  const raw = params?.[key];
  if (raw === undefined || raw === null) {
    if (options.required) throw new ToolParamError(`${label} required`);
    return undefined;
  }
  // As the gateway reads tool arguments: a value that is not a string counts as missing.
  if (typeof raw !== "string") {
    if (options.required) throw new ToolParamError(`${label} required`);
    return undefined;
  }
  const value = options.trim === false ? raw : raw.trim();
  if (!value && !options.allowEmpty) {
    if (options.required) throw new ToolParamError(`${label} required`);
    return undefined;
  }
  return value;
}

/**
 * A string or a finite number as a string (`42` → `"42"`).
 *
 * @example
 * ```ts
 * const chatId = readStringOrNumberParam(params, "chatId", { required: true });
 * ```
 */
export function readStringOrNumberParam(
  params: Record<string, unknown>,
  key: string,
  options: { required?: boolean; label?: string } = {},
): string | undefined {
  const raw = params?.[key];
  if (typeof raw === "number" && Number.isFinite(raw)) return String(raw);
  return readStringParam(params, key, options);
}

/**
 * A number parameter; numeric strings are accepted unless `strict`. `integer` truncates; `positiveInteger` and
 * `nonNegativeInteger` reject values below 1 / 0.
 *
 * @example
 * ```ts
 * const limit = readNumberParam(params, "limit", { integer: true }) ?? 10;
 * ```
 */
export function readNumberParam(
  params: Record<string, unknown>,
  key: string,
  options: { required?: boolean; label?: string; integer?: boolean; strict?: boolean; positiveInteger?: boolean; nonNegativeInteger?: boolean } = {},
): number | undefined {
  const label = options.label ?? key;
  const raw = params?.[key];
  let value: number | undefined;
  if (typeof raw === "number") value = raw;
  else if (typeof raw === "string" && raw.trim() !== "" && !options.strict) value = Number(raw.trim());
  else if (raw !== undefined && raw !== null && !(typeof raw === "string" && raw.trim() === "")) {
    throw new ToolParamError(`${label} must be a number`);
  }
  if (value === undefined) {
    if (options.required) throw new ToolParamError(`${label} required`);
    return undefined;
  }
  if (!Number.isFinite(value)) throw new ToolParamError(`${label} must be a finite number`);
  if (options.integer || options.positiveInteger || options.nonNegativeInteger) value = Math.trunc(value);
  if (options.positiveInteger && value < 1) throw new ToolParamError(`${label} must be a positive integer`);
  if (options.nonNegativeInteger && value < 0) throw new ToolParamError(`${label} must be a non-negative integer`);
  return value;
}

/**
 * A positive integer (≥ 1, at most `max`), or `undefined` when absent.
 *
 * @example
 * ```ts
 * readPositiveIntegerParam(params, "count", { max: 100 });
 * ```
 */
export function readPositiveIntegerParam(
  params: Record<string, unknown>,
  key: string,
  options: { message?: string; max?: number } = {},
): number | undefined {
  const value = readNumberParam(params, key, { positiveInteger: true });
  if (value !== undefined && options.max !== undefined && value > options.max) {
    throw new ToolParamError(options.message ?? `${key} must be at most ${options.max}`);
  }
  return value;
}

/**
 * A list of strings: an array (non-strings rejected, entries trimmed, empties dropped) or a single string.
 *
 * @example
 * ```ts
 * const tags = readStringArrayParam(params, "tags") ?? [];
 * ```
 */
export function readStringArrayParam(params: Record<string, unknown>, key: string, options: StringParamOptions & { required: true }): string[];
export function readStringArrayParam(params: Record<string, unknown>, key: string, options?: StringParamOptions): string[] | undefined;
export function readStringArrayParam(params: Record<string, unknown>, key: string, options: StringParamOptions = {}): string[] | undefined {
  const label = options.label ?? key;
  const raw = params?.[key];
  if (Array.isArray(raw)) {
    const values = raw.map((entry) => {
      if (typeof entry !== "string") throw new ToolParamError(`${label} must be an array of strings`);
      return options.trim === false ? entry : entry.trim();
    });
    const kept = options.allowEmpty ? values : values.filter(Boolean);
    if (kept.length === 0 && options.required) throw new ToolParamError(`${label} required`);
    return kept.length === 0 ? undefined : kept;
  }
  const single = readStringParam(params, key, options);
  return single === undefined ? undefined : [single];
}
