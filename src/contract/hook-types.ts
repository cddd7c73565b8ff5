/**
 * Typed lifecycle hooks: names, per-hook event / context / result shapes, and registration options.
 *
 * Types only: this module has no runtime values. The host's runtime hook table is built in `src/hooks/`
 * as `satisfies Record<PluginHookName, …>` over `PluginHookHandlerMap`.
 *
 * @packageDocumentation
 */

import type { OpenClawConfig } from "./config.js";
import type { PluginHookName } from "./hook-names.js";

export type { PluginHookName } from "./hook-names.js";

/**
 * JSON-compatible value (used for session extensions and hook payloads that are persisted).
 *
 * @example
 * ```ts
 * const value: PluginJsonValue = { count: 1, tags: ["a"] };
 * ```
 */
export type PluginJsonValue =
  | string
  | number
  | boolean
  | null
  | PluginJsonValue[]
  | { [key: string]: PluginJsonValue };

/**
 * Reply payload delivered to a channel.
 *
 * @example
 * ```ts
 * const reply: ReplyPayload = { text: "done" };
 * ```
 */
export type ReplyPayload = {
  text?: string;
  mediaUrl?: string;
  mediaUrls?: string[];
  replyToId?: string;
  audioAsVoice?: boolean;
  isError?: boolean;
  channelData?: Record<string, unknown>;
};

// ---------------------------------------------------------------------------------------------------------------
// Contexts
// ---------------------------------------------------------------------------------------------------------------

/**
 * Context passed to agent-run hooks.
 *
 * @example
 * ```ts
 * const ctx: PluginHookAgentContext = { agentId: "main", sessionKey: "agent:main:main" };
 * ```
 */
export type PluginHookAgentContext = {
  runId?: string;
  agentId?: string;
  sessionKey?: string;
  sessionId?: string;
  workspaceDir?: string;
  modelProviderId?: string;
  modelId?: string;
  messageProvider?: string;
  /** Channel/plugin id for channel-originated runs, e.g. `discord`. */
  channel?: string;
  channelId?: string;
  accountId?: string;
  chatId?: string;
  senderId?: string;
  /** What started the turn (`user`, `heartbeat`, `cron`, …). */
  trigger?: PluginHookAgentTrigger | (string & {});
  /** Resolved context-token budget for the run. */
  contextTokenBudget?: number;
};

/**
 * What started an agent turn.
 *
 * @example
 * ```ts
 * const trigger: PluginHookAgentTrigger = "heartbeat";
 * ```
 */
export type PluginHookAgentTrigger = "user" | "heartbeat" | "cron" | "memory" | "followup" | "subagent";

/**
 * Context passed to tool hooks (`before_tool_call`, `after_tool_call`).
 *
 * @example
 * ```ts
 * const ctx: PluginHookToolContext = { toolName: "exec", sessionKey: "agent:main:main" };
 * ```
 */
export type PluginHookToolContext = {
  agentId?: string;
  sessionKey?: string;
  sessionId?: string;
  runId?: string;
  /** Aborts when the owning tool call is cancelled. */
  abortSignal?: AbortSignal;
  toolName: string;
  toolCallId?: string;
  channelId?: string;
  /** Reads a plugin-owned session extension value. */
  getSessionExtension?: (namespace: string) => PluginJsonValue | undefined;
  /** Message requester for this turn, when the host can prove it. */
  requester?: PluginHookToolRequesterContext;
};

/**
 * The requester of a tool call (channel identity), when known.
 *
 * @example
 * ```ts
 * const who: PluginHookToolRequesterContext = { channelId: "telegram", senderId: "42" };
 * ```
 */
export type PluginHookToolRequesterContext = {
  channelId?: string;
  accountId?: string;
  senderId?: string;
  conversationId?: string;
  isOwner?: boolean;
};

/**
 * Context passed to message hooks.
 *
 * @example
 * ```ts
 * const ctx: PluginHookMessageContext = { channelId: "telegram", conversationId: "c1" };
 * ```
 */
export type PluginHookMessageContext = {
  channelId: string;
  accountId?: string;
  conversationId?: string;
  /** Canonical session key of the conversation, when one is attached. */
  sessionKey?: string;
  /** Per-turn run identifier, when the message belongs to an agent turn. */
  runId?: string;
  /** Platform message id of the message the hook is about, when known. */
  messageId?: string;
  /** Trace id correlating the message across hooks and logs. */
  traceId?: string;
};

/**
 * Context passed to `inbound_claim`.
 *
 * @example
 * ```ts
 * const ctx: PluginHookInboundClaimContext = { channelId: "slack" };
 * ```
 */
export type PluginHookInboundClaimContext = PluginHookMessageContext & {
  senderId?: string;
  isGroup?: boolean;
};

/**
 * Context passed to `channel_pairing_requested`.
 *
 * @example
 * ```ts
 * const ctx: PluginHookChannelPairingContext = { channelId: "telegram" };
 * ```
 */
export type PluginHookChannelPairingContext = {
  channelId: string;
  accountId?: string;
};

/**
 * Context passed to `before_dispatch`.
 *
 * @example
 * ```ts
 * const ctx: PluginHookBeforeDispatchContext = { channelId: "slack", sessionKey: "s" };
 * ```
 */
export type PluginHookBeforeDispatchContext = PluginHookMessageContext & {
  senderId?: string;
};

/**
 * Dispatch path kinds used by `reply_dispatch`.
 *
 * @example
 * ```ts
 * const kind: PluginHookReplyDispatchKind = "final";
 * ```
 */
export type PluginHookReplyDispatchKind = "tool" | "block" | "final";

