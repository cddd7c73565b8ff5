/**
 * The in-process `api.runtime` the host gives plugins when no gateway is running (inspection, tests, benches).
 * It is honest about what it is: config reads and writes act on an in-memory snapshot, system events and heartbeat
 * requests are recorded (readable through `HostRuntimeRecorder`), commands really run, and gateway-only
 * services (channel outbound adapters) throw an error that says so.
 */
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { OpenClawConfig } from "../contract/config.js";
import type { AgentEvent, CommandRunResult, PluginRuntime, RuntimeLogger, SessionEntry } from "../contract/runtime.js";

/**
 * What the in-process runtime recorded.
 *
 * @example
 * ```ts
 * const { recorder }: { recorder: HostRuntimeRecorder } = createHostRuntime({ config: {} }); recorder.systemEvents;
 * ```
 */
export interface HostRuntimeRecorder {
  systemEvents: Array<{ text: string; sessionKey: string; contextKey?: string }>;
  heartbeatRequests: Array<{ reason?: string; agentId?: string; sessionKey?: string }>;
  configWrites: OpenClawConfig[];
  /** Emits an agent event to every `runtime.events.onAgentEvent` listener. */
  emitAgentEvent(event: AgentEvent): void;
  /** Adds or replaces a session entry visible through `runtime.agent.session`. */
  putSession(entry: SessionEntry): void;
}

/**
 * Options of `createHostRuntime`.
 *
 * @example
 * ```ts
 * const options: HostRuntimeOptions = { config: {}, stateDir: "/tmp/openclaw-state" };
 * ```
 */
export interface HostRuntimeOptions {
  config: OpenClawConfig;
  /** Directory returned by `runtime.state.resolveStateDir()`. Default: `<os tmp>/openclaw-state`. */
  stateDir?: string;
  /** Host version string. */
  version?: string;
  logger?: RuntimeLogger;
  verbose?: boolean;
}

/**
 * Creates the in-process runtime and its recorder.
 *
 * @example
 * ```ts
 * const { runtime, recorder } = createHostRuntime({ config: {} });
 * runtime.system.enqueueSystemEvent("done", { sessionKey: "agent:main:main" });
 * recorder.systemEvents.length; // 1
 * ```
 */
export function createHostRuntime(options: HostRuntimeOptions): { runtime: PluginRuntime; recorder: HostRuntimeRecorder } {
  let current: OpenClawConfig = options.config;
  const sessions = new Map<string, SessionEntry>();
  const agentListeners = new Set<(event: AgentEvent) => void>();
  const transcriptListeners = new Set<(update: { sessionKey: string; sessionFile?: string }) => void>();
  const silent: RuntimeLogger = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };
  const logger = options.logger ?? silent;
  const recorder: HostRuntimeRecorder = {
    systemEvents: [],
    heartbeatRequests: [],
    configWrites: [],
    emitAgentEvent: (event) => {
      for (const listener of agentListeners) listener(event);
    },
    putSession: (entry) => {
      sessions.set(entry.sessionKey, entry);
    },
  };
  const runtime: PluginRuntime = {
    version: options.version ?? "0.0.0-host",
    config: {
      current: () => current,
      loadConfig: () => current,
      writeConfigFile: async (config) => {
        current = { ...current, ...config };
        recorder.configWrites.push(config);
      },
      replaceConfigFile: async (config) => {
        current = config;
        recorder.configWrites.push(config);
      },
    },
    system: {
      enqueueSystemEvent: (text, opts) => {
        recorder.systemEvents.push({ text, ...opts });
      },
      requestHeartbeatNow: (opts) => {
        recorder.heartbeatRequests.push({ ...opts });
      },
      runCommandWithTimeout: async (argv, opts) => runCommand(argv, opts),
    },
    logging: {
      shouldLogVerbose: () => options.verbose === true,
      getChildLogger: () => logger,
    },
    state: { resolveStateDir: () => options.stateDir ?? join(tmpdir(), "openclaw-state") },
    agent: {
      session: {
        getSessionEntry: ({ sessionKey }) => sessions.get(sessionKey),
        listSessionEntries: () => [...sessions.values()],
      },
    },
    events: {
      onAgentEvent: (listener) => {
        agentListeners.add(listener);
        return () => agentListeners.delete(listener);
      },
      onSessionTranscriptUpdate: (listener) => {
        transcriptListeners.add(listener);
        return () => transcriptListeners.delete(listener);
      },
    },
    channel: {
      outbound: {
        loadAdapter: async (channelId) => {
          throw new Error(
            `runtime.channel.outbound.loadAdapter("${channelId}") needs a running gateway with that channel configured; the in-process host has no outbound channels.`,
          );
        },
      },
      runtimeContexts: { get: () => undefined },
    },
  };
  return { runtime, recorder };
}

async function runCommand(
  argv: string[],
  opts: { timeoutMs: number; cwd?: string; env?: Record<string, string>; input?: string },
): Promise<CommandRunResult> {
  const { spawn } = await import("node:child_process");
  const [command, ...args] = argv;
  if (!command) throw new Error("runtime.system.runCommandWithTimeout: argv must name a command.");
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: opts.cwd,
      env: opts.env ? { ...process.env, ...opts.env } : process.env,
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, opts.timeoutMs);
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ stdout, stderr, code, timedOut });
    });
    if (opts.input !== undefined) child.stdin.end(opts.input);
    else child.stdin.end();
  });
}
