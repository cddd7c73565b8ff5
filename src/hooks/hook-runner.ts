/**
 * The hook runner: dispatches one hook invocation through every registered handler with the host's semantics —
 * priority order (higher first, ties by registration order), parallel observe hooks, sequential modifying hooks
 * with per-hook merge rules, claiming hooks, gates, trusted tool policies before `before_tool_call`, per-handler
 * timeouts and fail-open / fail-closed error handling.
 *
 * The runner works on plain handler records, so the host registry, the published test harness and benchmarks all
 * drive the very same code.
 */
import type {
  PluginHookContext,
  PluginHookEvent,
  PluginHookName,
  PluginHookResult,
  PluginToolMatcher,
} from "../contract/hook-types.js";
import { HOOK_SEMANTICS, type HookSemantics, isKnownHookName } from "./hook-semantics.js";
import { type HookResultRecord, mergeLastDefinedFields } from "./merge-rules.js";

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
  /** `ok`: returned (possibly nothing); `error`: threw or rejected; `timeout`: exceeded its budget; `invalid`: returned a value the hook does not accept. */
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
  /** Why, as given by the blocking handler (or the failure for fail-closed errors). */
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
   * Throws for an unknown hook name (a programming error of the caller).
   */
  run<K extends PluginHookName>(name: K, event: PluginHookEvent<K>, ctx?: PluginHookContext<K>): Promise<HookRunOutcome<K>>;
  /** Handlers for `name` in execution order. */
  handlersFor(name: PluginHookName): readonly HookHandlerEntry[];
  /** Whether anything is registered for `name` (including trusted policies for `before_tool_call`). */
  has(name: PluginHookName): boolean;
}

const TIMED_OUT: unique symbol = Symbol("timed-out");

type Settled = { status: "ok"; value: unknown } | { status: "error"; error: unknown } | { status: "timeout" };

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return (
    value !== null &&
    (typeof value === "object" || typeof value === "function") &&
    typeof (value as { then?: unknown }).then === "function"
  );
}

function isRecord(value: unknown): value is HookResultRecord {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function errorText(error: unknown): string {
  if (error instanceof Error) return error.message.split("\n")[0]?.trim() || error.name;
  return String(error);
}

function matchesTool(matcher: PluginToolMatcher | undefined, toolName: unknown): boolean {
  if (matcher === undefined) return true;
  if (typeof toolName !== "string") return false;
  if (typeof matcher === "string") return matcher === toolName;
  if (typeof matcher === "function") {
    try {
      return matcher(toolName) === true;
    } catch {
      return false;
    }
  }
  return matcher.includes(toolName);
}

/** Calls a handler, awaiting only real promises, bounded by `timeoutMs`. */
function callHandler(
  fn: (event: never, ctx: never) => unknown,
  event: unknown,
  ctx: unknown,
  timeoutMs: number | undefined,
): Settled | Promise<Settled> {
  let value: unknown;
  try {
    value = fn(event as never, ctx as never);
  } catch (error) {
    return { status: "error", error };
  }
  if (!isPromiseLike(value)) return { status: "ok", value };
  const pending = Promise.resolve(value);
  if (timeoutMs === undefined || !Number.isFinite(timeoutMs) || timeoutMs <= 0) {
    return pending.then(
      (resolved): Settled => ({ status: "ok", value: resolved }),
      (error): Settled => ({ status: "error", error }),
    );
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(() => resolve(TIMED_OUT), timeoutMs);
  });
  return Promise.race([pending, timeout]).then(
    (resolved): Settled => {
      clearTimeout(timer);
      return resolved === TIMED_OUT ? { status: "timeout" } : { status: "ok", value: resolved };
    },
    (error): Settled => {
      clearTimeout(timer);
      return { status: "error", error };
    },
  );
}

/** Deep copy for JSON-like data (plain objects, arrays, primitives); other objects go through structuredClone. */
function deepCopy(value: unknown, depth: number): unknown {
  if (value === null || typeof value !== "object") return value;
  if (depth > 64) return value;
  if (Array.isArray(value)) return value.map((item) => deepCopy(item, depth + 1));
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) {
    try {
      return structuredClone(value);
    } catch {
      return value;
    }
  }
  const out: HookResultRecord = {};
  for (const key of Object.keys(value)) out[key] = deepCopy((value as HookResultRecord)[key], depth + 1);
  return out;
}

/** A handler's own copy of the event: shallow copy of the event, deep copy of its `params`. */
function copyEvent<T>(event: T): T {
  if (!isRecord(event)) return event;
  const copy: HookResultRecord = { ...event };
  if (isRecord(copy.params)) copy.params = deepCopy(copy.params, 0);
  return copy as T;
}

function sortEntries<T extends { priority?: number; order: number }>(entries: readonly T[]): T[] {
  return [...entries].sort((a, b) => (b.priority ?? 0) - (a.priority ?? 0) || a.order - b.order);
}

