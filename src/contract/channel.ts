/**
 * Channel plugins: the `ChannelPlugin` object and the adapter types it is made of. Types only.
 *
 * Adapters the contract does not model in detail are typed as open objects so existing channel plugins keep
 * compiling; the common adapters (config, setup, outbound, status, gateway, actions, security) are typed.
 *
 * @packageDocumentation
 */

import type { OpenClawConfig } from "./config.js";
import type { ReplyPayload } from "./hook-types.js";
import type { PluginRuntime, RuntimeEnv } from "./runtime.js";
import type { AnyAgentTool } from "./tools.js";
import type { PluginConfigUiHint, PluginConfigSafeParseResult } from "./config-schema.js";
import type {
  ChannelConversationBindingSupport,
  ChannelMessageActionContext,
  ChannelMessageActionName,
  ChannelSetupWizardAdapter,
  ChannelStatusIssue,
  ChatType,
} from "./channel-messaging.js";
import type {
  ChannelSetupWizardCredential,
  ChannelSetupWizardCredentialValues,
  ChannelSetupWizardNote,
  ChannelSetupWizardTextInput,
} from "./channel-setup-wizard.js";

/**
 * Channel id (e.g. `telegram`, `my-channel`).
 *
 * @example
 * ```ts
 * const id: ChannelId = "my-channel";
 * ```
 */
export type ChannelId = string;

/**
 * Display metadata of a channel.
 *
 * @example
 * ```ts
 * const meta: ChannelMeta = { id: "my-channel", label: "My Channel", selectionLabel: "My Channel (API)", docsPath: "/channels/my-channel", blurb: "Chat over My Channel." };
 * ```
 */
export type ChannelMeta = {
  id: ChannelId;
  label: string;
  selectionLabel?: string;
  docsPath?: string;
  docsLabel?: string;
  blurb?: string;
  order?: number;
  aliases?: string[];
  [key: string]: unknown;
};

/**
 * What a channel supports.
 *
 * @example
 * ```ts
 * const caps: ChannelCapabilities = { chatTypes: ["direct", "group"], media: true };
 * ```
 */
export type ChannelCapabilities = {
  /** Conversation kinds; a readonly tuple (`as const`) or a plain `string[]` both fit. */
  chatTypes: ReadonlyArray<ChatType | (string & {})>;
  media?: boolean;
  reactions?: boolean;
  threads?: boolean;
  polls?: boolean;
  edit?: boolean;
  unsend?: boolean;
  reply?: boolean;
  nativeCommands?: boolean;
  blockStreaming?: boolean;
  [key: string]: unknown;
};

/**
 * A channel's config schema (`{ schema, uiHints?, runtime? }`; differs from the plugin config schema shape —
 * a known inconsistency kept for compatibility).
 *
 * @example
 * ```ts
 * const s: ChannelConfigSchema = { schema: { type: "object", properties: {} } };
 * ```
 */
export type ChannelConfigSchema = {
  /** JSON Schema (draft-07) of `channels.<id>`. */
  schema: Record<string, unknown>;
  uiHints?: Record<string, PluginConfigUiHint>;
  /** Runtime validator of the channel section. */
  runtime?: { safeParse(value: unknown): PluginConfigSafeParseResult<unknown> };
};

/**
 * Snapshot of one channel account for status displays.
 *
 * @example
 * ```ts
 * const snap: ChannelAccountSnapshot = { accountId: "default", enabled: true, configured: true, running: false };
 * ```
 */
