/**
 * The in-process `api.runtime` the host gives plugins when no gateway is running (inspection, tests, benches).
 * It behaves, in memory, the way the gateway's runtime does, and records what plugins did:
 * - a config store: `current()`/`loadConfig()` read it, `writeConfigFile`/`replaceConfigFile`/`mutateConfigFile`
 *   replace it (a copy; `baseHash` guards against lost updates);
 * - a system-event queue per session (`enqueueSystemEvent`; read with `recorder.peekSystemEvents`/`drainSystemEvents`)
 *   and recorded heartbeat requests;
 * - an event bus: `recorder.emitAgentEvent`/`emitSessionTranscriptUpdate` reach `runtime.events.*` listeners;
 * - a state directory (a fresh temp directory per runtime unless given), child loggers whose lines are recorded,
 *   a session store, channel runtime contexts, and outbound adapters you register on the recorder.
 * Commands given to `runCommandWithTimeout` really run.
 */
import { createHash } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ChannelOutboundAdapter } from "../contract/channel.js";
import type { OpenClawConfig } from "../contract/config.js";
import type {
  AgentEvent,
  HeartbeatRequestOptions,
  PluginRuntime,
  RuntimeConfigWriteResult,
  RuntimeLogLevel,
  RuntimeLogger,
  SessionEntry,
  SessionTranscriptUpdate,
} from "../contract/runtime.js";
import { runCommandWithTimeout } from "./host-runtime-command.js";
import { createRuntimeContextRegistry } from "./host-runtime-contexts.js";

/**
 * A line written through a logger from `runtime.logging.getChildLogger(bindings)`.
 *
 * @example
 * ```ts
 * const line: RuntimeLogLine = { level: "info", message: "connected", bindings: { subsystem: "my-channel" } };
 * ```
 */
export interface RuntimeLogLine {
  level: "debug" | "info" | "warn" | "error";
  message: string;
  bindings: Record<string, unknown>;
  meta?: Record<string, unknown>;
}

/**
 * A system event the runtime accepted.
 *
 * @example
 * ```ts
 * const e: RecordedSystemEvent = { text: "Build finished", sessionKey: "agent:main:main" };
 * ```
 */
export interface RecordedSystemEvent {
  text: string;
  sessionKey: string;
  contextKey?: string;
  agentId?: string;
}

/**
 * What the in-process runtime recorded, and the handles a test uses to drive it.
 *
 * @example
 * ```ts
 * const { runtime, recorder } = createHostRuntime({ config: {} });
 * runtime.system.enqueueSystemEvent("done", { sessionKey: "agent:main:main" });
 * recorder.drainSystemEvents("agent:main:main"); // ["done"]
 * ```
 */
export interface HostRuntimeRecorder {
  /** Every accepted system event, in order (draining the queue does not clear this list). */
  systemEvents: RecordedSystemEvent[];
  heartbeatRequests: HeartbeatRequestOptions[];
  /** Every config written, in order (the stored copies). */
  configWrites: OpenClawConfig[];
  /** Lines written through child loggers. */
  logs: RuntimeLogLine[];
  /** Pending system events of a session (texts), left in the queue. */
  peekSystemEvents(sessionKey: string): string[];
  /** Pending system events of a session (texts), removed from the queue — what the next turn would see. */
  drainSystemEvents(sessionKey: string): string[];
  /** Emits an agent event to every `runtime.events.onAgentEvent` listener; `seq` and `ts` are filled in when absent. */
  emitAgentEvent(event: Partial<AgentEvent> & { runId: string; stream: string }): AgentEvent;
  /** Emits a transcript update to every `runtime.events.onSessionTranscriptUpdate` listener. */
  emitSessionTranscriptUpdate(update: SessionTranscriptUpdate): void;
  /** Adds or replaces a session entry visible through `runtime.agent.session`. */
  putSession(entry: SessionEntry): void;
  /** Makes `runtime.channel.outbound.loadAdapter(channelId)` return `adapter`. */
  setOutboundAdapter(channelId: string, adapter: ChannelOutboundAdapter): void;
}

/**
 * Options of `createHostRuntime`.
 *
 * @example
 * ```ts
 * const options: HostRuntimeOptions = { config: { channels: {} }, stateDir: "/tmp/openclaw-state", verbose: true };
 * ```
 */
