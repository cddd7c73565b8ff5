/**
 * The runtime table of hook semantics: for every typed hook name, how the host runs its handlers (kind), what a
 * thrown error or a timeout means (failure policy), the default per-handler timeout, and which trust gates apply.
 * The table is keyed by the contract's `PluginHookName`, so adding a hook name to the contract without deciding its
 * semantics here is a type error.
 */
import type { PluginHookName } from "../contract/hook-types.js";
import {
  type HookMergeRule,
  mergeBeforeAgentFinalize,
  mergeBeforeModelResolve,
  mergeBeforePromptBuild,
  mergeContextContribution,
  mergeMessageSending,
  mergeResolveExecEnv,
  mergeSubagentDeliveryTarget,
} from "./merge-rules.js";

/**
 * How the host runs a hook's handlers.
 * - `observe`: all handlers concurrently, results ignored.
 * - `modify`: sequentially in priority order, results merged by the hook's merge rule.
 * - `gate`: sequentially; a block stops the remaining handlers.
 * - `claim`: sequentially; the first `{ handled: true }` wins and skips the rest (and the default path).
 * - `sync-modify`: synchronously in priority order, each handler sees the latest message; promises are ignored.
 * - `evaluate`: concurrently; every handler produces its own attributed outcome.
 *
 * @example
 * ```ts
 * const kind: HookExecutionKind = HOOK_SEMANTICS.reply_dispatch.kind; // "claim"
 * ```
 */
export type HookExecutionKind = "observe" | "modify" | "gate" | "claim" | "sync-modify" | "evaluate";

/**
 * What a thrown error or a timeout means: skip the handler (`fail-open`) or block the operation (`fail-closed`).
 *
 * @example
 * ```ts
 * const policy: HookFailurePolicy = HOOK_SEMANTICS.before_agent_run.failure; // "fail-closed"
 * ```
 */
export type HookFailurePolicy = "fail-open" | "fail-closed";

/**
 * Semantics of one hook name.
 *
 * @example
 * ```ts
 * const semantics: HookSemantics = HOOK_SEMANTICS.before_tool_call;
 * ```
 */
export interface HookSemantics {
  /** Execution contract. */
  readonly kind: HookExecutionKind;
  /** Failure policy for a thrown error, an invalid result or a timeout. */
  readonly failure: HookFailurePolicy;
  /** Default per-handler await budget in milliseconds; `undefined` = no runner timeout unless configured. */
  readonly defaultTimeoutMs: number | undefined;
  /** Handler can change prompt text: blocked by `hooks.allowPromptInjection=false`. */
  readonly promptMutating: boolean;
  /** Handler sees conversation content: non-bundled plugins need `hooks.allowConversationAccess=true`. */
  readonly conversation: boolean;
  /** Merge rule for `modify` and `gate` hooks with mergeable fields. */
  readonly merge?: HookMergeRule;
}

const GATE_TIMEOUT_MS = 15_000;
const OBSERVE_LONG_TIMEOUT_MS = 30_000;

function observe(extra: Partial<HookSemantics> = {}): HookSemantics {
  return {
    kind: "observe",
    failure: "fail-open",
    defaultTimeoutMs: undefined,
    promptMutating: false,
    conversation: false,
    ...extra,
  };
}

function modify(merge: HookMergeRule | undefined, extra: Partial<HookSemantics> = {}): HookSemantics {
  return {
    kind: "modify",
    failure: "fail-open",
    defaultTimeoutMs: undefined,
    promptMutating: false,
    conversation: false,
    ...(merge ? { merge } : {}),
    ...extra,
  };
}

function gate(extra: Partial<HookSemantics> = {}): HookSemantics {
  return {
    kind: "gate",
    failure: "fail-closed",
    defaultTimeoutMs: GATE_TIMEOUT_MS,
    promptMutating: false,
    conversation: false,
    ...extra,
  };
}

function claim(extra: Partial<HookSemantics> = {}): HookSemantics {
  return {
    kind: "claim",
    failure: "fail-open",
    defaultTimeoutMs: undefined,
    promptMutating: false,
    conversation: false,
    ...extra,
  };
}

function syncModify(): HookSemantics {
  return { kind: "sync-modify", failure: "fail-open", defaultTimeoutMs: undefined, promptMutating: false, conversation: false };
}

