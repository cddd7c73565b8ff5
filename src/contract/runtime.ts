/**
 * `api.runtime`: the host helpers a plugin may call once it runs in a mode that has a runtime. Types only.
 *
 * @packageDocumentation
 */

import type { ChannelOutboundAdapter } from "./channel.js";
import type { OpenClawConfig } from "./config.js";
import type { PluginRegistrationMode } from "./registration-mode.js";

/**
 * A leveled logger.
 *
 * @example
 * ```ts
 * declare const logger: RuntimeLogger;
 * logger.info("ready");
 * ```
 */
export interface RuntimeLogger {
  debug(message: string, meta?: Record<string, unknown>): void;
  info(message: string, meta?: Record<string, unknown>): void;
  warn(message: string, meta?: Record<string, unknown>): void;
  error(message: string, meta?: Record<string, unknown>): void;
}

/**
 * Log level of a child logger (`runtime.logging.getChildLogger(bindings, { level })`).
 *
 * @example
 * ```ts
 * const level: RuntimeLogLevel = "debug";
 * ```
 */
export type RuntimeLogLevel = "trace" | "debug" | "info" | "warn" | "error" | "fatal" | "silent";

/**
 * Options of `runtime.system.runCommandWithTimeout` (or pass a timeout in milliseconds instead).
 *
 * @example
 * ```ts
 * const options: RuntimeCommandOptions = { timeoutMs: 5_000, cwd: "/tmp", input: "hello" };
 * ```
 */
export interface RuntimeCommandOptions {
  timeoutMs?: number;
  cwd?: string;
  input?: string | Uint8Array;
  /** Extra environment variables, layered over the gateway's environment. */
  env?: Record<string, string | undefined>;
  signal?: AbortSignal;
}

/**
 * Result of `runtime.system.runCommandWithTimeout`.
 *
 * @example
 * ```ts
 * const r: CommandRunResult = { code: 0, signal: null, killed: false, termination: "exit", stdout: "ok", stderr: "", timedOut: false };
 * ```
 */
export interface CommandRunResult {
  pid?: number;
  code: number | null;
  signal: string | null;
  killed: boolean;
  /** Why the command ended. */
  termination: "exit" | "timeout" | "signal";
  stdout: string;
  stderr: string;
  /** `true` when the timeout killed the command (same as `termination === "timeout"`). */
  timedOut: boolean;
}

/**
 * Options of `runtime.system.enqueueSystemEvent`.
 *
 * @example
 * ```ts
 * const options: SystemEventOptions = { sessionKey: "agent:main:main", contextKey: "build:42", replace: true };
 * ```
 */
export interface SystemEventOptions {
  sessionKey: string;
  /** Groups events of one source; with `replace`, a pending event of the same context is replaced. */
  contextKey?: string | null;
  replace?: boolean;
  agentId?: string;
  deliveryContext?: Record<string, unknown>;
}

/**
 * Options of `runtime.system.requestHeartbeatNow` / `requestHeartbeat`.
 *
 * @example
 * ```ts
 * const options: HeartbeatRequestOptions = { reason: "task finished", sessionKey: "agent:main:main" };
 * ```
 */
export interface HeartbeatRequestOptions {
  reason?: string;
  agentId?: string;
  sessionKey?: string;
  coalesceMs?: number;
  source?: string;
  intent?: string;
  [key: string]: unknown;
}

/**
 * An agent session entry as the session store keeps it.
 *
 * @example
 * ```ts
 * const e: SessionEntry = { sessionKey: "agent:main:main", sessionId: "abc", updatedAt: Date.now() };
 * ```
 */
export interface SessionEntry {
  sessionKey: string;
  sessionId: string;
  updatedAt?: number;
  [key: string]: unknown;
}

/**
 * One row of `runtime.agent.session.listSessionEntries()`.
 *
 * @example
 * ```ts
 * for (const { sessionKey, entry } of runtime.agent.session.listSessionEntries()) console.log(sessionKey, entry.updatedAt);
 * ```
 */
export interface SessionEntrySummary {
  sessionKey: string;
  entry: SessionEntry;
}

/**
 * An agent event delivered to `runtime.events.onAgentEvent` subscribers (sequenced per run).
 *
 * @example
 * ```ts
 * const e: AgentEvent = { runId: "r1", seq: 1, stream: "tool", ts: Date.now(), data: { phase: "start", name: "exec" } };
 * ```
 */
export interface AgentEvent {
  runId: string;
  seq: number;
  /** `lifecycle`, `tool`, `assistant`, `usage`, `error`, … */
  stream: string;
  ts: number;
  data: Record<string, unknown>;
  sessionKey?: string;
  sessionId?: string;
  agentId?: string;
}