/**
 * Context passed to `reply_dispatch`.
 *
 * @example
 * ```ts
 * const ctx: PluginHookReplyDispatchContext = { channelId: "slack", dispatchKind: "final" };
 * ```
 */
export type PluginHookReplyDispatchContext = PluginHookMessageContext & {
  dispatchKind?: PluginHookReplyDispatchKind;
};

/**
 * Context passed to `reply_payload_sending`.
 *
 * @example
 * ```ts
 * const ctx: PluginHookReplyPayloadSendingContext = { channelId: "slack" };
 * ```
 */
export type PluginHookReplyPayloadSendingContext = PluginHookMessageContext & {
  dispatchKind?: PluginHookReplyDispatchKind;
};

/**
 * Context passed to `tool_result_persist`.
 *
 * @example
 * ```ts
 * const ctx: PluginHookToolResultPersistContext = { toolName: "read" };
 * ```
 */
export type PluginHookToolResultPersistContext = {
  agentId?: string;
  sessionKey?: string;
  toolName?: string;
  toolCallId?: string;
};

/**
 * Context passed to `before_message_write`.
 *
 * @example
 * ```ts
 * const ctx: PluginHookMessageWriteContext = { sessionKey: "s" };
 * ```
 */
export type PluginHookMessageWriteContext = {
  agentId?: string;
  sessionKey?: string;
};

/**
 * Context passed to session hooks.
 *
 * @example
 * ```ts
 * const ctx: PluginHookSessionContext = { sessionId: "abc" };
 * ```
 */
export type PluginHookSessionContext = {
  agentId?: string;
  sessionId: string;
  sessionKey?: string;
};

/**
 * Context passed to subagent hooks.
 *
 * @example
 * ```ts
 * const ctx: PluginHookSubagentContext = { runId: "r1" };
 * ```
 */
export type PluginHookSubagentContext = {
  runId?: string;
  childSessionKey?: string;
  requesterSessionKey?: string;
};

/**
 * Minimal cron service handle exposed to gateway hooks.
 *
 * @example
 * ```ts
 * declare const cron: PluginHookGatewayCronService;
 * const jobs = await cron.list();
 * ```
 */
export type PluginHookGatewayCronService = {
  list(opts?: { includeDisabled?: boolean }): Promise<PluginHookCronJob[]>;
  wake?(opts?: { reason?: string }): Promise<void> | void;
};

/**
 * A cron job as seen by hooks.
 *
 * @example
 * ```ts
 * const job: PluginHookCronJob = { id: "j1", enabled: true, state: { nextRunAtMs: Date.now() } };
 * ```
 */
export type PluginHookCronJob = {
  id: string;
  name?: string;
  enabled?: boolean;
  state?: { nextRunAtMs?: number; lastRunAtMs?: number; lastStatus?: string };
};

/**
 * Context passed to gateway hooks (`gateway_start`, `gateway_stop`, `cron_changed`).
 *
 * @example
 * ```ts
 * const ctx: PluginHookGatewayContext = { port: 18789 };
 * ```
 */
export type PluginHookGatewayContext = {
  port?: number;
  /** Current configuration snapshot. */
  config?: OpenClawConfig;
  workspaceDir?: string;
  /** Gateway-owned cron service, when available. */
  getCron?: () => PluginHookGatewayCronService | undefined;
};

/**
 * Context passed to `cron_reconciled`.
 *
 * @example
 * ```ts
 * const ctx: PluginHookCronReconciledContext = { port: 18789 };
 * ```
 */
export type PluginHookCronReconciledContext = PluginHookGatewayContext;

/**
 * Context passed to skill hooks.
 *
 * @example
 * ```ts
 * const ctx: PluginHookSkillContext = { agentId: "main" };
 * ```
 */
export type PluginHookSkillContext = {
  agentId?: string;
  workspaceDir?: string;
};

/**
 * Context passed to `before_install`.
 *
 * @example
 * ```ts
 * const ctx: PluginHookBeforeInstallContext = { origin: "cli" };
 * ```
 */
export type PluginHookBeforeInstallContext = {
  origin?: string;
};

/**
 * Context passed to `resolve_exec_env`.
 *
 * @example
 * ```ts
 * const ctx: PluginHookResolveExecEnvContext = { toolName: "exec", host: "gateway" };
 * ```
 */
export type PluginHookResolveExecEnvContext = {
  agentId?: string;
  sessionKey?: string;
  toolName: "exec";
  host: "gateway" | "sandbox" | "node";
};

// ---------------------------------------------------------------------------------------------------------------
// Events and results
// ---------------------------------------------------------------------------------------------------------------

/** Event of `before_model_resolve`. @example `const e: PluginHookBeforeModelResolveEvent = { prompt: "hi" };` */
export type PluginHookBeforeModelResolveEvent = {
  prompt: string;
  attachments?: unknown[];
};
/** Result of `before_model_resolve`. @example `const r: PluginHookBeforeModelResolveResult = { modelOverride: "llama3.3:8b" };` */
export type PluginHookBeforeModelResolveResult = {
  /** Override the model for this run, e.g. `llama3.3:8b`. */
  modelOverride?: string;
  /** Override the provider for this run. */
  providerOverride?: string;
};

/** Event of `agent_turn_prepare`. @example `const e: PluginAgentTurnPrepareEvent = { prompt: "hi", messages: [] };` */
export type PluginAgentTurnPrepareEvent = {
  prompt: string;
  messages: unknown[];
};
/** Result of `agent_turn_prepare` (prompt-mutating). @example `const r: PluginAgentTurnPrepareResult = { prependContext: "note" };` */
export type PluginAgentTurnPrepareResult = {
  prependContext?: string;
  appendContext?: string;
};

