/**
 * Channel messaging types beside `ChannelPlugin`: message-action names and the tool context they run in,
 * outbound routes and identity, status issues, group context, log sinks, conversation bindings and the
 * adapter-style setup wizard. Types only.
 *
 * @packageDocumentation
 */

import type { ChannelSetupDmPolicy, WizardPrompter } from "./channel.js";
import type { OpenClawConfig } from "./config.js";
import type { ChannelRuntimeContextRegistry } from "./runtime.js";
import type { AnyAgentTool } from "./tools.js";

/**
 * Conversation kind: a direct message, a group, a channel (broadcast-style room) or a thread.
 *
 * @example
 * ```ts
 * const kind: ChatType = "group";
 * ```
 */
export type ChatType = "direct" | "group" | "channel" | "thread";

/**
 * A `message` tool action a channel can support. The well-known names are listed; channels may add their own.
 *
 * @example
 * ```ts
 * const actions: ChannelMessageActionName[] = ["send", "react", "thread-reply"];
 * ```
 */
export type ChannelMessageActionName =
  | "send"
  | "broadcast"
  | "poll"
  | "poll-vote"
  | "react"
  | "reactions"
  | "read"
  | "edit"
  | "unsend"
  | "reply"
  | "sendWithEffect"
  | "renameGroup"
  | "setGroupIcon"
  | "addParticipant"
  | "removeParticipant"
  | "leaveGroup"
  | "sendAttachment"
  | "delete"
  | "pin"
  | "unpin"
  | "list-pins"
  | "permissions"
  | "thread-create"
  | "thread-list"
  | "thread-reply"
  | "search"
  | "sticker"
  | "sticker-search"
  | "member-info"
  | "role-info"
  | "emoji-list"
  | "emoji-upload"
  | "sticker-upload"
  | "role-add"
  | "role-remove"
  | "channel-info"
  | "channel-list"
  | "channel-create"
  | "conversation-open"
  | "channel-edit"
  | "channel-delete"
  | "channel-move"
  | "category-create"
  | "category-edit"
  | "category-delete"
  | "topic-create"
  | "topic-edit"
  | "voice-status"
  | "event-list"
  | "event-create"
  | "timeout"
  | "kick"
  | "ban"
  | "set-profile"
  | "set-presence"
  | "download-file"
  | "upload-file"
  | (string & {});

/**
 * Where the agent's current turn came from, given to message actions so replies land in the right thread.
 *
 * @example
 * ```ts
 * const ctx: ChannelThreadingToolContext = { currentChannelId: "C1", currentThreadTs: "171.5", replyToMode: "first" };
 * ```
 */
export type ChannelThreadingToolContext = {
  currentChannelId?: string;
  currentChatType?: ChatType;
  /** Routable target when it differs from the platform channel id. */
  currentMessagingTarget?: string;
  currentChannelProvider?: string;
  currentThreadTs?: string;
  currentMessageId?: string | number;
  replyToMode?: "off" | "first" | "all" | "batched";
  /** Shared flag a channel flips once it replied in the thread. */
  hasRepliedRef?: { value: boolean };
  [key: string]: unknown;
};

/**
 * Parameters of `ChannelMessageActionAdapter.handleAction`.
 *
 * @example
 * ```ts
 * const ctx: ChannelMessageActionContext = { action: "react", params: { emoji: "👍" }, cfg: {}, dryRun: true };
 * ```
 */
export type ChannelMessageActionContext = {
  action: ChannelMessageActionName;
  params: Record<string, unknown>;
  cfg: OpenClawConfig;
  accountId?: string | null;
  /** Directories local media paths may be read from. */
  mediaLocalRoots?: readonly string[];
  toolContext?: ChannelThreadingToolContext;
  /** Validate and describe, but do not send. */
  dryRun?: boolean;
  sessionKey?: string | null;
  agentId?: string | null;
  requesterSenderId?: string | null;
  [key: string]: unknown;
};

/**
 * Schema properties a channel adds to the shared `message` tool (JSON Schema objects, e.g. TypeBox schemas).
 *
 * @example
 * ```ts
 * const extra: ChannelMessageToolSchemaContribution = { properties: { effect: { type: "string" } }, actions: ["sendWithEffect"] };
 * ```
 */
export type ChannelMessageToolSchemaContribution = {
  properties: Record<string, unknown>;
  /** Actions whose validation depends on these properties. */
  actions?: readonly ChannelMessageActionName[] | null;
  visibility?: "current-channel" | "all-configured";
};

/**
 * Builds the agent tools a channel contributes for one config.
 *
 * @example
 * ```ts
 * const tools: ChannelAgentToolFactory = ({ cfg }) => (cfg?.channels?.["my-channel"] ? [] : []);
 * ```
 */
export type ChannelAgentToolFactory = (params: { cfg?: OpenClawConfig }) => AnyAgentTool[];

/**
 * The session an outbound message belongs to, as a channel's messaging adapter resolves it.
 *
 * @example
 * ```ts
 * const route: ChannelOutboundSessionRoute = {
 *   sessionKey: "agent:main:my-channel:group:g1", baseSessionKey: "agent:main:my-channel:group:g1",
 *   peer: { kind: "group", id: "g1" }, chatType: "group", from: "my-channel:bot", to: "g1",
 * };
 * ```
 */
