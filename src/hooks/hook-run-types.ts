/**
 * The hook runner's public types: handler records, per-handler calls and failures, merged decisions by hook and the
 * dispatcher interface. Kept apart from the runners so every runner module can name them without an import cycle.
 */
import type {
  PluginHookContext,
  PluginHookEvent,
  PluginHookName,
  PluginHookResult,
  PluginToolMatcher,
} from "../contract/hook-types.js";

/**
 * A registered handler as the runner sees it.
 *
 * @example
 * ```ts
 * const entry: HookHandlerEntry = { pluginId: "p", hookName: "agent_end", order: 1, handler: () => undefined };
 * ```
 */
export interface HookHandlerEntry {
  /** Owning plugin id. */
  pluginId: string;
  /** Hook name the handler is registered for. */
  hookName: PluginHookName;
  /** The handler; called as `handler(event, ctx)`. */
  handler: (event: never, ctx: never) => unknown;
  /** Higher runs first. Default 0. */
  priority?: number;
  /** Registration sequence number across all plugins; breaks priority ties (lower first). */
  order: number;
  /** Effective per-handler timeout (operator config already applied); falls back to the hook's default. */
  timeoutMs?: number;
  /** Tool matcher for `before_tool_call` / `after_tool_call`. */
  matcher?: PluginToolMatcher;
  /** `before_agent_reply` only: triggers the handler is eligible for (checked against `ctx.trigger`). */
  eligibleTriggers?: readonly string[];
  /** `reply_dispatch` only: dispatch kinds the handler is eligible for (checked against `event.kind`). */
  eligibleDispatchKinds?: readonly string[];
  /** Stable identity within the plugin (used to attribute evaluate outcomes). */
  registrationId?: string;
}

/**
 * A trusted (bundled-only) tool policy as the runner sees it. Runs before every `before_tool_call` handler.
 *
 * @example
 * ```ts
 * const policy: TrustedToolPolicyEntry = { pluginId: "p", id: "budget", order: 1, evaluate: () => ({ allow: false }) };
 * ```
 */
export interface TrustedToolPolicyEntry {
  /** Owning plugin id. */
  pluginId: string;
  /** Policy id, scoped to the plugin. */
  id: string;
  /** Restricts the policy to some tools; omitted = all tools. */
  matcher?: PluginToolMatcher;
  /** Registration order (policies run in load order). */
  order: number;
  /** Returns a `before_tool_call`-style decision, or `{ allow: false, reason }`. */
  evaluate: (event: never, ctx: never) => unknown;
}

/**
 * What happened to one handler during a run.
 *
 * @example
 * ```ts
 * const failed = outcome.calls.filter((call: HookHandlerCall) => call.status !== "ok");
 * ```
 */
export interface HookHandlerCall {
  /** Owning plugin id. */
  pluginId: string;
  /** Trusted policy id when the call was a trusted tool policy. */
  policyId?: string;
  /**
   * `ok`: returned (possibly nothing); `error`: threw or rejected (any value, or the event could not be copied for
   * it); `timeout`: exceeded its budget; `invalid`: returned a value the hook does not accept — a non-object where
   * the hook needs one, a result whose fields could not be read, or a wrong-typed decision field such as
   * `{ block: "true" }` (the error names the field, its type and the expected type).
   */
  status: "ok" | "error" | "timeout" | "invalid";
  /** Error message for `error`, `timeout` and `invalid`. */
  error?: string;
}

/**
 * A failed handler (thrown error, rejection, timeout or invalid result), as reported to the logger.
 *
 * @example
 * ```ts
 * for (const failure of outcome.failures as HookHandlerFailure[]) console.error(failure.message);
 * ```
 */
export interface HookHandlerFailure {
  /** Hook name. */
  hookName: PluginHookName;
  /** Owning plugin id. */
  pluginId: string;
  /** Human-readable message: `[hooks] <hook> handler from <plugin> failed: <reason>`. */
  message: string;
  /** The thrown value, when there was one. */
  cause?: unknown;
  /** True for timeouts. */
  timedOut: boolean;
}

/**
 * The merged decision of a run, by hook. Observe hooks decide nothing (`undefined`); claiming hooks report the
 * claimant; gates report who blocked; `skill_proposal_evaluate` lists every evaluator's attributed outcome.
 *
 * @example
 * ```ts
 * const decision: HookDecision<"before_tool_call"> | undefined = (await runner.run("before_tool_call", event, ctx)).decision;
 * ```
 */
export type HookDecision<K extends PluginHookName> = K extends "before_tool_call"
  ? BeforeToolCallDecision
  : K extends "before_agent_reply" | "inbound_claim" | "before_dispatch" | "reply_dispatch"
    ? PluginHookResult<K> & { handled: true; pluginId: string }
    : K extends "before_agent_run"
      ? BeforeAgentRunDecision
      : K extends "before_install"
        ? BeforeInstallDecision
        : K extends "message_sending"
          ? PluginHookResult<K> & { cancelledBy?: string }
          : K extends "reply_payload_sending"
            ? PluginHookResult<K> & { cancelledBy?: string }
            : K extends "before_message_write"
              ? PluginHookResult<K> & { blockedBy?: string }
              : K extends "skill_proposal_evaluate"
                ? EvaluateOutcome[]
                : PluginHookResult<K> extends void
                  ? undefined
                  : PluginHookResult<K>;

