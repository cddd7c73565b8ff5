/**
 * The plugin loader: from a plugin root (or an already-imported entry) to a `LoadedPlugin` record —
 * manifest, entry import, entry shape, id check, config validation, `register(api)` in the requested mode,
 * registrations, shape and diagnostics. A failure at any step becomes the record's `loadError` (with its cause);
 * the loader never throws for a broken plugin, so one bad plugin never stops the others.
 */
import { performance } from "node:perf_hooks";
import { resolve } from "node:path";
import type { OpenClawConfig } from "../contract/config.js";
import type { PluginLogger } from "../contract/plugin-api.js";
import type { PluginRegistrationMode } from "../contract/registration-mode.js";
import type { PluginRuntime } from "../contract/runtime.js";
import type { PluginDiagnostic } from "../manifest/diagnostics.js";
import type { PluginManifest } from "../manifest/plugin-manifest-schema.js";
import type { PluginOrigin } from "./contract-gates.js";
import {
  type EntryExport,
  extractEntryExport,
  importEntryFile,
  readPackageOpenClawFields,
  resolveEntryFile,
  summarizeExportShape,
} from "./entry-module.js";
import { createHostRuntime } from "./host-runtime.js";
import { usesSetupEntry } from "./modes.js";
import { type WorkflowOutbox, createRegistrationApi } from "./registration-api.js";
import { type PluginRegistrations, createEmptyRegistrations } from "./registry.js";
import { type SessionWorkflowHost, createSessionWorkflowHost } from "./session-workflow.js";
import { shapeOf } from "./classify.js";
import type { PluginCapabilityKind, PluginShape } from "./shapes.js";

/**
 * Why a plugin failed to load.
 *
 * @example
 * ```ts
 * const code: PluginLoadErrorCode = "plugin-id-mismatch";
 * ```
 */
export type PluginLoadErrorCode =
  | "manifest-invalid"
  | "entry-not-found"
  | "import-failed"
  | "entry-shape-invalid"
  | "plugin-id-mismatch"
  | "config-invalid"
  | "register-failed";

/**
 * A load failure: what failed, in words, and the underlying error.
 *
 * @example
 * ```ts
 * if (loaded.loadError) console.error(loaded.loadError.code, loaded.loadError.message, loaded.loadError.cause);
 * ```
 */
export interface PluginLoadError {
  code: PluginLoadErrorCode;
  message: string;
  /** The thrown value (import error, register error, …), when there was one. */
  cause?: unknown;
}

/**
 * Options of `loadPlugin`. Give either `rootDir` or `entry`.
 *
 * @example
 * ```ts
 * const options: LoadPluginOptions = { rootDir: "./plugins/weather", mode: "full", origin: "external" };
 * ```
 */
export interface LoadPluginOptions {
  /** Plugin root: folder with `openclaw.plugin.json` and `package.json#openclaw.extensions`. */
  rootDir?: string;
  /** An already-imported entry: a module namespace, a `definePluginEntry(...)` object or a register function. */
  entry?: unknown;
  /** Manifest to gate an in-memory `entry` with (roots always use their `openclaw.plugin.json`). */
  manifest?: PluginManifest;
  /** Registration mode. Default `full`. */
  mode?: PluginRegistrationMode;
  /** Gateway config snapshot (`plugins.entries.<id>` supplies config, enablement and hook policy). Default `{}`. */
  config?: OpenClawConfig;
  /** Plugin config; overrides `config.plugins.entries.<id>.config`. */
  pluginConfig?: Record<string, unknown>;
  /** Plugin origin; only `bundled` plugins may use trusted features. Default `external`. */
  origin?: PluginOrigin;
  /** Explicit enablement; default `config.plugins.entries.<id>.enabled === true`. */
  enabled?: boolean;
  /** Runtime for runtime modes. Default: the in-process host runtime. */
  runtime?: PluginRuntime;
  /** Logger handed to the plugin (`api.logger`). Default: silent. */
  logger?: PluginLogger;
  /** Shared session workflow state (share one across plugins of the same host). */
  workflow?: SessionWorkflowHost;
  /** Shared outbox for bundled-only workflow calls. */
  outbox?: WorkflowOutbox;
  /** Environment (reads `OPENCLAW_PLUGIN_LOAD_DEBUG`). Default `process.env`. */
  env?: Record<string, string | undefined>;
}