export type ChannelAccountSnapshot = {
  accountId: string;
  name?: string;
  enabled?: boolean;
  configured?: boolean;
  linked?: boolean;
  running?: boolean;
  connected?: boolean;
  restartPending?: boolean;
  reconnectAttempts?: number;
  /** Free-form state label and why the account is in it (shown by status displays). */
  statusState?: string;
  stateReason?: string;
  healthState?: string;
  lifecycle?: "starting" | "ready" | "recovering" | "blocked" | "stopped";
  busy?: boolean;
  activeRuns?: number;
  lastError?: string | null;
  lastDisconnect?: string | { at: number; status?: number; error?: string; loggedOut?: boolean } | null;
  /** Epoch milliseconds of the last events of each kind (`null`: never). */
  lastConnectedAt?: number | null;
  lastMessageAt?: number | null;
  lastEventAt?: number | null;
  lastInboundAt?: number | null;
  lastOutboundAt?: number | null;
  lastStartAt?: number | null;
  lastStopAt?: number | null;
  lastProbeAt?: number | null;
  mode?: string;
  dmPolicy?: string;
  allowFrom?: string[];
  /** Where credentials came from (`config`, `env`, `secret-ref`, …) and their state, per credential kind. */
  tokenSource?: string;
  botTokenSource?: string;
  appTokenSource?: string;
  userTokenSource?: string;
  credentialSource?: string;
  secretSource?: string;
  tokenStatus?: string;
  botTokenStatus?: string;
  appTokenStatus?: string;
  identity?: string;
  webhookPath?: string;
  webhookUrl?: string;
  baseUrl?: string;
  port?: number | null;
  probe?: unknown;
  audit?: unknown;
  bot?: unknown;
  profile?: unknown;
};

/**
 * How a channel reads accounts from config.
 *
 * @example
 * ```ts
 * const config: ChannelConfigAdapter<{ token: string }> = {
 *   listAccountIds: () => ["default"],
 *   resolveAccount: (cfg) => ({ token: String(cfg.channels?.["my-channel"]?.token ?? "") }),
 * };
 * ```
 */
export type ChannelConfigAdapter<ResolvedAccount> = {
  listAccountIds(cfg: OpenClawConfig): string[];
  resolveAccount(cfg: OpenClawConfig, accountId?: string | null): ResolvedAccount;
  defaultAccountId?(cfg: OpenClawConfig): string;
  isEnabled?(account: ResolvedAccount, cfg: OpenClawConfig): boolean;
  isConfigured?(account: ResolvedAccount, cfg: OpenClawConfig): boolean | Promise<boolean>;
  describeAccount?(account: ResolvedAccount, cfg: OpenClawConfig): ChannelAccountSnapshot;
  setAccountEnabled?(params: { cfg: OpenClawConfig; accountId: string; enabled: boolean }): OpenClawConfig;
  deleteAccount?(params: { cfg: OpenClawConfig; accountId: string }): OpenClawConfig;
  resolveAllowFrom?(params: { cfg: OpenClawConfig; accountId?: string | null }): Array<string | number> | undefined;
  /** Normalizes allow-list entries for display (`openclaw channels list`, status). */
  formatAllowFrom?(params: { cfg: OpenClawConfig; accountId?: string | null; allowFrom: Array<string | number> }): string[];
  /** Why a disabled account is disabled, shown by status displays. */
  disabledReason?(account: ResolvedAccount, cfg: OpenClawConfig): string;
  /** Why an account counts as not configured, shown by status displays. */
  unconfiguredReason?(account: ResolvedAccount, cfg: OpenClawConfig): string;
  /** Reads an account without resolving secrets (setup and doctor flows). */
  inspectAccount?(cfg: OpenClawConfig, accountId?: string | null): unknown;
  /** `true` when config (or the environment) holds any state of this channel, before an account resolves. */
  hasConfiguredState?(params: { cfg: OpenClawConfig; env?: NodeJS.ProcessEnv }): boolean;
  /** `true` when persisted auth state (a session file, a token store) exists for this channel. */
  hasPersistedAuthState?(params: { cfg: OpenClawConfig; env?: NodeJS.ProcessEnv }): boolean;
  /** The default delivery target of an account, when it has one. */
  resolveDefaultTo?(params: { cfg: OpenClawConfig; accountId?: string | null }): string | undefined;
};

/**
 * Input collected by `openclaw channels add` / setup flows.
 *
 * @example
 * ```ts
 * const input: ChannelSetupInput = { token: "…", name: "Work" };
 * ```
 */
export type ChannelSetupInput = {
  name?: string;
  token?: string;
  [key: string]: unknown;
};

/**
 * Applies setup input to config (non-interactive setup).
 *
 * @example
 * ```ts
 * const setup: ChannelSetupAdapter = {
 *   applyAccountConfig: ({ cfg }) => cfg,
 * };
 * ```
 */
