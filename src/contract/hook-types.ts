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
export interface ReplyPayload {
  text?: string;
  mediaUrl?: string;
  mediaUrls?: string[];
  replyToId?: string;
  audioAsVoice?: boolean;
  isError?: boolean;
  channelData?: Record<string, unknown>;
}

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
export interface PluginHookAgentContext {
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
}

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
export interface PluginHookToolContext {
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
}

/**
 * The requester of a tool call (channel identity), when known.
 *
 * @example
 * ```ts
 * const who: PluginHookToolRequesterContext = { channelId: "telegram", senderId: "42" };
 * ```
 */
export interface PluginHookToolRequesterContext {
  channelId?: string;
  accountId?: string;
  senderId?: string;
  conversationId?: string;
  isOwner?: boolean;
}

/**
 * Context passed to message hooks.
 *
 * @example
 * ```ts
 * const ctx: PluginHookMessageContext = { channelId: "telegram", conversationId: "c1" };
 * ```
 */
export interface PluginHookMessageContext {
  channelId: string;
  accountId?: string;
  conversationId?: string;
  /** Canonical session key of the conversation, when one is attached. */
  sessionKey?: string;
  /** Per-turn run identifier, when the message belongs to an agent turn. */
  runId?: string;
}

/**
 * Context passed to `inbound_claim`.
 *
 * @example
 * ```ts
 * const ctx: PluginHookInboundClaimContext = { channelId: "slack" };
 * ```
 */
export interface PluginHookInboundClaimContext extends PluginHookMessageContext {
  senderId?: string;
  isGroup?: boolean;
}

/**
 * Context passed to `channel_pairing_requested`.
 *
 * @example
 * ```ts
 * const ctx: PluginHookChannelPairingContext = { channelId: "telegram" };
 * ```
 */
export interface PluginHookChannelPairingContext {
  channelId: string;
  accountId?: string;
}

/**
 * Context passed to `before_dispatch`.
 *
 * @example
 * ```ts
 * const ctx: PluginHookBeforeDispatchContext = { channelId: "slack", sessionKey: "s" };
 * ```
 */
export interface PluginHookBeforeDispatchContext extends PluginHookMessageContext {
  senderId?: string;
}

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
export interface PluginHookReplyDispatchContext extends PluginHookMessageContext {
  dispatchKind?: PluginHookReplyDispatchKind;
}

/**
 * Context passed to `reply_payload_sending`.
 *
 * @example
 * ```ts
 * const ctx: PluginHookReplyPayloadSendingContext = { channelId: "slack" };
 * ```
 */
export interface PluginHookReplyPayloadSendingContext extends PluginHookMessageContext {
  dispatchKind?: PluginHookReplyDispatchKind;
}

/**
 * Context passed to `tool_result_persist`.
 *
 * @example
 * ```ts
 * const ctx: PluginHookToolResultPersistContext = { toolName: "read" };
 * ```
 */
export interface PluginHookToolResultPersistContext {
  agentId?: string;
  sessionKey?: string;
  toolName?: string;
  toolCallId?: string;
}

/**
 * Context passed to `before_message_write`.
 *
 * @example
 * ```ts
 * const ctx: PluginHookMessageWriteContext = { sessionKey: "s" };
 * ```
 */
export interface PluginHookMessageWriteContext {
  agentId?: string;
  sessionKey?: string;
}

/**
 * Context passed to session hooks.
 *
 * @example
 * ```ts
 * const ctx: PluginHookSessionContext = { sessionId: "abc" };
 * ```
 */
export interface PluginHookSessionContext {
  agentId?: string;
  sessionId: string;
  sessionKey?: string;
}

/**
 * Context passed to subagent hooks.
 *
 * @example
 * ```ts
 * const ctx: PluginHookSubagentContext = { runId: "r1" };
 * ```
 */
export interface PluginHookSubagentContext {
  runId?: string;
  childSessionKey?: string;
  requesterSessionKey?: string;
}

/**
 * Minimal cron service handle exposed to gateway hooks.
 *
 * @example
 * ```ts
 * declare const cron: PluginHookGatewayCronService;
 * const jobs = await cron.list();
 * ```
 */