/** Event of `before_prompt_build`. @example `const e: PluginHookBeforePromptBuildEvent = { prompt: "hi", messages: [] };` */
export type PluginHookBeforePromptBuildEvent = {
  prompt: string;
  messages: unknown[];
  systemPrompt?: string;
};
/** Result of `before_prompt_build` (prompt-mutating). @example `const r: PluginHookBeforePromptBuildResult = { appendSystemContext: "Be brief." };` */
export type PluginHookBeforePromptBuildResult = {
  systemPrompt?: string;
  prependContext?: string;
  appendContext?: string;
  /** Narrows the tools submitted to the model for this turn; `[]` disables optional tools. */
  toolsAllow?: string[];
  prependSystemContext?: string;
  appendSystemContext?: string;
};

/** Event of `before_agent_reply`. @example `const e: PluginHookBeforeAgentReplyEvent = { prompt: "hi" };` */
export type PluginHookBeforeAgentReplyEvent = {
  prompt: string;
  messages?: unknown[];
};
/** Result of `before_agent_reply` (claiming: first `handled: true` wins). @example `const r: PluginHookBeforeAgentReplyResult = { handled: true, reply: { text: "hi" } };` */
export type PluginHookBeforeAgentReplyResult = {
  handled: boolean;
  reply?: ReplyPayload;
};

/** Event of `model_call_started`. @example `const e: PluginHookModelCallStartedEvent = { provider: "openai", model: "gpt-5" };` */
export type PluginHookModelCallStartedEvent = {
  provider: string;
  model: string;
  callId?: string;
};
/** Event of `model_call_ended`. @example `const e: PluginHookModelCallEndedEvent = { provider: "openai", model: "gpt-5", durationMs: 10 };` */
export type PluginHookModelCallEndedEvent = {
  provider: string;
  model: string;
  callId?: string;
  durationMs?: number;
  error?: string;
  usage?: PluginHookUsage;
};

/** Token usage numbers. @example `const u: PluginHookUsage = { input: 10, output: 5 };` */
export type PluginHookUsage = {
  input?: number;
  output?: number;
  cacheRead?: number;
  cacheWrite?: number;
  total?: number;
};

/** Event of `llm_input` (conversation access). @example `const e: PluginHookLlmInputEvent = { provider: "p", model: "m", prompt: "hi", historyMessages: [] };` */
export type PluginHookLlmInputEvent = {
  runId?: string;
  sessionId?: string;
  provider: string;
  model: string;
  systemPrompt?: string;
  prompt: string;
  historyMessages: unknown[];
  imagesCount?: number;
};
/** Event of `llm_output` (conversation access). @example `const e: PluginHookLlmOutputEvent = { runId: "r1", sessionId: "s1", provider: "p", model: "m", assistantTexts: ["ok"] };` */
export type PluginHookLlmOutputEvent = {
  runId: string;
  sessionId: string;
  provider: string;
  model: string;
  assistantTexts: string[];
  lastAssistant?: unknown;
  usage?: PluginHookUsage;
};

/** Event of `before_agent_finalize`. @example `const e: PluginHookBeforeAgentFinalizeEvent = { messages: [] };` */
export type PluginHookBeforeAgentFinalizeEvent = {
  messages: unknown[];
  finalText?: string;
};
/** Result of `before_agent_finalize`. @example `const r: PluginHookBeforeAgentFinalizeResult = { continueWith: "check again" };` */
export type PluginHookBeforeAgentFinalizeResult = {
  /** Ask the agent to keep going with this follow-up prompt instead of finishing. */
  continueWith?: string;
  reason?: string;
};

/** Event of `agent_end` (conversation access). @example `const e: PluginHookAgentEndEvent = { messages: [], success: true };` */
export type PluginHookAgentEndEvent = {
  messages: unknown[];
  success: boolean;
  error?: string;
  durationMs?: number;
};

/** Event of `before_compaction`. @example `const e: PluginHookBeforeCompactionEvent = { messageCount: 40 };` */
export type PluginHookBeforeCompactionEvent = {
  messageCount: number;
  tokenCount?: number;
  messages?: unknown[];
  sessionFile?: string;
};
/** Event of `after_compaction`. @example `const e: PluginHookAfterCompactionEvent = { messageCount: 5, compactedCount: 35 };` */
export type PluginHookAfterCompactionEvent = {
  messageCount: number;
  compactedCount: number;
  tokenCount?: number;
  sessionFile?: string;
};

/** Event of `before_reset`. @example `const e: PluginHookBeforeResetEvent = { reason: "new" };` */
export type PluginHookBeforeResetEvent = {
  sessionFile?: string;
  messages?: unknown[];
  reason?: string;
};

/** Event of `inbound_claim`. @example `const e: PluginHookInboundClaimEvent = { content: "hi", channel: "slack" };` */
export type PluginHookInboundClaimEvent = {
  content: string;
  channel: string;
  accountId?: string;
  conversationId?: string;
  senderId?: string;
  threadId?: string | number;
  metadata?: Record<string, unknown>;
};
/** Result of `inbound_claim` (claiming). @example `const r: PluginHookInboundClaimResult = { handled: true };` */
export type PluginHookInboundClaimResult = {
  handled: boolean;
  reply?: ReplyPayload;
};

/** Event of `channel_pairing_requested`. @example `const e: PluginHookChannelPairingRequestedEvent = { channel: "telegram", senderId: "1", code: "ABCD" };` */
export type PluginHookChannelPairingRequestedEvent = {
  channel: string;
  accountId?: string;
  senderId: string;
  senderName?: string;
  code: string;
};