export type ChannelSetupAdapter<Input = ChannelSetupInput> = {
  resolveAccountId?(params: { cfg: OpenClawConfig; accountId?: string; input?: Input }): string;
  applyAccountName?(params: { cfg: OpenClawConfig; accountId: string; name?: string }): OpenClawConfig;
  validateInput?(params: { cfg: OpenClawConfig; accountId: string; input: Input }): string | null;
  applyAccountConfig(params: { cfg: OpenClawConfig; accountId: string; input: Input }): OpenClawConfig;
};

/**
 * The prompter interactive setup wizards use.
 *
 * @example
 * ```ts
 * declare const prompter: WizardPrompter;
 * const token = await prompter.text({ message: "Bot token" });
 * ```
 */
export type WizardPrompter = {
  intro(title: string): Promise<void>;
  outro(message: string): Promise<void>;
  note(message: string, title?: string): Promise<void>;
  text(params: {
    message: string;
    initialValue?: string;
    placeholder?: string;
    validate?: (value: string) => string | undefined;
  }): Promise<string>;
  confirm(params: { message: string; initialValue?: boolean }): Promise<boolean>;
  select<T>(params: { message: string; options: Array<{ value: T; label: string; hint?: string }>; initialValue?: T }): Promise<T>;
  multiselect<T>(params: { message: string; options: Array<{ value: T; label: string; hint?: string }>; initialValues?: T[] }): Promise<T[]>;
  progress(label: string): { update(message: string): void; stop(message?: string): void };
};

/**
 * DM policy step of a setup wizard.
 *
 * @example
 * ```ts
 * const dm: ChannelSetupDmPolicy = { label: "My Channel", channel: "my-channel", policyKey: "channels.my-channel.dmPolicy", allowFromKey: "channels.my-channel.allowFrom", getCurrent: () => "pairing", setPolicy: (cfg) => cfg };
 * ```
 */
export type ChannelSetupDmPolicy = {
  label: string;
  channel: ChannelId;
  policyKey: string;
  allowFromKey: string;
  getCurrent(cfg: OpenClawConfig): "pairing" | "allowlist" | "open" | "disabled";
  setPolicy(cfg: OpenClawConfig, policy: "pairing" | "allowlist" | "open" | "disabled"): OpenClawConfig;
  promptAllowFrom?(params: { cfg: OpenClawConfig; prompter: WizardPrompter; accountId?: string }): Promise<OpenClawConfig>;
};

/**
 * The status block of a setup wizard: labels, hints, ordering scores and how "configured" is decided.
 *
 * @example
 * ```ts
 * const status: ChannelSetupWizardStatus = { configuredLabel: "configured", unconfiguredLabel: "needs token", configuredScore: 2, resolveConfigured: () => false };
 * ```
 */
export type ChannelSetupWizardStatus = {
  configuredLabel: string;
  unconfiguredLabel: string;
  configuredHint?: string;
  unconfiguredHint?: string;
  /** Ordering weight in the channel picker when configured (higher first). */
  configuredScore?: number;
  unconfiguredScore?: number;
  resolveConfigured(params: { cfg: OpenClawConfig; accountId?: string }): boolean | Promise<boolean>;
  resolveStatusLines?(params: { cfg: OpenClawConfig; accountId?: string; configured: boolean }): string[] | Promise<string[]>;
  resolveSelectionHint?(params: {
    cfg: OpenClawConfig;
    accountId?: string;
    configured: boolean;
  }): string | undefined | Promise<string | undefined>;
  resolveQuickstartScore?(params: {
    cfg: OpenClawConfig;
    accountId?: string;
    configured: boolean;
  }): number | undefined | Promise<number | undefined>;
  [key: string]: unknown;
};

/**
 * What a setup wizard's `prepare` / `finalize` step receives: the config so far, the account, the credential
 * values entered, the prompter and the CLI runtime/options.
 *
 * @example
 * ```ts
 * const finalize = async ({ cfg, credentialValues }: ChannelSetupWizardStepParams) => ({ cfg: { ...cfg, token: credentialValues.token } });
 * ```
 */
export type ChannelSetupWizardStepParams = {
  cfg: OpenClawConfig;
  accountId: string;
  credentialValues: ChannelSetupWizardCredentialValues;
  prompter: WizardPrompter;
  runtime?: unknown;
  options?: unknown;
};