/**
 * Merged `before_tool_call` decision (trusted policies, then ordinary handlers).
 *
 * @example
 * ```ts
 * const decision: BeforeToolCallDecision = { block: true, blockReason: "no exec", blockedBy: "guard" };
 * ```
 */
export interface BeforeToolCallDecision {
  /** Rewritten parameters (the last defined, frozen once approval was requested). */
  params?: Record<string, unknown>;
  /** The call is blocked. */
  block?: true;
  /**
   * Why, as given by the blocking handler — or, when a handler failed or returned an invalid result, the failure:
   * `before_tool_call handler from <plugin> failed: <reason>` (e.g. `invalid result: "block" is a string, expected a boolean`).
   */
  blockReason?: string;
  /** Plugin that blocked. */
  blockedBy?: string;
  /** The first approval request, stamped with the requesting plugin id. */
  requireApproval?: NonNullable<PluginHookResult<"before_tool_call">["requireApproval"]> & { pluginId: string };
}

/**
 * Merged `before_agent_run` decision. Any failure or invalid result is a block (fail-closed).
 *
 * @example
 * ```ts
 * const decision: BeforeAgentRunDecision = { outcome: "block", reason: "budget", pluginId: "budget-guard" };
 * ```
 */
export type BeforeAgentRunDecision =
  | { outcome: "pass" }
  | { outcome: "block"; reason: string; message?: string; category?: string; pluginId: string };

/**
 * Merged `before_install` decision: findings in priority order; a block is terminal.
 *
 * @example
 * ```ts
 * const decision: BeforeInstallDecision = { findings: [], block: true, blockedBy: "scanner" };
 * ```
 */
export interface BeforeInstallDecision {
  findings: NonNullable<PluginHookResult<"before_install">["findings"]>;
  block?: true;
  blockReason?: string;
  blockedBy?: string;
}

/**
 * One evaluator's outcome for `skill_proposal_evaluate`.
 *
 * @example
 * ```ts
 * const outcome: EvaluateOutcome = { pluginId: "lint", status: "ok", result: { reject: false } };
 * ```
 */
export interface EvaluateOutcome {
  pluginId: string;
  registrationId?: string;
  status: "ok" | "error" | "timeout";
  result?: PluginHookResult<"skill_proposal_evaluate">;
  error?: string;
}

/**
 * Outcome of one run.
 *
 * @example
 * ```ts
 * const outcome: HookRunOutcome<"message_sending"> = await runner.run("message_sending", { to: "u", content: "hi" });
 * ```
 */
export interface HookRunOutcome<K extends PluginHookName = PluginHookName> {
  /** The hook that ran. */
  hookName: K;
  /** The merged decision exactly as the host would act on it (`undefined` = no decision). */
  decision: HookDecision<K> | undefined;
  /** Handlers that were called, in call order (handlers skipped after a terminal decision are absent). */
  calls: HookHandlerCall[];
  /** Failed handlers. */
  failures: HookHandlerFailure[];
}

/**
 * Minimal logger the runner reports failures and warnings to.
 *
 * @example
 * ```ts
 * const logger: HookRunnerLogger = { warn: console.warn, error: console.error };
 * ```
 */
export interface HookRunnerLogger {
  warn(message: string): void;
  error(message: string): void;
}

/**
 * Options of `createHookDispatcher`.
 *
 * @example
 * ```ts
 * const options: HookDispatcherOptions = { handlers: [], trustedToolPolicies: [] };
 * ```
 */
export interface HookDispatcherOptions {
  /** Registered handlers (any order; the dispatcher sorts by priority then registration order). */
  handlers: readonly HookHandlerEntry[];
  /** Trusted tool policies, run before `before_tool_call` handlers in registration order. */
  trustedToolPolicies?: readonly TrustedToolPolicyEntry[];
  /** Where failures and warnings go. Default: silent (failures are still returned in each outcome). */
  logger?: HookRunnerLogger;
}

/**
 * A hook dispatcher over a fixed set of handlers.
 *
 * @example
 * ```ts
 * const runner: HookDispatcher = createHookDispatcher({ handlers: [] });
 * ```
 */
export interface HookDispatcher {
  /**
   * Runs hook `name` with `event` and `ctx` and returns the merged decision.
   * Rejects only for an unknown hook name (a programming error of the caller). For a known name it always resolves:
   * a failing handler (a throw of any value, a rejection, a timeout, an unreadable or invalid result, an event that
   * cannot be copied for it) is recorded in `failures` and answered with the hook's failure policy — skipped for
   * fail-open hooks, a block for the fail-closed gates (`before_tool_call`, `before_agent_run`, `before_install`).
   *
   * @example
   * ```ts
   * const { decision } = await runner.run("before_tool_call", { toolName: "exec", params: {} }, { toolName: "exec" });
   * if (decision?.block) console.log(decision.blockReason);
   * ```
   */
  run<K extends PluginHookName>(name: K, event: PluginHookEvent<K>, ctx?: PluginHookContext<K>): Promise<HookRunOutcome<K>>;
  /** Handlers for `name` in execution order. */
  handlersFor(name: PluginHookName): readonly HookHandlerEntry[];
  /** Whether anything is registered for `name` (including trusted policies for `before_tool_call`). */
  has(name: PluginHookName): boolean;
}
