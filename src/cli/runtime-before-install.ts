/**
 * Runs the `before_install` hooks of the enabled plugins, inside the runtime-check child (plugin code never runs in
 * the CLI process): each plugin is loaded through the host loader in `full` mode, and the hook runner over the ones
 * that loaded dispatches the event with the gate's semantics (priority order, findings accumulate, a block is
 * terminal, any handler failure blocks). The result is plain JSON.
 */
import type { PluginHookBeforeInstallEvent } from "../contract/hook-types.js";
import type { OpenClawConfig } from "../contract/config.js";
import { loadPlugin } from "../host/loader.js";
import { createPluginHookRunner, type HookRunnerPluginInput } from "../host/plugin-hook-runner.js";
import type { BeforeInstallDecision } from "../hooks/hook-run-types.js";
import type { LoadRuntimeReportOptions } from "./runtime-load.js";

/**
 * What the child answers.
 *
 * @example
 * ```ts
 * const result: BeforeInstallJobResult = { decision: { findings: [], block: true, blockReason: "unsigned", blockedBy: "guard" }, hookPlugins: ["guard"], loadErrors: [] };
 * ```
 */
export interface BeforeInstallJobResult {
  /** Absent when no loaded plugin registered `before_install`. */
  decision?: BeforeInstallDecision;
  /** Plugins that registered a `before_install` handler. */
  hookPlugins: string[];
  /** Plugins that failed to load (they contribute no handler, as in the host). */
  loadErrors: Array<{ rootDir: string; message: string }>;
}

/**
 * Loads `plugins` and runs `before_install` over them. Never throws for plugin faults.
 *
 * @example
 * ```ts
 * const result = await runBeforeInstallHooks([{ rootDir: "/s/extensions/guard", origin: "global" }], event, process.env);
 * ```
 */
export async function runBeforeInstallHooks(
  plugins: ReadonlyArray<Omit<LoadRuntimeReportOptions, "env">>,
  event: PluginHookBeforeInstallEvent,
  env: NodeJS.ProcessEnv,
): Promise<BeforeInstallJobResult> {
  const loaded: HookRunnerPluginInput[] = [];
  const loadErrors: BeforeInstallJobResult["loadErrors"] = [];
  for (const options of plugins) {
    const plugin = await loadPlugin({
      rootDir: options.rootDir,
      mode: "full",
      config: (options.config ?? {}) as OpenClawConfig,
      ...(typeof options.pluginConfig === "object" && options.pluginConfig !== null && !Array.isArray(options.pluginConfig) ? { pluginConfig: options.pluginConfig as Record<string, unknown> } : {}),
      origin: options.origin === "path" ? "external" : options.origin,
      enabled: true,
      env,
      ...(options.registerTimeoutMs !== undefined ? { registerTimeoutMs: options.registerTimeoutMs } : {}),
    });
    if (plugin.loadError) loadErrors.push({ rootDir: options.rootDir, message: plugin.loadError.message });
    else loaded.push({ id: plugin.id ?? options.rootDir, origin: plugin.origin, registrations: plugin.registrations });
  }
  const runner = createPluginHookRunner(loaded);
  const hookPlugins = [...new Set(runner.handlersFor("before_install").map((h) => h.pluginId))];
  if (hookPlugins.length === 0) return { hookPlugins, loadErrors };
  const { decision } = await runner.run("before_install", event, { ...(event.origin !== undefined ? { origin: event.origin } : {}) });
  const result: BeforeInstallJobResult = { hookPlugins, loadErrors };
  if (decision) result.decision = JSON.parse(JSON.stringify(decision)) as BeforeInstallDecision;
  return result;
}