/**
 * What a setup wizard step returns: a changed config and/or credential values, a bare config (older form), or
 * nothing.
 *
 * @example
 * ```ts
 * const result: ChannelSetupWizardStepResult = { cfg: {}, credentialValues: { token: "t" } };
 * ```
 */
export type ChannelSetupWizardStepResult =
  | { cfg?: OpenClawConfig; credentialValues?: ChannelSetupWizardCredentialValues }
  | OpenClawConfig
  | void;

/**
 * Interactive setup wizard of a channel (`openclaw onboard`, `openclaw channels add`).
 *
 * @example
 * ```ts
 * const wizard: ChannelSetupWizard = {
 *   channel: "my-channel",
 *   status: { configuredLabel: "configured", unconfiguredLabel: "needs token", resolveConfigured: () => false },
 *   credentials: [],
 * };
 * ```
 */
export type ChannelSetupWizard = {
  channel: ChannelId;
  status: ChannelSetupWizardStatus;
  credentials: ChannelSetupWizardCredential[];
  textInputs?: ChannelSetupWizardTextInput[];
  introNote?: ChannelSetupWizardNote;
  completionNote?: ChannelSetupWizardNote;
  stepOrder?: "credentials-first" | "text-first";
  dmPolicy?: ChannelSetupDmPolicy;
  /** Runs before the credential prompts; may adjust the config or pre-fill credential values. */
  prepare?(params: ChannelSetupWizardStepParams): ChannelSetupWizardStepResult | Promise<ChannelSetupWizardStepResult>;
  /** Runs after the prompts (final validation, writes, extra prompts). */
  finalize?(
    params: ChannelSetupWizardStepParams & { forceAllowFrom: boolean },
  ): ChannelSetupWizardStepResult | Promise<ChannelSetupWizardStepResult>;
  [key: string]: unknown;
};

/**
 * Context passed to outbound send functions.
 *
 * @example
 * ```ts
 * const ctx: ChannelOutboundContext = { cfg: {}, to: "chat-1", text: "hi" };
 * ```
 */
export type ChannelOutboundContext = {
  cfg: OpenClawConfig;
  to: string;
  text: string;
  mediaUrl?: string;
  accountId?: string | null;
  replyToId?: string | null;
  threadId?: string | number | null;
  silent?: boolean;
  payload?: ReplyPayload;
};

/**
 * Result of an outbound delivery.
 *
 * @example
 * ```ts
 * const r: ChannelOutboundResult = { channel: "my-channel", messageId: "m1" };
 * ```
 */
export type ChannelOutboundResult = {
  channel: ChannelId;
  messageId: string;
  chatId?: string;
  [key: string]: unknown;
};

/**
 * How a channel sends messages.
 *
 * @example
 * ```ts
 * const outbound: ChannelOutboundAdapter = {
 *   deliveryMode: "direct",
 *   sendText: async (ctx) => ({ channel: "my-channel", messageId: `${ctx.to}:1` }),
 * };
 * ```
 */
export type ChannelOutboundAdapter = {
  deliveryMode: "direct" | "gateway" | "hybrid";
  textChunkLimit?: number;
  chunker?: ((text: string, limit: number) => string[]) | null;
  /** Whether long text is split as plain text or markdown-aware (keeps code fences and lists intact). */
  chunkerMode?: "text" | "markdown";
  resolveTarget?(params: { cfg?: OpenClawConfig; to?: string; accountId?: string | null }): { ok: true; to: string } | { ok: false; error: Error };
  sendText?(ctx: ChannelOutboundContext): Promise<ChannelOutboundResult>;
  sendMedia?(ctx: ChannelOutboundContext): Promise<ChannelOutboundResult>;
  sendPayload?(ctx: ChannelOutboundContext & { payload: ReplyPayload }): Promise<ChannelOutboundResult>;
};

/**
 * Status / probe adapter of a channel.
 *
 * @example
 * ```ts
 * const status: ChannelStatusAdapter<{ token: string }> = {
 *   buildAccountSnapshot: ({ account }) => ({ accountId: "default", configured: Boolean(account.token) }),
 * };
 * ```
 */