/**
 * JSON-friendly summaries of what a plugin registered (what `plugins inspect --runtime` prints).
 *
 * @example
 * ```ts
 * const { hooks, tools, cliCommands }: LoadedPluginSummary = await loadPlugin({ rootDir: "./plugins/weather" });
 * ```
 */
export interface LoadedPluginSummary {
  hooks: Array<{ name: string; priority: number }>;
  tools: Array<{ name: string; optional: boolean }>;
  commands: string[];
  services: string[];
  gatewayMethods: Array<{ method: string; scope: string }>;
  httpRoutes: Array<{ path: string; auth: string; match: string }>;
  cliCommands: Array<{ name: string; description?: string; parentPath: string[] }>;
  channels: string[];
  providers: Array<{ kind: PluginCapabilityKind; id: string; method: string }>;
}

/**
 * The outcome of loading one plugin.
 *
 * @example
 * ```ts
 * const loaded: LoadedPlugin = await loadPlugin({ rootDir: "./plugins/weather" });
 * ```
 */
export interface LoadedPlugin extends LoadedPluginSummary {
  /** Plugin id (manifest id, else entry id; `""` when neither could be read). */
  id: string;
  name: string;
  version?: string;
  description?: string;
  rootDir?: string;
  /** Imported entry file, or `<in-memory entry>`. */
  source: string;
  /** Which entry was loaded. */
  entryKind: "main" | "setup" | "in-memory";
  mode: PluginRegistrationMode;
  origin: PluginOrigin;
  /** Explicitly enabled (`plugins.entries.<id>.enabled === true` or `options.enabled`). */
  enabled: boolean;
  manifest?: PluginManifest;
  manifestFile?: string;
  /** Shape from what was registered (`non-capability` when the load failed before registering). */
  shape: PluginShape;
  /** Distinct capability kinds, in first-registered order. */
  capabilities: PluginCapabilityKind[];
  /** Accepted registrations by kind, plus the log of every registration call. */
  registrations: PluginRegistrations;
  /** Manifest, config, gate and mode diagnostics, in the order they arose. */
  diagnostics: PluginDiagnostic[];
  /** Set when the plugin could not be loaded; registrations made before a throwing `register` are kept. */
  loadError?: PluginLoadError;
  /** The validated plugin config (schema defaults applied) passed to `api.pluginConfig`. */
  pluginConfig: Record<string, unknown>;
  /**
   * Milliseconds spent reading the manifest, importing the entry (the plugin's own module code), validating config
   * (includes compiling the plugin's JSON Schema on first use), in `register`, and in total.
   */
  timings: { manifestMs: number; importMs: number; configMs: number; registerMs: number; totalMs: number };
}

