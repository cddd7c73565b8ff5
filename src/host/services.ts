/**
 * Starting and stopping the background services a plugin registered with `api.registerService`, the way the
 * gateway does at startup and shutdown — in-process, without a gateway.
 *
 * Semantics (the harness's decision, documented in docs/testing-plugins.md):
 * - only plugins loaded in `full` mode may start services; any other mode is a thrown error naming the plugin
 *   and its mode (nothing is started);
 * - plugins whose load failed (`loadError`) are skipped, as the gateway skips them;
 * - services start one at a time (each `start` awaited) in plugin order, then registration order;
 * - a `start` that throws is reported in `failures` and the remaining services still start;
 * - `stop()` calls `stop(ctx)` of the services that started, in reverse order, once: calling it again returns the
 *   same result without stopping anything twice. A throwing `stop` is reported and the rest still stop.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { OpenClawConfig } from "../contract/config.js";
import type {
  OpenClawPluginServiceContext,
  PluginDiagnosticEvent,
  PluginInternalDiagnostics,
  PluginLogger,
} from "../contract/plugin-api.js";
import type { PluginRegistrationMode } from "../contract/registration-mode.js";
import type { PluginRegistrations } from "./registry.js";

/**
 * A plugin whose services can be started: a `LoadedPlugin`, or anything with its registrations.
 * `mode` (when present) must be `"full"`; `logger` (when present) is the plugin's logger given to its services.
 *
 * @example
 * ```ts
 * const plugin: ServicePluginSource = await loadPluginForTest(root, { mode: "full" });
 * ```
 */
export interface ServicePluginSource {
  id?: string;
  registrations: PluginRegistrations;
  mode?: PluginRegistrationMode;
  loadError?: unknown;
  logger?: PluginLogger;
  /** Where the plugin came from; services of `bundled` plugins get `ctx.internalDiagnostics`. */
  origin?: string;
}

/**
 * A diagnostic event a service emitted through `ctx.internalDiagnostics`.
 *
 * @example
 * ```ts
 * const d: EmittedPluginDiagnostic = { pluginId: "memory-core", event: { type: "memory.index.rebuilt" } };
 * ```
 */
export interface EmittedPluginDiagnostic {
  pluginId: string;
  event: PluginDiagnosticEvent;
}

/**
 * Options of `startPluginServices`.
 *
 * @example
 * ```ts
 * const options: StartPluginServicesOptions = { stateDir: "/tmp/state", config: { plugins: {} } };
 * ```
 */
export interface StartPluginServicesOptions {
  /** Gateway config given as `ctx.config`. Default `{}`. */
  config?: OpenClawConfig;
  /** Given as `ctx.workspaceDir`. Default: unset. */
  workspaceDir?: string;
  /**
   * Given as `ctx.stateDir`; kept after `stop()`. Default: a fresh temp directory per call, removed by `stop()`
   * (pass your own to inspect what the services wrote after they stopped).
   */
  stateDir?: string;
  /** Logger for every service (`ctx.logger`). Default: the plugin's `logger` if the source has one, else silent. */
  logger?: PluginLogger;
}

/**
 * A service whose `start` or `stop` threw.
 *
 * @example
 * ```ts
 * const failure: PluginServiceFailure | undefined = services.failures[0]; failure?.error.message;
 * ```
 */
export interface PluginServiceFailure {
  pluginId: string;
  serviceId: string;
  error: Error;
}

/**
 * Result of `PluginServicesHandle.stop()`.
 *
 * @example
 * ```ts
 * const { stopped, failures }: PluginServicesStopResult = await services.stop();
 * ```
 */
export interface PluginServicesStopResult {
  /** Ids of the services stopped, in the order they were stopped (reverse start order). */
  stopped: string[];
  failures: PluginServiceFailure[];
}

/**
 * Running services returned by `startPluginServices`.
 *
 * @example
 * ```ts
 * const services: PluginServicesHandle = await startPluginServices(plugin);
 * services.started; // ["poller"]
 * await services.stop();
 * ```
 */
export interface PluginServicesHandle {
  /** Ids of the services whose `start` resolved, in start order. */
  started: string[];
  /** Services whose `start` threw (they are not stopped). */
  failures: PluginServiceFailure[];
  /** The `ctx.stateDir` the services received. */
  stateDir: string;
  /** Events services of bundled plugins emitted through `ctx.internalDiagnostics`, in order. */
  diagnostics: EmittedPluginDiagnostic[];
  /** Stops the started services in reverse order. Idempotent: later calls return the first call's result. */
  stop(): Promise<PluginServicesStopResult>;
}

