/**
 * The hook runner: dispatches one hook invocation through every registered handler with the host's semantics —
 * priority order (higher first, ties by registration order), parallel observe hooks, sequential modifying hooks
 * with per-hook merge rules, claiming hooks, gates, trusted tool policies before `before_tool_call`, per-handler
 * timeouts and fail-open / fail-closed error handling.
 *
 * The runner works on plain handler records, so the host registry, the published test harness and benchmarks all
 * drive the very same code. Its parts: `hook-run-types.ts` (public types), `call-handler.ts` (calling and awaiting a
 * handler), `result-validation.ts` (reading and checking results), `run-state.ts` (recording calls and failures),
 * `gate-runners.ts` (fail-closed gates) and `flow-runners.ts` (every other execution kind).
 *
 * Hostile handlers cannot make `run()` reject: whatever a handler throws (an Error, a symbol, a null-prototype
 * object, a revoked Proxy), however its result misbehaves (throwing getters, a thenable whose `then` throws or never
 * calls back, wrong-typed decision fields) and whatever getters the event has, the run resolves with the hook's
 * failure policy applied and a readable failure recorded.
 */
import type { PluginHookContext, PluginHookEvent, PluginHookName } from "../contract/hook-types.js";
import { runClaim, runEvaluate, runModify, runObserve, runSyncModify } from "./flow-runners.js";
import { runBeforeAgentRun, runBeforeInstall, runBeforeToolCall } from "./gate-runners.js";
import type {
  HookDecision,
  HookDispatcher,
  HookDispatcherOptions,
  HookHandlerEntry,
  HookRunOutcome,
} from "./hook-run-types.js";
import { HOOK_SEMANTICS, isKnownHookName } from "./hook-semantics.js";
import type { RunState } from "./run-state.js";

export type {
  BeforeAgentRunDecision,
  BeforeInstallDecision,
  BeforeToolCallDecision,
  EvaluateOutcome,
  HookDecision,
  HookDispatcher,
  HookDispatcherOptions,
  HookHandlerCall,
  HookHandlerEntry,
  HookHandlerFailure,
  HookRunOutcome,
  HookRunnerLogger,
  TrustedToolPolicyEntry,
} from "./hook-run-types.js";

function sortEntries<T extends { priority?: number; order: number }>(entries: readonly T[]): T[] {
  return [...entries].sort((a, b) => (b.priority ?? 0) - (a.priority ?? 0) || a.order - b.order);
}

/**
 * Creates a dispatcher over a fixed set of handlers.
 *
 * @example
 * ```ts
 * const dispatcher = createHookDispatcher({
 *   handlers: [{ pluginId: "guard", hookName: "before_tool_call", order: 0, handler: () => ({ block: true }) }],
 * });
 * const { decision } = await dispatcher.run("before_tool_call", { toolName: "exec", params: {} }, { toolName: "exec" });
 * decision?.block; // true
 * ```
 */
export function createHookDispatcher(options: HookDispatcherOptions): HookDispatcher {
  const byName = new Map<PluginHookName, HookHandlerEntry[]>();
  for (const entry of options.handlers) {
    const list = byName.get(entry.hookName);
    if (list) list.push(entry);
    else byName.set(entry.hookName, [entry]);
  }
  for (const [name, list] of byName) byName.set(name, sortEntries(list));
  const policies = sortEntries(options.trustedToolPolicies ?? []);
  const logger = options.logger;
  const empty: readonly HookHandlerEntry[] = [];

  async function run<K extends PluginHookName>(
    name: K,
    event: PluginHookEvent<K>,
    ctx?: PluginHookContext<K>,
  ): Promise<HookRunOutcome<K>> {
    if (!isKnownHookName(name)) {
      throw new Error(`Unknown hook name "${String(name)}". Use one of the typed hook names (PluginHookName), e.g. "before_tool_call".`);
    }
    const semantics = HOOK_SEMANTICS[name];
    const entries = byName.get(name) ?? empty;
    const state: RunState<K> = { name, calls: [], failures: [], logger };
    const context: unknown = ctx ?? {};
    let decision: unknown;
    if (name === "before_tool_call") {
      decision = await runBeforeToolCall(state as RunState<"before_tool_call">, entries, policies, semantics, event, context);
    } else if (name === "before_agent_run") {
      decision = await runBeforeAgentRun(state as RunState<"before_agent_run">, entries, semantics, event, context);
    } else if (name === "before_install") {
      decision = await runBeforeInstall(state as RunState<"before_install">, entries, semantics, event, context);
    } else {
      switch (semantics.kind) {
        case "observe":
          decision = await runObserve(state, entries, semantics, event, context);
          break;
        case "evaluate":
          decision = await runEvaluate(state, entries, semantics, event, context);
          break;
        case "claim":
          decision = await runClaim(state, entries, semantics, event, context);
          break;
        case "sync-modify":
          decision = runSyncModify(state, entries, event, context);
          break;
        default:
          decision = await runModify(state, entries, semantics, event, context);
      }
    }
    return { hookName: name, decision: decision as HookDecision<K> | undefined, calls: state.calls, failures: state.failures };
  }

  return {
    run,
    handlersFor: (name) => byName.get(name) ?? empty,
    has: (name) => (byName.get(name)?.length ?? 0) > 0 || (name === "before_tool_call" && policies.length > 0),
  };
}