/**
 * Alias of `AgentEvent` under its established name.
 *
 * @example
 * ```ts
 * const listener = (event: AgentEventPayload) => event.stream;
 * ```
 */
export type AgentEventPayload = AgentEvent;

/**
 * A change to a session transcript, delivered to `runtime.events.onSessionTranscriptUpdate` subscribers.
 *
 * @example
 * ```ts
 * const u: SessionTranscriptUpdate = { sessionKey: "agent:main:main", target: { agentId: "main", sessionId: "s1", sessionKey: "agent:main:main" } };
 * ```
 */
export interface SessionTranscriptUpdate {
  target: { agentId: string; sessionId: string; sessionKey: string };
  sessionKey?: string;
  agentId?: string;
  sessionId?: string;
  message?: unknown;
  messageId?: string;
  messageSeq?: number;
  runId?: string;
}

/**
 * Identifies one channel runtime context (a live client a channel monitor shares with its actions).
 *
 * @example
 * ```ts
 * const key: ChannelRuntimeContextKey = { channelId: "my-channel", accountId: "default", capability: "client" };
 * ```
 */
export interface ChannelRuntimeContextKey {
  channelId: string;
  accountId?: string | null;
  capability: string;
}

/**
 * A channel runtime context was registered or disposed.
 *
 * @example
 * ```ts
 * const e: ChannelRuntimeContextEvent = { type: "registered", key: { channelId: "my-channel", capability: "client" } };
 * ```
 */
export interface ChannelRuntimeContextEvent {
  type: "registered" | "unregistered";
  key: { channelId: string; accountId?: string; capability: string };
  context?: unknown;
}

/**
 * `runtime.channel.runtimeContexts`: where a channel's gateway loop publishes live objects for its other parts.
 *
 * @example
 * ```ts
 * const { dispose } = runtime.channel.runtimeContexts.register({ channelId: "my-channel", capability: "client", context: client });
 * runtime.channel.runtimeContexts.get<typeof client>({ channelId: "my-channel", capability: "client" });
 * dispose();
 * ```
 */
export type ChannelRuntimeContextRegistry = {
  register(params: ChannelRuntimeContextKey & { context: unknown; abortSignal?: AbortSignal }): { dispose: () => void };
  get<T = unknown>(params: ChannelRuntimeContextKey): T | undefined;
  watch(params: {
    channelId?: string;
    accountId?: string | null;
    capability?: string;
    onEvent: (event: ChannelRuntimeContextEvent) => void;
  }): () => void;
};

/**
 * Parameters of `runtime.config.replaceConfigFile` (established shape; a bare config is accepted too).
 *
 * @example
 * ```ts
 * const params: RuntimeReplaceConfigFileParams = { nextConfig: { plugins: {} }, afterWrite: { mode: "auto" } };
 * ```
 */
export interface RuntimeReplaceConfigFileParams {
  nextConfig: OpenClawConfig;
  /** The `hash` of the config this change was based on; a different current config rejects the write. */
  baseHash?: string;
  /** What the gateway does after the write (hot reload, restart, nothing). */
  afterWrite?: { mode?: string; [key: string]: unknown };
}

/**
 * Parameters of `runtime.config.mutateConfigFile`.
 *
 * @example
 * ```ts
 * const params: RuntimeMutateConfigFileParams = { mutate: (draft) => { draft.plugins = { ...draft.plugins, allow: ["x"] }; } };
 * ```
 */
export interface RuntimeMutateConfigFileParams<T = void> {
  baseHash?: string;
  afterWrite?: { mode?: string; [key: string]: unknown };
  /** Change `draft` in place (or return a value, handed back as `result`). */
  mutate: (draft: OpenClawConfig, context: { previousHash: string }) => T | void | Promise<T | void>;
}

/**
 * Result of a config write through `runtime.config`.
 *
 * @example
 * ```ts
 * const { hash, config }: RuntimeConfigWriteResult = await runtime.config.replaceConfigFile({ nextConfig: {} });
 * ```
 */
export interface RuntimeConfigWriteResult {
  /** Content hash of the written config (pass as `baseHash` to guard the next write). */
  hash: string;
  previousHash: string;
  config: OpenClawConfig;
}

/**
 * Environment handle channel monitors receive (log / error / exit).
 *
 * @example
 * ```ts
 * declare const env: RuntimeEnv;
 * env.log("started");
 * ```
 */
export interface RuntimeEnv {
  log: (...args: unknown[]) => void;
  error: (...args: unknown[]) => void;
  exit: (code: number) => never | void;
}