const silentLogger: PluginLogger = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

/**
 * Starts every service the plugin(s) registered, as the gateway does at startup, and returns a handle to stop them.
 * Throws (starting nothing) when a plugin was not loaded in `full` mode.
 *
 * @example
 * ```ts
 * import { loadPluginForTest, startPluginServices } from "openclaw/plugin-sdk/plugin-test-runtime";
 *
 * const plugin = await loadPluginForTest(new URL("..", import.meta.url), { mode: "full" });
 * const services = await startPluginServices(plugin, { logger: console });
 * services.started;  // ["my-plugin.poller"]
 * services.failures; // [] — a throwing start lands here, the other services still start
 * await services.stop();
 * ```
 */
export async function startPluginServices(
  source: ServicePluginSource | ReadonlyArray<ServicePluginSource>,
  options: StartPluginServicesOptions = {},
): Promise<PluginServicesHandle> {
  const plugins = (Array.isArray(source) ? source : [source]) as ReadonlyArray<ServicePluginSource>;
  for (const plugin of plugins) {
    if (plugin.mode !== undefined && plugin.mode !== "full") {
      throw new Error(
        `startPluginServices: plugin "${plugin.id ?? "(unknown)"}" was loaded in "${plugin.mode}" mode; services start only for plugins loaded in "full" mode — load it with { mode: "full" }`,
      );
    }
  }
  const ownStateDir = options.stateDir === undefined;
  const stateDir = options.stateDir ?? (await mkdtemp(join(tmpdir(), "openclaw-services-")));
  const running: Array<{ pluginId: string; serviceId: string; stop: () => void | Promise<void> }> = [];
  const started: string[] = [];
  const failures: PluginServiceFailure[] = [];
  const diagnostics: EmittedPluginDiagnostic[] = [];
  const listeners = new Set<(event: PluginDiagnosticEvent, metadata: Record<string, unknown>) => void>();
  const processInstanceId = `test-host-${process.pid}`;
  const diagnosticsFor = (pluginId: string): PluginInternalDiagnostics => ({
    getRuntimeIdentity: () => ({ processInstanceId }),
    emit: (event) => {
      if (typeof event?.type !== "string" || event.type === "") {
        throw new TypeError(`plugin "${pluginId}": internalDiagnostics.emit needs an event with a non-empty "type" (got ${JSON.stringify(event)}).`);
      }
      diagnostics.push({ pluginId, event });
      for (const listener of [...listeners]) listener(event, { pluginId, ts: Date.now() });
    },
    onEvent: (listener) => {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  });

  for (const plugin of plugins) {
    if (plugin.loadError) continue;
    const ctx: OpenClawPluginServiceContext = {
      config: options.config ?? {},
      stateDir,
      logger: options.logger ?? plugin.logger ?? silentLogger,
      ...(options.workspaceDir !== undefined ? { workspaceDir: options.workspaceDir } : {}),
      ...(plugin.origin === "bundled" ? { internalDiagnostics: diagnosticsFor(plugin.id ?? "(unknown)") } : {}),
    };
    for (const { pluginId, id, service } of plugin.registrations.services) {
      try {
        await service.start(ctx);
        started.push(id);
        running.push({ pluginId, serviceId: id, stop: () => service.stop?.(ctx) });
      } catch (error) {
        failures.push({ pluginId, serviceId: id, error: asError(error) });
      }
    }
  }

  let stopping: Promise<PluginServicesStopResult> | undefined;
  const stopAll = async (): Promise<PluginServicesStopResult> => {
    const result: PluginServicesStopResult = { stopped: [], failures: [] };
    for (const entry of [...running].reverse()) {
      try {
        await entry.stop();
        result.stopped.push(entry.serviceId);
      } catch (error) {
        result.failures.push({ pluginId: entry.pluginId, serviceId: entry.serviceId, error: asError(error) });
      }
    }
    if (ownStateDir) await rm(stateDir, { recursive: true, force: true });
    return result;
  };

  return {
    started,
    failures,
    stateDir,
    diagnostics,
    stop: () => (stopping ??= stopAll()),
  };
}