export interface PluginHookGatewayCronService {
  list(opts?: { includeDisabled?: boolean }): Promise<PluginHookCronJob[]>;
  wake?(opts?: { reason?: string }): Promise<void> | void;
}

/**
 * A cron job as seen by hooks.
 *
 * @example
 * ```ts
 * const job: PluginHookCronJob = { id: "j1", enabled: true, state: { nextRunAtMs: Date.now() } };
 * ```
 */
export interface PluginHookCronJob {
  id: string;
  name?: string;
  enabled?: boolean;
  state?: { nextRunAtMs?: number; lastRunAtMs?: number; lastStatus?: string };
}

/**
 * Context passed to gateway hooks (`gateway_start`, `gateway_stop`, `cron_changed`).
 *
 * @example
 * ```ts
 * const ctx: PluginHookGatewayContext = { port: 18789 };
 * ```
 */
export interface PluginHookGatewayContext {
  port?: number;
  /** Current configuration snapshot. */
  config?: OpenClawConfig;
  workspaceDir?: string;
  /** Gateway-owned cron service, when available. */
  getCron?: () => PluginHookGatewayCronService | undefined;
}

/**
 * Context passed to `cron_reconciled`.
 *
 * @example
 * ```ts
 * const ctx: PluginHookCronReconciledContext = { port: 18789 };
 * ```
 */
export interface PluginHookCronReconciledContext extends PluginHookGatewayContext {}

/**
 * Context passed to skill hooks.
 *
 * @example
 * ```ts
 * const ctx: PluginHookSkillContext = { agentId: "main" };
 * ```
 */
export interface PluginHookSkillContext {
  agentId?: string;
  workspaceDir?: string;
}

/**
 * Context passed to `before_install`.
 *
 * @example
 * ```ts
 * const ctx: PluginHookBeforeInstallContext = { origin: "cli" };
 * ```
 */
export interface PluginHookBeforeInstallContext {
  origin?: string;
}

/**
 * Context passed to `resolve_exec_env`.
 *
 * @example
 * ```ts
 * const ctx: PluginHookResolveExecEnvContext = { toolName: "exec", host: "gateway" };
 * ```
 */
export interface PluginHookResolveExecEnvContext {
  agentId?: string;
  sessionKey?: string;
  toolName: "exec";
  host: "gateway" | "sandbox" | "node";
}

// ---------------------------------------------------------------------------------------------------------------
// Events and results
// ---------------------------------------------------------------------------------------------------------------

/** Event of `before_model_resolve`. @example `const e: PluginHookBeforeModelResolveEvent = { prompt: "hi" };` */
export interface PluginHookBeforeModelResolveEvent {
  prompt: string;
  attachments?: unknown[];
}
/** Result of `before_model_resolve`. @example `const r: PluginHookBeforeModelResolveResult = { modelOverride: "llama3.3:8b" };` */
export interface PluginHookBeforeModelResolveResult {
  /** Override the model for this run, e.g. `llama3.3:8b`. */
  modelOverride?: string;
  /** Override the provider for this run. */
  providerOverride?: string;
}

/** Event of `agent_turn_prepare`. @example `const e: PluginAgentTurnPrepareEvent = { prompt: "hi", messages: [] };` */
export interface PluginAgentTurnPrepareEvent {
  prompt: string;
  messages: unknown[];
}
/** Result of `agent_turn_prepare` (prompt-mutating). @example `const r: PluginAgentTurnPrepareResult = { prependContext: "note" };` */
export interface PluginAgentTurnPrepareResult {
  prependContext?: string;
  appendContext?: string;
}

/** Event of `before_prompt_build`. @example `const e: PluginHookBeforePromptBuildEvent = { prompt: "hi", messages: [] };` */
export interface PluginHookBeforePromptBuildEvent {
  prompt: string;
  messages: unknown[];
  systemPrompt?: string;
}
/** Result of `before_prompt_build` (prompt-mutating). @example `const r: PluginHookBeforePromptBuildResult = { appendSystemContext: "Be brief." };` */
export interface PluginHookBeforePromptBuildResult {
  systemPrompt?: string;
  prependContext?: string;
  appendContext?: string;
  /** Narrows the tools submitted to the model for this turn; `[]` disables optional tools. */
  toolsAllow?: string[];
  prependSystemContext?: string;
  appendSystemContext?: string;
}

