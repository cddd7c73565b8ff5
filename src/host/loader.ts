/**
 * The plugin loader: from a plugin root (or an already-imported entry) to a `LoadedPlugin` record, along the
 * runtime flow — path-safety gate, read manifest and import entry (`load-import.ts`, over `path-safety.ts`,
 * `entry-files.ts`, `load-manifest.ts`, `entry-module.ts`) → entry shape and identity (`load-entry.ts`) → validate
 * config (`load-config.ts`) → register in a mode (`load-register.ts`, `register-step.ts`) → classify and record
 * (`load-record.ts`). Guards shared by the steps: `prototype-guard.ts`, `thrown-value.ts`. This file runs the steps
 * in order.
 * A failure at any step — including any value a plugin throws, a timeout and a polluted prototype — becomes the
 * record's `loadError`: the loader never throws or rejects for a broken plugin, so one bad plugin never stops the
 * others. Rules: docs/plugin-host.md; containment and trust model: docs/security.md.
 */
import { performance } from "node:perf_hooks";
import { resolve } from "node:path";
import type { PluginLogger } from "../contract/plugin-api.js";
import { createHostRuntime } from "./host-runtime.js";
import { validateLoadConfig, type ConfigCheck } from "./load-config.js";
import { recognizeEntry } from "./load-entry.js";
import { type ImportedEntry, importFromRoot } from "./load-import.js";
import { type LoadState, recordFailure, recordLoad } from "./load-record.js";
import { registerInMode } from "./load-register.js";
import type { LoadPluginOptions, LoadPluginsInput, LoadedPlugin, PluginLoadError } from "./load-types.js";
import { type PrototypesSnapshot, prototypePollutionError, snapshotPrototypes } from "./prototype-guard.js";
import { resolveRegisterTimeout } from "./register-step.js";
import { createEmptyRegistrations } from "./registry.js";
import { createSessionWorkflowHost } from "./session-workflow.js";
import { describeThrown } from "./thrown-value.js";

export type {
  LoadPluginOptions,
  LoadPluginsInput,
  LoadedPlugin,
  LoadedPluginSummary,
  PluginLoadError,
  PluginLoadErrorCode,
} from "./load-types.js";
export { DEFAULT_REGISTER_TIMEOUT_MS } from "./register-step.js";

const silentLogger: PluginLogger = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };

const IN_MEMORY = "<in-memory entry>";

async function loadPluginUnguarded(options: LoadPluginOptions, state: LoadState, snapshot: PrototypesSnapshot): Promise<LoadedPlugin> {
  const { diagnostics, rootDir } = state;
  const config = options.config ?? {};
  const env = options.env ?? process.env;
  const timeout = resolveRegisterTimeout(options.registerTimeoutMs);
  if (timeout.problem) diagnostics.push({ level: "warning", code: "register-timeout-invalid", path: "registerTimeoutMs", message: timeout.problem });
  const fail = (id: string, source: string, entryKind: LoadedPlugin["entryKind"], error: PluginLoadError, pluginConfig?: Record<string, unknown>) =>
    recordFailure(state, { id, source, entryKind, ...(pluginConfig ? { pluginConfig } : {}) }, error);

  // 1. Path safety, manifest, entry import (roots), or the in-memory entry.
  let imported: ImportedEntry;
  if (rootDir !== undefined) {
    const fromRoot = await importFromRoot(rootDir, state, snapshot, timeout.timeoutMs);
    if (!fromRoot.ok) return fail(fromRoot.id, fromRoot.source, fromRoot.entryKind, fromRoot.error);
    imported = fromRoot;
  } else if (options.entry !== undefined) {
    imported = { ok: true, mod: options.entry, source: IN_MEMORY, entryKind: "in-memory" };
  } else {
    return fail("", "", "in-memory", { code: "entry-not-found", message: "loadPlugin needs either rootDir or entry" });
  }
  const { source, entryKind } = imported;

  // 2. Entry shape and identity.
  const recognized = recognizeEntry(imported.mod, {
    source,
    entryKind,
    manifestId: state.manifest?.id,
    hasRoot: rootDir !== undefined,
    hasManifest: state.manifest !== undefined,
    debug: env.OPENCLAW_PLUGIN_LOAD_DEBUG === "1",
  });
  if (!recognized.ok) return fail(recognized.id, source, entryKind, recognized.error);
  const { id, entry, identity } = recognized;
  diagnostics.push(...recognized.diagnostics);

  // 3. Config, validated before register.
  const rawConfig = options.pluginConfig ?? (config.plugins?.entries?.[id]?.config as Record<string, unknown> | undefined);
  let checked: ConfigCheck;
  const configStarted = performance.now();
  try {
    checked = await validateLoadConfig(state.manifest, entry.definition, rawConfig, id);
    state.timings.configMs = performance.now() - configStarted;
  } catch (error) {
    return fail(id, source, entryKind, { code: "config-invalid", message: `plugin "${id}": config validation failed: ${describeThrown(error)}`, cause: error });
  }
  diagnostics.push(...checked.diagnostics);
  if (!checked.ok) {
    const first = checked.diagnostics.find((d) => d.level === "error");
    return fail(
      id,
      source,
      entryKind,
      { code: "config-invalid", message: `plugin "${id}": invalid config, register was not called${first ? ` — ${first.message}` : ""}` },
      rawConfig ?? {},
    );
  }

  // 4. register(api) in the requested mode, within the time limit.
  const registerError = await registerInMode(state, {
    id,
    entry,
    identity,
    source,
    config,
    pluginConfig: checked.value,
    explicitlyEnabled: state.enabledFor(id),
    runtime: options.runtime ?? createHostRuntime({ config }).runtime,
    logger: options.logger ?? silentLogger,
    workflow: options.workflow ?? createSessionWorkflowHost(),
    outbox: options.outbox,
    timeoutMs: timeout.timeoutMs,
    snapshot,
  });
  if (registerError) return fail(id, source, entryKind, registerError, checked.value);

  // 5. Classify and record.
  return recordLoad(state, { id, name: identity.name, description: identity.description, source, entryKind, pluginConfig: checked.value });
}