interface RunState<K extends PluginHookName> {
  name: K;
  calls: HookHandlerCall[];
  failures: HookHandlerFailure[];
  logger: HookRunnerLogger | undefined;
}

function recordFailure<K extends PluginHookName>(
  state: RunState<K>,
  pluginId: string,
  settled: Settled,
  what = "handler",
  policyId?: string,
): string {
  const reason =
    settled.status === "timeout"
      ? "timed out"
      : settled.status === "error"
        ? errorText(settled.error)
        : "returned an invalid result";
  const message = `[hooks] ${state.name} ${what} from ${pluginId} failed: ${reason}`;
  const failure: HookHandlerFailure = {
    hookName: state.name,
    pluginId,
    message,
    timedOut: settled.status === "timeout",
    ...(settled.status === "error" ? { cause: settled.error } : {}),
  };
  state.failures.push(failure);
  state.calls.push({
    pluginId,
    ...(policyId ? { policyId } : {}),
    status: settled.status === "ok" ? "invalid" : settled.status,
    error: reason,
  });
  state.logger?.error(message);
  return reason;
}

function okCall(state: RunState<PluginHookName>, pluginId: string, policyId?: string): void {
  state.calls.push({ pluginId, ...(policyId ? { policyId } : {}), status: "ok" });
}

function timeoutOf(entry: HookHandlerEntry, semantics: HookSemantics): number | undefined {
  return entry.timeoutMs ?? semantics.defaultTimeoutMs;
}

function isEligible(entry: HookHandlerEntry, event: unknown, ctx: unknown): boolean {
  if (entry.matcher !== undefined && (entry.hookName === "before_tool_call" || entry.hookName === "after_tool_call")) {
    if (!matchesTool(entry.matcher, (event as { toolName?: unknown } | undefined)?.toolName)) return false;
  }
  if (entry.eligibleTriggers && entry.eligibleTriggers.length > 0) {
    const trigger = (ctx as { trigger?: unknown } | undefined)?.trigger;
    if (typeof trigger === "string" && !entry.eligibleTriggers.includes(trigger)) return false;
  }
  if (entry.eligibleDispatchKinds && entry.eligibleDispatchKinds.length > 0) {
    const kind = (event as { kind?: unknown } | undefined)?.kind;
    if (typeof kind === "string" && !entry.eligibleDispatchKinds.includes(kind)) return false;
  }
  return true;
}

async function runObserve(
  state: RunState<PluginHookName>,
  entries: readonly HookHandlerEntry[],
  semantics: HookSemantics,
  event: unknown,
  ctx: unknown,
): Promise<undefined> {
  const eligible = entries.filter((entry) => isEligible(entry, event, ctx));
  const settled = await Promise.all(
    eligible.map((entry) => callHandler(entry.handler, event, ctx, timeoutOf(entry, semantics))),
  );
  settled.forEach((result, index) => {
    const entry = eligible[index] as HookHandlerEntry;
    if (result.status === "ok") okCall(state, entry.pluginId);
    else recordFailure(state, entry.pluginId, result);
  });
  return undefined;
}

async function runEvaluate(
  state: RunState<PluginHookName>,
  entries: readonly HookHandlerEntry[],
  semantics: HookSemantics,
  event: unknown,
  ctx: unknown,
): Promise<EvaluateOutcome[]> {
  const settled = await Promise.all(
    entries.map((entry) => callHandler(entry.handler, event, ctx, timeoutOf(entry, semantics))),
  );
  return settled.map((result, index) => {
    const entry = entries[index] as HookHandlerEntry;
    const base = { pluginId: entry.pluginId, ...(entry.registrationId ? { registrationId: entry.registrationId } : {}) };
    if (result.status === "ok") {
      okCall(state, entry.pluginId);
      return isRecord(result.value)
        ? { ...base, status: "ok" as const, result: result.value as PluginHookResult<"skill_proposal_evaluate"> }
        : { ...base, status: "ok" as const };
    }
    const reason = recordFailure(state, entry.pluginId, result);
    return { ...base, status: result.status, error: reason };
  });
}

async function runClaim(
  state: RunState<PluginHookName>,
  entries: readonly HookHandlerEntry[],
  semantics: HookSemantics,
  event: unknown,
  ctx: unknown,
): Promise<HookResultRecord | undefined> {
  for (const entry of entries) {
    if (!isEligible(entry, event, ctx)) continue;
    let result = callHandler(entry.handler, event, ctx, timeoutOf(entry, semantics));
    if (isPromiseLike(result)) result = await result;
    if (result.status !== "ok") {
      recordFailure(state, entry.pluginId, result);
      continue;
    }
    okCall(state, entry.pluginId);
    const value = result.value;
    if (isRecord(value) && value.handled === true) return { ...value, handled: true, pluginId: entry.pluginId };
  }
  return undefined;
}

