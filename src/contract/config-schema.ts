/**
 * Plugin config schema shapes (`{ safeParse, jsonSchema, uiHints? }`). Types only.
 *
 * @packageDocumentation
 */

/**
 * One validation problem: the path inside the plugin config and a message.
 *
 * @example
 * ```ts
 * const issue: PluginConfigIssue = { path: ["enabled"], message: "must be boolean" };
 * ```
 */
export interface PluginConfigIssue {
  path: Array<string | number>;
  message: string;
}

/**
 * Result of `configSchema.safeParse(value)`.
 *
 * @example
 * ```ts
 * const ok: PluginConfigSafeParseResult<{ n: number }> = { success: true, data: { n: 1 } };
 * ```
 */
export type PluginConfigSafeParseResult<T> =
  | { success: true; data: T }
  | { success: false; error: { issues: PluginConfigIssue[] } };

/**
 * UI hint for one config field (control UI / onboarding forms). Keys of `uiHints` are dotted field paths.
 *
 * @example
 * ```ts
 * const hint: PluginConfigUiHint = { label: "API key", sensitive: true, placeholder: "sk-…" };
 * ```
 */
export interface PluginConfigUiHint {
  label?: string;
  help?: string;
  placeholder?: string;
  sensitive?: boolean;
  advanced?: boolean;
  tags?: string[];
}

/**
 * Result of `configSchema.validate(value)`: `{ ok: true, value? }` (the value to use, e.g. with defaults) or
 * `{ ok: false, errors }`.
 *
 * @example
 * ```ts
 * const bad: PluginConfigValidation = { ok: false, errors: ["apiKey: required"] };
 * ```
 */
export type PluginConfigValidation = { ok: true; value?: unknown } | { ok: false; errors: string[] };

/**
 * A plugin config schema. Every member is optional, as in the established contract: give a zod-like `safeParse`
 * (or `parse`), a lightweight `validate`, a JSON Schema (draft-07) — or any mix. `definePluginEntry` fills in the
 * rest (a `safeParse` derived from `validate`, `parse` or `jsonSchema`, in that order; no member at all accepts
 * any object).
 *
 * `T` is the parsed config type; `definePluginEntry` uses it to type `api.pluginConfig`.
 *
 * @example
 * ```ts
 * const schema: OpenClawPluginConfigSchema<{ enabled: boolean }> = {
 *   safeParse: (v) => ({ success: true, data: v as { enabled: boolean } }),
 *   jsonSchema: { type: "object", properties: { enabled: { type: "boolean" } } },
 * };
 * const validateOnly: OpenClawPluginConfigSchema = { validate: (v) => (typeof v === "object" ? { ok: true } : { ok: false, errors: ["must be an object"] }) };
 * ```
 */
export interface OpenClawPluginConfigSchema<T = Record<string, unknown>> {
  /**
   * Validates a config value. A schema may accept an absent section (`undefined`) as a success whose `data` is
   * `undefined`; the host then reads the config as empty.
   */
  safeParse?(value: unknown): PluginConfigSafeParseResult<T | undefined>;
  parse?(value: unknown): unknown;
  validate?(value: unknown): PluginConfigValidation;
  jsonSchema?: Record<string, unknown>;
  uiHints?: Record<string, PluginConfigUiHint>;
}

/**
 * A config schema after `definePluginEntry` completed it: `safeParse` and `jsonSchema` are always present.
 *
 * @example
 * ```ts
 * declare const entry: { configSchema: ResolvedPluginConfigSchema };
 * entry.configSchema.safeParse({}).success;
 * ```
 */
export interface ResolvedPluginConfigSchema<T = Record<string, unknown>> extends OpenClawPluginConfigSchema<T> {
  safeParse(value: unknown): PluginConfigSafeParseResult<T>;
  jsonSchema: Record<string, unknown>;
}