/**
 * Semantics of every typed hook.
 *
 * @example
 * ```ts
 * HOOK_SEMANTICS.before_tool_call.kind; // "gate"
 * HOOK_SEMANTICS.before_agent_run.failure; // "fail-closed"
 * ```
 */
export const HOOK_SEMANTICS = {
  // Agent turn
  before_model_resolve: modify(mergeBeforeModelResolve, { conversation: true }),
  agent_turn_prepare: modify(mergeContextContribution, { conversation: true, promptMutating: true }),
  before_prompt_build: modify(mergeBeforePromptBuild, {
    conversation: true,
    promptMutating: true,
    defaultTimeoutMs: GATE_TIMEOUT_MS,
  }),
  before_agent_run: gate({ conversation: true }),
  before_agent_reply: claim({ conversation: true }),
  before_agent_finalize: modify(mergeBeforeAgentFinalize, { conversation: true, defaultTimeoutMs: GATE_TIMEOUT_MS }),
  agent_end: observe({ conversation: true, defaultTimeoutMs: OBSERVE_LONG_TIMEOUT_MS }),
  heartbeat_prompt_contribution: modify(mergeContextContribution, { promptMutating: true }),
  // Conversation observation
  model_call_started: observe(),
  model_call_ended: observe(),
  llm_input: observe({ conversation: true }),
  llm_output: observe({ conversation: true }),
  // Tools
  before_tool_call: gate(),
  after_tool_call: observe(),
  resolve_exec_env: modify(mergeResolveExecEnv, { defaultTimeoutMs: GATE_TIMEOUT_MS }),
  tool_result_persist: syncModify(),
  before_message_write: syncModify(),
  // Messages and delivery
  inbound_claim: claim(),
  channel_pairing_requested: observe({ defaultTimeoutMs: 2_000 }),
  message_received: observe(),
  message_sending: modify(mergeMessageSending, { defaultTimeoutMs: GATE_TIMEOUT_MS }),
  reply_payload_sending: modify(undefined, { defaultTimeoutMs: GATE_TIMEOUT_MS }),
  message_sent: observe(),
  before_dispatch: claim(),
  reply_dispatch: claim(),
  // Sessions and compaction
  session_start: observe(),
  session_end: observe(),
  before_compaction: observe({ defaultTimeoutMs: OBSERVE_LONG_TIMEOUT_MS }),
  after_compaction: observe({ defaultTimeoutMs: OBSERVE_LONG_TIMEOUT_MS }),
  before_reset: observe(),
  // Subagents
  subagent_delivery_target: modify(mergeSubagentDeliveryTarget),
  subagent_spawned: observe(),
  subagent_progress: observe(),
  subagent_ended: observe(),
  // Lifecycle
  gateway_start: observe(),
  gateway_stop: observe({ defaultTimeoutMs: 5_000 }),
  cron_reconciled: observe(),
  cron_changed: observe(),
  before_install: gate(),
  skill_proposal_evaluate: {
    kind: "evaluate",
    failure: "fail-open",
    defaultTimeoutMs: 120_000,
    promptMutating: false,
    conversation: false,
  },
  skill_proposal_changed: observe({ defaultTimeoutMs: OBSERVE_LONG_TIMEOUT_MS }),
  skill_changed: observe({ defaultTimeoutMs: OBSERVE_LONG_TIMEOUT_MS }),
} as const satisfies Record<PluginHookName, HookSemantics>;

/**
 * Whether `name` is a typed hook name the host knows.
 *
 * @example
 * ```ts
 * isKnownHookName("before_tool_call"); // true
 * isKnownHookName("before_tool_cal"); // false
 * ```
 */
export function isKnownHookName(name: string): name is PluginHookName {
  return Object.prototype.hasOwnProperty.call(HOOK_SEMANTICS, name);
}

/**
 * Semantics for a known hook name.
 *
 * @example
 * ```ts
 * hookSemanticsOf("message_sending").defaultTimeoutMs; // 15000
 * ```
 */
export function hookSemanticsOf(name: PluginHookName): HookSemantics {
  return HOOK_SEMANTICS[name];
}

/**
 * Every known hook name, in table order.
 *
 * @example
 * ```ts
 * KNOWN_HOOK_NAMES.length; // 42
 * ```
 */
export const KNOWN_HOOK_NAMES: readonly PluginHookName[] = Object.keys(HOOK_SEMANTICS) as PluginHookName[];