async function runModify(
  state: RunState<PluginHookName>,
  entries: readonly HookHandlerEntry[],
  semantics: HookSemantics,
  event: unknown,
  ctx: unknown,
): Promise<HookResultRecord | undefined> {
  const merge = semantics.merge ?? mergeLastDefinedFields;
  const chained = state.name === "reply_payload_sending";
  const cancellable = state.name === "message_sending" || chained;
  let current = event;
  let acc: HookResultRecord | undefined;
  for (const entry of entries) {
    if (!isEligible(entry, current, ctx)) continue;
    // Each handler gets its own shallow copy: an in-place mutation by one handler never leaks to the next.
    let result = callHandler(entry.handler, copyEvent(current), ctx, timeoutOf(entry, semantics));
    if (isPromiseLike(result)) result = await result;
    if (result.status !== "ok") {
      recordFailure(state, entry.pluginId, result);
      continue;
    }
    const value = result.value;
    if (value === undefined || value === null) {
      okCall(state, entry.pluginId);
      continue;
    }
    if (!isRecord(value)) {
      recordFailure(state, entry.pluginId, result);
      continue;
    }
    okCall(state, entry.pluginId);
    if (cancellable && value.cancel === true) {
      const merged = chained ? { ...(acc ?? {}) } : merge(acc, { ...value, cancel: undefined });
      return { ...merged, cancel: true, ...(value.cancelReason !== undefined ? { cancelReason: value.cancelReason } : {}), cancelledBy: entry.pluginId };
    }
    if (chained) {
      if (isRecord(value.payload)) {
        acc = { payload: value.payload };
        current = { ...(current as HookResultRecord), payload: value.payload };
      }
      continue;
    }
    const { cancel: _ignored, ...rest } = value;
    acc = merge(acc, rest);
  }
  return acc;
}

async function runBeforeToolCall(
  state: RunState<"before_tool_call">,
  entries: readonly HookHandlerEntry[],
  policies: readonly TrustedToolPolicyEntry[],
  semantics: HookSemantics,
  event: unknown,
  ctx: unknown,
): Promise<BeforeToolCallDecision | undefined> {
  const base = isRecord(event) ? event : {};
  let params: Record<string, unknown> | undefined;
  let approval: BeforeToolCallDecision["requireApproval"];
  const decided = (): BeforeToolCallDecision | undefined => {
    if (params === undefined && approval === undefined) return undefined;
    return { ...(params !== undefined ? { params } : {}), ...(approval ? { requireApproval: approval } : {}) };
  };
  const block = (pluginId: string, reason: string | undefined): BeforeToolCallDecision => ({
    ...decided(),
    block: true,
    ...(reason !== undefined ? { blockReason: reason } : {}),
    blockedBy: pluginId,
  });
  // Trusted policies: host security tier, before any ordinary handler. Their rewrites are what handlers see.
  let current: HookResultRecord = base;
  for (const policy of policies) {
    if (!matchesTool(policy.matcher, current.toolName)) continue;
    let result = callHandler(policy.evaluate, copyEvent(current), ctx, semantics.defaultTimeoutMs);
    if (isPromiseLike(result)) result = await result;
    if (result.status !== "ok" || (result.value !== undefined && result.value !== null && !isRecord(result.value))) {
      const reason = recordFailure(state, policy.pluginId, result, `trusted tool policy "${policy.id}"`, policy.id);
      return block(policy.pluginId, `trusted tool policy "${policy.id}" failed: ${reason}`);
    }
    okCall(state, policy.pluginId, policy.id);
    const value = result.value;
    if (!isRecord(value)) continue;
    if (value.block === true || value.allow === false) {
      const reason = typeof value.blockReason === "string" ? value.blockReason : typeof value.reason === "string" ? value.reason : undefined;
      return block(policy.pluginId, reason);
    }
    if (isRecord(value.params) && approval === undefined) {
      params = value.params;
      current = { ...current, params: value.params };
    }
    if (isRecord(value.requireApproval) && approval === undefined) {
      approval = { ...(value.requireApproval as NonNullable<BeforeToolCallDecision["requireApproval"]>), pluginId: policy.pluginId };
    }
  }
  for (const entry of entries) {
    if (!isEligible(entry, current, ctx)) continue;
    // Every handler sees its own copy of the (policy-rewritten) event, never another handler's rewrite.
    let result = callHandler(entry.handler, copyEvent(current), ctx, timeoutOf(entry, semantics));
    if (isPromiseLike(result)) result = await result;
    const value = result.status === "ok" ? result.value : undefined;
    if (result.status !== "ok" || (value !== undefined && value !== null && !isRecord(value))) {
      const reason = recordFailure(state, entry.pluginId, result);
      return block(entry.pluginId, `before_tool_call handler from ${entry.pluginId} failed: ${reason}`);
    }
    okCall(state, entry.pluginId);
    if (!isRecord(value)) continue;
    if (value.block === true) {
      return block(entry.pluginId, typeof value.blockReason === "string" ? value.blockReason : undefined);
    }
    // The first approval freezes the parameter snapshot; later handlers can still block.
    if (isRecord(value.params) && approval === undefined) params = value.params;
    if (isRecord(value.requireApproval) && approval === undefined) {
      approval = { ...(value.requireApproval as NonNullable<BeforeToolCallDecision["requireApproval"]>), pluginId: entry.pluginId };
    }
  }
  return decided();
}

