/**
 * What `GET /api/plugins` shows: the plugin catalog (discovery + manifests + policy, no plugin code), the stored
 * config of each plugin, its validation against the manifest's `configSchema`, and what the plugin runtime actually
 * loaded. The catalog snapshot is cached until the config file or a plugin root changes (their mtimes), a mutation
 * through the API invalidates it, or {@link SNAPSHOT_TTL_MS} passes — so a list of 100 plugins is served from memory.
 */
import { statSync } from "node:fs";
import { buildPluginCatalog, type CatalogPlugin, type PluginCatalog } from "../discovery/plugin-catalog.js";
import { validatePluginConfig } from "../config/validate-plugin-config.js";
import { registerTimeoutFor } from "../config/plugins-policy.js";
import type { PluginInstallRecord } from "../state/install-record.js";
import type { ManagedPlugin, PluginListResponse, ValidationIssue } from "../management-client/api-types.js";
import { describeParameters, isConfigured } from "./parameters.js";
import type { PluginRuntime, RuntimePluginSpec } from "./plugin-runtime.js";
import type { EventBus } from "./events.js";
import { isRecord } from "../config/config-data.js";

/** Longest time a cached catalog snapshot is served without re-reading the plugin folders (ms). */
export const SNAPSHOT_TTL_MS = 2_000;

/** One read of disk: the catalog and the install records. */
export interface PluginSnapshot {
  catalog: PluginCatalog;
  records: PluginInstallRecord[];
}

/**
 * Stored `plugins.entries.<id>.config` of a plugin (`{}` when none).
 *
 * @example
 * ```ts
 * storedConfig(snapshot.catalog.config.raw, "demo"); // { apiKey: "…" }
 * ```
 */
export function storedConfig(raw: Record<string, unknown>, id: string): Record<string, unknown> {
  const plugins = isRecord(raw.plugins) ? raw.plugins : {};
  const entries = isRecord(plugins.entries) ? plugins.entries : {};
  const entry = Object.hasOwn(entries, id) && isRecord(entries[id]) ? entries[id] : {};
  return isRecord(entry.config) ? entry.config : {};
}

/**
 * Validates `config` against the plugin's schema and splits the result into errors and warnings with the config
 * field each one is about.
 *
 * @example
 * ```ts
 * validationIssues(plugin, { port: "x" }).errors; // [{ field: "port", message: "must be number (got \"x\")" }]
 * ```
 */
export function validationIssues(plugin: CatalogPlugin, config: Record<string, unknown>): { errors: ValidationIssue[]; warnings: ValidationIssue[] } {
  if (!plugin.manifest) return { errors: [], warnings: [] };
  const result = validatePluginConfig({ manifest: plugin.manifest, config, path: "config" });
  const errors: ValidationIssue[] = [];
  const warnings: ValidationIssue[] = [];
  for (const diagnostic of result.diagnostics) {
    if (diagnostic.level === "info") continue;
    const prefix = `${diagnostic.path}: `;
    const message = diagnostic.message.startsWith(prefix) ? diagnostic.message.slice(prefix.length) : diagnostic.message;
    let field = diagnostic.path === "config" ? "" : diagnostic.path.replace(/^config\./, "");
    if (field === "") field = /required property '([^']+)'/.exec(message)?.[1] ?? /'([^']+)' is not allowed/.exec(message)?.[1] ?? "";
    (diagnostic.level === "error" ? errors : warnings).push({ field, message });
  }
  return { errors, warnings };
}

function categoryOf(plugin: CatalogPlugin): string | null {
  const manifest = plugin.manifest as (CatalogPlugin["manifest"] & { kind?: unknown; channels?: unknown; providers?: unknown }) | undefined;
  if (!manifest) return null;
  if (typeof manifest.kind === "string") return manifest.kind;
  if (Array.isArray(manifest.kind) && typeof manifest.kind[0] === "string") return manifest.kind[0];
  if (Array.isArray(manifest.channels) && manifest.channels.length > 0) return "channel";
  if (Array.isArray(manifest.providers) && manifest.providers.length > 0) return "provider";
  return null;
}

function versionOf(plugin: CatalogPlugin): string | null {
  const version = plugin.manifest?.version ?? plugin.candidate.packageJson?.version;
  return typeof version === "string" ? version : null;
}

/**
 * Builds one {@link ManagedPlugin} row.
 *
 * @example
 * ```ts
 * const row = managedPlugin(plugin, snapshot, runtime);
 * ```
 */