/** Event of `before_agent_reply`. @example `const e: PluginHookBeforeAgentReplyEvent = { prompt: "hi" };` */
export interface PluginHookBeforeAgentReplyEvent {
  prompt: string;
  messages?: unknown[];
}
/** Result of `before_agent_reply` (claiming: first `handled: true` wins). @example `const r: PluginHookBeforeAgentReplyResult = { handled: true, reply: { text: "hi" } };` */
export interface PluginHookBeforeAgentReplyResult {
  handled: boolean;
  reply?: ReplyPayload;
}

/** Event of `model_call_started`. @example `const e: PluginHookModelCallStartedEvent = { provider: "openai", model: "gpt-5" };` */
export interface PluginHookModelCallStartedEvent {
  provider: string;
  model: string;
  callId?: string;
}
/** Event of `model_call_ended`. @example `const e: PluginHookModelCallEndedEvent = { provider: "openai", model: "gpt-5", durationMs: 10 };` */
export interface PluginHookModelCallEndedEvent {
  provider: string;
  model: string;
  callId?: string;
  durationMs?: number;
  error?: string;
  usage?: PluginHookUsage;
}

/** Token usage numbers. @example `const u: PluginHookUsage = { input: 10, output: 5 };` */
export interface PluginHookUsage {
  input?: number;
  output?: number;
  cacheRead?: number;
  cacheWrite?: number;
  total?: number;
}

/** Event of `llm_input` (conversation access). @example `const e: PluginHookLlmInputEvent = { provider: "p", model: "m", prompt: "hi", historyMessages: [] };` */
export interface PluginHookLlmInputEvent {
  runId?: string;
  sessionId?: string;
  provider: string;
  model: string;
  systemPrompt?: string;
  prompt: string;
  historyMessages: unknown[];
  imagesCount?: number;
}
/** Event of `llm_output` (conversation access). @example `const e: PluginHookLlmOutputEvent = { provider: "p", model: "m", assistantTexts: ["ok"] };` */
export interface PluginHookLlmOutputEvent {
  runId?: string;
  sessionId?: string;
  provider: string;
  model: string;
  assistantTexts: string[];
  lastAssistant?: unknown;
  usage?: PluginHookUsage;
}

/** Event of `before_agent_finalize`. @example `const e: PluginHookBeforeAgentFinalizeEvent = { messages: [] };` */
export interface PluginHookBeforeAgentFinalizeEvent {
  messages: unknown[];
  finalText?: string;
}
/** Result of `before_agent_finalize`. @example `const r: PluginHookBeforeAgentFinalizeResult = { continueWith: "check again" };` */
export interface PluginHookBeforeAgentFinalizeResult {
  /** Ask the agent to keep going with this follow-up prompt instead of finishing. */
  continueWith?: string;
  reason?: string;
}

/** Event of `agent_end` (conversation access). @example `const e: PluginHookAgentEndEvent = { messages: [], success: true };` */
export interface PluginHookAgentEndEvent {
  messages: unknown[];
  success: boolean;
  error?: string;
  durationMs?: number;
}

/** Event of `before_compaction`. @example `const e: PluginHookBeforeCompactionEvent = { messageCount: 40 };` */
export interface PluginHookBeforeCompactionEvent {
  messageCount: number;
  tokenCount?: number;
  messages?: unknown[];
  sessionFile?: string;
}
/** Event of `after_compaction`. @example `const e: PluginHookAfterCompactionEvent = { messageCount: 5, compactedCount: 35 };` */
export interface PluginHookAfterCompactionEvent {
  messageCount: number;
  compactedCount: number;
  tokenCount?: number;
  sessionFile?: string;
}

/** Event of `before_reset`. @example `const e: PluginHookBeforeResetEvent = { reason: "new" };` */
export interface PluginHookBeforeResetEvent {
  sessionFile?: string;
  messages?: unknown[];
  reason?: string;
}

