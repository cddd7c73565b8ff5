/**
 * The CLI's runtime checks, parent side: every command that must run plugin code (`validate`, `inspect --runtime`,
 * `inspect --all`, `doctor`, `build`) does it through a runtime-check child process (`runtime-child.ts`), one per
 * plugin, with a time limit. A child that ends before answering becomes a `plugin-exited` load error naming the
 * plugin and the exit code or signal; one that does not answer in time becomes `plugin-load-timeout`; the command
 * then goes on with the next plugin and exits with its documented code.
 */
import type { PluginDiagnostic } from "../manifest/diagnostics.js";
import { registerTimeoutFor } from "../config/plugins-policy.js";
import type { CatalogPlugin, PluginCatalog } from "../discovery/plugin-catalog.js";
import type { CommandContext } from "./context.js";
import { loadTimeLimitMs, prewarmRuntimeChild, withRuntimeChild, type ChildOutcome, type RuntimeChild, type RuntimeChildOptions } from "./runtime-child.js";
import type { LoadJob } from "./runtime-jobs.js";
import type { RuntimeReport } from "./runtime-load.js";

/** Codes of the load errors the parent itself reports. */
export const CHILD_FAILURE_CODES = new Set(["plugin-exited", "plugin-load-timeout", "runtime-check-failed"]);

/**
 * Child options for a command: the CLI's environment and folder; plugin output goes to stderr.
 *
 * @example
 * ```ts
 * await withRuntimeChild(runtimeChildOptions(ctx), (child) => child.run(job, 30_000));
 * ```
 */
export function runtimeChildOptions(ctx: CommandContext): RuntimeChildOptions {
  return { env: ctx.io.env, cwd: ctx.io.cwd, output: ctx.io.stderr };
}

/**
 * Starts the command's first runtime-check child now (see `prewarmRuntimeChild`), for commands that will load a
 * plugin: the child's start-up overlaps discovery and manifest reading.
 *
 * @example
 * ```ts
 * if (options.runtime) prewarmRuntimeCheck(ctx);
 * ```
 */
export function prewarmRuntimeCheck(ctx: CommandContext): void {
  prewarmRuntimeChild(runtimeChildOptions(ctx));
}

/**
 * The load error for a child outcome that is not a result: code and a message naming the plugin, what happened and
 * the fix.
 *
 * @example
 * ```ts
 * childFailure({ kind: "exited", code: 7, signal: null }, 'plugin "demo"').code; // "plugin-exited"
 * ```
 */
export function childFailure(outcome: Exclude<ChildOutcome<unknown>, { kind: "result" }>, label: string): { code: string; message: string } {
  switch (outcome.kind) {
    case "exited":
      return {
        code: "plugin-exited",
        message: `${label} ended the process while loading (${outcome.signal ? `signal ${outcome.signal}` : `exit code ${outcome.code}`}): it calls process.exit() (or crashes) at import or in register(), which would stop the gateway too. Throw an error instead of exiting.`,
      };
    case "timeout":
      return {
        code: "plugin-load-timeout",
        message: `${label} did not finish loading within ${outcome.limitMs} ms (its import or register() never settled), so the check stopped it. Make register() return promptly (start long work in a service), or raise plugins.entries.<id>.registerTimeoutMs.`,
      };
    default:
      return { code: "runtime-check-failed", message: `${label} could not be checked: ${outcome.message}` };
  }
}

function emptyReport(loadMs: number): RuntimeReport {
  return {
    shape: null,
    capabilities: [],
    hooks: [],
    tools: [],
    commands: [],
    services: [],
    gatewayMethods: [],
    httpRoutes: [],
    cliCommands: [],
    channels: [],
    providers: [],
    hasConnectivityCheck: false,
    diagnostics: [],
    loadMs,
    attemptedTools: [],
  };
}

/**
 * Loads one plugin in a fresh child (time limit from its `registerTimeoutMs`) and returns its report; a child that
 * exits or hangs comes back as a report with `loadError`/`loadErrorCode` and the matching diagnostic.
 *
 * @example
 * ```ts
 * const report = await loadPluginInChild(ctx, child, { rootDir: "/plugins/demo", origin: "path" }, 'plugin "demo"');
 * ```
 */
