/**
 * One handler per operation of the route table. Inputs arrive validated (`app.ts`); each handler answers
 * `{ status, body }` or throws an `HttpError`.
 */
import type { Context } from "hono";
import type * as T from "../management-client/api-types.js";
import type { ApiOperationId } from "./schemas.js";
import type { ServerDeps } from "./deps.js";
import { HttpError, serviceFailure } from "./http-error.js";
import { mergeConfigUpdate } from "./parameters.js";
import { managedPlugin, storedConfig, validationIssues, type PluginSnapshot } from "./plugin-state.js";
import { pluginEntry } from "./config-store.js";
import { corePlugins, coreStatus, toggleCorePlugin } from "./core-plugins.js";
import { searchCatalog, type CatalogEntry } from "./registry-catalog.js";
import { isSensitiveKey, maskSecret } from "./parameters.js";

/** Time limit of a plugin's connectivity check (ms). */
export const CONNECTIVITY_CHECK_TIMEOUT_MS = 10_000;

/** What a handler gets. */
export interface HandlerInput {
  params: unknown;
  query: unknown;
  body: unknown;
  c: Context;
}

/** What a handler answers. */
export interface HandlerOutput {
  status: number;
  body: unknown;
  /** `body` already serialised (sent as is). */
  json?: string;
}

type Handler = (input: HandlerInput) => Promise<HandlerOutput>;

const ok = (body: unknown): HandlerOutput => ({ status: 200, body });

const EMPTY_AGENT_REGISTRY: T.AgentRegistryStatus = {
  registered: false,
  configured: false,
  tokenId: 0,
  agentName: "",
  agentEndpoint: "",
  capabilitiesHash: "",
  isActive: false,
  tokenURI: "",
  walletAddress: "",
  totalAgents: 0,
};

const NO_AGENT_REGISTRY =
  "No agent registry service is configured: this gateway has no agent-registry client, so register, update-uri and sync are unavailable (GET /api/registry/status shows the empty status)";

function maskedCopy(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskedCopy);
  if (typeof value !== "object" || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) out[key] = isSensitiveKey(undefined, key) && typeof inner !== "object" ? maskSecret(inner) : maskedCopy(inner);
  return out;
}

function findPlugin(snapshot: PluginSnapshot, id: string) {
  const plugin = snapshot.catalog.plugins.find((entry) => entry.id === id);
  if (!plugin) throw new HttpError(404, `Plugin "${id}" not found; GET /api/plugins lists the plugin ids`);
  return plugin;
}

/**
 * The handlers over `deps`.
 *
 * @example
 * ```ts
 * const bound = handlers(deps);
 * const { status, body } = await bound.listPlugins({ params: undefined, query: undefined, body: undefined, c });
 * ```
 */