const silentLogger: PluginLogger = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function summarize(registrations: PluginRegistrations): LoadedPluginSummary {
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

let manifestModule: Promise<typeof import("../manifest/read-plugin-manifest.js")> | undefined;

/** Reads and checks `openclaw.plugin.json` (the manifest reader is loaded on first use: it pulls zod). */
async function readManifest(rootDir: string): Promise<import("../manifest/read-plugin-manifest.js").PluginManifestReadResult> {
  manifestModule ??= import("../manifest/read-plugin-manifest.js");
  const { readPluginManifest } = await manifestModule;
  return readPluginManifest(rootDir);
}
let configModule: Promise<typeof import("../config/validate-plugin-config.js")> | undefined;

interface ConfigCheck {
  ok: boolean;
  value: Record<string, unknown>;
  diagnostics: PluginDiagnostic[];
}

async function validateConfig(
  manifest: PluginManifest | undefined,
  definition: Record<string, unknown> | undefined,
  config: Record<string, unknown> | undefined,
  pluginId: string,
): Promise<ConfigCheck> {
  if (manifest) {
    configModule ??= import("../config/validate-plugin-config.js");
    const { validatePluginConfig } = await configModule;
    return validatePluginConfig({ manifest, config });
  }
  // In-memory entry without a manifest: fall back to the entry's own configSchema.safeParse, if any.
  const schema = definition?.configSchema;
  const resolved = typeof schema === "function" ? (schema as () => unknown)() : schema;
  if (isRecord(resolved) && typeof resolved.safeParse === "function") {
    const parsed = (resolved.safeParse as (v: unknown) => { success: boolean; data?: unknown; error?: { issues?: Array<{ path: Array<string | number>; message: string }> } })(config ?? {});
    if (parsed.success) return { ok: true, value: isRecord(parsed.data) ? parsed.data : (config ?? {}), diagnostics: [] };
    const issues = parsed.error?.issues ?? [{ path: [], message: "invalid" }];
    return {
      ok: false,
      value: config ?? {},
      diagnostics: issues.map((issue) => ({
        level: "error" as const,
        code: "plugin-config-mismatch",
        path: [`plugins.entries.${pluginId}.config`, ...issue.path.map(String)].join("."),
        message: `plugins.entries.${pluginId}.config${issue.path.length ? `.${issue.path.join(".")}` : ""}: ${issue.message}`,
      })),
    };
  }
  return { ok: true, value: config ?? {}, diagnostics: [] };
}

/**
 * Loads one plugin. Never throws for a broken plugin: failures become `loadError`.
 *
 * @example
 * ```ts
 * const loaded = await loadPlugin({ rootDir: "./plugins/weather", mode: "full", config });
 * if (loaded.loadError) console.error(loaded.loadError.message);
 * else console.log(loaded.shape, loaded.tools.map((t) => t.name));
 * ```
 */
export async function loadPlugin(options: LoadPluginOptions): Promise<LoadedPlugin> {
  const started = performance.now();
  const mode = options.mode ?? "full";
  const config = options.config ?? {};
  const origin = options.origin ?? "external";
  const env = options.env ?? process.env;
  const debug = env.OPENCLAW_PLUGIN_LOAD_DEBUG === "1";
  const diagnostics: PluginDiagnostic[] = [];
  const registrations = createEmptyRegistrations();
  const rootDir = options.rootDir !== undefined ? resolve(options.rootDir) : undefined;
  let manifest: PluginManifest | undefined = options.manifest;
  let manifestFile: string | undefined;
  let version: string | undefined;
  let manifestMs = 0;
  let importMs = 0;
  let configMs = 0;
  let registerMs = 0;

  const record = (fields: {
    id: string;
    name?: string | undefined;
    description?: string | undefined;
    source: string;
    entryKind: LoadedPlugin["entryKind"];
    enabled: boolean;
    pluginConfig?: Record<string, unknown>;
    loadError?: PluginLoadError;
  }): LoadedPlugin => {
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
    const resolvedVersion = version ?? (typeof manifest?.version === "string" ? manifest.version : undefined);
    return {
      id: fields.id,
      name: fields.name ?? nameFromManifest ?? fields.id,
      ...(resolvedVersion !== undefined ? { version: resolvedVersion } : {}),
      ...(description !== undefined ? { description } : {}),
      ...(rootDir !== undefined ? { rootDir } : {}),
      source: fields.source,
      entryKind: fields.entryKind,
      mode,
      origin,
      enabled: fields.enabled,
      ...(manifest ? { manifest } : {}),
      ...(manifestFile ? { manifestFile } : {}),
      shape,
      capabilities,
      registrations,
      diagnostics,
      ...(fields.loadError ? { loadError: fields.loadError } : {}),
      pluginConfig: fields.pluginConfig ?? {},
      timings: { manifestMs, importMs, configMs, registerMs, totalMs: performance.now() - started },
      ...summarize(registrations),
    };
  };

  const explicitEnabled = (id: string) => options.enabled ?? config.plugins?.entries?.[id]?.enabled === true;
  const fail = (id: string, source: string, entryKind: LoadedPlugin["entryKind"], error: PluginLoadError, pluginConfig?: Record<string, unknown>) => {
    diagnostics.push({
      level: "error",
      code: error.code,
      path: "",
      message: error.message,
      ...(source && source !== "<in-memory entry>" ? { file: source } : {}),
    });
    options.logger?.error(`[plugins] ${id || rootDir || "plugin"} failed to load: ${error.message}`);
    return record({ id, source, entryKind, enabled: explicitEnabled(id), loadError: error, ...(pluginConfig ? { pluginConfig } : {}) });
  };

  // 1. Manifest and entry module.
  let mod: unknown;
  let source = "<in-memory entry>";
  let entryKind: LoadedPlugin["entryKind"] = "in-memory";
  if (rootDir !== undefined) {
    const manifestStarted = performance.now();
    const read = await readManifest(rootDir);
    manifestMs = performance.now() - manifestStarted;
    manifestFile = read.file;
    diagnostics.push(...read.diagnostics);
    manifest = read.manifest;
    if (!manifest) {
      const firstError = read.diagnostics.find((d) => d.level === "error");
      return fail("", read.file, "main", {
        code: "manifest-invalid",
        message: `cannot load plugin in ${rootDir}: ${read.file} is invalid${firstError ? ` — ${firstError.message}` : ""}`,
      });
    }
    let fields;
    try {
      const pkg = readPackageOpenClawFields(rootDir);
      fields = pkg?.fields;
      version = pkg?.version;
    } catch (error) {
      return fail(manifest.id, `${rootDir}/package.json`, "main", { code: "entry-not-found", message: errorMessage(error), cause: error });
    }
    const resolved = resolveEntryFile(rootDir, { preferSetup: usesSetupEntry(mode), fields });
    if ("error" in resolved) {
      return fail(manifest.id, rootDir, "main", { code: "entry-not-found", message: `plugin "${manifest.id}": ${resolved.error}` });
    }
    source = resolved.file;
    entryKind = resolved.kind;
    const importStarted = performance.now();
    try {
      mod = await importEntryFile(resolved);
    } catch (error) {
      importMs = performance.now() - importStarted;
      return fail(manifest.id, source, entryKind, {
        code: "import-failed",
        message: `plugin "${manifest.id}": importing ${source} failed: ${errorMessage(error)}`,
        cause: error,
      });
    }
    importMs = performance.now() - importStarted;
  } else if (options.entry !== undefined) {
    mod = options.entry;
  } else {
    return fail("", "", "in-memory", { code: "entry-not-found", message: "loadPlugin needs either rootDir or entry" });
  }

  // 2. Entry shape.
  const entry: EntryExport | undefined = extractEntryExport(mod, entryKind === "setup");
  const manifestId = manifest?.id;
  if (!entry) {
    const expected =
      entryKind === "setup"
        ? "a default export from defineSetupPluginEntry(...) ({ plugin }) or an entry with register(api)"
        : "a default export with register(api) (definePluginEntry(...)) or activate(api), or a default register function";
    return fail(manifestId ?? "", source, entryKind, {
      code: "entry-shape-invalid",
      message: `plugin "${manifestId ?? "?"}": ${source} has no usable export: expected ${expected}.${
        debug ? ` Export shape — ${summarizeExportShape(mod)}` : " Set OPENCLAW_PLUGIN_LOAD_DEBUG=1 to see what it exports."
      }`,
    });
  }
  const definition = entry.definition;
  const entryId = typeof definition?.id === "string" ? definition.id : undefined;

  // 3. Identity.
  if (manifestId !== undefined && entryId !== undefined && entryId !== manifestId) {
    return fail(manifestId, source, entryKind, {
      code: "plugin-id-mismatch",
      message: `plugin id mismatch (config uses "${manifestId}", export uses "${entryId}")`,
    });
  }
  const id = manifestId ?? entryId ?? "";
  if (!id) {
    return fail("", source, entryKind, {
      code: "entry-shape-invalid",
      message: "the entry has no id and no manifest was given: pass options.manifest or export definePluginEntry({ id, … })",
    });
  }
  if (rootDir === undefined && !manifest) {
    diagnostics.push({
      level: "warning",
      code: "manifest-missing",
      path: "",
      message: `plugin "${id}" was loaded from an in-memory entry without a manifest: contract gates see an empty contracts object (tools will be rejected). Pass options.manifest to mirror openclaw.plugin.json.`,
    });
  }
  if (definition && typeof definition.kind === "string") {
    diagnostics.push({
      level: "info",
      code: "entry-kind-deprecated",
      path: "kind",
      message: `plugin "${id}": the entry's kind "${definition.kind}" is deprecated; declare "kind" in openclaw.plugin.json instead.`,
    });
  }
  const enabled = explicitEnabled(id);

  // 4. Config, validated before register.
  const rawConfig = options.pluginConfig ?? (config.plugins?.entries?.[id]?.config as Record<string, unknown> | undefined);
  let checked: ConfigCheck;
  const configStarted = performance.now();
  try {
    checked = await validateConfig(manifest, definition, rawConfig, id);
    configMs = performance.now() - configStarted;
  } catch (error) {
    return fail(id, source, entryKind, { code: "config-invalid", message: `plugin "${id}": config validation failed: ${errorMessage(error)}`, cause: error });
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

  // 5. register(api) in the requested mode.
  const name = typeof definition?.name === "string" ? definition.name : undefined;
  const description = typeof definition?.description === "string" ? definition.description : undefined;
  const runtime = options.runtime ?? createHostRuntime({ config }).runtime;
  const { api } = createRegistrationApi({
    pluginId: id,
    name: name ?? manifest?.name ?? id,
    version: version ?? (typeof definition?.version === "string" ? definition.version : manifest?.version),
    description: description ?? manifest?.description,
    source,
    rootDir,
    config,
    pluginConfig: checked.value,
    mode,
    origin,
    explicitlyEnabled: enabled,
    manifest,
    manifestFile,
    runtime,
    logger: options.logger ?? silentLogger,
    workflow: options.workflow ?? createSessionWorkflowHost(),
    diagnostics,
    registrations,
    ...(options.outbox ? { outbox: options.outbox } : {}),
  });
  const registerStarted = performance.now();
  try {
    const result = entry.register(api as never);
    if (result && typeof (result as PromiseLike<unknown>).then === "function") {
      diagnostics.push({
        level: "info",
        code: "register-async",
        path: "register",
        message: `plugin "${id}": register(api) returned a promise; the host awaited it, but keep register synchronous and register everything before returning.`,
      });
      await result;
    }
  } catch (error) {
    registerMs = performance.now() - registerStarted;
    return fail(
      id,
      source,
      entryKind,
      { code: "register-failed", message: `plugin "${id}": register(api) threw in ${mode} mode: ${errorMessage(error)}`, cause: error },
      checked.value,
    );
  }
  registerMs = performance.now() - registerStarted;
  return record({ id, name, description, source, entryKind, enabled, pluginConfig: checked.value });
}

/**
 * One input of `loadPlugins`: a root directory, or full per-plugin options.
 *
 * @example
 * ```ts
 * const inputs: LoadPluginsInput[] = ["./plugins/a", { rootDir: "./plugins/b", origin: "bundled" }];
 * ```
 */
export type LoadPluginsInput = string | LoadPluginOptions;

/**
 * Loads several plugins into one host, sharing the session workflow state; each failure stays on its own record.
 *
 * @example
 * ```ts
 * const loaded = await loadPlugins(["./plugins/a", "./plugins/b"], { mode: "full", config });
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
    const options = typeof input === "string" ? { rootDir: input } : input;
    loaded.push(await loadPlugin({ ...shared, workflow, runtime, outbox, ...options }));
  }
  return loaded;
}
