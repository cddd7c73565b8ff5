/**
 * Load step: `register(api)` in the requested registration mode. Builds the registration api, calls `register`
 * within the time limit, checks the built-in prototypes afterwards, and turns every outcome — a throw of any value,
 * a promise that never settles, a polluted prototype — into a load error.
 */
import { performance } from "node:perf_hooks";
import type { OpenClawConfig } from "../contract/config.js";
import type { PluginLogger } from "../contract/plugin-api.js";
import type { PluginRuntime } from "../contract/runtime.js";
import type { EntryExport, EntryIdentity } from "./entry-module.js";
import type { LoadState } from "./load-record.js";
import type { PluginLoadError } from "./load-types.js";
import { type PrototypesSnapshot, prototypePollutionError } from "./prototype-guard.js";
import { type WorkflowOutbox, createRegistrationApi } from "./registration-api.js";
import { runBounded } from "./register-step.js";
import type { SessionWorkflowHost } from "./session-workflow.js";
import { describeThrown } from "./thrown-value.js";

/** What {@link registerInMode} needs beyond the load state. */
export interface RegisterInModeOptions {
  id: string;
  entry: EntryExport;
  identity: EntryIdentity;
  source: string;
  config: OpenClawConfig;
  pluginConfig: Record<string, unknown>;
  explicitlyEnabled: boolean;
  runtime: PluginRuntime;
  logger: PluginLogger;
  workflow: SessionWorkflowHost;
  outbox?: WorkflowOutbox | undefined;
  timeoutMs: number;
  snapshot: PrototypesSnapshot;
}

/**
 * Calls the entry's `register(api)`; returns the load error, or `undefined` when it registered normally.
 * Registrations made before a failure stay on `state.registrations`.
 *
 * @example
 * ```ts
 * const error = await registerInMode(state, { id, entry, identity, source, config, pluginConfig, … });
 * if (error) return fail(error);
 * ```
 */
export async function registerInMode(state: LoadState, options: RegisterInModeOptions): Promise<PluginLoadError | undefined> {
  const { id, identity } = options;
  const mode = state.mode;
  const manifest = state.manifest;
  const { api } = createRegistrationApi({
    pluginId: id,
    name: identity.name ?? manifest?.name ?? id,
    version: state.version ?? identity.version ?? manifest?.version,
    description: identity.description ?? manifest?.description,
    source: options.source,
    rootDir: state.rootDir,
    config: options.config,
    pluginConfig: options.pluginConfig,
    mode,
    origin: state.origin,
    explicitlyEnabled: options.explicitlyEnabled,
    manifest,
    manifestFile: state.manifestFile,
    runtime: options.runtime,
    logger: options.logger,
    workflow: options.workflow,
    diagnostics: state.diagnostics,
    registrations: state.registrations,
    ...(options.outbox ? { outbox: options.outbox } : {}),
  });
  const started = performance.now();
  const registered = await runBounded(() => options.entry.register(api as never), options.timeoutMs);
  state.timings.registerMs = performance.now() - started;
  const polluted = prototypePollutionError(options.snapshot, id, `register(api) in ${mode} mode`);
  if (polluted) return polluted;
  if (registered.async) {
    state.diagnostics.push({
      level: "info",
      code: "register-async",
      path: "register",
      message: `plugin "${id}": register(api) returned a promise; the host awaited it, but keep register synchronous and register everything before returning.`,
    });
  }
  if (registered.outcome === "timeout") {
    return {
      code: "register-timeout",
      message: `plugin "${id}": register(api) returned a promise that did not settle within ${registered.timeoutMs} ms in ${mode} mode; make register synchronous (or settle its promise), or raise registerTimeoutMs for this plugin.`,
    };
  }
  if (registered.outcome === "threw") {
    return {
      code: "register-failed",
      message: `plugin "${id}": register(api) threw in ${mode} mode: ${describeThrown(registered.error)}`,
      cause: registered.error,
    };
  }
  return undefined;
}