/** Event of `message_received`. @example `const e: PluginHookMessageReceivedEvent = { from: "u1", content: "hi" };` */
export type PluginHookMessageReceivedEvent = {
  from: string;
  content: string;
  timestamp?: number;
  /** Inbound thread/topic id; prefer it over channel-specific metadata. */
  threadId?: string | number;
  metadata?: Record<string, unknown>;
};

/** Event of `message_sending`. @example `const e: PluginHookMessageSendingEvent = { to: "u1", content: "hi" };` */
export type PluginHookMessageSendingEvent = {
  to: string;
  content: string;
  replyToId?: string | number;
  threadId?: string | number;
  metadata?: Record<string, unknown>;
};
/** Result of `message_sending`: `cancel: true` is terminal, `cancel: false` is no decision, last `content` wins. @example `const r: PluginHookMessageSendingResult = { cancel: true, cancelReason: "spam" };` */
export type PluginHookMessageSendingResult = {
  content?: string;
  cancel?: boolean;
  cancelReason?: string;
  metadata?: Record<string, unknown>;
};

/** Event of `reply_payload_sending`. @example `const e: PluginHookReplyPayloadSendingEvent = { payload: { text: "hi" } };` */
export type PluginHookReplyPayloadSendingEvent = {
  payload: ReplyPayload;
  kind?: PluginHookReplyDispatchKind;
};
/** Result of `reply_payload_sending`. @example `const r: PluginHookReplyPayloadSendingResult = { payload: { text: "edited" } };` */
export type PluginHookReplyPayloadSendingResult = {
  payload?: ReplyPayload;
  cancel?: boolean;
};

/** Event of `message_sent`. @example `const e: PluginHookMessageSentEvent = { to: "u1", content: "hi", success: true };` */
export type PluginHookMessageSentEvent = {
  to: string;
  content: string;
  success: boolean;
  error?: string;
  messageId?: string;
};

/** Event of `before_tool_call`. @example `const e: PluginHookBeforeToolCallEvent = { toolName: "exec", params: {} };` */
export type PluginHookBeforeToolCallEvent = {
  toolName: string;
  params: Record<string, unknown>;
  runId?: string;
  toolCallId?: string;
  /** Best-effort destination path hints derived by the host (not authoritative). */
  derivedPaths?: readonly string[];
};

/**
 * Decision a user took on an approval request.
 *
 * @example
 * ```ts
 * const d: PluginApprovalResolution = "allow-once";
 * ```
 */
export type PluginApprovalResolution = "allow-once" | "allow-always" | "deny" | "timeout";

/**
 * Result of `before_tool_call`: `block: true` is sticky and terminal, `block: false` is no decision, `params`
 * last-defined wins, the first `requireApproval` wins.
 *
 * @example
 * ```ts
 * const r: PluginHookBeforeToolCallResult = { block: true, blockReason: "not allowed" };
 * ```
 */
export type PluginHookBeforeToolCallResult = {
  params?: Record<string, unknown>;
  block?: boolean;
  blockReason?: string;
  requireApproval?: {
    title: string;
    description: string;
    severity?: "info" | "warning" | "critical";
    timeoutMs?: number;
    allowedDecisions?: Array<"allow-once" | "allow-always" | "deny">;
    onResolution?: (decision: PluginApprovalResolution) => Promise<void> | void;
  };
};

/** Event of `after_tool_call`. @example `const e: PluginHookAfterToolCallEvent = { toolName: "exec", params: {}, result: "ok" };` */
export type PluginHookAfterToolCallEvent = {
  toolName: string;
  params: Record<string, unknown>;
  runId?: string;
  toolCallId?: string;
  result?: unknown;
  error?: string;
  durationMs?: number;
};

/** Event of `tool_result_persist` (synchronous hook). @example `const e: PluginHookToolResultPersistEvent = { message: {} };` */
export type PluginHookToolResultPersistEvent = {
  toolName?: string;
  toolCallId?: string;
  message: unknown;
  isSynthetic?: boolean;
};
/** Result of `tool_result_persist`. @example `const r: PluginHookToolResultPersistResult = { message: {} };` */
export type PluginHookToolResultPersistResult = {
  message?: unknown;
};

/** Event of `before_message_write` (synchronous hook). @example `const e: PluginHookBeforeMessageWriteEvent = { message: {} };` */
export type PluginHookBeforeMessageWriteEvent = {
  message: unknown;
};
/** Result of `before_message_write`. @example `const r: PluginHookBeforeMessageWriteResult = { block: true };` */
export type PluginHookBeforeMessageWriteResult = {
  block?: boolean;
  message?: unknown;
};

/** Event of `session_start`. @example `const e: PluginHookSessionStartEvent = { sessionId: "s1" };` */
export type PluginHookSessionStartEvent = {
  sessionId: string;
  sessionKey?: string;
  resumedFrom?: string;
};
/** Event of `session_end`. @example `const e: PluginHookSessionEndEvent = { sessionId: "s1", messageCount: 3 };` */
export type PluginHookSessionEndEvent = {
  sessionId: string;
  sessionKey?: string;
  messageCount: number;
  durationMs?: number;
  /** Why the session ended. */
  reason?: PluginHookSessionEndReason;
  sessionFile?: string;
  transcriptArchived?: boolean;
  /** The session that replaces this one (after `new` / `reset`). */
  nextSessionId?: string;
  nextSessionKey?: string;
};

/**
 * Why a session ended (`session_end`).
 *
 * @example
 * ```ts
 * const reason: PluginHookSessionEndReason = "reset";
 * ```
 */
export type PluginHookSessionEndReason =
  | "new"
  | "reset"
  | "idle"
  | "daily"
  | "compaction"
  | "deleted"
  | "shutdown"
  | "restart"
  | "unknown";

