/**
 * The plugin loader: from a plugin root (or an already-imported entry) to a `LoadedPlugin` record, along the
 * runtime flow — path-safety gate → read manifest → import entry → validate config → register in a mode →
 * classify. Each step lives in its own file (`path-safety.ts`/`entry-files.ts`, `load-manifest.ts`,
 * `entry-module.ts`, `load-config.ts`, `register-step.ts`, `load-record.ts`); this file only runs them in order.
 * A failure at any step — including any value a plugin throws, a timeout and a polluted prototype — becomes the
 * record's `loadError`: the loader never throws or rejects for a broken plugin, so one bad plugin never stops the
 * others. Rules: docs/plugin-host.md; containment and trust model: docs/security.md.
 */
import { performance } from "node:perf_hooks";
import { resolve } from "node:path";
import type { PluginLogger } from "../contract/plugin-api.js";
import { resolveInsideRoot } from "../files/contained-file.js";
import { type EntryExport, extractEntryExport, importEntryFile, readEntryIdentity, summarizeExportShape } from "./entry-module.js";
import { createHostRuntime } from "./host-runtime.js";
import { validateLoadConfig, type ConfigCheck } from "./load-config.js";
import { readRootManifest } from "./load-manifest.js";
import { type LoadState, recordFailure, recordLoad } from "./load-record.js";
import type { LoadPluginOptions, LoadPluginsInput, LoadedPlugin, PluginLoadError } from "./load-types.js";
import { usesSetupEntry } from "./modes.js";
import { checkPluginFiles } from "./path-safety.js";
import { type PrototypesSnapshot, restorePrototypes, snapshotPrototypes } from "./prototype-guard.js";
import { createRegistrationApi } from "./registration-api.js";
import { resolveRegisterTimeout, runBounded } from "./register-step.js";
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

/** A `prototype-pollution` load error when the plugin changed a built-in prototype (the change is undone first). */
function pollutionError(snapshot: PrototypesSnapshot, id: string, during: string): PluginLoadError | undefined {
  const changes = restorePrototypes(snapshot);
  if (changes.length === 0) return undefined;
  const listed = changes.slice(0, 8).map((c) => `${c.property} (${c.kind})`).join(", ");
  const unrestored = changes.filter((c) => !c.restored);
  return {
    code: "prototype-pollution",
    message: `plugin "${id || "?"}" changed built-in prototypes during ${during}: ${listed}${changes.length > 8 ? `, … ${changes.length - 8} more` : ""}. ${
      unrestored.length === 0
        ? "The host restored them; the plugin is not loaded. Remove the code (often a polyfill or a global patch) that modifies shared prototypes."
        : `The host could not undo ${unrestored.map((c) => c.property).join(", ")}; restart the host after removing the plugin.`
    }`,
  };
}

