/**
 * The loader's public types: options of one load, the loaded-plugin record and its load error codes.
 */
import type { OpenClawConfig } from "../contract/config.js";
import type { PluginLogger } from "../contract/plugin-api.js";
import type { PluginRegistrationMode } from "../contract/registration-mode.js";
import type { PluginRuntime } from "../contract/runtime.js";
import type { PluginDiagnostic } from "../manifest/diagnostics.js";
import type { PluginManifest } from "../manifest/plugin-manifest-schema.js";
import type { PluginOrigin } from "./contract-gates.js";
import type { WorkflowOutbox } from "./registration-api.js";
import type { PluginRegistrations } from "./registry.js";
import type { SessionWorkflowHost } from "./session-workflow.js";
import type { PluginCapabilityKind, PluginShape } from "./shapes.js";

/**
 * Why a plugin failed to load. Path safety (nothing imported): `entry-escapes-root` (a file the host would read
 * or import resolves outside the plugin folder), `path-unsafe` (not a regular file, or cannot be resolved),
 * `world-writable`, `wrong-owner`. Time limits: `import-timeout`, `register-timeout`. `prototype-pollution`: the
 * plugin changed a built-in prototype (undone by the host). `load-failed`: an unexpected host error.
 * See docs/security.md.
 *
 * @example
 * ```ts
 * const code: PluginLoadErrorCode = "plugin-id-mismatch";
 * ```
 */
export type PluginLoadErrorCode =
  | "manifest-invalid"
  | "entry-not-found"
  | "entry-escapes-root"
  | "path-unsafe"
  | "world-writable"
  | "wrong-owner"
  | "import-failed"
  | "import-timeout"
  | "entry-shape-invalid"
  | "plugin-id-mismatch"
  | "config-invalid"
  | "register-failed"
  | "register-timeout"
  | "prototype-pollution"
  | "load-failed";

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
  /**
   * Milliseconds `register(api)` may take when it returns a promise (and the entry import, for a top-level
   * `await`), before the load ends in `register-timeout` (`import-timeout`) and the next plugin loads. Default
   * 10 000 (10 s); `Infinity` for no limit. Pass it to `loadPlugins` as the default for every plugin, or per input
   * to override it for one plugin.
   */
  registerTimeoutMs?: number;
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

/**
 * One input of `loadPlugins`: a root directory, or full per-plugin options.
 *
 * @example
 * ```ts
 * const inputs: LoadPluginsInput[] = ["./plugins/a", { rootDir: "./plugins/b", origin: "bundled" }];
 * ```
 */
export type LoadPluginsInput = string | LoadPluginOptions;