function isValidAgentRunResult(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (!isRecord(value)) return false;
  if (value.outcome === "pass") return true;
  return value.outcome === "block" && typeof value.reason === "string";
}

async function runBeforeAgentRun(
  state: RunState<"before_agent_run">,
  entries: readonly HookHandlerEntry[],
  semantics: HookSemantics,
  event: unknown,
  ctx: unknown,
): Promise<BeforeAgentRunDecision | undefined> {
  let passed = false;
  for (const entry of entries) {
    let result = callHandler(entry.handler, copyEvent(event), ctx, timeoutOf(entry, semantics));
    if (isPromiseLike(result)) result = await result;
    if (result.status !== "ok" || !isValidAgentRunResult(result.value)) {
      const reason = recordFailure(state, entry.pluginId, result);
      return { outcome: "block", reason: `before_agent_run handler from ${entry.pluginId} failed: ${reason}`, pluginId: entry.pluginId };
    }
    okCall(state, entry.pluginId);
    const value = result.value as HookResultRecord | undefined | null;
    if (value?.outcome === "block") {
      return {
        outcome: "block",
        reason: value.reason as string,
        ...(typeof value.message === "string" ? { message: value.message } : {}),
        ...(typeof value.category === "string" ? { category: value.category } : {}),
        pluginId: entry.pluginId,
      };
    }
    if (value?.outcome === "pass") passed = true;
  }
  return passed ? { outcome: "pass" } : undefined;
}

async function runBeforeInstall(
  state: RunState<"before_install">,
  entries: readonly HookHandlerEntry[],
  semantics: HookSemantics,
  event: unknown,
  ctx: unknown,
): Promise<BeforeInstallDecision | undefined> {
  const findings: BeforeInstallDecision["findings"] = [];
  let any = false;
  for (const entry of entries) {
    let result = callHandler(entry.handler, copyEvent(event), ctx, timeoutOf(entry, semantics));
    if (isPromiseLike(result)) result = await result;
    const value = result.status === "ok" ? result.value : undefined;
    if (result.status !== "ok" || (value !== undefined && value !== null && !isRecord(value))) {
      const reason = recordFailure(state, entry.pluginId, result);
      return { findings, block: true, blockReason: `before_install handler from ${entry.pluginId} failed: ${reason}`, blockedBy: entry.pluginId };
    }
    okCall(state, entry.pluginId);
    if (!isRecord(value)) continue;
    any = true;
    if (Array.isArray(value.findings)) findings.push(...(value.findings as BeforeInstallDecision["findings"]));
    if (value.block === true) {
      return {
        findings,
        block: true,
        ...(typeof value.blockReason === "string" ? { blockReason: value.blockReason } : {}),
        blockedBy: entry.pluginId,
      };
    }
  }
  return any ? { findings } : undefined;
}

function runSyncModify(
  state: RunState<PluginHookName>,
  entries: readonly HookHandlerEntry[],
  event: unknown,
  ctx: unknown,
): HookResultRecord | undefined {
  const base = isRecord(event) ? event : {};
  let message = base.message;
  let changed = false;
  for (const entry of entries) {
    const result = callHandler(entry.handler, { ...base, message }, ctx, undefined);
    if (isPromiseLike(result)) {
      // Synchronous hook: a promise result is ignored with a warning (its eventual rejection is swallowed).
      result.then(undefined, () => undefined);
      const warning = `[hooks] ${state.name} handler from ${entry.pluginId} returned a Promise; this hook is synchronous and the result was ignored`;
      state.logger?.warn(warning);
      state.calls.push({ pluginId: entry.pluginId, status: "invalid", error: "returned a Promise" });
      continue;
    }
    if (result.status !== "ok") {
      recordFailure(state, entry.pluginId, result);
      continue;
    }
    okCall(state, entry.pluginId);
    const value = result.value;
    if (!isRecord(value)) continue;
    if (state.name === "before_message_write" && value.block === true) {
      return { block: true, message, blockedBy: entry.pluginId };
    }
    if (value.message !== undefined) {
      message = value.message;
      changed = true;
    }
  }
  return changed ? { message } : undefined;
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
