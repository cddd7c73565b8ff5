/**
 * The `api.runtime` a plugin receives in registration modes that have no runtime (`cli-metadata`, `setup-only`):
 * every property read throws an error that names the plugin, the property and the mode, and says what to do.
 */
import type { PluginRegistrationMode } from "../contract/registration-mode.js";
import type { PluginRuntime } from "../contract/runtime.js";

/**
 * Error thrown when a plugin touches `api.runtime` in a mode without a runtime.
 *
 * @example
 * ```ts
 * try { api.runtime.config; } catch (e) { (e as RuntimeUnavailableError).code; } // "ERR_PLUGIN_RUNTIME_UNAVAILABLE"
 * ```
 */
export interface RuntimeUnavailableError extends Error {
  code: "ERR_PLUGIN_RUNTIME_UNAVAILABLE";
  pluginId: string;
  mode: PluginRegistrationMode;
  property: string;
}

/**
 * Creates a runtime whose every property read throws a precise {@link RuntimeUnavailableError}.
 *
 * @example
 * ```ts
 * const runtime = createUnavailableRuntime({ pluginId: "demo", mode: "cli-metadata" });
 * runtime.config; // throws: runtime is intentionally unavailable during cli-metadata registration …
 * ```
 */
export function createUnavailableRuntime(params: { pluginId: string; mode: PluginRegistrationMode }): PluginRuntime {
  const fail = (property: PropertyKey): never => {
    const name = String(property);
    const error = new Error(
      `runtime is intentionally unavailable during ${params.mode} registration: plugin "${params.pluginId}" read api.runtime.${name}. ` +
        `Only touch api.runtime when api.registrationMode is "full" (or another runtime mode), e.g. inside registerFull or a service start().`,
    ) as RuntimeUnavailableError;
    error.name = "RuntimeUnavailableError";
    error.code = "ERR_PLUGIN_RUNTIME_UNAVAILABLE";
    error.pluginId = params.pluginId;
    error.mode = params.mode;
    error.property = name;
    throw error;
  };
  return new Proxy({} as PluginRuntime, {
    get(_target, property) {
      // Let promise resolution and inspection probe the object without tripping the error.
      if (property === "then" || property === Symbol.toStringTag || property === "toJSON") return undefined;
      if (property === Symbol.for("nodejs.util.inspect.custom")) return () => `[unavailable runtime: ${params.mode}]`;
      return fail(property);
    },
    has: () => false,
    ownKeys: () => [],
  });
}
