/**
 * The effective timeout of one hook handler, from the plugin's config entry and its authored option.
 */
import type { OpenClawConfig } from "../../contract/config.js";
import type { PluginHookName } from "../../contract/hook-types.js";
import { entryConfig } from "./context.js";

function positiveTimeout(value: unknown): number | undefined {
  return typeof value === "number" && Number.isFinite(value) && value > 0 ? Math.min(value, 600_000) : undefined;
}

/**
 * Effective per-handler timeout: `plugins.entries.<id>.hooks.timeouts.<hook>` > `hooks.timeoutMs` > the plugin's
 * `opts.timeoutMs` (the hook's default applies when all are absent).
 *
 * @example
 * ```ts
 * resolveHookTimeout({ plugins: { entries: { p: { hooks: { timeoutMs: 9000 } } } } }, "p", "agent_end", 100); // 9000
 * ```
 */
export function resolveHookTimeout(
  config: OpenClawConfig,
  pluginId: string,
  hookName: PluginHookName,
  authored: number | undefined,
): number | undefined {
  const hooks = entryConfig(config, pluginId)?.hooks as Record<string, unknown> | undefined;
  const perHook = (hooks?.timeouts as Record<string, unknown> | undefined)?.[hookName];
  return positiveTimeout(perHook) ?? positiveTimeout(hooks?.timeoutMs) ?? positiveTimeout(authored);
}
