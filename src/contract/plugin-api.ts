/**
 * `OpenClawPluginApi`: the object `register(api)` receives, and the parameter types of every `register*` method.
 * Types only.
 *
 * @packageDocumentation
 */

import type { OpenClawConfig, CliBackendConfig } from "./config.js";
import type { ChannelPlugin } from "./channel.js";
import type {
  PluginHookBeforeToolCallEvent,
  PluginHookHandler,
  PluginHookName,
  PluginHookOptions,
  PluginHookToolContext,
  PluginJsonValue,
  PluginLegacyHookHandlerMap,
  PluginLegacyHookName,
  PluginToolMatcher,
  ReplyPayload,
} from "./hook-types.js";
import type { PluginRegistrationMode } from "./registration-mode.js";
import type {
  PluginRuntime,
  RuntimeAvailableRegistrationMode,
  RuntimeUnavailableRegistrationMode,
} from "./runtime.js";
import type {
  AnyAgentTool,
  OpenClawPluginToolFactory,
  OpenClawPluginToolOptions,
  PluginToolMetadata,
  AgentToolResult,
} from "./tools.js";

export type { PluginRegistrationMode } from "./registration-mode.js";

// ---------------------------------------------------------------------------------------------------------------
// Logger
// ---------------------------------------------------------------------------------------------------------------

/**
 * The plugin-scoped logger (`api.logger`).
 *
 * @example
 * ```ts
 * declare const logger: PluginLogger;
 * logger.warn("token missing; channel disabled");
 * ```
 */
export interface PluginLogger {
  debug?: (message: string) => void;
  info: (message: string) => void;
  warn: (message: string) => void;
  error: (message: string) => void;
}

// ---------------------------------------------------------------------------------------------------------------
// Capability providers (typed loosely: each names its id; hosts own the deep contracts)
// ---------------------------------------------------------------------------------------------------------------

/**
 * Auth method offered by a provider (`openclaw models auth`).
 *
 * @example
 * ```ts
 * const auth: ProviderAuthMethod = { id: "api-key", label: "API key", kind: "api_key", run: async () => ({ profiles: [] }) };
 * ```
 */
export interface ProviderAuthMethod {
  id: string;
  label: string;
  hint?: string;
  kind: "api_key" | "oauth" | "token" | "device_code" | "custom";
  run(ctx: { config: OpenClawConfig; prompter?: unknown }): Promise<{ profiles: Array<Record<string, unknown>>; configPatch?: OpenClawConfig }>;
}

/**
 * A model a provider offers.
 *
 * @example
 * ```ts
 * const m: ProviderModelDefinition = { id: "acme-large", name: "Acme Large", contextWindow: 128000 };
 * ```
 */
export interface ProviderModelDefinition {
  id: string;
  name?: string;
  contextWindow?: number;
  maxTokens?: number;
  reasoning?: boolean;
  input?: Array<"text" | "image">;
  [key: string]: unknown;
}

/**
 * A text-inference (LLM) provider, registered with `api.registerProvider`.
 *
 * @example
 * ```ts
 * const provider: ProviderPlugin = {
 *   id: "acme",
 *   label: "Acme AI",
 *   auth: [],
 *   catalog: { run: async () => ({ provider: { baseUrl: "https://api.acme.test/v1", api: "openai-completions", models: [] } }) },
 * };
 * ```
 */
export interface ProviderPlugin {
  id: string;
  label: string;
  docsPath?: string;
  aliases?: string[];
  envVars?: string[];
  auth: ProviderAuthMethod[];
  catalog?: {
    order?: "simple" | "profile" | "paired" | "late";
    run(ctx: { config: OpenClawConfig; env: NodeJS.ProcessEnv }): Promise<
      | { provider: { baseUrl: string; api: string; apiKey?: string; models: ProviderModelDefinition[]; [key: string]: unknown } }
      | null
      | undefined
    >;
  };
  [hook: string]: unknown;
}

/**
 * A generic capability provider (speech, media understanding, image/music/video generation, web fetch/search,
 * realtime transcription/voice, embeddings). The host owns the per-kind method contract.
 *
 * @example
 * ```ts
 * const speech: CapabilityProvider = { id: "acme-tts", label: "Acme TTS", synthesize: async () => new Uint8Array() };
 * ```
 */
export interface CapabilityProvider {
  id: string;
  label?: string;
  [member: string]: unknown;
}

/** Speech (TTS/STT) provider. @example `const p: SpeechProviderPlugin = { id: "tts" };` */
export type SpeechProviderPlugin = CapabilityProvider;
/** Streaming realtime transcription provider. @example `const p: RealtimeTranscriptionProviderPlugin = { id: "rt" };` */
export type RealtimeTranscriptionProviderPlugin = CapabilityProvider;
/** Duplex realtime voice provider. @example `const p: RealtimeVoiceProviderPlugin = { id: "voice" };` */
export type RealtimeVoiceProviderPlugin = CapabilityProvider;
/** Image/audio/video understanding provider. @example `const p: MediaUnderstandingProviderPlugin = { id: "vision" };` */
export type MediaUnderstandingProviderPlugin = CapabilityProvider;
/** Image generation provider. @example `const p: ImageGenerationProviderPlugin = { id: "img" };` */
export type ImageGenerationProviderPlugin = CapabilityProvider;
/** Music generation provider. @example `const p: MusicGenerationProviderPlugin = { id: "music" };` */
export type MusicGenerationProviderPlugin = CapabilityProvider;
/** Video generation provider. @example `const p: VideoGenerationProviderPlugin = { id: "video" };` */
export type VideoGenerationProviderPlugin = CapabilityProvider;
/** Web fetch / scrape provider. @example `const p: WebFetchProviderPlugin = { id: "fetch" };` */
export type WebFetchProviderPlugin = CapabilityProvider;
/** Web search provider. @example `const p: WebSearchProviderPlugin = { id: "search" };` */
export type WebSearchProviderPlugin = CapabilityProvider;

/**
 * Experimental low-level agent harness (executor).
 *
 * @example
 * ```ts
 * const h: AgentHarness = { id: "my-harness", label: "My harness", run: async () => ({}) };
 * ```
 */
export interface AgentHarness {
  id: string;
  label?: string;
  [member: string]: unknown;
}

/**
 * A local CLI inference backend. `id` becomes the provider prefix of model refs (`my-cli/gpt-5`); `config` has
 * the shape of `agents.defaults.cliBackends.<id>` and user config wins when merged with it.
 *
 * @example
 * ```ts
 * const backend: CliBackendPlugin = {
 *   id: "my-cli",
 *   config: { command: "my-cli", args: ["--json"] },
 *   resolveExecutionArgs: ({ args, thinkingLevel }) => (thinkingLevel ? [...args, "--effort", thinkingLevel] : args),
 * };
 * ```
 */