export type ChannelOutboundSessionRoute = {
  sessionKey: string;
  /** The session key without any `:thread:<id>` suffix. */
  baseSessionKey: string;
  recipientSessionExact?: boolean | "direct-alias" | "delivery-identity";
  peer: { kind: ChatType; id: string };
  chatType: "direct" | "group" | "channel";
  from: string;
  to: string;
  threadId?: string | number;
};

/**
 * How an outbound message presents its sender (per-agent persona).
 *
 * @example
 * ```ts
 * const identity: OutboundIdentity = { name: "Helper", emoji: "🤖" };
 * ```
 */
export type OutboundIdentity = {
  name?: string;
  avatarUrl?: string;
  emoji?: string;
  theme?: string;
};

/**
 * A problem a channel's status check reports for one account.
 *
 * @example
 * ```ts
 * const issue: ChannelStatusIssue = { channel: "my-channel", accountId: "default", kind: "auth", message: "token rejected", fix: "run openclaw channels add" };
 * ```
 */
export type ChannelStatusIssue = {
  channel: string;
  accountId: string;
  kind: "intent" | "permissions" | "config" | "auth" | "runtime";
  message: string;
  fix?: string;
};

/**
 * The group a tool or policy decision is made for.
 *
 * @example
 * ```ts
 * const group: ChannelGroupContext = { cfg: {}, groupId: "g1", groupChannel: "#general", senderId: "u1" };
 * ```
 */
export type ChannelGroupContext = {
  cfg: OpenClawConfig;
  groupId?: string | null;
  groupChannel?: string | null;
  groupSpace?: string | null;
  accountId?: string | null;
  senderPolicyMode?: "always" | "never";
  senderId?: string | null;
  senderName?: string | null;
  senderUsername?: string | null;
  senderE164?: string | null;
};

/**
 * A minimal line logger a channel monitor writes to.
 *
 * @example
 * ```ts
 * const log: ChannelLogSink = { info: console.log, warn: console.warn, error: console.error };
 * ```
 */
export type ChannelLogSink = {
  info: (message: string) => void;
  warn: (message: string) => void;
  error: (message: string) => void;
  debug?: (message: string) => void;
};

/**
 * The part of the channel runtime helpers typed against: the runtime-context registry plus open namespaces.
 *
 * @example
 * ```ts
 * declare const surface: ChannelRuntimeSurface;
 * surface.runtimeContexts.get({ channelId: "my-channel", capability: "client" });
 * ```
 */
export type ChannelRuntimeSurface = {
  runtimeContexts: ChannelRuntimeContextRegistry;
  [key: string]: unknown;
};

/**
 * Conversation-binding support of a channel (binding a session to the current conversation or a child thread).
 *
 * @example
 * ```ts
 * const bindings: ChannelConversationBindingSupport = { supportsCurrentConversationBinding: true, defaultTopLevelPlacement: "child" };
 * ```
 */
export type ChannelConversationBindingSupport = {
  supportsCurrentConversationBinding?: boolean;
  isCurrentConversationBindingSupported?: (params: { accountId: string }) => boolean;
  bindingStore?: "adapter";
  defaultTopLevelPlacement?: "current" | "child";
  [key: string]: unknown;
};

/**
 * Status line of the adapter-style setup wizard.
 *
 * @example
 * ```ts
 * const status: ChannelSetupStatus = { channel: "my-channel", configured: false, statusLines: ["needs a token"] };
 * ```
 */
export type ChannelSetupStatus = {
  channel: string;
  configured: boolean;
  statusLines: string[];
  selectionHint?: string;
  quickstartScore?: number;
};

/**
 * Context of the adapter-style setup wizard's steps.
 *
 * @example
 * ```ts
 * declare const ctx: ChannelSetupWizardContext; ctx.cfg;
 * ```
 */
export type ChannelSetupWizardContext = {
  cfg: OpenClawConfig;
  prompter: WizardPrompter;
  accountId?: string;
  [key: string]: unknown;
};

/**
 * A setup wizard written as functions (the alternative to the declarative `ChannelSetupWizard`).
 *
 * @example
 * ```ts
 * const wizard: ChannelSetupWizardAdapter = {
 *   channel: "my-channel",
 *   getStatus: async ({ cfg }) => ({ channel: "my-channel", configured: Boolean(cfg.channels?.["my-channel"]), statusLines: [] }),
 *   configure: async ({ cfg }) => ({ cfg }),
 * };
 * ```
 */
export type ChannelSetupWizardAdapter = {
  channel: string;
  getStatus: (ctx: ChannelSetupWizardContext) => Promise<ChannelSetupStatus>;
  configure: (ctx: ChannelSetupWizardContext) => Promise<{ cfg: OpenClawConfig; accountId?: string }>;
  configureInteractive?: (ctx: ChannelSetupWizardContext) => Promise<{ cfg: OpenClawConfig; accountId?: string } | "skip">;
  configureWhenConfigured?: (ctx: ChannelSetupWizardContext) => Promise<{ cfg: OpenClawConfig; accountId?: string } | "skip">;
  afterConfigWritten?: (ctx: ChannelSetupWizardContext) => Promise<void> | void;
  dmPolicy?: ChannelSetupDmPolicy;
  onAccountRecorded?: (accountId: string) => void;
  disable?: (cfg: OpenClawConfig) => OpenClawConfig;
};