export function handlers(deps: ServerDeps): Record<Exclude<ApiOperationId, "openapi" | "events">, Handler> {
  const enabledIds = async (): Promise<Set<string>> =>
    new Set((await deps.state.snapshot()).catalog.plugins.filter((plugin) => plugin.status === "enabled").map((plugin) => plugin.id));

  const registryRow = (entry: CatalogEntry, snapshot: PluginSnapshot): T.RegistryPlugin => {
    const record = snapshot.records.find((r) => r.resolvedName === entry.npmPackage || (entry.pluginId !== null && r.pluginId === entry.pluginId));
    const pluginId = record?.pluginId ?? entry.pluginId;
    return {
      name: entry.name,
      displayName: entry.displayName,
      description: entry.description,
      npm: { package: entry.npmPackage, version: entry.version },
      tags: entry.tags,
      author: entry.author,
      repository: entry.repository,
      installed: record !== undefined,
      installedVersion: record ? (record.resolvedVersion ?? record.version ?? null) : null,
      loaded: pluginId ? deps.runtime.plugin(pluginId)?.loaded === true : false,
      bundled: false,
    };
  };

  const catalogOrEmpty = async () => (await deps.catalog.get())?.entries ?? [];

  return {
    async listPlugins() {
      const json = await deps.state.listJson();
      return { status: 200, body: deps.env.OPENCLAW_API_VALIDATE_RESPONSES === "1" ? JSON.parse(json) : undefined, json };
    },

    async listInstalled() {
      const records = await deps.installer.records();
      const plugins: T.InstalledPluginPackage[] = records
        .map((record) => ({
          name: record.resolvedName ?? record.pluginId,
          pluginId: record.pluginId,
          version: record.resolvedVersion ?? record.version ?? null,
          installedAt: record.installedAt,
          source: record.source,
          installPath: record.installPath,
        }))
        .sort((a, b) => a.pluginId.localeCompare(b.pluginId));
      return ok({ count: plugins.length, plugins });
    },

    listEjected: async () => ok({ plugins: await deps.ejects.list() }),

    async updatePlugin({ params, body }) {
      const { id } = params as { id: string };
      const update = body as T.PluginUpdateRequest;
      const before = await deps.state.snapshot();
      const plugin = findPlugin(before, id);
      const stored = storedConfig(before.catalog.config.raw, id);
      let nextConfig: Record<string, unknown> | undefined;
      if (update.config !== undefined) {
        nextConfig = mergeConfigUpdate(plugin.manifest, stored, update.config).config;
        const { errors } = validationIssues(plugin, nextConfig);
        if (errors.length > 0) {
          return { status: 422, body: { ok: false, plugin: managedPlugin(plugin, before, deps.runtime), validationErrors: errors } };
        }
      }
      const wasEnabled = plugin.status === "enabled";
      const configChanged = nextConfig !== undefined && JSON.stringify(nextConfig) !== JSON.stringify(stored);
      const enabledChanged = update.enabled !== undefined && update.enabled !== wasEnabled;
      if (update.enabled !== undefined || configChanged) {
        await deps.store.update((draft) => {
          const entry = pluginEntry(draft, id);
          if (update.enabled !== undefined) entry.enabled = update.enabled;
          if (configChanged) entry.config = nextConfig;
        });
      }
      deps.state.invalidate();
      const after = await deps.state.snapshot();
      const updated = findPlugin(after, id);
      const nowEnabled = updated.status === "enabled";
      let requiresRestart = false;
      if (enabledChanged || nowEnabled !== wasEnabled) {
        requiresRestart = nowEnabled !== (deps.runtime.plugin(id)?.loaded === true);
        if (requiresRestart) deps.bus.requestRestart(`plugin ${id} ${nowEnabled ? "enabled" : "disabled"}`);
      }
      // A loaded plugin read its config in register(), and an enabled one that failed may load with the new config:
      // either way the change applies after a restart.
      if (configChanged && (deps.runtime.plugin(id)?.loaded || nowEnabled)) {
        requiresRestart = true;
        deps.bus.requestRestart(`plugin ${id} config changed`);
      }
      return ok({ ok: true, plugin: managedPlugin(updated, after, deps.runtime), requiresRestart });
    },

    async testPlugin({ params }) {
      const { id } = params as { id: string };
      const snapshot = await deps.state.snapshot();
      const plugin = findPlugin(snapshot, id);
      const { errors } = validationIssues(plugin, storedConfig(snapshot.catalog.config.raw, id));
      const started = performance.now();
      const running = deps.runtime.plugin(id);
      if (running?.loaded && running.hasConnectivityCheck) {
        const outcome = await deps.runtime.check(id, CONNECTIVITY_CHECK_TIMEOUT_MS);
        if (outcome.status === "done") {
          return ok({
            ok: outcome.ok,
            result: { pluginId: id, check: "connectivity", hasConnectivityCheck: true, message: outcome.message, durationMs: outcome.durationMs, details: outcome.details, validationErrors: errors },
          });
        }
        if (outcome.status === "failed") {
          deps.state.invalidate(); // the runtime lost its plugins: the list must say so
          return ok({
            ok: false,
            result: { pluginId: id, check: "connectivity", hasConnectivityCheck: true, message: outcome.message, durationMs: Math.round(performance.now() - started), details: null, validationErrors: errors },
          });
        }
      }
      const why = !running?.loaded
        ? `plugin "${id}" is not loaded in the plugin runtime${running?.loadError ? ` (${running.loadError})` : plugin.status === "enabled" ? " (restart pending?)" : " (it is disabled)"}`
        : `plugin "${id}" registers no connectivity check (api.registerConnectivityCheck)`;
      const verdict = errors.length === 0 ? "its config is valid" : `its config has ${errors.length} error${errors.length === 1 ? "" : "s"}`;
      return ok({
        ok: errors.length === 0,
        result: {
          pluginId: id,
          check: "config",
          hasConnectivityCheck: running?.hasConnectivityCheck ?? false,
          message: `No connectivity check ran: ${why}; ${verdict}.`,
          durationMs: Math.round(performance.now() - started),
          details: null,
          validationErrors: errors,
        },
      });
    },

    async install({ body }) {
      const request = body as T.InstallRequest;
      const spec = request.version ? `${request.name}@${request.version}` : request.name;
      const autoRestart = request.autoRestart !== false;
      const { installId, value } = await deps.installs.run(request.installId, async (report) => {
        report("resolving", `resolving ${spec}`);
        let record;
        try {
          record = await deps.installer.install(spec, report);
        } catch (error) {
          if (error instanceof HttpError) throw error;
          throw serviceFailure(`installing ${spec} failed: ${error instanceof Error ? error.message : String(error)}`);
        }
        deps.state.invalidate();
        if (autoRestart) {
          report("restarting", "restarting the plugin runtime");
          await deps.applyRestart();
        } else {
          deps.bus.requestRestart(`plugin ${record.pluginId} installed`);
        }
        return record;
      });
      return ok({
        ok: true,
        installId,
        pluginId: value.pluginId,
        version: value.resolvedVersion ?? value.version ?? null,
        requiresRestart: !autoRestart,
        restarted: autoRestart,
      });
    },

    async installProgress({ params }) {
      const { installId } = params as { installId: string };
      const progress = deps.installs.progress(installId);
      if (!progress) throw new HttpError(404, `Install "${installId}" not found (the last 100 installs are kept)`);
      return ok(progress);
    },

    async uninstall({ body }) {
      const request = body as T.UninstallRequest;
      const records = await deps.installer.records();
      const record = records.find((r) => r.pluginId === request.name) ?? records.find((r) => r.resolvedName === request.name);
      if (!record) throw new HttpError(404, `No installed plugin "${request.name}"; GET /api/plugins/installed lists them`);
      try {
        await deps.installer.uninstall(record.pluginId);
      } catch (error) {
        if (error instanceof HttpError) throw error;
        throw serviceFailure(`uninstalling ${record.pluginId} failed: ${error instanceof Error ? error.message : String(error)}`);
      }
      deps.state.invalidate();
      const autoRestart = request.autoRestart !== false;
      if (autoRestart) await deps.applyRestart();
      else deps.bus.requestRestart(`plugin ${record.pluginId} uninstalled`);
      return ok({ ok: true, pluginId: record.pluginId, requiresRestart: !autoRestart });
    },

    eject: async ({ params }) => {
      const result = await deps.ejects.eject((params as { id: string }).id);
      deps.state.invalidate();
      return ok(result);
    },
    sync: async ({ params }) => ok(await deps.ejects.sync((params as { id: string }).id)),
    reinject: async ({ params }) => {
      const result = await deps.ejects.reinject((params as { id: string }).id);
      deps.state.invalidate();
      return ok(result);
    },

    async restartRuntime() {
      await deps.applyRestart();
      return ok({ ok: true, runtime: deps.runtime.status() });
    },

    coreStatus: async () => ok(coreStatus((await deps.state.snapshot()).catalog.config.raw)),

    async listCorePlugins() {
      const enabled = await enabledIds();
      return ok(corePlugins((await deps.state.snapshot()).catalog.config.raw, deps.runtime, (id) => enabled.has(id)));
    },

    async toggleCorePlugin({ body }) {
      const enabled = await enabledIds();
      const result = await toggleCorePlugin(body as T.CoreToggleRequest, {
        raw: (await deps.state.snapshot()).catalog.config.raw,
        store: deps.store,
        bus: deps.bus,
        enabled: (id) => enabled.has(id),
      });
      deps.state.invalidate();
      return ok(result);
    },

    async listRegistryPlugins() {
      const [entries, snapshot] = await Promise.all([catalogOrEmpty(), deps.state.snapshot()]);
      const plugins = entries.map((entry) => registryRow(entry, snapshot));
      return ok({ count: plugins.length, plugins });
    },

    async getRegistryPlugin({ params }) {
      const { name } = params as { name: string };
      const [entries, snapshot] = await Promise.all([catalogOrEmpty(), deps.state.snapshot()]);
      const entry = entries.find((candidate) => candidate.name === name) ?? entries.find((candidate) => candidate.npmPackage === name);
      if (!entry) throw new HttpError(404, `Registry plugin "${name}" not found (URL-encode scoped names: %40scope%2Fname)`);
      return ok({ plugin: registryRow(entry, snapshot) });
    },

    async searchRegistry({ query }) {
      const { q, limit } = query as { q: string; limit: number };
      const [entries, snapshot] = await Promise.all([catalogOrEmpty(), deps.state.snapshot()]);
      const results = searchCatalog(entries, q, limit).map(({ entry, score }) => ({
        name: entry.name,
        displayName: entry.displayName,
        description: entry.description,
        npmPackage: entry.npmPackage,
        version: entry.version,
        score,
        installed: snapshot.records.some((r) => r.resolvedName === entry.npmPackage || (entry.pluginId !== null && r.pluginId === entry.pluginId)),
      }));
      return ok({ query: q, count: results.length, results });
    },

    async refreshRegistry() {
      const doc = await deps.catalog.refresh();
      return ok({ ok: true, count: doc.entries.length, source: doc.source, refreshedAt: doc.refreshedAt });
    },

    agentRegistryStatus: async () => ok(EMPTY_AGENT_REGISTRY),
    registerAgent: async () => {
      throw new HttpError(503, NO_AGENT_REGISTRY);
    },
    updateAgentUri: async () => {
      throw new HttpError(503, NO_AGENT_REGISTRY);
    },
    syncAgent: async () => {
      throw new HttpError(503, NO_AGENT_REGISTRY);
    },
    async agentRegistryConfig() {
      const raw = (await deps.state.snapshot()).catalog.config.raw;
      const registry = typeof raw.registry === "object" && raw.registry !== null && !Array.isArray(raw.registry) ? raw.registry : {};
      return ok(maskedCopy(registry));
    },
  };
}