export interface CliBackendPlugin {
  id: string;
  label?: string;
  /** Plugin defaults; merged under the user's `agents.defaults.cliBackends.<id>` (user wins). */
  config: CliBackendConfig;
  /** Compatibility rewrite applied after merging (e.g. normalizing legacy flags). */
  normalizeConfig?(config: CliBackendConfig): CliBackendConfig;
  /** Request-scoped argv rewrite belonging to the CLI's dialect (e.g. thinking level → effort flag). */
  resolveExecutionArgs?(params: { args: string[]; modelId: string; thinkingLevel?: string; config: CliBackendConfig }): string[];
}

// ---------------------------------------------------------------------------------------------------------------
// Commands
// ---------------------------------------------------------------------------------------------------------------

/**
 * Prompt surfaces a structured guidance entry can target.
 *
 * @example
 * ```ts
 * const s: AgentPromptSurface = "pi_main";
 * ```
 */
export type AgentPromptSurface = "pi_main" | "codex_app_server" | "cli_backend" | "acp_backend" | "subagent";

/**
 * One agent prompt guidance entry: a string (every surface) or `{ text, surfaces }` (omit `surfaces` for every
 * surface; an empty array is rejected).
 *
 * @example
 * ```ts
 * const g: AgentPromptGuidanceEntry[] = ["Global hint.", { text: "Main prompt only.", surfaces: ["pi_main"] }];
 * ```
 */
export type AgentPromptGuidanceEntry = string | { text: string; surfaces?: readonly AgentPromptSurface[] };

/**
 * Context a plugin command handler receives.
 *
 * @example
 * ```ts
 * declare const ctx: PluginCommandContext;
 * const who = ctx.senderId ?? "unknown";
 * ```
 */
export type PluginCommandContext = {
  /** Text after the command name. */
  args?: string;
  commandBody: string;
  channel: string;
  channelId?: string;
  senderId?: string;
  accountId?: string;
  sessionKey?: string;
  isAuthorizedSender: boolean;
  config: OpenClawConfig;
};

/**
 * What a command handler returns. `continueAgent: true` lets the agent run after the command replied.
 *
 * @example
 * ```ts
 * const r: PluginCommandResult = { text: "Approved.", continueAgent: true };
 * ```
 */
export interface PluginCommandResult extends ReplyPayload {
  continueAgent?: boolean;
}

/**
 * A plugin command (bypasses the LLM), registered with `api.registerCommand`.
 *
 * @example
 * ```ts
 * const cmd: OpenClawPluginCommandDefinition = {
 *   name: "ping",
 *   description: "Reply with pong",
 *   descriptionLocalizations: { de: "Antwortet mit pong" },
 *   agentPromptGuidance: [{ text: "Use /ping to check liveness.", surfaces: ["pi_main"] }],
 *   handler: () => ({ text: "pong" }),
 * };
 * ```
 */
export interface OpenClawPluginCommandDefinition {
  name: string;
  description: string;
  /** Locale → description (used by channels with native command menus, e.g. Discord). */
  descriptionLocalizations?: Record<string, string>;
  aliases?: string[];
  acceptsArgs?: boolean;
  /** Default true: only authorized senders may run it. */
  requireAuth?: boolean;
  agentPromptGuidance?: readonly AgentPromptGuidanceEntry[];
  handler(ctx: PluginCommandContext): PluginCommandResult | void | Promise<PluginCommandResult | void>;
}

// ---------------------------------------------------------------------------------------------------------------
// Infrastructure
// ---------------------------------------------------------------------------------------------------------------

/**
 * Internal (non-typed) hook event names for `api.registerHook`, e.g. `command:new`, `gateway:startup`.
 *
 * @example
 * ```ts
 * const e: InternalHookEventName = "command:new";
 * ```
 */
export type InternalHookEventName = string;

/**
 * Event passed to `api.registerHook` handlers.
 *
 * @example
 * ```ts
 * const e: InternalHookEvent = { type: "command", action: "new", sessionKey: "s", context: {}, timestamp: new Date(), messages: [] };
 * ```
 */
export type InternalHookEvent = {
  type: "command" | "session" | "agent" | "gateway" | "message";
  action: string;
  sessionKey: string;
  context: Record<string, unknown>;
  timestamp: Date;
  /** Push text here to reply to the user. */
  messages: string[];
};

/**
 * Handler for `api.registerHook`.
 *
 * @example
 * ```ts
 * const h: InternalHookHandler = (event) => { event.messages.push("saved"); };
 * ```
 */
export type InternalHookHandler = (event: InternalHookEvent) => void | Promise<void>;

/**
 * Options of `api.registerHook`.
 *
 * @example
 * ```ts
 * const o: RegisterHookOptions = { name: "session-memory", description: "Save session on /new" };
 * ```
 */
export interface RegisterHookOptions {
  name?: string;
  description?: string;
  priority?: number;
}

/**
 * Authentication of a plugin HTTP route.
 *
 * @example
 * ```ts
 * const a: PluginHttpRouteAuth = "gateway";
 * ```
 */
export type PluginHttpRouteAuth = "gateway" | "plugin";

/**
 * Parameters of `api.registerHttpRoute`.
 *
 * @example
 * ```ts
 * const route: PluginHttpRouteParams = {
 *   path: "/my-plugin/webhook",
 *   auth: "plugin",
 *   handler: async (_req, res) => { res.statusCode = 200; res.end("ok"); return true; },
 * };
 * ```
 */
export interface PluginHttpRouteParams {
  path: string;
  /** `gateway`: gateway auth required; `plugin`: the handler authenticates (webhooks). */
  auth: PluginHttpRouteAuth;
  match?: "exact" | "prefix";
  /** Replace an existing route with the same path owned by this plugin. */
  replaceExisting?: boolean;
  handler(req: import("node:http").IncomingMessage, res: import("node:http").ServerResponse): boolean | void | Promise<boolean | void>;
}

/**
 * Operator scopes for gateway methods.
 *
 * @example
 * ```ts
 * const s: OperatorScope = "operator.write";
 * ```
 */
export type OperatorScope =
  | "operator.read"
  | "operator.write"
  | "operator.admin"
  | "operator.approvals"
  | "operator.pairing";

/**
 * Options a gateway method handler receives.
 *
 * @example
 * ```ts
 * declare const o: GatewayRequestHandlerOptions;
 * o.respond(true, { ok: true });
 * ```
 */
export type GatewayRequestHandlerOptions = {
  params: Record<string, unknown>;
  /** Gateway request context (connection, broadcast helpers, …). */
  context?: GatewayRequestContext;
  /** The raw request frame, when the transport has one. */
  req?: Record<string, unknown>;
  isWebchatConnect?: (params: unknown) => boolean;
  respond(ok: boolean, payload?: unknown, error?: { code: string; message: string }): void;
  client?: { id?: string; scopes?: OperatorScope[] };
};