/**
 * The fields `session_start` and `session_end` events share, for one handler typed against both.
 *
 * @example
 * ```ts
 * api.on("session_start", (event: PluginHookSessionEvent) => console.log(event.sessionKey));
 * ```
 */
export type PluginHookSessionEvent = {
  sessionId?: string;
  sessionKey?: string;
  agentId?: string;
};

/**
 * Event of the removed `subagent_spawning` hook, kept so plugins that still register it compile.
 *
 * @deprecated The host no longer runs `subagent_spawning` (registering it logs a warning); observe
 * `subagent_spawned` instead. Removal not before 2027-06-30.
 * @example
 * ```ts
 * const e: PluginHookSubagentSpawningEvent = { parentSessionKey: "agent:main:main", subagentId: "helper" };
 * ```
 */
export type PluginHookSubagentSpawningEvent = {
  parentSessionKey?: string;
  childSessionKey?: string;
  subagentId?: string;
  agentId?: string;
  label?: string;
  purpose?: string;
  mode?: "run" | "session";
};

/** Event of `subagent_delivery_target`. @example `const e: PluginHookSubagentDeliveryTargetEvent = { childSessionKey: "c", requesterSessionKey: "r" };` */
export type PluginHookSubagentDeliveryTargetEvent = {
  childSessionKey: string;
  requesterSessionKey: string;
  requesterOrigin?: { channel?: string; accountId?: string; to?: string; threadId?: string | number };
};
/** Result of `subagent_delivery_target`. @example `const r: PluginHookSubagentDeliveryTargetResult = { origin: { channel: "slack", to: "c1" } };` */
export type PluginHookSubagentDeliveryTargetResult = {
  origin?: { channel?: string; accountId?: string; to?: string; threadId?: string | number };
};

/** Event of `subagent_spawned`. @example `const e: PluginHookSubagentSpawnedEvent = { runId: "r", childSessionKey: "c", agentId: "a" };` */
export type PluginHookSubagentSpawnedEvent = {
  runId: string;
  childSessionKey: string;
  agentId: string;
  label?: string;
  mode?: "run" | "session";
};
/** Event of `subagent_progress`. @example `const e: PluginHookSubagentProgressEvent = { runId: "r", childSessionKey: "c", text: "50%" };` */
export type PluginHookSubagentProgressEvent = {
  runId: string;
  childSessionKey: string;
  text?: string;
};
/** Event of `subagent_ended`. @example `const e: PluginHookSubagentEndedEvent = { targetSessionKey: "c", outcome: "ok" };` */
export type PluginHookSubagentEndedEvent = {
  targetSessionKey: string;
  runId?: string;
  outcome?: "ok" | "error" | "timeout" | "killed" | "reset" | "deleted";
  reason?: string;
  error?: string;
};

/** Event of `gateway_start`. @example `const e: PluginHookGatewayStartEvent = { port: 18789 };` */
export type PluginHookGatewayStartEvent = {
  port: number;
};
/** Event of `gateway_stop`. @example `const e: PluginHookGatewayStopEvent = { reason: "shutdown" };` */
export type PluginHookGatewayStopEvent = {
  reason?: string;
};

/** Event of `heartbeat_prompt_contribution`. @example `const e: PluginHeartbeatPromptContributionEvent = { prompt: "check" };` */
export type PluginHeartbeatPromptContributionEvent = {
  prompt: string;
};
/** Result of `heartbeat_prompt_contribution` (prompt-mutating). @example `const r: PluginHeartbeatPromptContributionResult = { appendContext: "x" };` */
export type PluginHeartbeatPromptContributionResult = {
  prependContext?: string;
  appendContext?: string;
};

/** Event of `cron_reconciled`. @example `const e: PluginHookCronReconciledEvent = { jobs: [] };` */
export type PluginHookCronReconciledEvent = {
  jobs: PluginHookCronJob[];
};
/** Event of `cron_changed`. @example `const e: PluginHookCronChangedEvent = { action: "updated", jobId: "j1" };` */
export type PluginHookCronChangedEvent = {
  action: "added" | "updated" | "removed" | "started" | "finished";
  jobId: string;
  job?: PluginHookCronJob;
};

/** Event of `skill_proposal_evaluate`. @example `const e: PluginHookSkillProposalEvaluateEvent = { proposalId: "p", skillName: "s" };` */
export type PluginHookSkillProposalEvaluateEvent = {
  proposalId: string;
  skillName: string;
  content?: string;
};
/** Result of `skill_proposal_evaluate`. @example `const r: PluginHookSkillProposalEvaluateResult = { reject: true, reason: "dup" };` */
export type PluginHookSkillProposalEvaluateResult = {
  reject?: boolean;
  reason?: string;
  score?: number;
};
/** Event of `skill_proposal_changed`. @example `const e: PluginHookSkillProposalChangedEvent = { proposalId: "p", status: "accepted" };` */
export type PluginHookSkillProposalChangedEvent = {
  proposalId: string;
  status: string;
};
/** Event of `skill_changed`. @example `const e: PluginHookSkillChangedEvent = { skillName: "s", action: "updated" };` */
export type PluginHookSkillChangedEvent = {
  skillName: string;
  action: "added" | "updated" | "removed";
};

/** Event of `before_dispatch`. @example `const e: PluginHookBeforeDispatchEvent = { content: "hi", channel: "slack" };` */
export type PluginHookBeforeDispatchEvent = {
  content: string;
  channel: string;
  senderId?: string;
  isGroup?: boolean;
  threadId?: string | number;
};
/** Result of `before_dispatch` (claiming). @example `const r: PluginHookBeforeDispatchResult = { handled: true, text: "busy" };` */
export type PluginHookBeforeDispatchResult = {
  handled: boolean;
  text?: string;
};

