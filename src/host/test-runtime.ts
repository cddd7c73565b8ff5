/**
 * The published test runtime: load a plugin the way the gateway does and run hooks across loaded plugins.
 */
import { fileURLToPath } from "node:url";
import type { HookDispatcher, HookRunnerLogger } from "../hooks/hook-runner.js";
import { type LoadPluginOptions, type LoadedPlugin, loadPlugin } from "./loader.js";
import { type HookRunnerPluginInput, createPluginHookRunner } from "./plugin-hook-runner.js";
import type { TestPluginApi } from "./test-api.js";

/**
 * Options of `loadPluginForTest`.
 *
 * @example
 * ```ts
 * const options: LoadPluginForTestOptions = { mode: "setup-only", pluginConfig: { token: "x" }, origin: "external" };
 * ```
 */
export type LoadPluginForTestOptions = Omit<LoadPluginOptions, "rootDir" | "entry">;

/**
 * Loads a plugin from its root folder (path or `file:` URL) or from an already-imported entry, exactly as the
 * gateway loader does: manifest diagnostics, entry import (built JS first, TypeScript through jiti), entry shape
 * and id checks, config validation before `register`, `register(api)` in `mode`, gates and shape. Never throws for
 * a broken plugin: read `loadError`.
 *
 * @example
 * ```ts
 * import { loadPluginForTest } from "openclaw/plugin-sdk/plugin-test-runtime";
 *
 * const plugin = await loadPluginForTest(new URL("..", import.meta.url), {
 *   mode: "full",
 *   pluginConfig: { units: "metric" },
 * });
 * plugin.loadError; // undefined
 * plugin.shape; // "non-capability"
 * plugin.registrations.tools[0]?.names; // ["weather_lookup"]
 * ```
 */
export function loadPluginForTest(rootOrEntry: string | URL | object, options: LoadPluginForTestOptions = {}): Promise<LoadedPlugin> {
  if (typeof rootOrEntry === "string") {
    return loadPlugin({ ...options, rootDir: rootOrEntry.startsWith("file:") ? fileURLToPath(rootOrEntry) : rootOrEntry });
  }
  if (rootOrEntry instanceof URL) return loadPlugin({ ...options, rootDir: fileURLToPath(rootOrEntry) });
  return loadPlugin({ ...options, entry: rootOrEntry });
}

/**
 * Creates a hook runner over loaded plugins (or recording test apis); `run(hookName, event, context)` returns the
 * merged decision exactly as the host would, plus which handlers ran and which failed.
 *
 * @example
 * ```ts
 * const runner = createHookRunner([plugin]);
 * const { decision } = await runner.run("before_tool_call", { toolName: "exec", params: {} }, { toolName: "exec" });
 * decision?.block; // true when a handler blocked
 * ```
 */
export function createHookRunner(
  loaded: ReadonlyArray<Pick<LoadedPlugin, "id" | "origin" | "registrations" | "loadError"> | TestPluginApi>,
  options: { logger?: HookRunnerLogger } = {},
): HookDispatcher {
  const inputs: HookRunnerPluginInput[] = loaded.map((item) =>
    "recorded" in item
      ? { id: item.recorded.id, origin: item.recorded.origin, registrations: item.recorded.registrations }
      : item,
  );
  return createPluginHookRunner(inputs, options);
}