/**
 * The gateway's request context given to gateway method handlers. Only `cronStorePath` is typed; the rest is open
 * (`any`) until typed, so handlers written against the gateway compile.
 *
 * @example
 * ```ts
 * const h: GatewayRequestHandler = ({ respond, context }) => respond(true, { store: context?.cronStorePath });
 * ```
 */
export type GatewayRequestContext = {
  cronStorePath?: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- open until typed
  [key: string]: any;
};

/**
 * A gateway RPC method handler.
 *
 * @example
 * ```ts
 * const h: GatewayRequestHandler = ({ respond }) => respond(true, { pong: true });
 * ```
 */
export type GatewayRequestHandler = (opts: GatewayRequestHandlerOptions) => void | Promise<void>;

/**
 * Options of `api.registerGatewayMethod`. Reserved admin namespaces (`config.*`, `exec.approvals.*`,
 * `wizard.*`, `update.*`) always resolve to `operator.admin`, whatever `scope` says.
 *
 * @example
 * ```ts
 * const o: GatewayMethodOptions = { scope: "operator.read" };
 * ```
 */
export interface GatewayMethodOptions {
  scope?: OperatorScope;
}

/**
 * Context of a gateway discovery advertisement.
 *
 * @example
 * ```ts
 * const ctx: GatewayDiscoveryContext = { gatewayPort: 18789, gatewayTlsEnabled: false, machineDisplayName: "studio", txt: {} };
 * ```
 */
export interface GatewayDiscoveryContext {
  gatewayPort: number;
  gatewayTlsEnabled: boolean;
  machineDisplayName: string;
  /** Non-secret TXT hints (never treat them as credentials). */
  txt: Record<string, string>;
}

/**
 * A local gateway discovery advertiser (mDNS/Bonjour, …).
 *
 * @example
 * ```ts
 * const svc: GatewayDiscoveryService = { id: "my-discovery", advertise: async () => ({ stop: () => {} }) };
 * ```
 */
export interface GatewayDiscoveryService {
  id: string;
  advertise(ctx: GatewayDiscoveryContext): Promise<{ stop(): void | Promise<void> }> | { stop(): void | Promise<void> };
}

/**
 * Minimal commander-like program handed to CLI registrars (the host passes a real `commander` Command).
 *
 * @example
 * ```ts
 * declare const program: PluginCliProgram;
 * program.command("hello").description("Say hello").action(() => console.log("hi"));
 * ```
 */
export interface PluginCliProgram {
  command(nameAndArgs: string, opts?: Record<string, unknown>): PluginCliProgram;
  description(text: string): PluginCliProgram;
  option(flags: string, description?: string, defaultValue?: unknown): PluginCliProgram;
  action(fn: (...args: any[]) => void | Promise<void>): PluginCliProgram;
  [member: string]: unknown;
}

/**
 * Context a CLI registrar receives.
 *
 * @example
 * ```ts
 * declare const ctx: PluginCliContext;
 * ctx.program.command("matrix");
 * ```
 */
export type PluginCliContext = {
  /** The root program, or the resolved parent command when `parentPath` was given. */
  program: PluginCliProgram;
  config: OpenClawConfig;
  workspaceDir?: string;
  logger: PluginLogger;
};

/**
 * A CLI registrar.
 *
 * @example
 * ```ts
 * const r: PluginCliRegistrar = async ({ program }) => { program.command("hello"); };
 * ```
 */
export type PluginCliRegistrar = (ctx: PluginCliContext) => void | Promise<void>;

/**
 * Parse-time descriptor of a root command (for help and lazy loading).
 *
 * @example
 * ```ts
 * const d: PluginCliCommandDescriptor = { name: "matrix", description: "Manage Matrix accounts", hasSubcommands: true };
 * ```
 */
export interface PluginCliCommandDescriptor {
  name: string;
  description: string;
  hasSubcommands?: boolean;
}

/**
 * Options of `api.registerCli`.
 *
 * @example
 * ```ts
 * const o: PluginCliOptions = { descriptors: [{ name: "canvas", description: "Canvas tools" }], parentPath: ["nodes"] };
 * ```
 */
export interface PluginCliOptions {
  /** Explicit command names the registrar owns (eager path). */
  commands?: string[];
  /** Descriptors covering every top-level root the registrar exposes (lazy path). */
  descriptors?: PluginCliCommandDescriptor[];
  /** Parent command path for nested groups, e.g. `["nodes"]`. */
  parentPath?: string[];
}

/**
 * Context passed to a service's `start`/`stop`.
 *
 * @example
 * ```ts
 * declare const ctx: OpenClawPluginServiceContext;
 * ctx.logger.info(ctx.stateDir);
 * ```
 */
export type OpenClawPluginServiceContext = {
  config: OpenClawConfig;
  workspaceDir?: string;
  stateDir: string;
  logger: PluginLogger;
  /**
   * Host diagnostics channel, present only for services of trusted (bundled) plugins while they run; the test
   * host gives one that records emitted events.
   */
  internalDiagnostics?: PluginInternalDiagnostics;
};

/**
 * Diagnostic event a service emits through `ctx.internalDiagnostics`.
 *
 * @example
 * ```ts
 * const event: PluginDiagnosticEvent = { type: "memory.index.rebuilt", data: { files: 12 } };
 * ```
 */
export type PluginDiagnosticEvent = {
  type: string;
  [key: string]: unknown;
};

/**
 * `OpenClawPluginServiceContext.internalDiagnostics`: emit diagnostic events and listen to the host's.
 *
 * @example
 * ```ts
 * ctx.internalDiagnostics?.emit({ type: "my-plugin.sync.done", items: 3 });
 * ```
 */
export type PluginInternalDiagnostics = {
  getRuntimeIdentity?: () => { processInstanceId: string; buildId?: string };
  emit: (event: PluginDiagnosticEvent, privateData?: Record<string, unknown>) => void;
  onEvent: (listener: (event: PluginDiagnosticEvent, metadata: Record<string, unknown>) => void) => () => void;
};

/**
 * A background service, registered with `api.registerService`.
 *
 * @example
 * ```ts
 * const svc: OpenClawPluginService = { id: "poller", start: async () => {}, stop: async () => {} };
 * ```
 */
export interface OpenClawPluginService {
  id: string;
  start(ctx: OpenClawPluginServiceContext): void | Promise<void>;
  stop?(ctx: OpenClawPluginServiceContext): void | Promise<void>;
}