export type ChannelStatusAdapter<ResolvedAccount, Probe = unknown, Audit = unknown> = {
  defaultRuntime?: ChannelAccountSnapshot;
  probeAccount?(params: { account: ResolvedAccount; timeoutMs: number; cfg: OpenClawConfig }): Promise<Probe>;
  auditAccount?(params: { account: ResolvedAccount; timeoutMs: number; cfg: OpenClawConfig; probe?: Probe }): Promise<Audit>;
  buildAccountSnapshot?(params: {
    account: ResolvedAccount;
    cfg: OpenClawConfig;
    runtime?: ChannelAccountSnapshot;
    probe?: Probe;
    audit?: Audit;
  }): ChannelAccountSnapshot | Promise<ChannelAccountSnapshot>;
  /** Channel-level summary fields shown beside the account snapshots. */
  buildChannelSummary?(params: {
    account: ResolvedAccount;
    cfg: OpenClawConfig;
    defaultAccountId: string;
    snapshot: ChannelAccountSnapshot;
  }): Record<string, unknown> | Promise<Record<string, unknown>>;
  /** Problems worth reporting across the channel's account snapshots (missing auth, lost permissions, …). */
  collectStatusIssues?(accounts: ChannelAccountSnapshot[]): ChannelStatusIssue[];
  /** Logs the account's own identity (bot name, phone number) at startup. */
  logSelfId?(params: { account: ResolvedAccount; cfg: OpenClawConfig; runtime: RuntimeEnv; includeChannelPrefix?: boolean }): void;
};

/**
 * Context handed to `gateway.startAccount`.
 *
 * @example
 * ```ts
 * declare const ctx: ChannelGatewayContext<{ token: string }>;
 * ctx.log?.info("starting");
 * ```
 */
export type ChannelGatewayContext<ResolvedAccount> = {
  cfg: OpenClawConfig;
  accountId: string;
  account: ResolvedAccount;
  runtime: RuntimeEnv;
  abortSignal: AbortSignal;
  log?: { debug(msg: string): void; info(msg: string): void; warn(msg: string): void; error(msg: string): void };
  getStatus(): ChannelAccountSnapshot;
  setStatus(next: Partial<ChannelAccountSnapshot>): void;
  /** The plugin runtime (present in full mode). */
  channelRuntime?: PluginRuntime;
};

/**
 * Long-running account monitor of a channel.
 *
 * @example
 * ```ts
 * const gateway: ChannelGatewayAdapter<{ token: string }> = {
 *   startAccount: async (ctx) => { await new Promise((r) => ctx.abortSignal.addEventListener("abort", r)); },
 * };
 * ```
 */
export type ChannelGatewayAdapter<ResolvedAccount> = {
  startAccount?(ctx: ChannelGatewayContext<ResolvedAccount>): Promise<unknown>;
  stopAccount?(ctx: ChannelGatewayContext<ResolvedAccount>): Promise<void>;
  logoutAccount?(params: { cfg: OpenClawConfig; accountId: string; account: ResolvedAccount }): Promise<{ cleared: boolean }>;
};

/**
 * Message actions a channel supports (react, edit, delete, …) for the `message` tool.
 *
 * @example
 * ```ts
 * const actions: ChannelMessageActionAdapter = {
 *   listActions: () => ["react"],
 *   handleAction: async () => ({ content: [{ type: "text", text: "ok" }] }),
 * };
 * ```
 */
export type ChannelMessageActionAdapter = {
  listActions?(params: { cfg: OpenClawConfig; [key: string]: unknown }): ChannelMessageActionName[] | readonly ChannelMessageActionName[];
  supportsAction?(params: { action: ChannelMessageActionName }): boolean;
  handleAction?(params: ChannelMessageActionContext): Promise<{
    /** Result parts for the model; a plain string is read as one text part. */
    content: string | Array<{ type: string; text?: string; [key: string]: unknown }>;
    details?: unknown;
  }>;
  [key: string]: unknown;
};

/**
 * DM security policy resolution of a channel.
 *
 * @example
 * ```ts
 * const security: ChannelSecurityAdapter<{ dmPolicy?: string }> = {
 *   resolveDmPolicy: ({ account }) => ({ policy: account.dmPolicy ?? "pairing", allowFrom: [] }),
 * };
 * ```
 */