/** Event of `reply_dispatch`. @example `const e: PluginHookReplyDispatchEvent = { payload: { text: "hi" }, kind: "final" };` */
export type PluginHookReplyDispatchEvent = {
  payload: ReplyPayload;
  kind: PluginHookReplyDispatchKind;
};
/** Result of `reply_dispatch` (claiming). @example `const r: PluginHookReplyDispatchResult = { handled: true };` */
export type PluginHookReplyDispatchResult = {
  handled: boolean;
  queuedFinal?: boolean;
  counts?: Partial<Record<PluginHookReplyDispatchKind, number>>;
};

/**
 * One finding produced by an install scanner.
 *
 * @example
 * ```ts
 * const f: PluginInstallFinding = { ruleId: "r1", severity: "warn", file: "index.js", line: 1, message: "eval" };
 * ```
 */
export type PluginInstallFinding = {
  ruleId: string;
  severity: "info" | "warn" | "critical";
  file: string;
  line: number;
  message: string;
};
/** Event of `before_install`. @example `const e: PluginHookBeforeInstallEvent = { targetType: "plugin", targetName: "x", sourcePath: "/tmp/x", builtinFindings: [] };` */
export type PluginHookBeforeInstallEvent = {
  targetType: "plugin" | "skill";
  targetName: string;
  sourcePath: string;
  origin?: string;
  /** Findings of the built-in scanner. */
  builtinFindings: PluginInstallFinding[];
};
/** Result of `before_install`: findings accumulate in priority order, `block: true` is terminal. @example `const r: PluginHookBeforeInstallResult = { block: true, blockReason: "untrusted" };` */
export type PluginHookBeforeInstallResult = {
  findings?: PluginInstallFinding[];
  block?: boolean;
  blockReason?: string;
};

/** Event of `before_agent_run` (conversation access, fail-closed). @example `const e: PluginHookBeforeAgentRunEvent = { prompt: "hi", messages: [] };` */
export type PluginHookBeforeAgentRunEvent = {
  prompt: string;
  messages: unknown[];
  systemPrompt?: string;
  accountId?: string;
  channelId?: string;
};
/**
 * Result of `before_agent_run` (fail-closed gate: any invalid value counts as a block).
 *
 * @example
 * ```ts
 * const r: PluginHookBeforeAgentRunResult = { outcome: "block", reason: "budget", message: "Out of budget" };
 * ```
 */
export type PluginHookBeforeAgentRunResult =
  | { outcome: "pass" }
  | {
      outcome: "block";
      /** Internal plugin-local reason; not shown to users. */
      reason: string;
      /** User-facing detail. */
      message?: string;
      category?: string;
    };

/** Event of `resolve_exec_env`. @example `const e: PluginHookResolveExecEnvEvent = { command: "ls", env: {} };` */
export type PluginHookResolveExecEnvEvent = {
  command: string;
  cwd?: string;
  env: Readonly<Record<string, string>>;
};

// ---------------------------------------------------------------------------------------------------------------
// The map
// ---------------------------------------------------------------------------------------------------------------

/**
 * One entry of `PluginHookHandlerMap`: the event a handler receives, its context, and the result it may
 * return (`void` for observe hooks).
 *
 * @example
 * ```ts
 * type E = PluginHookSignature<{ a: 1 }, { b: 2 }, void>;
 * ```
 */
export type PluginHookSignature<TEvent, TContext, TResult> = {
  event: TEvent;
  context: TContext;
  result: TResult;
};

/**
 * The typed hook table, keyed by every `PluginHookName`: event, context and result per hook.
 * `result: void` marks an observe hook (return value ignored).
 *
 * @example
 * ```ts
 * type E = PluginHookHandlerMap["before_tool_call"]["event"]; // PluginHookBeforeToolCallEvent
 * ```
 */