/**
 * What a connectivity check receives: the plugin's current config (as validated against its `configSchema`), an abort
 * signal that fires when the host's time limit (10 s) runs out, and the plugin's logger.
 *
 * @example
 * ```ts
 * const check: PluginConnectivityCheck = async (ctx) => {
 *   const res = await fetch(`${String(ctx.config.baseUrl)}/health`, { signal: ctx.signal });
 *   return { ok: res.ok, message: `health answered ${res.status}` };
 * };
 * ```
 */
export interface PluginConnectivityCheckContext {
  pluginId: string;
  config: Record<string, unknown>;
  signal: AbortSignal;
  logger: PluginLogger;
}

/**
 * The verdict of a connectivity check. `details` must be JSON (it is sent to the management API's caller); never put
 * secrets in it.
 *
 * @example
 * ```ts
 * const result: PluginConnectivityCheckResult = { ok: false, message: "401 from api.example.com: check apiKey", details: { status: 401 } };
 * ```
 */
export interface PluginConnectivityCheckResult {
  ok: boolean;
  message?: string;
  details?: Record<string, unknown>;
}

/**
 * A plugin's own connectivity check, registered with `api.registerConnectivityCheck` and run by the management API's
 * `POST /api/plugins/:id/test` (in the plugin runtime process, with a 10 s limit). A thrown error counts as
 * `{ ok: false, message: <error message> }`.
 *
 * @example
 * ```ts
 * api.registerConnectivityCheck(async ({ config, signal }) => {
 *   const res = await fetch("https://api.example.com/v1/me", { headers: { authorization: `Bearer ${String(config.apiKey)}` }, signal });
 *   return res.ok ? { ok: true, message: "API key accepted" } : { ok: false, message: `API answered ${res.status}` };
 * });
 * ```
 */
export type PluginConnectivityCheck = (
  ctx: PluginConnectivityCheckContext,
) => PluginConnectivityCheckResult | Promise<PluginConnectivityCheckResult>;

/**
 * An interactive handler (buttons, select menus, modal submits) for a channel.
 *
 * @example
 * ```ts
 * const reg: PluginInteractiveHandlerRegistration = { channel: "discord", namespace: "approve", handler: async () => ({ handled: true }) };
 * ```
 */
export interface PluginInteractiveHandlerRegistration {
  channel: string;
  namespace: string;
  handler(ctx: { data: string; senderId?: string; accountId?: string; respond?: (payload: ReplyPayload) => Promise<void> }): Promise<{ handled: boolean } | void> | { handled: boolean } | void;
}

/**
 * Tool result middleware (bundled plugins; needs `contracts.agentToolResultMiddleware`).
 *
 * @example
 * ```ts
 * const mw: AgentToolResultMiddleware = async ({ result }) => result;
 * ```
 */
export type AgentToolResultMiddleware = (params: {
  toolName: string;
  toolCallId: string;
  params: Record<string, unknown>;
  result: AgentToolResult;
}) => AgentToolResult | Promise<AgentToolResult>;

/**
 * Options of `api.registerAgentToolResultMiddleware`.
 *
 * @example
 * ```ts
 * const o: AgentToolResultMiddlewareOptions = { runtimes: ["pi", "codex"] };
 * ```
 */
export interface AgentToolResultMiddlewareOptions {
  runtimes?: string[];
  priority?: number;
}

/**
 * Trusted tool policy (bundled only): runs before ordinary `before_tool_call` hooks.
 *
 * @example
 * ```ts
 * const p: TrustedToolPolicy = { id: "budget", evaluate: () => ({ block: false }) };
 * ```
 */
export interface TrustedToolPolicy {
  id: string;
  description?: string;
  /** Which tools the policy looks at (default: all). */
  matcher?: PluginToolMatcher;
  /**
   * Called before each matching tool call with the `before_tool_call` event (plus the session key, for policies
   * written against the one-argument form) and the tool context.
   */
  evaluate(
    event: PluginHookBeforeToolCallEvent & { sessionKey?: string },
    ctx: PluginHookToolContext,
  ):
    | { block?: boolean; blockReason?: string; params?: Record<string, unknown> }
    | void
    | Promise<{ block?: boolean; blockReason?: string; params?: Record<string, unknown> } | void>;
}

/**
 * A trusted tool policy under its established name (`description` required there).
 *
 * @example
 * ```ts
 * const p: PluginTrustedToolPolicyRegistration = {
 *   id: "no-exec", description: "Blocks exec", evaluate: (event) => (event.toolName === "exec" ? { block: true } : undefined),
 * };
 * ```
 */
export type PluginTrustedToolPolicyRegistration = TrustedToolPolicy & { description: string };

// ---------------------------------------------------------------------------------------------------------------
// Context engine and memory
// ---------------------------------------------------------------------------------------------------------------

/**
 * Parameters of a context engine's `assemble()`. The host always names the session (`sessionId`); everything
 * else is optional so engines written against older hosts keep compiling.
 *
 * @example
 * ```ts
 * const p: ContextEngineAssembleParams = { sessionId: "abc", sessionKey: "s", messages: [], citationsMode: "auto" };
 * ```
 */
export interface ContextEngineAssembleParams {
  sessionId: string;
  sessionKey?: string;
  messages: unknown[];
  tokenBudget?: number;
  /** Tool names available this turn. */
  availableTools?: ReadonlySet<string> | readonly string[];
  citationsMode?: "auto" | "on" | "off";
  /** Model id the turn runs on, when known. */
  model?: string;
  /** The user's prompt for this turn, when known. */
  prompt?: string;
}

/**
 * What a context engine's `assemble()` resolves to.
 *
 * @example
 * ```ts
 * const r: ContextEngineAssembleResult = { messages: [], estimatedTokens: 0, systemPromptAddition: "Be brief." };
 * ```
 */
export interface ContextEngineAssembleResult {
  messages: unknown[];
  /** The engine's estimate of the assembled context size. */
  estimatedTokens?: number;
  systemPromptAddition?: string;
}

/**
 * What a context engine's `compact()` resolves to (`ok: false` with a `reason` when it could not compact).
 *
 * @example
 * ```ts
 * const r: ContextEngineCompactResult = { ok: true, compacted: true, result: { tokensBefore: 9000, tokensAfter: 2000 } };
 * ```
 */
export interface ContextEngineCompactResult {
  ok: boolean;
  compacted: boolean;
  reason?: string;
  result?: {
    summary?: string;
    firstKeptEntryId?: string;
    tokensBefore: number;
    tokensAfter?: number;
    details?: unknown;
  };
}

/**
 * A context engine (one active at a time). Only `assemble` is required here; the host calls the other hooks when
 * an engine provides them.
 *
 * @example
 * ```ts
 * const engine: ContextEngine = { assemble: async ({ messages }) => ({ messages, estimatedTokens: 0 }) };
 * ```
 */
