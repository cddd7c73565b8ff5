/**
 * `api.runtime`: the host helpers a plugin may call once it runs in a mode that has a runtime. Types only.
 *
 * @packageDocumentation
 */

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
 * Result of `runtime.system.runCommandWithTimeout`.
 *
 * @example
 * ```ts
 * const r: CommandRunResult = { code: 0, stdout: "ok", stderr: "", timedOut: false };
 * ```
 */
export interface CommandRunResult {
  code: number | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
}

/**
 * An agent session entry as listed by the runtime.
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
 * An agent event delivered to `runtime.events.onAgentEvent` subscribers.
 *
 * @example
 * ```ts
 * const e: AgentEvent = { type: "run.started", runId: "r1" };
 * ```
 */
export interface AgentEvent {
  type: string;
  runId?: string;
  sessionKey?: string;
  data?: Record<string, unknown>;
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
 * const cfg = runtime.config.current();
 * runtime.system.enqueueSystemEvent("Build finished", { sessionKey: "agent:main:main" });
 * ```
 */
export interface PluginRuntime {
  /** Host version string. */
  version: string;
  config: {
    /** Current in-memory config snapshot. */
    current(): OpenClawConfig;
    /** Reads the config file from disk. */
    loadConfig(): OpenClawConfig | Promise<OpenClawConfig>;
    /** Writes (merges) the config file. */
    writeConfigFile(config: OpenClawConfig): Promise<void>;
    /** Replaces the config file atomically. */
    replaceConfigFile(config: OpenClawConfig): Promise<void>;
  };
  system: {
    enqueueSystemEvent(text: string, opts: { sessionKey: string; contextKey?: string }): void;
    requestHeartbeatNow(opts?: { reason?: string; agentId?: string; sessionKey?: string }): void;
    runCommandWithTimeout(
      argv: string[],
      opts: { timeoutMs: number; cwd?: string; env?: Record<string, string>; input?: string },
    ): Promise<CommandRunResult>;
  };
  logging: {
    shouldLogVerbose(): boolean;
    getChildLogger(bindings?: Record<string, unknown>, opts?: { level?: string }): RuntimeLogger;
  };
  state: {
    /** The gateway state directory (plugins keep their own files under it). */
    resolveStateDir(): string;
  };
  agent: {
    session: {
      getSessionEntry(params: { sessionKey: string; agentId?: string }): SessionEntry | undefined;
      listSessionEntries(params?: { agentId?: string }): SessionEntry[];
    };
    [key: string]: unknown;
  };
  events: {
    onAgentEvent(listener: (event: AgentEvent) => void): () => void;
    onSessionTranscriptUpdate(listener: (update: { sessionKey: string; sessionFile?: string }) => void): () => void;
  };
  channel: {
    outbound: { loadAdapter(channelId: string): Promise<unknown> };
    runtimeContexts: { get(key: string): unknown };
    [key: string]: unknown;
  };
  tasks?: { managedFlows?: unknown; [key: string]: unknown };
  [namespace: string]: unknown;
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