/** Event of `inbound_claim`. @example `const e: PluginHookInboundClaimEvent = { content: "hi", channel: "slack" };` */
export interface PluginHookInboundClaimEvent {
  content: string;
  channel: string;
  accountId?: string;
  conversationId?: string;
  senderId?: string;
  threadId?: string | number;
  metadata?: Record<string, unknown>;
}
/** Result of `inbound_claim` (claiming). @example `const r: PluginHookInboundClaimResult = { handled: true };` */
export interface PluginHookInboundClaimResult {
  handled: boolean;
  reply?: ReplyPayload;
}

/** Event of `channel_pairing_requested`. @example `const e: PluginHookChannelPairingRequestedEvent = { channel: "telegram", senderId: "1", code: "ABCD" };` */
export interface PluginHookChannelPairingRequestedEvent {
  channel: string;
  accountId?: string;
  senderId: string;
  senderName?: string;
  code: string;
}

/** Event of `message_received`. @example `const e: PluginHookMessageReceivedEvent = { from: "u1", content: "hi" };` */
export interface PluginHookMessageReceivedEvent {
  from: string;
  content: string;
  timestamp?: number;
  /** Inbound thread/topic id; prefer it over channel-specific metadata. */
  threadId?: string | number;
  metadata?: Record<string, unknown>;
}

/** Event of `message_sending`. @example `const e: PluginHookMessageSendingEvent = { to: "u1", content: "hi" };` */
export interface PluginHookMessageSendingEvent {
  to: string;
  content: string;
  replyToId?: string | number;
  threadId?: string | number;
  metadata?: Record<string, unknown>;
}
/** Result of `message_sending`: `cancel: true` is terminal, `cancel: false` is no decision, last `content` wins. @example `const r: PluginHookMessageSendingResult = { cancel: true, cancelReason: "spam" };` */
export interface PluginHookMessageSendingResult {
  content?: string;
  cancel?: boolean;
  cancelReason?: string;
  metadata?: Record<string, unknown>;
}

/** Event of `reply_payload_sending`. @example `const e: PluginHookReplyPayloadSendingEvent = { payload: { text: "hi" } };` */
export interface PluginHookReplyPayloadSendingEvent {
  payload: ReplyPayload;
  kind?: PluginHookReplyDispatchKind;
}
/** Result of `reply_payload_sending`. @example `const r: PluginHookReplyPayloadSendingResult = { payload: { text: "edited" } };` */
export interface PluginHookReplyPayloadSendingResult {
  payload?: ReplyPayload;
  cancel?: boolean;
}

/** Event of `message_sent`. @example `const e: PluginHookMessageSentEvent = { to: "u1", content: "hi", success: true };` */
export interface PluginHookMessageSentEvent {
  to: string;
  content: string;
  success: boolean;
  error?: string;
  messageId?: string;
}

/** Event of `before_tool_call`. @example `const e: PluginHookBeforeToolCallEvent = { toolName: "exec", params: {} };` */
export interface PluginHookBeforeToolCallEvent {
  toolName: string;
  params: Record<string, unknown>;
  runId?: string;
  toolCallId?: string;
  /** Best-effort destination path hints derived by the host (not authoritative). */
  derivedPaths?: readonly string[];
}

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
export interface PluginHookBeforeToolCallResult {
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
}

/** Event of `after_tool_call`. @example `const e: PluginHookAfterToolCallEvent = { toolName: "exec", params: {}, result: "ok" };` */
export interface PluginHookAfterToolCallEvent {
  toolName: string;
  params: Record<string, unknown>;
  runId?: string;
  toolCallId?: string;
  result?: unknown;
  error?: string;
  durationMs?: number;
}

/** Event of `tool_result_persist` (synchronous hook). @example `const e: PluginHookToolResultPersistEvent = { message: {} };` */
export interface PluginHookToolResultPersistEvent {
  toolName?: string;
  toolCallId?: string;
  message: unknown;
  isSynthetic?: boolean;
}
/** Result of `tool_result_persist`. @example `const r: PluginHookToolResultPersistResult = { message: {} };` */
export interface PluginHookToolResultPersistResult {
  message?: unknown;
}

