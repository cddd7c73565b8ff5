/**
 * Load step 5: classify and record. Builds the `LoadedPlugin` record from what a load produced — shape and
 * capability kinds from the registrations, JSON summaries, timings — for a successful load and for a failure
 * (`loadError`, with an error diagnostic naming the file).
 */
import { performance } from "node:perf_hooks";
import type { PluginLogger } from "../contract/plugin-api.js";
import type { PluginRegistrationMode } from "../contract/registration-mode.js";
import type { PluginDiagnostic } from "../manifest/diagnostics.js";
import type { PluginManifest } from "../manifest/plugin-manifest-schema.js";
import { shapeOf } from "./classify.js";
import type { PluginOrigin } from "./contract-gates.js";
import type { LoadedPlugin, LoadedPluginSummary, PluginLoadError } from "./load-types.js";
import type { PluginRegistrations } from "./registry.js";

/**
 * JSON summaries of a plugin's registrations (what `plugins inspect --runtime` prints).
 *
 * @example
 * ```ts
 * summarizeRegistrations(loaded.registrations).tools; // [{ name: "echo", optional: false }]
 * ```
 */
export function summarizeRegistrations(registrations: PluginRegistrations): LoadedPluginSummary {
  return {
    hooks: [
      ...registrations.hooks.map((h) => ({ name: h.hookName as string, priority: h.priority })),
      ...registrations.internalHooks.flatMap((h) => h.events.map((name) => ({ name, priority: h.priority }))),
    ],
    tools: registrations.tools.flatMap((t) => t.names.map((name) => ({ name, optional: t.optional }))),
    commands: registrations.commands.map((c) => c.name),
    services: registrations.services.map((s) => s.id),
    gatewayMethods: registrations.gatewayMethods.map((m) => ({ method: m.method, scope: m.scope })),
    httpRoutes: registrations.httpRoutes.map((r) => ({ path: r.path, auth: r.auth, match: r.match })),
    cliCommands: registrations.cliCommands.flatMap((c) => [
      ...c.descriptors.map((d) => ({ name: d.name, description: d.description, parentPath: c.parentPath })),
      ...c.commands.filter((name) => !c.descriptors.some((d) => d.name === name)).map((name) => ({ name, parentPath: c.parentPath })),
    ]),
    channels: registrations.channels.map((c) => c.id),
    providers: registrations.providers.map((p) => ({ kind: p.kind, id: p.id, method: p.method })),
  };
}

/** What one load has gathered so far; filled in step by step by the loader. */
export interface LoadState {
  started: number;
  mode: PluginRegistrationMode;
  origin: PluginOrigin;
  rootDir?: string | undefined;
  manifest?: PluginManifest | undefined;
  manifestFile?: string | undefined;
  version?: string | undefined;
  diagnostics: PluginDiagnostic[];
  registrations: PluginRegistrations;
  timings: { manifestMs: number; importMs: number; configMs: number; registerMs: number };
  logger?: PluginLogger | undefined;
  /** Explicit enablement for an id (`options.enabled` or `plugins.entries.<id>.enabled === true`). */
  enabledFor(id: string): boolean;
}

/** Per-record fields of {@link recordLoad}. */
export interface RecordFields {
  id: string;
  name?: string | undefined;
  description?: string | undefined;
  source: string;
  entryKind: LoadedPlugin["entryKind"];
  pluginConfig?: Record<string, unknown> | undefined;
  loadError?: PluginLoadError;
}

/**
 * Builds the loaded-plugin record (shape, capabilities, summaries, timings).
 *
 * @example
 * ```ts
 * return recordLoad(state, { id, source, entryKind: "main", pluginConfig });
 * ```
 */
export function recordLoad(state: LoadState, fields: RecordFields): LoadedPlugin {
  const { manifest, registrations, diagnostics } = state;
  const { shape, capabilities } = shapeOf(registrations);
  if (shape === "hook-only" && !fields.loadError) {
    diagnostics.push({
      level: "info",
      code: "hook-only-plugin",
      path: "",
      message: `plugin "${fields.id}" registers only hooks (hook-only shape): it adds no capability, tool, command or service.`,
    });
  }
  const nameFromManifest = typeof manifest?.name === "string" ? manifest.name : undefined;
  const descriptionFromManifest = typeof manifest?.description === "string" ? manifest.description : undefined;
  const description = fields.description ?? descriptionFromManifest;
  const version = state.version ?? (typeof manifest?.version === "string" ? manifest.version : undefined);
  return {
    id: fields.id,
    name: fields.name ?? nameFromManifest ?? fields.id,
    ...(version !== undefined ? { version } : {}),
    ...(description !== undefined ? { description } : {}),
    ...(state.rootDir !== undefined ? { rootDir: state.rootDir } : {}),
    source: fields.source,
    entryKind: fields.entryKind,
    mode: state.mode,
    origin: state.origin,
    enabled: state.enabledFor(fields.id),
    ...(manifest ? { manifest } : {}),
    ...(state.manifestFile ? { manifestFile: state.manifestFile } : {}),
    shape,
    capabilities,
    registrations,
    diagnostics,
    ...(fields.loadError ? { loadError: fields.loadError } : {}),
    pluginConfig: fields.pluginConfig ?? {},
    timings: { ...state.timings, totalMs: performance.now() - state.started },
    ...summarizeRegistrations(registrations),
  };
}

/**
 * Records a failed load: an error diagnostic (with the file, when there is one), a logger line, and `loadError`.
 *
 * @example
 * ```ts
 * return recordFailure(state, { id, source, entryKind: "main" }, { code: "import-failed", message, cause });
 * ```
 */
export function recordFailure(state: LoadState, fields: Omit<RecordFields, "loadError">, error: PluginLoadError): LoadedPlugin {
  state.diagnostics.push({
    level: "error",
    code: error.code,
    path: "",
    message: error.message,
    ...(fields.source && fields.source !== "<in-memory entry>" ? { file: fields.source } : {}),
  });
  state.logger?.error(`[plugins] ${fields.id || state.rootDir || "plugin"} failed to load: ${error.message}`);
  return recordLoad(state, { ...fields, loadError: error });
}