/**
 * The host runtime handed to plugins as `api.runtime`.
 *
 * In `cli-metadata` and `setup-only` registration modes no runtime exists: reading any property of
 * `api.runtime` throws an error naming the plugin and mode. Narrow on
 * `api.registrationMode` (see `RuntimeAvailableRegistrationMode`) before touching it.
 *
 * @example
 * ```ts
 * declare const runtime: PluginRuntime;
 * const cfg = runtime.config.loadConfig();
 * runtime.system.enqueueSystemEvent("Build finished", { sessionKey: "agent:main:main" });
 * ```
 */
export interface PluginRuntime {
  /** Host version string. */
  version: string;
  config: {
    /** The current config snapshot. */
    current(): OpenClawConfig;
    /** Reads the config (file-backed in the gateway; the in-memory store in the test host). */
    loadConfig(): OpenClawConfig;
    /** Writes the whole config (what you pass is the new config). */
    writeConfigFile(config: OpenClawConfig): Promise<void>;
    /** Replaces the config, optionally guarded by `baseHash`. */
    replaceConfigFile(params: RuntimeReplaceConfigFileParams | OpenClawConfig): Promise<RuntimeConfigWriteResult>;
    /** Applies `mutate` to a copy of the current config and writes it. */
    mutateConfigFile<T = void>(params: RuntimeMutateConfigFileParams<T>): Promise<RuntimeConfigWriteResult & { result: T | undefined }>;
  };
  system: {
    /** Queues a system event for the session's next turn; `false` when it was dropped (empty or a duplicate). */
    enqueueSystemEvent(text: string, opts: SystemEventOptions): boolean;
    /** Asks for a heartbeat turn now. */
    requestHeartbeatNow(opts?: HeartbeatRequestOptions): void;
    requestHeartbeat(opts: HeartbeatRequestOptions): void;
    /** Runs `argv` (no shell) with a time limit; a timeout kills the command. */
    runCommandWithTimeout(argv: string[], optionsOrTimeout: number | RuntimeCommandOptions): Promise<CommandRunResult>;
  };
  logging: {
    shouldLogVerbose(): boolean;
    /** A logger whose lines carry `bindings` (e.g. `{ subsystem: "my-channel" }`); `level` filters below it. */
    getChildLogger(bindings?: Record<string, unknown>, opts?: { level?: RuntimeLogLevel }): RuntimeLogger;
  };
  state: {
    /** The gateway state directory (plugins keep their own files under it). */
    resolveStateDir(env?: Record<string, string | undefined>, homedir?: () => string): string;
  };
  agent: {
    session: {
      getSessionEntry(params: { sessionKey: string; agentId?: string }): SessionEntry | undefined;
      listSessionEntries(params?: { agentId?: string; [key: string]: unknown }): SessionEntrySummary[];
    };
    /** Agent helpers the SDK does not type yet: reading or calling them compiles (`any`); the test host adds them through `createHostRuntime({ extend })`. */
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- open until typed
    [namespace: string]: any;
  };
  events: {
    onAgentEvent(listener: (event: AgentEvent) => void): () => void;
    onSessionTranscriptUpdate(listener: (update: SessionTranscriptUpdate) => void): () => void;
  };
  channel: {
    outbound: { loadAdapter(channelId: string): Promise<ChannelOutboundAdapter | undefined> };
    runtimeContexts: ChannelRuntimeContextRegistry;
    /** Channel runtime namespaces the SDK does not type yet (`reply`, `routing`, `session`, `pairing`, `media`, …): `any`. */
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- open until typed
    [namespace: string]: any;
  };
  tasks?: { managedFlows?: unknown; [key: string]: unknown };
  /**
   * Runtime namespaces the SDK does not type yet (`media`, `tts`, `subagent`, …): reading or calling them compiles
   * (`any`), so code written against the gateway's full runtime builds; the in-process test host implements none
   * of them — add what a test needs with `createHostRuntime({ extend: { media: { … } } })`.
   */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- open until typed: any namespace compiles, typed ones stay typed
  [namespace: string]: any;
}

/**
 * Registration modes in which `api.runtime` exists.
 *
 * @example
 * ```ts
 * const m: RuntimeAvailableRegistrationMode = "full";
 * ```
 */
export type RuntimeAvailableRegistrationMode = Exclude<PluginRegistrationMode, RuntimeUnavailableRegistrationMode>;

/**
 * Registration modes in which reading `api.runtime` throws (no runtime exists yet).
 *
 * @example
 * ```ts
 * const m: RuntimeUnavailableRegistrationMode = "cli-metadata";
 * ```
 */
export type RuntimeUnavailableRegistrationMode = "cli-metadata" | "setup-only";
