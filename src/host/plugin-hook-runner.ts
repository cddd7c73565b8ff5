/**
 * Builds the host's hook runner over loaded plugins: every accepted `api.on` handler and every trusted tool policy
 * of the plugins that loaded successfully, dispatched with the semantics of `src/hooks/`.
 */
import type { PluginHookBeforeToolCallEvent, PluginHookToolContext } from "../contract/hook-types.js";
import {
  type HookDispatcher,
  type HookHandlerEntry,
  type HookRunnerLogger,
  type TrustedToolPolicyEntry,
  createHookDispatcher,
} from "../hooks/hook-runner.js";
import type { PluginOrigin } from "./contract-gates.js";
import type { PluginRegistrations } from "./registry.js";

/**
 * The part of a loaded plugin the hook runner needs.
 *
 * @example
 * ```ts
 * const input: HookRunnerPluginInput = { id: loaded.id, origin: loaded.origin, registrations: loaded.registrations };
 * ```
 */
export interface HookRunnerPluginInput {
  id: string;
  origin: PluginOrigin;
  registrations: PluginRegistrations;
  /** Plugins with a load error contribute nothing (the host does not activate a failed plugin). */
  loadError?: unknown;
}

/**
 * Options of `createPluginHookRunner`.
 *
 * @example
 * ```ts
 * const options: PluginHookRunnerOptions = { logger: { warn: console.warn, error: console.error } };
 * ```
 */
export interface PluginHookRunnerOptions {
  /** Receives `[hooks] … failed: …` errors and sync-hook warnings. Default: silent. */
  logger?: HookRunnerLogger;
}

/**
 * Creates the hook runner for a set of loaded plugins. Handlers run in priority order (higher first; ties in
 * registration order, i.e. plugin load order); bundled trusted tool policies run before any `before_tool_call`.
 *
 * @example
 * ```ts
 * const runner = createPluginHookRunner(await loadPlugins(["./a", "./b"]));
 * const { decision } = await runner.run("before_tool_call", { toolName: "exec", params: {} }, { toolName: "exec" });
 * ```
 */
export function createPluginHookRunner(
  plugins: readonly HookRunnerPluginInput[],
  options: PluginHookRunnerOptions = {},
): HookDispatcher {
  const handlers: HookHandlerEntry[] = [];
  const policies: TrustedToolPolicyEntry[] = [];
  for (const plugin of plugins) {
    if (plugin.loadError) continue;
    for (const hook of plugin.registrations.hooks) {
      const opts = hook.options;
      handlers.push({
        pluginId: hook.pluginId,
        hookName: hook.hookName,
        handler: hook.handler,
        priority: hook.priority,
        order: hook.order,
        ...(hook.timeoutMs !== undefined ? { timeoutMs: hook.timeoutMs } : {}),
        ...(opts.matcher !== undefined ? { matcher: opts.matcher } : {}),
        ...(opts.registrationId !== undefined ? { registrationId: opts.registrationId } : {}),
        ...(opts.eligibleTriggers ? { eligibleTriggers: opts.eligibleTriggers as readonly string[] } : {}),
        ...(opts.eligibleDispatchKinds ? { eligibleDispatchKinds: opts.eligibleDispatchKinds as readonly string[] } : {}),
      });
    }
    if (plugin.origin !== "bundled") continue;
    for (const registered of plugin.registrations.trustedToolPolicies) {
      const policy = registered.policy;
      policies.push({
        pluginId: registered.pluginId,
        id: registered.id,
        order: registered.order,
        ...(policy.matcher !== undefined ? { matcher: policy.matcher } : {}),
        evaluate: ((event: PluginHookBeforeToolCallEvent, ctx: PluginHookToolContext | undefined) =>
          policy.evaluate(
            { ...event, ...(ctx?.sessionKey !== undefined ? { sessionKey: ctx.sessionKey } : {}) },
            ctx ?? { toolName: event.toolName },
          )) as TrustedToolPolicyEntry["evaluate"],
      });
    }
  }
  return createHookDispatcher({ handlers, trustedToolPolicies: policies, ...(options.logger ? { logger: options.logger } : {}) });
}