export type ChannelSecurityAdapter<ResolvedAccount> = {
  resolveDmPolicy?(params: { cfg: OpenClawConfig; accountId?: string | null; account: ResolvedAccount }): {
    policy: string;
    allowFrom?: Array<string | number>;
    policyPath?: string;
    allowFromPath?: string;
  } | null;
  collectWarnings?(params: { cfg: OpenClawConfig; accountId?: string | null; account: ResolvedAccount }): string[] | Promise<string[]>;
};

/**
 * Pairing (sender approval) adapter of a channel.
 *
 * @example
 * ```ts
 * const pairing: ChannelPairingAdapter = { idLabel: "userId" };
 * ```
 */
export type ChannelPairingAdapter = {
  idLabel: string;
  normalizeAllowEntry?(entry: string): string;
  notifyApproval?(params: { cfg: OpenClawConfig; id: string; runtime?: RuntimeEnv }): Promise<void>;
};

/**
 * An adapter the contract keeps open (typed by the host that consumes it).
 *
 * @example
 * ```ts
 * const threading: ChannelOpenAdapter = { resolveReplyToMode: () => "first" };
 * ```
 */
export type ChannelOpenAdapter = Record<string, unknown>;

/**
 * A messaging channel plugin, registered with `api.registerChannel({ plugin })` or
 * `defineChannelPluginEntry({ plugin })`.
 *
 * @example
 * ```ts
 * const plugin: ChannelPlugin<{ token: string }> = {
 *   id: "my-channel",
 *   meta: { id: "my-channel", label: "My Channel" },
 *   capabilities: { chatTypes: ["direct"] },
 *   config: { listAccountIds: () => ["default"], resolveAccount: () => ({ token: "" }) },
 * };
 * ```
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- default keeps `ChannelPlugin` (no args) assignable from any account type
export interface ChannelPlugin<ResolvedAccount = any, Probe = unknown, Audit = unknown> {
  id: ChannelId;
  meta: ChannelMeta;
  capabilities: ChannelCapabilities;
  defaults?: { queue?: { debounceMs?: number } };
  reload?: { configPrefixes: string[]; noopPrefixes?: string[] };
  config: ChannelConfigAdapter<ResolvedAccount>;
  configSchema?: ChannelConfigSchema;
  setup?: ChannelSetupAdapter;
  setupWizard?: ChannelSetupWizard | ChannelSetupWizardAdapter;
  pairing?: ChannelPairingAdapter;
  security?: ChannelSecurityAdapter<ResolvedAccount>;
  outbound?: ChannelOutboundAdapter;
  status?: ChannelStatusAdapter<ResolvedAccount, Probe, Audit>;
  gatewayMethods?: string[];
  gateway?: ChannelGatewayAdapter<ResolvedAccount>;
  actions?: ChannelMessageActionAdapter;
  groups?: ChannelOpenAdapter;
  mentions?: ChannelOpenAdapter;
  auth?: ChannelOpenAdapter;
  elevated?: ChannelOpenAdapter;
  commands?: ChannelOpenAdapter;
  lifecycle?: ChannelOpenAdapter;
  secrets?: ChannelOpenAdapter;
  allowlist?: ChannelOpenAdapter;
  doctor?: ChannelOpenAdapter;
  bindings?: ChannelOpenAdapter;
  conversationBindings?: ChannelConversationBindingSupport;
  streaming?: ChannelOpenAdapter;
  threading?: ChannelOpenAdapter;
  messaging?: ChannelOpenAdapter;
  /** Message lifecycle adapter (durable sends, receipts), usually built with `defineChannelMessageAdapter`. */
  message?: ChannelOpenAdapter;
  approvalCapability?: ChannelOpenAdapter;
  setupContract?: ChannelOpenAdapter;
  gatewayMethodDescriptors?: Array<{ name: string; scope?: string; description?: string }>;
  agentPrompt?: ChannelOpenAdapter;
  directory?: ChannelOpenAdapter;
  resolver?: ChannelOpenAdapter;
  heartbeat?: ChannelOpenAdapter;
  agentTools?: AnyAgentTool[] | ((params: { cfg?: OpenClawConfig }) => AnyAgentTool[]);
}