export interface ContextEngine {
  readonly info?: ContextEngineInfo;
  bootstrap?(params: { sessionId: string; sessionKey?: string; sessionFile: string }): Promise<{
    bootstrapped: boolean;
    importedMessages?: number;
    reason?: string;
  }>;
  assemble(params: ContextEngineAssembleParams): Promise<ContextEngineAssembleResult>;
  ingest?(params: {
    sessionId: string;
    sessionKey?: string;
    message: unknown;
    isHeartbeat?: boolean;
  }): Promise<{ ingested: boolean } | void>;
  ingestBatch?(params: {
    sessionId: string;
    sessionKey?: string;
    messages: unknown[];
    isHeartbeat?: boolean;
  }): Promise<{ ingestedCount: number } | void>;
  afterTurn?(params: {
    sessionId: string;
    sessionKey?: string;
    sessionFile: string;
    messages: unknown[];
    prePromptMessageCount: number;
    isHeartbeat?: boolean;
    tokenBudget?: number;
  }): Promise<void>;
  compact?(params: {
    sessionId: string;
    sessionKey?: string;
    sessionFile?: string;
    tokenBudget?: number;
    force?: boolean;
    currentTokenCount?: number;
    customInstructions?: string;
    abortSignal?: AbortSignal;
  }): Promise<ContextEngineCompactResult | void>;
  dispose?(): Promise<void> | void;
}

/**
 * What a context engine says about itself (`engine.info`).
 *
 * @example
 * ```ts
 * const info: ContextEngineInfo = { id: "lossless", name: "Lossless context", ownsCompaction: true };
 * ```
 */
export type ContextEngineInfo = {
  id: string;
  name: string;
  version?: string;
  acceptedHostParams?: string[];
  /** `true` when the engine runs compaction itself. */
  ownsCompaction?: boolean;
  turnMaintenanceMode?: "foreground" | "background";
  [key: string]: unknown;
};

/**
 * Factory of a context engine.
 *
 * @example
 * ```ts
 * const f: ContextEngineFactory = () => ({ assemble: async ({ messages }) => ({ messages }) });
 * ```
 */
export type ContextEngineFactory = (ctx: {
  config?: OpenClawConfig;
  agentDir?: string;
  workspaceDir?: string;
}) => ContextEngine | Promise<ContextEngine>;

/**
 * A memory artifact exported by a memory plugin.
 *
 * @example
 * ```ts
 * const a: MemoryPublicArtifact = { id: "MEMORY.md", kind: "markdown", path: "/w/MEMORY.md" };
 * ```
 */
export interface MemoryPublicArtifact {
  id: string;
  kind: string;
  path?: string;
  title?: string;
  updatedAt?: number;
}

/**
 * One memory search hit.
 *
 * @example
 * ```ts
 * const hit: MemorySearchResult = { path: "memory/2026-01-01.md", snippet: "…", score: 0.8 };
 * ```
 */
export interface MemorySearchResult {
  path: string;
  snippet: string;
  score: number;
  startLine?: number;
  endLine?: number;
}

/**
 * Memory runtime adapter (search / read).
 *
 * @example
 * ```ts
 * const rt: MemoryRuntime = { search: async () => [], readFile: async () => ({ text: "" }) };
 * ```
 */
export interface MemoryRuntime {
  search(params: { query: string; maxResults?: number; agentId?: string }): Promise<MemorySearchResult[]>;
  readFile(params: { path: string; from?: number; lines?: number; agentId?: string }): Promise<{ text: string; path?: string }>;
  status?(): Promise<Record<string, unknown>> | Record<string, unknown>;
}

/**
 * Builds extra memory-related prompt lines.
 *
 * @example
 * ```ts
 * const b: MemoryPromptSectionBuilder = ({ availableTools }) => (availableTools.has("memory_search") ? ["Use memory_search."] : []);
 * ```
 */
export type MemoryPromptSectionBuilder = (params: { availableTools: ReadonlySet<string>; citationsMode?: string }) => string[];

/**
 * A memory flush plan. `model` may pin an exact `provider/model` ref for the flush turn.
 *
 * @example
 * ```ts
 * const plan: MemoryFlushPlan = { softThresholdTokens: 4000, prompt: "Write durable notes.", model: "ollama/qwen3:8b" };
 * ```
 */
export interface MemoryFlushPlan {
  softThresholdTokens: number;
  prompt: string;
  systemPrompt?: string;
  /** Exact `provider/model` ref for the flush turn (does not inherit the fallback chain). */
  model?: string;
}

/**
 * Resolves the flush plan for a run (null disables flushing).
 *
 * @example
 * ```ts
 * const r: MemoryFlushPlanResolver = () => null;
 * ```
 */
export type MemoryFlushPlanResolver = (params: { config: OpenClawConfig; agentId?: string }) => MemoryFlushPlan | null;

/**
 * The unified memory capability (preferred exclusive memory plugin API).
 *
 * @example
 * ```ts
 * const cap: MemoryPluginCapability = {
 *   runtime: { search: async () => [], readFile: async () => ({ text: "" }) },
 *   publicArtifacts: { listArtifacts: async () => [] },
 * };
 * ```
 */
export interface MemoryPluginCapability {
  runtime?: MemoryRuntime;
  promptBuilder?: MemoryPromptSectionBuilder;
  flushPlanResolver?: MemoryFlushPlanResolver;
  /** Lets companion plugins consume exported artifacts via `memory-host-core`. */
  publicArtifacts?: { listArtifacts(params: { agentId?: string }): Promise<MemoryPublicArtifact[]> };
}

/**
 * A memory embedding adapter (`agents.defaults.memorySearch.provider` resolves against its id).
 *
 * @example
 * ```ts
 * const e: MemoryEmbeddingProviderAdapter = { id: "acme", embed: async (texts) => texts.map(() => [0]) };
 * ```
 */
export interface MemoryEmbeddingProviderAdapter {
  id: string;
  model?: string;
  dimensions?: number;
  embed(texts: string[]): Promise<number[][]>;
}

/**
 * Adds a prompt supplement next to the memory section.
 *
 * @example
 * ```ts
 * const s: MemoryPromptSupplementBuilder = () => ["Also check the wiki."];
 * ```
 */
export type MemoryPromptSupplementBuilder = MemoryPromptSectionBuilder;

/**
 * An additional searchable/readable corpus alongside memory.
 *
 * @example
 * ```ts
 * const c: MemoryCorpusSupplement = { id: "wiki", search: async () => [], read: async () => null };
 * ```
 */
export interface MemoryCorpusSupplement {
  id: string;
  search(params: { query: string; maxResults?: number }): Promise<MemorySearchResult[]>;
  read(params: { path: string }): Promise<{ text: string } | null>;
}

// ---------------------------------------------------------------------------------------------------------------
// Host hooks for workflow plugins (grouped namespaces)
// ---------------------------------------------------------------------------------------------------------------