export interface HostRuntimeOptions {
  /** Initial config of the store. Default `{}`. */
  config?: OpenClawConfig;
  /** Directory returned by `runtime.state.resolveStateDir()`. Default: a fresh temp directory made on first use. */
  stateDir?: string;
  /** Host version string. */
  version?: string;
  /** Receives every child-logger line too (they are recorded either way). */
  logger?: RuntimeLogger;
  /** What `runtime.logging.shouldLogVerbose()` returns. Default `false`. */
  verbose?: boolean;
  /** Initial session entries. */
  sessions?: SessionEntry[];
  /** Outbound adapters by channel id for `runtime.channel.outbound.loadAdapter`. */
  outboundAdapters?: Record<string, ChannelOutboundAdapter>;
  /**
   * Namespaces (or members) the test host does not implement, merged in one level deep: `{ channel: { routing: { … } } }`
   * adds `runtime.channel.routing` next to the built-in `outbound` and `runtimeContexts`; `{ media: { … } }` adds
   * `runtime.media`. A member given here replaces the built-in one of the same name.
   */
  extend?: Record<string, Record<string, unknown>>;
}

const LEVEL_ORDER: Record<RuntimeLogLevel, number> = { trace: 0, debug: 1, info: 2, warn: 3, error: 4, fatal: 5, silent: 6 };

function copyConfig(config: unknown, where: string): OpenClawConfig {
  if (typeof config !== "object" || config === null || Array.isArray(config)) {
    throw new TypeError(`${where}: the config must be a plain object (got ${Array.isArray(config) ? "an array" : String(config)}).`);
  }
  try {
    return structuredClone(config) as OpenClawConfig;
  } catch (error) {
    throw new TypeError(`${where}: the config must hold only data (no functions or class instances): ${(error as Error).message}`);
  }
}

function hashConfig(config: OpenClawConfig): string {
  return createHash("sha256").update(JSON.stringify(config)).digest("hex").slice(0, 16);
}

/**
 * Creates the in-process runtime and its recorder. Pass `runtime` to `loadPluginForTest(root, { runtime })` or
 * `createTestPluginApi({ runtime })` and inspect `recorder` afterwards.
 *
 * @example
 * ```ts
 * const { runtime, recorder } = createHostRuntime({ config: { channels: { "my-channel": { enabled: true } } } });
 * const plugin = await loadPluginForTest(root, { mode: "full", runtime });
 * recorder.configWrites.length; // config writes the plugin made while registering
 * ```
 */