/** Event of `before_message_write` (synchronous hook). @example `const e: PluginHookBeforeMessageWriteEvent = { message: {} };` */
export interface PluginHookBeforeMessageWriteEvent {
  message: unknown;
}
/** Result of `before_message_write`. @example `const r: PluginHookBeforeMessageWriteResult = { block: true };` */
export interface PluginHookBeforeMessageWriteResult {
  block?: boolean;
  message?: unknown;
}

/** Event of `session_start`. @example `const e: PluginHookSessionStartEvent = { sessionId: "s1" };` */
export interface PluginHookSessionStartEvent {
  sessionId: string;
  sessionKey?: string;
  resumedFrom?: string;
}
/** Event of `session_end`. @example `const e: PluginHookSessionEndEvent = { sessionId: "s1", messageCount: 3 };` */
export interface PluginHookSessionEndEvent {
  sessionId: string;
  sessionKey?: string;
  messageCount: number;
  durationMs?: number;
}

/** Event of `subagent_delivery_target`. @example `const e: PluginHookSubagentDeliveryTargetEvent = { childSessionKey: "c", requesterSessionKey: "r" };` */
export interface PluginHookSubagentDeliveryTargetEvent {
  childSessionKey: string;
  requesterSessionKey: string;
  requesterOrigin?: { channel?: string; accountId?: string; to?: string; threadId?: string | number };
}
/** Result of `subagent_delivery_target`. @example `const r: PluginHookSubagentDeliveryTargetResult = { origin: { channel: "slack", to: "c1" } };` */
export interface PluginHookSubagentDeliveryTargetResult {
  origin?: { channel?: string; accountId?: string; to?: string; threadId?: string | number };
}

/** Event of `subagent_spawned`. @example `const e: PluginHookSubagentSpawnedEvent = { runId: "r", childSessionKey: "c", agentId: "a" };` */
export interface PluginHookSubagentSpawnedEvent {
  runId: string;
  childSessionKey: string;
  agentId: string;
  label?: string;
  mode?: "run" | "session";
}
/** Event of `subagent_progress`. @example `const e: PluginHookSubagentProgressEvent = { runId: "r", childSessionKey: "c", text: "50%" };` */
export interface PluginHookSubagentProgressEvent {
  runId: string;
  childSessionKey: string;
  text?: string;
}
/** Event of `subagent_ended`. @example `const e: PluginHookSubagentEndedEvent = { targetSessionKey: "c", outcome: "ok" };` */
export interface PluginHookSubagentEndedEvent {
  targetSessionKey: string;
  runId?: string;
  outcome?: "ok" | "error" | "timeout" | "killed" | "reset" | "deleted";
  reason?: string;
  error?: string;
}

/** Event of `gateway_start`. @example `const e: PluginHookGatewayStartEvent = { port: 18789 };` */
export interface PluginHookGatewayStartEvent {
  port: number;
}
/** Event of `gateway_stop`. @example `const e: PluginHookGatewayStopEvent = { reason: "shutdown" };` */
export interface PluginHookGatewayStopEvent {
  reason?: string;
}

/** Event of `heartbeat_prompt_contribution`. @example `const e: PluginHeartbeatPromptContributionEvent = { prompt: "check" };` */
export interface PluginHeartbeatPromptContributionEvent {
  prompt: string;
}
/** Result of `heartbeat_prompt_contribution` (prompt-mutating). @example `const r: PluginHeartbeatPromptContributionResult = { appendContext: "x" };` */
export interface PluginHeartbeatPromptContributionResult {
  prependContext?: string;
  appendContext?: string;
}

/** Event of `cron_reconciled`. @example `const e: PluginHookCronReconciledEvent = { jobs: [] };` */
export interface PluginHookCronReconciledEvent {
  jobs: PluginHookCronJob[];
}
/** Event of `cron_changed`. @example `const e: PluginHookCronChangedEvent = { action: "updated", jobId: "j1" };` */
export interface PluginHookCronChangedEvent {
  action: "added" | "updated" | "removed" | "started" | "finished";
  jobId: string;
  job?: PluginHookCronJob;
}