/**
 * Plugin-owned, JSON-compatible session state projected through the gateway.
 *
 * @example
 * ```ts
 * const ext: PluginSessionExtension = { namespace: "plan", initial: () => ({ steps: [] }) };
 * ```
 */
export interface PluginSessionExtension {
  namespace: string;
  initial?: () => PluginJsonValue;
  /** Project state into the gateway session view. */
  project?: (value: PluginJsonValue) => PluginJsonValue;
}

/**
 * Durable once-only context for a session's next agent turn.
 *
 * @example
 * ```ts
 * const inj: PluginNextTurnInjection = { sessionKey: "agent:main:main", text: "Reminder: plan step 2." };
 * ```
 */
export interface PluginNextTurnInjection {
  sessionKey: string;
  text: string;
  /** Dedupe key: a later injection with the same key replaces the earlier one. */
  key?: string;
}

/**
 * Cleanup metadata of a plugin-owned scheduler job.
 *
 * @example
 * ```ts
 * const job: PluginSessionSchedulerJob = { id: "nightly", sessionKey: "s", cleanup: () => {} };
 * ```
 */
export interface PluginSessionSchedulerJob {
  id: string;
  sessionKey?: string;
  cleanup?: () => void | Promise<void>;
}

/**
 * A file attachment sent to the active direct outbound session route (bundled only).
 *
 * @example
 * ```ts
 * const a: PluginSessionAttachment = { sessionKey: "s", path: "/tmp/report.pdf" };
 * ```
 */
export interface PluginSessionAttachment {
  sessionKey: string;
  path: string;
  caption?: string;
  mimeType?: string;
}

/**
 * A cron-backed scheduled session turn (bundled only).
 *
 * @example
 * ```ts
 * const t: PluginScheduledSessionTurn = { sessionKey: "s", prompt: "Check CI", at: Date.now() + 60_000, tag: "ci" };
 * ```
 */
export interface PluginScheduledSessionTurn {
  sessionKey: string;
  prompt: string;
  /** Epoch ms or cron expression. */
  at?: number;
  cron?: string;
  tag?: string;
}

/**
 * A typed session action clients dispatch through the gateway.
 *
 * @example
 * ```ts
 * const a: PluginSessionAction = { id: "approve-plan", label: "Approve plan", handler: async () => ({ ok: true }) };
 * ```
 */
export interface PluginSessionAction {
  id: string;
  label: string;
  handler(params: { sessionKey: string; payload?: PluginJsonValue }): Promise<PluginJsonValue> | PluginJsonValue;
}

/**
 * A control UI contribution descriptor.
 *
 * @example
 * ```ts
 * const d: PluginControlUiDescriptor = { id: "plan-panel", surface: "session", title: "Plan" };
 * ```
 */
export interface PluginControlUiDescriptor {
  id: string;
  surface: "session" | "tool" | "run" | "settings";
  title: string;
  actionId?: string;
  [key: string]: unknown;
}

/**
 * Agent event subscription with cleanup.
 *
 * @example
 * ```ts
 * const sub: PluginAgentEventSubscription = { id: "watch", events: ["run.finished"], handler: () => {} };
 * ```
 */
export interface PluginAgentEventSubscription {
  id: string;
  events?: string[];
  handler(event: { type: string; runId?: string; sessionKey?: string; data?: PluginJsonValue }): void | Promise<void>;
}

/**
 * An agent event a plugin emits.
 *
 * @example
 * ```ts
 * const e: PluginAgentEventEmission = { type: "plan.updated", sessionKey: "s", data: { step: 2 } };
 * ```
 */
export interface PluginAgentEventEmission {
  type: string;
  runId?: string;
  sessionKey?: string;
  data?: PluginJsonValue;
}

/**
 * Cleanup callbacks on reset / delete / reload paths.
 *
 * @example
 * ```ts
 * const l: PluginRuntimeLifecycle = { id: "cache", onReset: () => {}, onReload: () => {} };
 * ```
 */
export interface PluginRuntimeLifecycle {
  id: string;
  onReset?(params: { sessionKey?: string }): void | Promise<void>;
  onDelete?(params: { sessionKey?: string }): void | Promise<void>;
  onReload?(): void | Promise<void>;
}

/**
 * Conversation binding event for `api.onConversationBindingResolved`.
 *
 * @example
 * ```ts
 * const e: ConversationBindingResolvedEvent = { channel: "discord", conversationId: "c", sessionKey: "s", status: "bound" };
 * ```
 */
export type ConversationBindingResolvedEvent = {
  channel: string;
  accountId?: string;
  conversationId: string;
  sessionKey?: string;
  status: "bound" | "rejected" | "expired";
};

/**
 * `api.session`: grouped session host hooks.
 *
 * @example
 * ```ts
 * declare const session: PluginSessionApi;
 * session.state.registerSessionExtension({ namespace: "plan" });
 * ```
 */
export interface PluginSessionApi {
  state: { registerSessionExtension(extension: PluginSessionExtension): void };
  workflow: {
    enqueueNextTurnInjection(injection: PluginNextTurnInjection): Promise<{ enqueued: boolean }>;
    registerSessionSchedulerJob(job: PluginSessionSchedulerJob): void;
    sendSessionAttachment(attachment: PluginSessionAttachment): Promise<{ sent: boolean }>;
    scheduleSessionTurn(turn: PluginScheduledSessionTurn): Promise<{ jobId: string }>;
    unscheduleSessionTurnsByTag(params: { tag: string; sessionKey?: string }): Promise<{ removed: number }>;
  };
  controls: {
    registerSessionAction(action: PluginSessionAction): void;
    registerControlUiDescriptor(descriptor: PluginControlUiDescriptor): void;
  };
}

/**
 * `api.agent`: grouped agent host hooks.
 *
 * @example
 * ```ts
 * declare const agent: PluginAgentApi;
 * agent.events.emitAgentEvent({ type: "plan.updated" });
 * ```
 */
export interface PluginAgentApi {
  events: {
    registerAgentEventSubscription(subscription: PluginAgentEventSubscription): void;
    emitAgentEvent(event: PluginAgentEventEmission): void;
  };
}

/**
 * `api.runContext`: per-run ephemeral plugin state, cleared when the run ends.
 *
 * @example
 * ```ts
 * declare const rc: PluginRunContextApi;
 * rc.setRunContext({ runId: "r1", key: "k", value: 1 });
 * ```
 */
export interface PluginRunContextApi {
  setRunContext(params: { runId: string; key: string; value: PluginJsonValue }): void;
  getRunContext(params: { runId: string; key: string }): PluginJsonValue | undefined;
  clearRunContext(params: { runId: string; key?: string }): void;
}