export async function loadPluginInChild(child: RuntimeChild, options: LoadJob["options"], label: string): Promise<RuntimeReport> {
  const started = performance.now();
  const outcome = await child.run({ kind: "load", options }, loadTimeLimitMs(options.registerTimeoutMs));
  if (outcome.kind === "result") return outcome.value;
  const failure = childFailure(outcome, label);
  const report = emptyReport(performance.now() - started);
  report.loadError = failure.message;
  report.loadErrorCode = failure.code;
  report.diagnostics.push({ level: "error", code: failure.code, path: "", file: options.rootDir, message: failure.message });
  return report;
}

/**
 * The diagnostic a command reports for a report's load error: `plugin-exited` / `plugin-load-timeout` as such,
 * anything else as `plugin-load-error` with the host's code in the message.
 *
 * @example
 * ```ts
 * if (report.loadError) findings.push(loadErrorDiagnostic(report, plugin.candidate.rootDir));
 * ```
 */
export function loadErrorDiagnostic(report: RuntimeReport, file: string): PluginDiagnostic {
  if (report.loadErrorCode !== undefined && CHILD_FAILURE_CODES.has(report.loadErrorCode)) {
    return { level: "error", code: report.loadErrorCode, path: "", file, message: report.loadError ?? "" };
  }
  return { level: "error", code: "plugin-load-error", path: "", file, message: `load failed (${report.loadErrorCode}): ${report.loadError}` };
}

/**
 * Loads a discovered plugin with the catalog's config (its `plugins.entries.<id>.config` and register time limit)
 * in its own child process, inside the tracer's `load` phase, for `inspect --runtime`, `inspect --all` and `doctor`.
 *
 * @example
 * ```ts
 * const runtime = await loadCatalogPluginRuntime(ctx, plugin, catalog);
 * runtime.hooks; // [{ name: "before_tool_call", priority: 10 }]
 * ```
 */
export function loadCatalogPluginRuntime(
  ctx: CommandContext,
  plugin: CatalogPlugin,
  catalog: PluginCatalog,
  extra: { prewarmNext?: boolean } = {},
): Promise<RuntimeReport> {
  const plugins = catalog.config.plugins;
  const entry = Object.prototype.hasOwnProperty.call(plugins.entries, plugin.id) ? plugins.entries[plugin.id] : undefined;
  const options: LoadJob["options"] = { rootDir: plugin.candidate.rootDir, config: catalog.config.raw, origin: plugin.candidate.origin };
  if (entry?.config !== undefined) options.pluginConfig = entry.config;
  const registerTimeoutMs = registerTimeoutFor(plugins, plugin.id);
  if (registerTimeoutMs !== undefined) options.registerTimeoutMs = registerTimeoutMs;
  return ctx.tracer.phase(
    "load",
    () => withRuntimeChild(runtimeChildOptions(ctx), (child) => loadPluginInChild(child, options, `plugin "${plugin.id}"`), extra),
    plugin.id,
  );
}

/**
 * Tool names the plugin registers at runtime (accepted or rejected by the `contracts.tools` gate), for
 * `validate`'s coverage check, loaded in `child`. Load errors come back as diagnostics.
 *
 * @example
 * ```ts
 * const { tools } = await collectRuntimeToolNames(child, { rootDir: "/plugins/demo", origin: "path" }, "demo");
 * ```
 */
export async function collectRuntimeToolNames(
  child: RuntimeChild,
  options: LoadJob["options"],
  pluginId: string,
): Promise<{ tools: string[]; diagnostics: PluginDiagnostic[] }> {
  const report = await loadPluginInChild(child, options, `plugin "${pluginId}"`);
  const diagnostics: PluginDiagnostic[] = [];
  if (report.loadError) {
    // A plugin whose schema requires settings cannot register without them; that is not a plugin defect.
    if (report.loadErrorCode === "config-invalid") {
      diagnostics.push({
        level: "warning",
        code: "runtime-check-skipped",
        path: "",
        file: options.rootDir,
        message: `register() was not run, so tools registered at runtime were not checked: ${report.loadError}. Put a valid config in plugins.entries.<id>.config of the config file to check them.`,
      });
    } else diagnostics.push(loadErrorDiagnostic(report, options.rootDir));
  }
  return { tools: report.attemptedTools, diagnostics };
}