/** Event of `skill_proposal_evaluate`. @example `const e: PluginHookSkillProposalEvaluateEvent = { proposalId: "p", skillName: "s" };` */
export interface PluginHookSkillProposalEvaluateEvent {
  proposalId: string;
  skillName: string;
  content?: string;
}
/** Result of `skill_proposal_evaluate`. @example `const r: PluginHookSkillProposalEvaluateResult = { reject: true, reason: "dup" };` */
export interface PluginHookSkillProposalEvaluateResult {
  reject?: boolean;
  reason?: string;
  score?: number;
}
/** Event of `skill_proposal_changed`. @example `const e: PluginHookSkillProposalChangedEvent = { proposalId: "p", status: "accepted" };` */
export interface PluginHookSkillProposalChangedEvent {
  proposalId: string;
  status: string;
}
/** Event of `skill_changed`. @example `const e: PluginHookSkillChangedEvent = { skillName: "s", action: "updated" };` */
export interface PluginHookSkillChangedEvent {
  skillName: string;
  action: "added" | "updated" | "removed";
}

/** Event of `before_dispatch`. @example `const e: PluginHookBeforeDispatchEvent = { content: "hi", channel: "slack" };` */
export interface PluginHookBeforeDispatchEvent {
  content: string;
  channel: string;
  senderId?: string;
  isGroup?: boolean;
  threadId?: string | number;
}
/** Result of `before_dispatch` (claiming). @example `const r: PluginHookBeforeDispatchResult = { handled: true, text: "busy" };` */
export interface PluginHookBeforeDispatchResult {
  handled: boolean;
  text?: string;
}

/** Event of `reply_dispatch`. @example `const e: PluginHookReplyDispatchEvent = { payload: { text: "hi" }, kind: "final" };` */
export interface PluginHookReplyDispatchEvent {
  payload: ReplyPayload;
  kind: PluginHookReplyDispatchKind;
}
/** Result of `reply_dispatch` (claiming). @example `const r: PluginHookReplyDispatchResult = { handled: true };` */
export interface PluginHookReplyDispatchResult {
  handled: boolean;
  queuedFinal?: boolean;
  counts?: Partial<Record<PluginHookReplyDispatchKind, number>>;
}

/**
 * One finding produced by an install scanner.
 *
 * @example
 * ```ts
 * const f: PluginInstallFinding = { ruleId: "r1", severity: "warn", file: "index.js", line: 1, message: "eval" };
 * ```
 */
export interface PluginInstallFinding {
  ruleId: string;
  severity: "info" | "warn" | "critical";
  file: string;
  line: number;
  message: string;
}
/** Event of `before_install`. @example `const e: PluginHookBeforeInstallEvent = { targetType: "plugin", targetName: "x", sourcePath: "/tmp/x", builtinFindings: [] };` */
export interface PluginHookBeforeInstallEvent {
  targetType: "plugin" | "skill";
  targetName: string;
  sourcePath: string;
  origin?: string;
  /** Findings of the built-in scanner. */
  builtinFindings: PluginInstallFinding[];
}
/** Result of `before_install`: findings accumulate in priority order, `block: true` is terminal. @example `const r: PluginHookBeforeInstallResult = { block: true, blockReason: "untrusted" };` */
export interface PluginHookBeforeInstallResult {
  findings?: PluginInstallFinding[];
  block?: boolean;
  blockReason?: string;
}

/** Event of `before_agent_run` (conversation access, fail-closed). @example `const e: PluginHookBeforeAgentRunEvent = { prompt: "hi", messages: [] };` */
export interface PluginHookBeforeAgentRunEvent {
  prompt: string;
  messages: unknown[];
  systemPrompt?: string;
  accountId?: string;
  channelId?: string;
}
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
export interface PluginHookResolveExecEnvEvent {
  command: string;
  cwd?: string;
  env: Readonly<Record<string, string>>;
}

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
export interface PluginHookSignature<TEvent, TContext, TResult> {
  event: TEvent;
  context: TContext;
  result: TResult;
}

/**
 * The typed hook table, keyed by every `PluginHookName`: event, context and result per hook.
 * `result: void` marks an observe hook (return value ignored).
 *
 * @example
 * ```ts
 * type E = PluginHookHandlerMap["before_tool_call"]["event"]; // PluginHookBeforeToolCallEvent
 * ```
 */
export interface PluginHookHandlerMap {
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
}

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
export interface PluginHookRegistration<K extends PluginHookName = PluginHookName> {
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
}