export type PluginHookHandlerMap = {
  before_model_resolve: PluginHookSignature<PluginHookBeforeModelResolveEvent, PluginHookAgentContext, PluginHookBeforeModelResolveResult>;
  agent_turn_prepare: PluginHookSignature<PluginAgentTurnPrepareEvent, PluginHookAgentContext, PluginAgentTurnPrepareResult>;
  before_prompt_build: PluginHookSignature<PluginHookBeforePromptBuildEvent, PluginHookAgentContext, PluginHookBeforePromptBuildResult>;
  before_agent_reply: PluginHookSignature<PluginHookBeforeAgentReplyEvent, PluginHookAgentContext, PluginHookBeforeAgentReplyResult>;
  model_call_started: PluginHookSignature<PluginHookModelCallStartedEvent, PluginHookAgentContext, void>;
  model_call_ended: PluginHookSignature<PluginHookModelCallEndedEvent, PluginHookAgentContext, void>;
  llm_input: PluginHookSignature<PluginHookLlmInputEvent, PluginHookAgentContext, void>;
  llm_output: PluginHookSignature<PluginHookLlmOutputEvent, PluginHookAgentContext, void>;
  before_agent_finalize: PluginHookSignature<PluginHookBeforeAgentFinalizeEvent, PluginHookAgentContext, PluginHookBeforeAgentFinalizeResult>;
  agent_end: PluginHookSignature<PluginHookAgentEndEvent, PluginHookAgentContext, void>;
  before_compaction: PluginHookSignature<PluginHookBeforeCompactionEvent, PluginHookAgentContext, void>;
  after_compaction: PluginHookSignature<PluginHookAfterCompactionEvent, PluginHookAgentContext, void>;
  before_reset: PluginHookSignature<PluginHookBeforeResetEvent, PluginHookAgentContext, void>;
  inbound_claim: PluginHookSignature<PluginHookInboundClaimEvent, PluginHookInboundClaimContext, PluginHookInboundClaimResult>;
  channel_pairing_requested: PluginHookSignature<PluginHookChannelPairingRequestedEvent, PluginHookChannelPairingContext, void>;
  message_received: PluginHookSignature<PluginHookMessageReceivedEvent, PluginHookMessageContext, void>;
  message_sending: PluginHookSignature<PluginHookMessageSendingEvent, PluginHookMessageContext, PluginHookMessageSendingResult>;
  reply_payload_sending: PluginHookSignature<PluginHookReplyPayloadSendingEvent, PluginHookReplyPayloadSendingContext, PluginHookReplyPayloadSendingResult>;
  message_sent: PluginHookSignature<PluginHookMessageSentEvent, PluginHookMessageContext, void>;
  before_tool_call: PluginHookSignature<PluginHookBeforeToolCallEvent, PluginHookToolContext, PluginHookBeforeToolCallResult>;
  after_tool_call: PluginHookSignature<PluginHookAfterToolCallEvent, PluginHookToolContext, void>;
  tool_result_persist: PluginHookSignature<PluginHookToolResultPersistEvent, PluginHookToolResultPersistContext, PluginHookToolResultPersistResult>;
  before_message_write: PluginHookSignature<PluginHookBeforeMessageWriteEvent, PluginHookMessageWriteContext, PluginHookBeforeMessageWriteResult>;
  session_start: PluginHookSignature<PluginHookSessionStartEvent, PluginHookSessionContext, void>;
  session_end: PluginHookSignature<PluginHookSessionEndEvent, PluginHookSessionContext, void>;
  subagent_delivery_target: PluginHookSignature<PluginHookSubagentDeliveryTargetEvent, PluginHookSubagentContext, PluginHookSubagentDeliveryTargetResult>;
  subagent_spawned: PluginHookSignature<PluginHookSubagentSpawnedEvent, PluginHookSubagentContext, void>;
  subagent_progress: PluginHookSignature<PluginHookSubagentProgressEvent, PluginHookSubagentContext, void>;
  subagent_ended: PluginHookSignature<PluginHookSubagentEndedEvent, PluginHookSubagentContext, void>;
  gateway_start: PluginHookSignature<PluginHookGatewayStartEvent, PluginHookGatewayContext, void>;
  gateway_stop: PluginHookSignature<PluginHookGatewayStopEvent, PluginHookGatewayContext, void>;
  heartbeat_prompt_contribution: PluginHookSignature<PluginHeartbeatPromptContributionEvent, PluginHookAgentContext, PluginHeartbeatPromptContributionResult>;
  cron_reconciled: PluginHookSignature<PluginHookCronReconciledEvent, PluginHookCronReconciledContext, void>;
  cron_changed: PluginHookSignature<PluginHookCronChangedEvent, PluginHookGatewayContext, void>;
  skill_proposal_evaluate: PluginHookSignature<PluginHookSkillProposalEvaluateEvent, PluginHookSkillContext, PluginHookSkillProposalEvaluateResult>;
  skill_proposal_changed: PluginHookSignature<PluginHookSkillProposalChangedEvent, PluginHookSkillContext, void>;
  skill_changed: PluginHookSignature<PluginHookSkillChangedEvent, PluginHookSkillContext, void>;
  before_dispatch: PluginHookSignature<PluginHookBeforeDispatchEvent, PluginHookBeforeDispatchContext, PluginHookBeforeDispatchResult>;
  reply_dispatch: PluginHookSignature<PluginHookReplyDispatchEvent, PluginHookReplyDispatchContext, PluginHookReplyDispatchResult>;
  before_install: PluginHookSignature<PluginHookBeforeInstallEvent, PluginHookBeforeInstallContext, PluginHookBeforeInstallResult>;
  before_agent_run: PluginHookSignature<PluginHookBeforeAgentRunEvent, PluginHookAgentContext, PluginHookBeforeAgentRunResult>;
  resolve_exec_env: PluginHookSignature<PluginHookResolveExecEnvEvent, PluginHookResolveExecEnvContext, Record<string, string>>;
};

/** Event type of hook `K`. @example `type E = PluginHookEvent<"message_sent">;` */
export type PluginHookEvent<K extends PluginHookName> = PluginHookHandlerMap[K]["event"];
/** Context type of hook `K`. @example `type C = PluginHookContext<"message_sent">;` */
export type PluginHookContext<K extends PluginHookName> = PluginHookHandlerMap[K]["context"];
/** Result type of hook `K` (`void` for observe hooks). @example `type R = PluginHookResult<"before_tool_call">;` */
export type PluginHookResult<K extends PluginHookName> = PluginHookHandlerMap[K]["result"];

/**
 * Hooks whose handlers must return synchronously (the host calls them on a hot write path).
 *
 * @example
 * ```ts
 * const n: PluginSyncHookName = "tool_result_persist";
 * ```
 */
export type PluginSyncHookName = "tool_result_persist" | "before_message_write";

/**
 * Handler signature for hook `K`. Observe hooks return nothing; modifying and claiming hooks may return a
 * result (or nothing, meaning "no decision"; for `before_agent_run` nothing means pass).
 *
 * @example
 * ```ts
 * const h: PluginHookHandler<"before_tool_call"> = (event) =>
 *   event.toolName === "exec" ? { block: true, blockReason: "no exec" } : undefined;
 * ```
 */
