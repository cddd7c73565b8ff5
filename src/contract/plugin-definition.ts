/**
 * Plugin entry objects and plugin config schemas. Types only.
 *
 * @packageDocumentation
 */

import type { OpenClawPluginConfigSchema } from "./config-schema.js";
import type { OpenClawPluginApi } from "./plugin-api.js";

export type {
  OpenClawPluginConfigSchema,
  PluginConfigIssue,
  PluginConfigSafeParseResult,
  PluginConfigUiHint,
} from "./config-schema.js";

/**
 * Extracts the parsed config type of a config schema.
 *
 * @example
 * ```ts
 * type C = InferPluginConfig<OpenClawPluginConfigSchema<{ a: string }>>; // { a: string }
 * ```
 */
export type InferPluginConfig<S> = S extends OpenClawPluginConfigSchema<infer T> ? T : Record<string, unknown>;

/**
 * Exclusive slot kinds a plugin may fill. Prefer the manifest's `kind`.
 *
 * @example
 * ```ts
 * const kind: PluginKind = "memory";
 * ```
 */
export type PluginKind = "memory" | "context-engine";

/**
 * A plugin entry object: what a plugin module exports as `default`, as the host consumes it.
 *
 * @example
 * ```ts
 * const entry: OpenClawPluginDefinition = {
 *   id: "demo",
 *   name: "Demo",
 *   description: "Demo plugin",
 *   register(api) { api.logger.info("hi"); },
 * };
 * ```
 */
export interface OpenClawPluginDefinition<TConfig = Record<string, unknown>> {
  /** Must equal the manifest `id`. */
  id: string;
  name: string;
  description: string;
  version?: string;
  /**
   * @deprecated Declare `kind` in `openclaw.plugin.json` instead. Removal not before 2027-06-30.
   */
  kind?: PluginKind;
  configSchema?: OpenClawPluginConfigSchema<TConfig>;
  register(api: OpenClawPluginApi<TConfig>): void | Promise<void>;
  /** Called when the host hot-reloads the plugin's config. */
  reload?(api: OpenClawPluginApi<TConfig>): void | Promise<void>;
}

/**
 * Legacy module shape: a bare register function (still accepted by the host).
 *
 * @example
 * ```ts
 * const mod: OpenClawPluginModule = (api) => { api.logger.info("hi"); };
 * ```
 */
export type OpenClawPluginModule = OpenClawPluginDefinition | ((api: OpenClawPluginApi) => void | Promise<void>);

/**
 * When the gateway activates a plugin (the manifest's `activation`; `defineToolPlugin` records it so
 * `openclaw plugins build` can write it).
 *
 * @example
 * ```ts
 * const activation: PluginActivation = { onStartup: false, onCapabilities: ["tool"] };
 * ```
 */
export interface PluginActivation {
  onStartup?: boolean;
  onProviders?: string[];
  onAgentHarnesses?: string[];
  onCommands?: string[];
  onChannels?: string[];
  onRoutes?: string[];
  onConfigPaths?: string[];
  onCapabilities?: Array<"provider" | "channel" | "tool" | "hook">;
}