export function managedPlugin(plugin: CatalogPlugin, snapshot: PluginSnapshot, runtime: PluginRuntime): ManagedPlugin {
  const stored = storedConfig(snapshot.catalog.config.raw, plugin.id);
  const parameters = describeParameters(plugin.manifest, stored);
  const { errors, warnings } = validationIssues(plugin, stored);
  const running = runtime.plugin(plugin.id);
  const record = snapshot.records.find((entry) => entry.pluginId === plugin.id);
  let loadError: string | null = null;
  if (plugin.status === "blocked" || plugin.status === "error") {
    loadError = plugin.diagnostics.filter((d) => d.level === "error").map((d) => d.message).join("; ") || `plugin is ${plugin.status}`;
  } else if (running?.loadError) {
    loadError = running.loadError;
  }
  return {
    id: plugin.id,
    name: plugin.manifest?.name ?? plugin.id,
    description: plugin.manifest?.description ?? null,
    version: versionOf(plugin),
    category: categoryOf(plugin),
    origin: plugin.candidate.origin,
    installSource: record?.source ?? null,
    enabled: plugin.status === "enabled",
    isActive: running?.loaded === true,
    configured: isConfigured(parameters),
    loadError,
    hasConnectivityCheck: running ? running.hasConnectivityCheck : null,
    shape: running?.shape ?? null,
    configSchema: isRecord(plugin.manifest?.configSchema) ? plugin.manifest.configSchema : null,
    uiHints: isRecord(plugin.manifest?.uiHints) ? (plugin.manifest.uiHints as Record<string, unknown>) : null,
    parameters,
    validationErrors: errors,
    validationWarnings: warnings,
  };
}

/**
 * The plugins the runtime should load: enabled and loadable (not blocked, manifest usable).
 *
 * @example
 * ```ts
 * await runtime.restart(runtimeSpecs(await state.snapshot()));
 * ```
 */
export function runtimeSpecs(snapshot: PluginSnapshot): RuntimePluginSpec[] {
  const { catalog } = snapshot;
  return catalog.plugins
    .filter((plugin) => plugin.status === "enabled" && plugin.manifest)
    .map((plugin) => {
      const spec: RuntimePluginSpec = {
        id: plugin.id,
        rootDir: plugin.candidate.rootDir,
        origin: plugin.candidate.origin,
        config: catalog.config.raw,
        pluginConfig: storedConfig(catalog.config.raw, plugin.id),
      };
      const timeout = registerTimeoutFor(catalog.config.plugins, plugin.id);
      if (timeout !== undefined) spec.registerTimeoutMs = timeout;
      return spec;
    });
}

/**
 * Cached snapshot and list for the routes.
 *
 * @example
 * ```ts
 * const state = createPluginState({ env, cwd, runtime, bus, records: () => installer.records() });
 * const list = await state.list();
 * ```
 */
export interface PluginState {
  snapshot(): Promise<PluginSnapshot>;
  list(): Promise<PluginListResponse>;
  /** {@link PluginState.list} already serialised (cached with it: a 100-plugin list is ~80 KiB of JSON). */
  listJson(): Promise<string>;
  /** Drops the cache (after a write through the API). */
  invalidate(): void;
}

/**
 * Creates the {@link PluginState}.
 *
 * @example
 * ```ts
 * const state = createPluginState({ env: process.env, cwd: process.cwd(), runtime, bus, records: async () => [] });
 * ```
 */
export function createPluginState(options: {
  env: NodeJS.ProcessEnv;
  cwd: string;
  runtime: PluginRuntime;
  bus: EventBus;
  records: () => Promise<PluginInstallRecord[]>;
}): PluginState {
  let cached: { key: string; at: number; snapshot: Promise<PluginSnapshot> } | undefined;
  let listCache: { key: string; value: PluginListResponse; json?: string } | undefined;
  let version = 0;
  const mtime = (path: string): number => {
    try {
      return statSync(path).mtimeMs;
    } catch {
      return -1;
    }
  };
  const diskKey = (catalog: PluginCatalog | undefined): string => {
    if (!catalog) return "";
    const roots = [catalog.paths.configPath, catalog.paths.userExtensionsDir, catalog.paths.workspaceExtensionsDir, ...catalog.config.plugins.loadPaths];
    return `${version}|${roots.map(mtime).join(",")}`;
  };
  let lastCatalog: PluginCatalog | undefined;
  const snapshot = async (): Promise<PluginSnapshot> => {
    const key = diskKey(lastCatalog);
    if (cached && cached.key === key && Date.now() - cached.at < SNAPSHOT_TTL_MS) return cached.snapshot;
    const building = (async () => {
      const [catalog, records] = await Promise.all([buildPluginCatalog({ env: options.env, cwd: options.cwd }), options.records()]);
      lastCatalog = catalog;
      return { catalog, records };
    })();
    cached = { key, at: Date.now(), snapshot: building };
    building.then(
      () => {
        if (cached?.snapshot === building) cached.key = diskKey(lastCatalog);
      },
      () => {
        if (cached?.snapshot === building) cached = undefined;
      },
    );
    return building;
  };
  const list = async (): Promise<PluginListResponse> => {
    const snap = await snapshot();
    const status = options.runtime.status();
    const pending = options.bus.pendingRestart();
    const key = `${cached?.key}|${cached?.at}|${status.generation}|${status.state}|${pending.reasons.join("\n")}`;
    if (listCache?.key === key) return listCache.value;
    const value: PluginListResponse = {
      plugins: snap.catalog.plugins.map((plugin) => managedPlugin(plugin, snap, options.runtime)),
      pendingRestart: pending,
      runtime: status,
    };
    listCache = { key, value };
    return value;
  };
  return {
    snapshot,
    list,
    async listJson() {
      const value = await list();
      const entry = listCache;
      if (entry?.value === value) return (entry.json ??= JSON.stringify(value));
      return JSON.stringify(value);
    },
    invalidate() {
      version += 1;
      cached = undefined;
      listCache = undefined;
    },
  };
}
