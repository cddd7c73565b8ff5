/**
 * Dispatching legacy internal hooks (`api.registerHook(events, handler)`) in-process, e.g. `command:new`.
 *
 * Semantics (the harness's decision, documented in docs/testing-plugins.md): every handler registered for exactly
 * `eventName` runs, one at a time (each awaited), in plugin order then registration order; the same `event` object
 * is passed to each, so replies pushed to `event.messages` accumulate. A throwing handler is reported in
 * `failures` and the rest still run. Plugins whose load failed (`loadError`) are skipped.
 */
import type { InternalHookEvent, InternalHookEventName } from "../contract/plugin-api.js";
import type { PluginRegistrations } from "./registry.js";

/**
 * A plugin whose internal hooks can run: a `LoadedPlugin`, a test api's recording, or anything with registrations.
 *
 * @example
 * ```ts
 * const source: InternalHookSource = await loadPluginForTest(root, { mode: "full" });
 * ```
 */
export interface InternalHookSource {
  id?: string;
  registrations: PluginRegistrations;
  loadError?: unknown;
}

/**
 * An internal hook handler that threw.
 *
 * @example
 * ```ts
 * const failure: InternalHookFailure | undefined = outcome.failures[0]; failure?.error.message;
 * ```
 */
export interface InternalHookFailure {
  pluginId: string;
  eventName: InternalHookEventName;
  /** The `name` given in `registerHook` options, when there was one. */
  hookName?: string;
  error: Error;
}

/**
 * Outcome of `runInternalHook`.
 *
 * @example
 * ```ts
 * const outcome: InternalHookRunResult = await runInternalHook(plugin, "command:new", event);
 * outcome.handled + outcome.failures.length; // handlers called
 * ```
 */
export interface InternalHookRunResult {
  /** Handlers that ran to completion. */
  handled: number;
  /** Handlers that threw (the others still ran). */
  failures: InternalHookFailure[];
}

/**
 * Calls every internal hook handler registered for `eventName`, in registration order, awaiting each.
 * `event.messages` collects what the handlers pushed.
 *
 * @example
 * ```ts
 * import { loadPluginForTest, runInternalHook } from "openclaw/plugin-sdk/plugin-test-runtime";
 *
 * const plugin = await loadPluginForTest(new URL("..", import.meta.url), { mode: "full" });
 * const event = { type: "command" as const, action: "new", sessionKey: "agent:main:main", context: {}, timestamp: new Date(), messages: [] };
 * const outcome = await runInternalHook(plugin, "command:new", event);
 * outcome.handled;  // 1
 * event.messages;   // ["Session saved."]
 * ```
 */
export async function runInternalHook(
  source: InternalHookSource | ReadonlyArray<InternalHookSource>,
  eventName: InternalHookEventName,
  event: InternalHookEvent,
): Promise<InternalHookRunResult> {
  const plugins = (Array.isArray(source) ? source : [source]) as ReadonlyArray<InternalHookSource>;
  const result: InternalHookRunResult = { handled: 0, failures: [] };
  for (const plugin of plugins) {
    if (plugin.loadError) continue;
    for (const hook of plugin.registrations.internalHooks) {
      if (!hook.events.includes(eventName)) continue;
      try {
        await hook.handler(event);
        result.handled += 1;
      } catch (error) {
        result.failures.push({
          pluginId: hook.pluginId,
          eventName,
          ...(hook.options.name !== undefined ? { hookName: hook.options.name } : {}),
          error: error instanceof Error ? error : new Error(String(error)),
        });
      }
    }
  }
  return result;
}