/**
 * Loads one plugin. Never throws or rejects for a broken plugin: failures (path safety, manifest, import, entry
 * shape, config, register, time limits, prototype pollution) become `loadError`.
 *
 * @example
 * ```ts
 * const loaded = await loadPlugin({ rootDir: "./plugins/weather", mode: "full", config });
 * if (loaded.loadError) console.error(loaded.loadError.message);
 * else console.log(loaded.shape, loaded.tools.map((t) => t.name));
 * ```
 */
export async function loadPlugin(options: LoadPluginOptions): Promise<LoadedPlugin> {
  const config = options.config ?? {};
  const state: LoadState = {
    started: performance.now(),
    mode: options.mode ?? "full",
    origin: options.origin ?? "external",
    rootDir: typeof options.rootDir === "string" ? resolve(options.rootDir) : undefined,
    manifest: options.manifest,
    diagnostics: [],
    registrations: createEmptyRegistrations(),
    timings: { manifestMs: 0, importMs: 0, configMs: 0, registerMs: 0 },
    logger: options.logger,
    enabledFor: (id) => options.enabled ?? config.plugins?.entries?.[id]?.enabled === true,
  };
  const snapshot = snapshotPrototypes();
  if (options.rootDir !== undefined && typeof options.rootDir !== "string") {
    return recordFailure(state, { id: "", source: "", entryKind: "main" }, {
      code: "entry-not-found",
      message: `loadPlugin: rootDir must be a folder path string, got a value of type ${options.rootDir === null ? "null" : typeof options.rootDir}; pass the plugin folder (or a file: URL to loadPluginForTest).`,
    });
  }
  try {
    return await loadPluginUnguarded(options, state, snapshot);
  } catch (error) {
    // Last line of defence: an unexpected host error (or a plugin value that escaped every other guard).
    const polluted = prototypePollutionError(snapshot, state.manifest?.id ?? "", "loading");
    const loadError: PluginLoadError = polluted ?? {
      code: "load-failed",
      message: `loading the plugin${state.rootDir ? ` in ${state.rootDir}` : ""} failed unexpectedly: ${describeThrown(error)}`,
      cause: error,
    };
    try {
      return recordFailure(state, { id: state.manifest?.id ?? "", source: state.rootDir ?? IN_MEMORY, entryKind: "main" }, loadError);
    } catch {
      return recordLoad({ ...state, logger: undefined, enabledFor: () => false }, { id: "", source: IN_MEMORY, entryKind: "main", loadError });
    }
  }
}

/**
 * Loads several plugins into one host, one after the other, sharing the session workflow state; each failure stays
 * on its own record and never stops the next plugin. Shared options (e.g. `registerTimeoutMs`) are defaults that a
 * per-plugin input overrides.
 *
 * @example
 * ```ts
 * const loaded = await loadPlugins(["./plugins/a", { rootDir: "./plugins/b", registerTimeoutMs: 30_000 }], { mode: "full", config });
 * loaded.filter((p) => p.loadError).length; // broken plugins, the others loaded normally
 * ```
 */
export async function loadPlugins(
  inputs: readonly LoadPluginsInput[],
  shared: Omit<LoadPluginOptions, "rootDir" | "entry" | "manifest"> = {},
): Promise<LoadedPlugin[]> {
  const workflow = shared.workflow ?? createSessionWorkflowHost();
  const runtime = shared.runtime ?? createHostRuntime({ config: shared.config ?? {} }).runtime;
  const outbox = shared.outbox ?? { attachments: [], scheduledTurns: [] };
  const loaded: LoadedPlugin[] = [];
  for (const input of inputs) {
    // A per-plugin field left `undefined` keeps the shared default (e.g. `registerTimeoutMs: entry?.registerTimeoutMs`).
    const options = typeof input === "string" ? { rootDir: input } : Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));
    loaded.push(await loadPlugin({ ...shared, workflow, runtime, outbox, ...options }));
  }
  return loaded;
}
