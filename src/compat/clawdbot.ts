/**
 * Names from the package's former product name (Clawdbot), kept so older plugins compile.
 */
import type { OpenClawPluginApi } from "../contract/plugin-api.js";

/**
 * The plugin api under its former name.
 *
 * @deprecated Use `OpenClawPluginApi` from `openclaw/plugin-sdk/core` instead. Removal not before 2027-06-30.
 * @example
 * ```ts
 * export function register(api: ClawdbotPluginApi) { api.logger.info("loaded"); }
 * ```
 */
export type ClawdbotPluginApi<TConfig = Record<string, unknown>> = OpenClawPluginApi<TConfig>;
