/**
 * Runtime loading for `inspect --runtime`, `inspect --all`, `doctor` and `validate`: a thin adapter over the
 * host loader that turns its registrations into the flat lists the CLI prints. It imports plugin code, so it runs
 * only inside the runtime-check child process (`runtime-worker.ts`); the commands call `runtime-check.ts`.
 */
import type { PluginDiagnostic } from "../manifest/diagnostics.js";
import type { PluginRegistrations } from "../host/registry.js";
import type { PluginOrigin } from "../config/plugins-policy.js";
import { loadPlugin, type LoadPluginOptions } from "../host/loader.js";
import type { LoadedPlugin } from "../host/load-types.js";
import type { PluginLogger } from "../contract/plugin-api.js";
import type { OpenClawConfig } from "../contract/config.js";

/** What one runtime load produced, flattened for output. */
export interface RuntimeReport {
  id?: string;
  shape: string | null;
  capabilities: string[];
  hooks: Array<{ name: string; priority: number }>;
  tools: string[];
  commands: string[];
  services: string[];
  gatewayMethods: string[];
  httpRoutes: string[];
  cliCommands: Array<{ name: string; parentPath: string[]; path: string }>;
  channels: string[];
  providers: string[];
  diagnostics: PluginDiagnostic[];
  /** Set when the plugin failed to load (bad manifest, import error, missing register, register threw). */
  loadError?: string;
  /** The host's code for {@link RuntimeReport.loadError} (`config-invalid`, `register-failed`, …). */
  loadErrorCode?: string;
  /** Wall time of the load, in milliseconds. */
  loadMs: number;
  /** Every tool name passed to `registerTool`, accepted or rejected by a contract gate. */
  attemptedTools: string[];
  /** True when the plugin registered a connectivity check (`api.registerConnectivityCheck`). */
  hasConnectivityCheck: boolean;
}