/**
 * `api.lifecycle`.
 *
 * @example
 * ```ts
 * declare const lc: PluginLifecycleApi;
 * lc.registerRuntimeLifecycle({ id: "cache", onReset: () => {} });
 * ```
 */
export interface PluginLifecycleApi {
  registerRuntimeLifecycle(lifecycle: PluginRuntimeLifecycle): void;
}

/**
 * Parameters of `api.registerChannel`.
 *
 * @example
 * ```ts
 * declare const plugin: ChannelPlugin;
 * const reg: OpenClawPluginChannelRegistration = { plugin };
 * ```
 */
export interface OpenClawPluginChannelRegistration {
  plugin: ChannelPlugin;
}

// ---------------------------------------------------------------------------------------------------------------
// The API
// ---------------------------------------------------------------------------------------------------------------

/**
 * Every member of `OpenClawPluginApi` except `registrationMode` and `runtime` (which vary together).
 *
 * @example
 * ```ts
 * function logId(api: OpenClawPluginApiBase) { api.logger.info(api.id); }
 * ```
 */
export type OpenClawPluginApiBase<TConfig = Record<string, unknown>> = {
  readonly id: string;
  readonly name: string;
  readonly version?: string;
  readonly description?: string;
  /** Path of the loaded entry module. */
  readonly source: string;
  readonly rootDir?: string;
  /** Current config snapshot. */
  readonly config: OpenClawConfig;
  /** `plugins.entries.<id>.config`, validated (and defaulted) by the plugin's config schema. */
  readonly pluginConfig: PluginConfigOf<TConfig>;
  readonly logger: PluginLogger;
  /**
   * Resolves a path relative to the plugin root (`~` expands to the home directory). Throws when the path, after
   * every symlink is followed, leaves the plugin root (`../`, absolute paths elsewhere, links out of the folder);
   * an in-memory entry's root is the current directory.
   */
  resolvePath(input: string): string;

  // capabilities
  registerProvider(provider: ProviderPlugin): void;
  registerAgentHarness(harness: AgentHarness): void;
  registerCliBackend(backend: CliBackendPlugin): void;
  registerChannel(registration: OpenClawPluginChannelRegistration | ChannelPlugin): void;
  registerSpeechProvider(provider: SpeechProviderPlugin): void;
  registerRealtimeTranscriptionProvider(provider: RealtimeTranscriptionProviderPlugin): void;
  registerRealtimeVoiceProvider(provider: RealtimeVoiceProviderPlugin): void;
  registerMediaUnderstandingProvider(provider: MediaUnderstandingProviderPlugin): void;
  registerImageGenerationProvider(provider: ImageGenerationProviderPlugin): void;
  registerMusicGenerationProvider(provider: MusicGenerationProviderPlugin): void;
  registerVideoGenerationProvider(provider: VideoGenerationProviderPlugin): void;
  registerWebFetchProvider(provider: WebFetchProviderPlugin): void;
  registerWebSearchProvider(provider: WebSearchProviderPlugin): void;

  // tools and commands
  /** Registers a tool or tool factory; names must be listed in the manifest's `contracts.tools`. */
  registerTool(tool: AnyAgentTool | OpenClawPluginToolFactory, opts?: OpenClawPluginToolOptions): void;
  /** Registers a command. Throws if an `agentPromptGuidance` entry has an empty `surfaces` array. */
  registerCommand(command: OpenClawPluginCommandDefinition): void;

  // infrastructure
  registerHook(events: InternalHookEventName | InternalHookEventName[], handler: InternalHookHandler, opts?: RegisterHookOptions): void;
  registerHttpRoute(params: PluginHttpRouteParams): void;
  registerGatewayMethod(method: string, handler: GatewayRequestHandler, opts?: GatewayMethodOptions): void;
  registerGatewayDiscoveryService(service: GatewayDiscoveryService): void;
  registerCli(registrar: PluginCliRegistrar, opts?: PluginCliOptions): void;
  /** Same as `registerCli(registrar, { ...opts, parentPath: ["nodes"] })`. */
  registerNodeCliFeature(registrar: PluginCliRegistrar, opts?: Omit<PluginCliOptions, "parentPath">): void;
  registerService(service: OpenClawPluginService): void;
  /**
   * Registers the plugin's connectivity check (one per plugin; a second call replaces the first), run by the
   * management API's `POST /api/plugins/:id/test`. Accepted in the `full` registration mode only.
   */
  registerConnectivityCheck(check: PluginConnectivityCheck): void;
  registerInteractiveHandler(registration: PluginInteractiveHandlerRegistration): void;
  registerAgentToolResultMiddleware(middleware: AgentToolResultMiddleware, opts?: AgentToolResultMiddlewareOptions): void;
  registerMemoryPromptSupplement(builder: MemoryPromptSupplementBuilder): void;
  registerMemoryCorpusSupplement(adapter: MemoryCorpusSupplement): void;
  registerTrustedToolPolicy(policy: TrustedToolPolicy): void;
  registerToolMetadata(metadata: PluginToolMetadata): void;
  registerContextEngine(id: string, factory: ContextEngineFactory): void;
  registerMemoryCapability(capability: MemoryPluginCapability): void;
  /** @deprecated Legacy memory API: use `registerMemoryCapability({ promptBuilder })`. Removal not before 2027-06-30. */
  registerMemoryPromptSection(builder: MemoryPromptSectionBuilder): void;
  /** @deprecated Legacy memory API: use `registerMemoryCapability({ flushPlanResolver })`. Removal not before 2027-06-30. */
  registerMemoryFlushPlan(resolver: MemoryFlushPlanResolver): void;
  /** @deprecated Legacy memory API: use `registerMemoryCapability({ runtime })`. Removal not before 2027-06-30. */
  registerMemoryRuntime(runtime: MemoryRuntime): void;
  registerMemoryEmbeddingProvider(adapter: MemoryEmbeddingProviderAdapter): void;

  // events
  /** Registers a typed lifecycle hook. Unknown names are warned about and ignored by the host. */
  on<K extends PluginHookName>(hookName: K, handler: PluginHookHandler<K>, opts?: PluginHookOptions<K>): void;
  /**
   * Legacy hook names the host no longer runs (see `PluginLegacyHookName`): accepted so older plugins compile;
   * the host logs a warning and ignores the handler.
   *
   * @deprecated Register a current hook instead. Removal not before 2027-06-30.
   */
  on<K extends PluginLegacyHookName>(hookName: K, handler: PluginLegacyHookHandlerMap[K], opts?: PluginHookOptions): void;
  onConversationBindingResolved(handler: (event: ConversationBindingResolvedEvent) => void | Promise<void>): void;

  // grouped namespaces
  readonly session: PluginSessionApi;
  readonly agent: PluginAgentApi;
  readonly runContext: PluginRunContextApi;
  readonly lifecycle: PluginLifecycleApi;

  // deprecated flat aliases
  /** @deprecated Use `api.session.state.registerSessionExtension`. Removal not before 2027-06-30. */
  registerSessionExtension(extension: PluginSessionExtension): void;
  /** @deprecated Use `api.session.workflow.enqueueNextTurnInjection`. Removal not before 2027-06-30. */
  enqueueNextTurnInjection(injection: PluginNextTurnInjection): Promise<{ enqueued: boolean }>;
  /** @deprecated Use `api.session.workflow.registerSessionSchedulerJob`. Removal not before 2027-06-30. */
  registerSessionSchedulerJob(job: PluginSessionSchedulerJob): void;
  /** @deprecated Use `api.session.workflow.sendSessionAttachment`. Removal not before 2027-06-30. */
  sendSessionAttachment(attachment: PluginSessionAttachment): Promise<{ sent: boolean }>;
  /** @deprecated Use `api.session.workflow.scheduleSessionTurn`. Removal not before 2027-06-30. */
  scheduleSessionTurn(turn: PluginScheduledSessionTurn): Promise<{ jobId: string }>;
  /** @deprecated Use `api.session.workflow.unscheduleSessionTurnsByTag`. Removal not before 2027-06-30. */
  unscheduleSessionTurnsByTag(params: { tag: string; sessionKey?: string }): Promise<{ removed: number }>;
  /** @deprecated Use `api.session.controls.registerSessionAction`. Removal not before 2027-06-30. */
  registerSessionAction(action: PluginSessionAction): void;
  /** @deprecated Use `api.session.controls.registerControlUiDescriptor`. Removal not before 2027-06-30. */
  registerControlUiDescriptor(descriptor: PluginControlUiDescriptor): void;
  /** @deprecated Use `api.agent.events.registerAgentEventSubscription`. Removal not before 2027-06-30. */
  registerAgentEventSubscription(subscription: PluginAgentEventSubscription): void;
  /** @deprecated Use `api.agent.events.emitAgentEvent`. Removal not before 2027-06-30. */
  emitAgentEvent(event: PluginAgentEventEmission): void;
  /** @deprecated Use `api.runContext.setRunContext`. Removal not before 2027-06-30. */
  setRunContext(params: { runId: string; key: string; value: PluginJsonValue }): void;
  /** @deprecated Use `api.runContext.getRunContext`. Removal not before 2027-06-30. */
  getRunContext(params: { runId: string; key: string }): PluginJsonValue | undefined;
  /** @deprecated Use `api.runContext.clearRunContext`. Removal not before 2027-06-30. */
  clearRunContext(params: { runId: string; key?: string }): void;
  /** @deprecated Use `api.lifecycle.registerRuntimeLifecycle`. Removal not before 2027-06-30. */
  registerRuntimeLifecycle(lifecycle: PluginRuntimeLifecycle): void;
};