export type PluginHookHandler<K extends PluginHookName> = [K] extends [PluginSyncHookName]
  ? (event: PluginHookEvent<K>, ctx: PluginHookContext<K>) => PluginHookResult<K> | void
  : (
      event: PluginHookEvent<K>,
      ctx: PluginHookContext<K>,
    ) => PluginHookResult<K> | void | Promise<PluginHookResult<K> | void>;

/**
 * Hook names older plugins register that the host no longer runs: `before_agent_start` (use `before_prompt_build`
 * / `before_model_resolve`), `subagent_spawning` (use `subagent_spawned`) and `commands.list` (use
 * `api.registerCommand`). `api.on` accepts them so those plugins compile; at run time the host logs a warning
 * and ignores the handler.
 *
 * @deprecated Register a current hook instead. Removal not before 2027-06-30.
 * @example
 * ```ts
 * const name: PluginLegacyHookName = "before_agent_start";
 * ```
 */
export type PluginLegacyHookName = "before_agent_start" | "subagent_spawning" | "commands.list";

/**
 * Handler types of the legacy hook names (see `PluginLegacyHookName`).
 *
 * @deprecated Register a current hook instead. Removal not before 2027-06-30.
 * @example
 * ```ts
 * const h: PluginLegacyHookHandlerMap["subagent_spawning"] = (event) => void event.subagentId;
 * ```
 */
export type PluginLegacyHookHandlerMap = {
  before_agent_start: (
    event: PluginHookBeforePromptBuildEvent & Record<string, unknown>,
    ctx: PluginHookAgentContext,
  ) => unknown;
  subagent_spawning: (event: PluginHookSubagentSpawningEvent, ctx: PluginHookAgentContext) => unknown;
  "commands.list": (event: Record<string, unknown>, ctx: Record<string, unknown>) => unknown;
};

/**
 * Tool matcher for tool hooks: one name, a list of names, or a predicate on the tool name.
 *
 * @example
 * ```ts
 * const m: PluginToolMatcher = ["exec", "write"];
 * ```
 */
export type PluginToolMatcher = string | readonly string[] | ((toolName: string) => boolean);

/**
 * Options of `api.on(name, handler, opts)`. Higher `priority` runs first (default 0); ties keep registration
 * order. Hook-specific options only type-check on the hooks they apply to.
 *
 * @example
 * ```ts
 * const opts: PluginHookOptions<"before_tool_call"> = { priority: 10, timeoutMs: 5_000, matcher: "exec" };
 * ```
 */
export type PluginHookOptions<K extends PluginHookName = PluginHookName> = {
  /** Higher runs first. Default 0. */
  priority?: number;
  /** Per-handler timeout; gating hooks default to about 15 s. */
  timeoutMs?: number;
  /** Stable id so a re-registration replaces rather than duplicates. */
  registrationId?: string;
} & (K extends "before_agent_reply"
  ? { eligibleTriggers?: readonly [PluginHookAgentTrigger, ...PluginHookAgentTrigger[]] }
  : { eligibleTriggers?: never }) &
  (K extends "reply_dispatch"
    ? { eligibleDispatchKinds?: readonly [PluginHookReplyDispatchKind, ...PluginHookReplyDispatchKind[]] }
    : { eligibleDispatchKinds?: never }) &
  (K extends "before_tool_call" | "after_tool_call" ? { matcher?: PluginToolMatcher } : { matcher?: never });

/**
 * Established alias of `PluginHookOptions`.
 *
 * @example
 * ```ts
 * const opts: PluginHookRegistrationOptions<"agent_end"> = { priority: 1 };
 * ```
 */
export type PluginHookRegistrationOptions<K extends PluginHookName = PluginHookName> = PluginHookOptions<K>;

/**
 * How the host runs a hook's handlers: `observe` (parallel, results ignored), `modifying` (sequential, merged),
 * `claiming` (first `handled: true` wins), `gate` (fail-closed decision).
 *
 * @example
 * ```ts
 * const kind: PluginHookExecutionKind = "claiming";
 * ```
 */
export type PluginHookExecutionKind = "observe" | "modifying" | "claiming" | "gate";

/**
 * Hook names that mutate the prompt (blocked by `plugins.entries.<id>.hooks.allowPromptInjection=false`).
 *
 * @example
 * ```ts
 * const n: PluginPromptMutatingHookName = "before_prompt_build";
 * ```
 */
export type PluginPromptMutatingHookName =
  | "agent_turn_prepare"
  | "before_prompt_build"
  | "heartbeat_prompt_contribution";

/**
 * Hook names that see conversation content (non-bundled plugins need
 * `plugins.entries.<id>.hooks.allowConversationAccess=true`).
 *
 * @example
 * ```ts
 * const n: PluginConversationHookName = "llm_output";
 * ```
 */
export type PluginConversationHookName =
  | "before_model_resolve"
  | "agent_turn_prepare"
  | "before_prompt_build"
  | "before_agent_run"
  | "before_agent_reply"
  | "before_agent_finalize"
  | "agent_end"
  | "llm_input"
  | "llm_output";

/**
 * A hook registration as recorded by the host registry.
 *
 * @example
 * ```ts
 * const reg: PluginHookRegistration<"agent_end"> = { pluginId: "p", hookName: "agent_end", handler: () => {}, source: "/p/index.js" };
 * ```
 */
export type PluginHookRegistration<K extends PluginHookName = PluginHookName> = {
  pluginId: string;
  hookName: K;
  handler: PluginHookHandler<K>;
  priority?: number;
  timeoutMs?: number;
  registrationId?: string;
  matcher?: PluginToolMatcher;
  eligibleTriggers?: readonly PluginHookAgentTrigger[];
  eligibleDispatchKinds?: readonly PluginHookReplyDispatchKind[];
  source: string;
};