/** Options of {@link loadRuntimeReport}. */
export interface LoadRuntimeReportOptions {
  rootDir: string;
  /** The whole gateway config object (the config file's contents). */
  config?: Record<string, unknown>;
  /** `plugins.entries.<id>.config`. */
  pluginConfig?: unknown;
  origin: PluginOrigin;
  /** Environment for the loader (`OPENCLAW_PLUGIN_LOAD_DEBUG=1` adds an export-shape summary to shape errors). */
  env?: NodeJS.ProcessEnv;
  /** `plugins[.entries.<id>].registerTimeoutMs`: the register time limit handed to the loader. */
  registerTimeoutMs?: number;
  /** Receives the loaded plugin (the gateway's plugin runtime keeps it for connectivity checks). */
  keep?: (loaded: LoadedPlugin) => void;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const unique = (values: readonly string[]): string[] => [...new Set(values)];

/**
 * Flattens host registrations into the inspect lists.
 *
 * @example
 * ```ts
 * const lists = flattenRegistrations(loaded.registrations);
 * lists.hooks; // [{ name: "before_tool_call", priority: 10 }]
 * ```
 */
export function flattenRegistrations(
  registrations: PluginRegistrations,
): Omit<RuntimeReport, "id" | "shape" | "capabilities" | "diagnostics" | "loadError" | "loadMs"> {
  return {
    attemptedTools: unique([
      ...registrations.tools.flatMap((tool) => tool.names),
      ...registrations.log.filter((entry) => entry.method === "registerTool" && entry.name).map((entry) => entry.name),
    ]),
    hooks: [
      ...registrations.hooks.map((hook) => ({ name: hook.hookName as string, priority: hook.priority })),
      ...registrations.internalHooks.flatMap((hook) => hook.events.map((name) => ({ name, priority: hook.priority }))),
    ],
    tools: unique(registrations.tools.flatMap((tool) => tool.names)),
    commands: unique(registrations.commands.map((command) => command.name)),
    services: unique(registrations.services.map((service) => service.id)),
    gatewayMethods: unique(registrations.gatewayMethods.map((method) => method.method)),
    httpRoutes: unique(registrations.httpRoutes.map((route) => route.path)),
    cliCommands: registrations.cliCommands.flatMap((cli) => {
      const names = unique([...cli.commands, ...cli.descriptors.map((descriptor) => descriptor.name)]);
      return names.map((name) => ({ name, parentPath: [...cli.parentPath], path: [...cli.parentPath, name].join(" ") }));
    }),
    channels: unique(registrations.channels.map((channel) => channel.id)),
    providers: unique(registrations.providers.map((provider) => provider.id)),
    hasConnectivityCheck: registrations.connectivityChecks.length > 0,
  };
}

/**
 * Loads the plugin in `rootDir` through the host loader (registration mode `full`) and reports what it registered.
 * Never throws for plugin faults: they come back as `loadError` and diagnostics.
 *
 * @example
 * ```ts
 * const report = await loadRuntimeReport({ rootDir: "/plugins/demo", origin: "path" });
 * if (report.loadError) console.error(report.loadError);
 * ```
 */
export async function loadRuntimeReport(options: LoadRuntimeReportOptions): Promise<RuntimeReport> {
  const started = performance.now();
  const loaderOptions: LoadPluginOptions = {
    rootDir: options.rootDir,
    mode: "full",
    config: (options.config ?? {}) as OpenClawConfig,
    ...(isRecord(options.pluginConfig) ? { pluginConfig: options.pluginConfig } : {}),
    // A folder named on the command line is an ordinary external plugin to the host.
    origin: options.origin === "path" ? "external" : options.origin,
    enabled: true,
    ...(options.env ? { env: options.env } : {}),
    ...(options.registerTimeoutMs !== undefined ? { registerTimeoutMs: options.registerTimeoutMs } : {}),
  };
  const loaded = await loadPlugin(loaderOptions);
  options.keep?.(loaded);
  const loadMs = performance.now() - started;
  const report: RuntimeReport = {
    id: loaded.id,
    shape: loaded.shape ?? null,
    capabilities: [...(loaded.capabilities ?? [])],
    ...flattenRegistrations(loaded.registrations),
    diagnostics: [...loaded.diagnostics],
    loadMs,
  };
  if (loaded.loadError) {
    report.loadError = loaded.loadError.message;
    report.loadErrorCode = loaded.loadError.code;
  }
  return report;
}

const checkLogger = (pluginId: string): PluginLogger => {
  const write = (level: string) => (message: string) => process.stderr.write(`[${pluginId}] ${level}: ${message}\n`);
  return { debug: () => {}, info: write("info"), warn: write("warn"), error: write("error") } as PluginLogger;
};

/**
 * Runs the connectivity check `loaded` registered (`api.registerConnectivityCheck`) with its validated config and an
 * abort signal that fires after `timeoutMs`. A thrown error, a rejected promise, a non-object verdict or no answer
 * within the limit is a failed check with a message saying which; `details` is reduced to JSON.
 *
 * @example
 * ```ts
 * const outcome = await runConnectivityCheck(loaded, 10_000);
 * if (outcome.status === "done" && !outcome.ok) console.error(outcome.message);
 * ```
 */
export async function runConnectivityCheck(
  loaded: LoadedPlugin,
  timeoutMs: number,
): Promise<{ status: "no-check" } | { status: "done"; ok: boolean; message: string; details: Record<string, unknown> | null; durationMs: number }> {
  const registered = loaded.registrations.connectivityChecks[0];
  if (!registered) return { status: "no-check" };
  const started = performance.now();
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<"timeout">((resolve) => {
    timer = setTimeout(() => {
      controller.abort(new Error(`connectivity check timed out after ${timeoutMs} ms`));
      resolve("timeout");
    }, timeoutMs);
  });
  const done = (ok: boolean, message: string, details: Record<string, unknown> | null = null) => ({
    status: "done" as const,
    ok,
    message,
    details,
    durationMs: Math.round(performance.now() - started),
  });
  try {
    const verdict = await Promise.race([
      Promise.resolve().then(() =>
        registered.check({ pluginId: loaded.id, config: { ...loaded.pluginConfig }, signal: controller.signal, logger: checkLogger(loaded.id) }),
      ),
      limit,
    ]);
    if (verdict === "timeout") return done(false, `the connectivity check of "${loaded.id}" did not answer within ${timeoutMs} ms`);
    if (!isRecord(verdict) || typeof verdict.ok !== "boolean") {
      return done(false, `the connectivity check of "${loaded.id}" returned ${verdict === null ? "null" : typeof verdict}, not { ok: boolean, message? }; fix the plugin's check`);
    }
    let details: Record<string, unknown> | null = null;
    if (isRecord(verdict.details)) {
      try {
        details = JSON.parse(JSON.stringify(verdict.details)) as Record<string, unknown>;
      } catch {
        details = null;
      }
    }
    const message = typeof verdict.message === "string" ? verdict.message : verdict.ok ? "connectivity check passed" : "connectivity check failed";
    return done(verdict.ok, message, details);
  } catch (error) {
    return done(false, `the connectivity check of "${loaded.id}" threw: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    clearTimeout(timer);
  }
}