async function loadPluginUnguarded(options: LoadPluginOptions, state: LoadState, snapshot: PrototypesSnapshot): Promise<LoadedPlugin> {
  const { mode, diagnostics, registrations, rootDir } = state;
  const config = options.config ?? {};
  const env = options.env ?? process.env;
  const debug = env.OPENCLAW_PLUGIN_LOAD_DEBUG === "1";
  const timeout = resolveRegisterTimeout(options.registerTimeoutMs);
  if (timeout.problem) diagnostics.push({ level: "warning", code: "register-timeout-invalid", path: "registerTimeoutMs", message: timeout.problem });
  const fail = (id: string, source: string, entryKind: LoadedPlugin["entryKind"], error: PluginLoadError, pluginConfig?: Record<string, unknown>) =>
    recordFailure(state, { id, source, entryKind, ...(pluginConfig ? { pluginConfig } : {}) }, error);

  // 1. Path safety, manifest and entry module.
  let mod: unknown;
  let source = IN_MEMORY;
  let entryKind: LoadedPlugin["entryKind"] = "in-memory";
  if (rootDir !== undefined) {
    const files = checkPluginFiles(rootDir);
    if (files.block) {
      // Name the plugin when its manifest is safe to read; import nothing.
      let id = "";
      if (files.block.code !== "path-unsafe" && resolveInsideRoot(rootDir, "openclaw.plugin.json").ok) {
        const read = await readRootManifest(rootDir);
        id = read.manifest?.id ?? "";
      }
      return fail(id, files.block.path, "main", {
        code: files.block.code,
        message: `plugin ${id ? `"${id}"` : `in ${rootDir}`} is blocked by path safety and was not imported: ${files.block.message}`,
      });
    }
    const manifestStarted = performance.now();
    const read = await readRootManifest(rootDir);
    state.timings.manifestMs = performance.now() - manifestStarted;
    state.manifestFile = read.file;
    diagnostics.push(...read.diagnostics);
    state.manifest = read.manifest;
    const manifest = read.manifest;
    if (!manifest) {
      const firstError = read.diagnostics.find((d) => d.level === "error");
      return fail("", read.file, "main", {
        code: "manifest-invalid",
        message: `cannot load plugin in ${rootDir}: ${read.file} is invalid${firstError ? ` — ${firstError.message}` : ""}`,
      });
    }
    if (!files.packageJson.ok) {
      return fail(manifest.id, files.packageJson.file, "main", { code: "entry-not-found", message: files.packageJson.message });
    }
    state.version = files.packageJson.version;
    const resolved = usesSetupEntry(mode) ? files.setup : files.main;
    if ("error" in resolved) {
      return fail(manifest.id, resolved.path ?? rootDir, "main", { code: resolved.code, message: `plugin "${manifest.id}": ${resolved.error}` });
    }
    source = resolved.file;
    entryKind = resolved.kind;
    const importStarted = performance.now();
    const imported = await runBounded(() => importEntryFile({ file: resolved.real, typescript: resolved.typescript }), timeout.timeoutMs);
    state.timings.importMs = performance.now() - importStarted;
    const polluted = pollutionError(snapshot, manifest.id, `the import of ${source}`);
    if (polluted) return fail(manifest.id, source, entryKind, polluted);
    if (imported.outcome === "timeout") {
      return fail(manifest.id, source, entryKind, {
        code: "import-timeout",
        message: `plugin "${manifest.id}": importing ${source} did not finish within ${imported.timeoutMs} ms (a top-level await that never settles?); raise registerTimeoutMs if it really needs longer.`,
      });
    }
    if (imported.outcome === "threw") {
      return fail(manifest.id, source, entryKind, {
        code: "import-failed",
        message: `plugin "${manifest.id}": importing ${source} failed: ${describeThrown(imported.error)}`,
        cause: imported.error,
      });
    }
    mod = imported.value;
  } else if (options.entry !== undefined) {
    mod = options.entry;
  } else {
    return fail("", "", "in-memory", { code: "entry-not-found", message: "loadPlugin needs either rootDir or entry" });
  }

  // 2. Entry shape and identity. Everything here reads plugin-controlled objects (getters, proxies).
  const manifest = state.manifest;
  const manifestId = manifest?.id;
  let entry: EntryExport | undefined;
  let identity: ReturnType<typeof readEntryIdentity>;
  try {
    entry = extractEntryExport(mod, entryKind === "setup");
    identity = readEntryIdentity(entry?.definition);
  } catch (error) {
    return fail(manifestId ?? "", source, entryKind, {
      code: "entry-shape-invalid",
      message: `plugin "${manifestId ?? "?"}": reading the exports of ${source} threw: ${describeThrown(error)}`,
      cause: error,
    });
  }
  if (!entry) {
    const expected =
      entryKind === "setup"
        ? "a default export from defineSetupPluginEntry(...) ({ plugin }) or an entry with register(api)"
        : "a default export with register(api) (definePluginEntry(...)) or activate(api), or a default register function";
    let shape = "";
    if (debug) {
      try {
        shape = summarizeExportShape(mod);
      } catch (error) {
        shape = `(describing the exports threw: ${describeThrown(error)})`;
      }
    }
    return fail(manifestId ?? "", source, entryKind, {
      code: "entry-shape-invalid",
      message: `plugin "${manifestId ?? "?"}": ${source} has no usable export: expected ${expected}.${
        debug ? ` Export shape — ${shape}` : " Set OPENCLAW_PLUGIN_LOAD_DEBUG=1 to see what it exports."
      }`,
    });
  }
  const definition = entry.definition;
  const entryId = identity.id;
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
  if (identity.kind !== undefined) {
    diagnostics.push({
      level: "info",
      code: "entry-kind-deprecated",
      path: "kind",
      message: `plugin "${id}": the entry's kind "${identity.kind}" is deprecated; declare "kind" in openclaw.plugin.json instead.`,
    });
  }
  const enabled = state.enabledFor(id);

  // 3. Config, validated before register.
  const rawConfig = options.pluginConfig ?? (config.plugins?.entries?.[id]?.config as Record<string, unknown> | undefined);
  let checked: ConfigCheck;
  const configStarted = performance.now();
  try {
    checked = await validateLoadConfig(manifest, definition, rawConfig, id);
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
  const runtime = options.runtime ?? createHostRuntime({ config }).runtime;
  const { api } = createRegistrationApi({
    pluginId: id,
    name: identity.name ?? manifest?.name ?? id,
    version: state.version ?? identity.version ?? manifest?.version,
    description: identity.description ?? manifest?.description,
    source,
    rootDir,
    config,
    pluginConfig: checked.value,
    mode,
    origin: state.origin,
    explicitlyEnabled: enabled,
    manifest,
    manifestFile: state.manifestFile,
    runtime,
    logger: options.logger ?? silentLogger,
    workflow: options.workflow ?? createSessionWorkflowHost(),
    diagnostics,
    registrations,
    ...(options.outbox ? { outbox: options.outbox } : {}),
  });
  const registerStarted = performance.now();
  const registered = await runBounded(() => entry.register(api as never), timeout.timeoutMs);
  state.timings.registerMs = performance.now() - registerStarted;
  const polluted = pollutionError(snapshot, id, `register(api) in ${mode} mode`);
  if (polluted) return fail(id, source, entryKind, polluted, checked.value);
  if (registered.async) {
    diagnostics.push({
      level: "info",
      code: "register-async",
      path: "register",
      message: `plugin "${id}": register(api) returned a promise; the host awaited it, but keep register synchronous and register everything before returning.`,
    });
  }
  if (registered.outcome === "timeout") {
    return fail(
      id,
      source,
      entryKind,
      {
        code: "register-timeout",
        message: `plugin "${id}": register(api) returned a promise that did not settle within ${registered.timeoutMs} ms in ${mode} mode; make register synchronous (or settle its promise), or raise registerTimeoutMs for this plugin.`,
      },
      checked.value,
    );
  }
  if (registered.outcome === "threw") {
    return fail(
      id,
      source,
      entryKind,
      { code: "register-failed", message: `plugin "${id}": register(api) threw in ${mode} mode: ${describeThrown(registered.error)}`, cause: registered.error },
      checked.value,
    );
  }
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
    rootDir: options.rootDir !== undefined ? resolve(options.rootDir) : undefined,
    manifest: options.manifest,
    diagnostics: [],
    registrations: createEmptyRegistrations(),
    timings: { manifestMs: 0, importMs: 0, configMs: 0, registerMs: 0 },
    logger: options.logger,
    enabledFor: (id) => options.enabled ?? config.plugins?.entries?.[id]?.enabled === true,
  };
  const snapshot = snapshotPrototypes();
  try {
    return await loadPluginUnguarded(options, state, snapshot);
  } catch (error) {
    // Last line of defence: an unexpected host error (or a plugin value that escaped every other guard).
    const polluted = pollutionError(snapshot, state.manifest?.id ?? "", "loading");
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
    const options = typeof input === "string" ? { rootDir: input } : input;
    loaded.push(await loadPlugin({ ...shared, workflow, runtime, outbox, ...options }));
  }
  return loaded;
}