export function createHostRuntime(options: HostRuntimeOptions = {}): { runtime: PluginRuntime; recorder: HostRuntimeRecorder } {
  let current = copyConfig(options.config ?? {}, "createHostRuntime");
  let stateDir = options.stateDir;
  const queues = new Map<string, RecordedSystemEvent[]>();
  const sessions = new Map<string, SessionEntry>((options.sessions ?? []).map((entry) => [entry.sessionKey, entry]));
  const adapters = new Map<string, ChannelOutboundAdapter>(Object.entries(options.outboundAdapters ?? {}));
  const agentListeners = new Set<(event: AgentEvent) => void>();
  const transcriptListeners = new Set<(update: SessionTranscriptUpdate) => void>();
  const seqByRun = new Map<string, number>();

  const recorder: HostRuntimeRecorder = {
    systemEvents: [],
    heartbeatRequests: [],
    configWrites: [],
    logs: [],
    peekSystemEvents: (sessionKey) => (queues.get(sessionKey) ?? []).map((e) => e.text),
    drainSystemEvents: (sessionKey) => {
      const texts = recorder.peekSystemEvents(sessionKey);
      queues.delete(sessionKey);
      return texts;
    },
    emitAgentEvent: (partial) => {
      const seq = partial.seq ?? (seqByRun.get(partial.runId) ?? 0) + 1;
      seqByRun.set(partial.runId, seq);
      const event: AgentEvent = { ...partial, seq, ts: partial.ts ?? Date.now(), data: partial.data ?? {} };
      for (const listener of [...agentListeners]) listener(event);
      return event;
    },
    emitSessionTranscriptUpdate: (update) => {
      for (const listener of [...transcriptListeners]) listener(update);
    },
    putSession: (entry) => {
      sessions.set(entry.sessionKey, entry);
    },
    setOutboundAdapter: (channelId, adapter) => {
      adapters.set(channelId, adapter);
    },
  };

  const store = (next: OpenClawConfig, where: string, baseHash?: string): RuntimeConfigWriteResult => {
    const previousHash = hashConfig(current);
    if (baseHash !== undefined && baseHash !== previousHash) {
      throw new Error(
        `${where}: the config changed since it was read (baseHash ${baseHash}, current ${previousHash}); read it again with runtime.config.loadConfig() and retry.`,
      );
    }
    current = copyConfig(next, where);
    recorder.configWrites.push(current);
    return { hash: hashConfig(current), previousHash, config: current };
  };

  const childLogger = (bindings: Record<string, unknown>, level: RuntimeLogLevel): RuntimeLogger => {
    const write = (lineLevel: RuntimeLogLine["level"], message: string, meta?: Record<string, unknown>) => {
      if (LEVEL_ORDER[lineLevel] < LEVEL_ORDER[level]) return;
      recorder.logs.push({ level: lineLevel, message, bindings, ...(meta ? { meta } : {}) });
      options.logger?.[lineLevel](message, { ...bindings, ...meta });
    };
    return {
      debug: (message, meta) => write("debug", message, meta),
      info: (message, meta) => write("info", message, meta),
      warn: (message, meta) => write("warn", message, meta),
      error: (message, meta) => write("error", message, meta),
    };
  };

  const runtime: PluginRuntime = {
    version: options.version ?? "0.0.0-host",
    config: {
      current: () => current,
      loadConfig: () => current,
      writeConfigFile: async (config) => {
        store(config, "runtime.config.writeConfigFile");
      },
      replaceConfigFile: async (params) => {
        const where = "runtime.config.replaceConfigFile";
        if ("nextConfig" in params && typeof params.nextConfig === "object" && params.nextConfig !== null) {
          return store(params.nextConfig as OpenClawConfig, where, params.baseHash as string | undefined);
        }
        return store(params as OpenClawConfig, where);
      },
      mutateConfigFile: async (params) => {
        const where = "runtime.config.mutateConfigFile";
        if (typeof params?.mutate !== "function") throw new TypeError(`${where}: pass { mutate: (draft) => { … } }.`);
        const previousHash = hashConfig(current);
        if (params.baseHash !== undefined && params.baseHash !== previousHash) store(current, where, params.baseHash);
        const draft = copyConfig(current, where);
        const result = (await params.mutate(draft, { previousHash })) ?? undefined;
        return { ...store(draft, where, previousHash), result };
      },
    },
    system: {
      enqueueSystemEvent: (text, opts) => {
        if (typeof opts?.sessionKey !== "string" || opts.sessionKey === "") {
          throw new TypeError("runtime.system.enqueueSystemEvent: opts.sessionKey must be a non-empty string (e.g. \"agent:main:main\").");
        }
        if (typeof text !== "string" || text.trim() === "") return false;
        const queue = queues.get(opts.sessionKey) ?? [];
        const contextKey = opts.contextKey ?? undefined;
        const event: RecordedSystemEvent = {
          text,
          sessionKey: opts.sessionKey,
          ...(contextKey !== undefined ? { contextKey } : {}),
          ...(opts.agentId !== undefined ? { agentId: opts.agentId } : {}),
        };
        if (opts.replace && contextKey !== undefined) {
          const index = queue.findIndex((e) => e.contextKey === contextKey);
          if (index >= 0) queue.splice(index, 1);
        } else if (queue.at(-1)?.text === text && queue.at(-1)?.contextKey === contextKey) {
          return false; // the same event is already pending
        }
        queue.push(event);
        queues.set(opts.sessionKey, queue);
        recorder.systemEvents.push(event);
        return true;
      },
      requestHeartbeatNow: (opts) => {
        recorder.heartbeatRequests.push({ ...opts });
      },
      requestHeartbeat: (opts) => {
        recorder.heartbeatRequests.push({ ...opts });
      },
      runCommandWithTimeout,
    },
    logging: {
      shouldLogVerbose: () => options.verbose === true,
      getChildLogger: (bindings, opts) => childLogger({ ...bindings }, opts?.level ?? (options.verbose ? "debug" : "info")),
    },
    state: {
      resolveStateDir: (env) => {
        const fromEnv = env?.OPENCLAW_STATE_DIR;
        if (typeof fromEnv === "string" && fromEnv !== "") return fromEnv;
        stateDir ??= mkdtempSync(join(tmpdir(), "openclaw-state-"));
        return stateDir;
      },
    },
    agent: {
      session: {
        getSessionEntry: ({ sessionKey }) => sessions.get(sessionKey),
        listSessionEntries: (params) =>
          [...sessions.values()]
            .filter((entry) => params?.agentId === undefined || entry.sessionKey.startsWith(`agent:${params.agentId}:`))
            .map((entry) => ({ sessionKey: entry.sessionKey, entry })),
      },
    },
    events: {
      onAgentEvent: (listener) => {
        agentListeners.add(listener);
        return () => {
          agentListeners.delete(listener);
        };
      },
      onSessionTranscriptUpdate: (listener) => {
        transcriptListeners.add(listener);
        return () => {
          transcriptListeners.delete(listener);
        };
      },
    },
    channel: {
      outbound: { loadAdapter: async (channelId) => adapters.get(channelId) },
      runtimeContexts: createRuntimeContextRegistry(),
    },
  };
  for (const [namespace, members] of Object.entries(options.extend ?? {})) {
    if (typeof members !== "object" || members === null) {
      throw new TypeError(`createHostRuntime: extend.${namespace} must be an object of members (got ${members === null ? "null" : typeof members}).`);
    }
    const existing = runtime[namespace];
    runtime[namespace] = typeof existing === "object" && existing !== null ? { ...existing, ...members } : { ...members };
  }
  return { runtime, recorder };
}