/**
 * The type of `api.pluginConfig` for a config type `TConfig`: `unknown` (a schema whose parsed type is not known)
 * reads as `Record<string, unknown>`, so `OpenClawPluginApi<unknown>` is usable wherever `OpenClawPluginApi` is;
 * `any` stays `any`.
 *
 * @example
 * ```ts
 * type C = PluginConfigOf<unknown>; // Record<string, unknown>
 * ```
 */
export type PluginConfigOf<TConfig> = 0 extends 1 & TConfig ? TConfig : unknown extends TConfig ? Record<string, unknown> : TConfig;

/**
 * The api in a registration mode that has a runtime (`full`, `discovery`, `tool-discovery`, `setup-runtime`).
 *
 * @example
 * ```ts
 * function start(api: OpenClawPluginApiWithRuntime) { api.runtime.system.requestHeartbeatNow(); }
 * ```
 */
export type OpenClawPluginApiWithRuntime<TConfig = Record<string, unknown>> = OpenClawPluginApiBase<TConfig> & {
  readonly registrationMode: RuntimeAvailableRegistrationMode;
  /** Host runtime helpers. */
  readonly runtime: PluginRuntime;
};

/**
 * The api in `cli-metadata` / `setup-only` modes: no runtime exists, so `runtime` is typed `never` (any property
 * access is a compile error after narrowing) and throws at run time with an error naming the plugin and mode.
 *
 * @example
 * ```ts
 * function describeCli(api: OpenClawPluginApiWithoutRuntime) {
 *   api.registerCli(({ program }) => { program.command("hello"); }, { descriptors: [{ name: "hello", description: "Say hello" }] });
 * }
 * ```
 */
export type OpenClawPluginApiWithoutRuntime<TConfig = Record<string, unknown>> = OpenClawPluginApiBase<TConfig> & {
  readonly registrationMode: RuntimeUnavailableRegistrationMode;
  /**
   * Unavailable in this mode: reading any property throws
   * (`plugin "<id>": api.runtime is unavailable during "<mode>" registration; …`).
   */
  readonly runtime: never;
};

/**
 * The object `register(api)` receives.
 *
 * `TConfig` types `api.pluginConfig` (inferred from the entry's `configSchema`).
 *
 * **Runtime availability:** a union discriminated by `registrationMode`. Without narrowing, `api.runtime` is
 * `PluginRuntime` (existing plugin code compiles unchanged) — but in `cli-metadata` and `setup-only` it throws on
 * any property read. After `if (api.registrationMode === "cli-metadata")` the type of `api.runtime` is `never`,
 * so touching it is a compile error; after `if (api.registrationMode === "full")` it is `PluginRuntime`.
 * See docs/runtime-availability.md.
 *
 * @example
 * ```ts
 * function register(api: OpenClawPluginApi) {
 *   api.logger.info(`loading ${api.id} in ${api.registrationMode}`);
 *   api.on("before_tool_call", (event) => (event.toolName === "exec" ? { block: true, blockReason: "no exec" } : undefined));
 *   if (api.registrationMode !== "full") return;
 *   api.runtime.system.requestHeartbeatNow();
 * }
 * ```
 */
export type OpenClawPluginApi<TConfig = Record<string, unknown>> =
  | OpenClawPluginApiWithRuntime<TConfig>
  | OpenClawPluginApiWithoutRuntime<TConfig>;

/**
 * The api narrowed to one registration mode.
 *
 * @example
 * ```ts
 * type CliApi = OpenClawPluginApiForMode<"cli-metadata">; // runtime: never
 * ```
 */
export type OpenClawPluginApiForMode<M extends PluginRegistrationMode, TConfig = Record<string, unknown>> =
  M extends RuntimeUnavailableRegistrationMode
    ? OpenClawPluginApiWithoutRuntime<TConfig> & { readonly registrationMode: M }
    : OpenClawPluginApiWithRuntime<TConfig> & { readonly registrationMode: M };
