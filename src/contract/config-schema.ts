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
 * A plugin config schema: a validator plus its JSON Schema (draft-07) for manifests and UIs.
 *
 * `T` is the parsed config type; `definePluginEntry` uses it to type `api.pluginConfig`.
 *
 * @example
 * ```ts
 * const schema: OpenClawPluginConfigSchema<{ enabled: boolean }> = {
 *   safeParse: (v) => ({ success: true, data: v as { enabled: boolean } }),
 *   jsonSchema: { type: "object", properties: { enabled: { type: "boolean" } } },
 * };
 * ```
 */
export interface OpenClawPluginConfigSchema<T = Record<string, unknown>> {
  safeParse(value: unknown): PluginConfigSafeParseResult<T>;
  jsonSchema: Record<string, unknown>;
  uiHints?: Record<string, PluginConfigUiHint>;
}
