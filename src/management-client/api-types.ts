/**
 * The request and response shapes of the plugin-management REST API (`openclaw gateway run`), as plain TypeScript
 * types. The zod schemas in `src/server/schemas.ts` are the runtime source of truth (validation and the OpenAPI
 * document); a compile-time check there fails the build when a schema and its type below differ. This folder holds
 * no server code, so the SDK subpath that re-exports it never reaches the operator-only `src/server` domain. The typed client
 * (`openclaw/plugin-sdk/management-client`) uses only these types, so it loads no schema library.
 */

/**
 * Every error body except the 422 shapes: `{ "error": "<message>" }`.
 *
 * @example
 * ```ts
 * const body: ApiErrorBody = { error: "Unauthorized" };
 * ```
 */
export interface ApiErrorBody {
  error: string;
}

/**
 * One failed config check: the dotted config field and what is wrong with it.
 *
 * @example
 * ```ts
 * const issue: ValidationIssue = { field: "apiKey", message: "must have required property 'apiKey'" };
 * ```
 */
export interface ValidationIssue {
  field: string;
  message: string;
}

/**
 * One configurable parameter of a plugin, from its manifest's `configSchema` (top-level properties) and `uiHints`.
 * Sensitive values are masked in `currentValue` (`****` up to 8 characters, else first 4 + `...` + last 4).
 *
 * @example
 * ```ts
 * const p: PluginParameter = { key: "apiKey", type: "string", required: true, sensitive: true, isSet: true, currentValue: "sk-1...cdef", label: null, description: null, defaultValue: null };
 * ```
 */
export interface PluginParameter {
  key: string;
  /** JSON Schema `type` of the property (`string`, `number`, …; `null` when the schema does not say). */
  type: string | null;
  label: string | null;
  description: string | null;
  required: boolean;
  sensitive: boolean;
  isSet: boolean;
  /** The stored value (masked when sensitive), `null` when unset. */
  currentValue: unknown;
  /** The schema's `default`, `null` when there is none (never shown for sensitive parameters). */
  defaultValue: unknown;
}

/**
 * One plugin as `GET /api/plugins` lists it.
 *
 * @example
 * ```ts
 * const plugin: ManagedPlugin = (await client.listPlugins()).plugins[0]!;
 * if (plugin.enabled && !plugin.isActive) console.log(plugin.loadError ?? "restart pending");
 * ```
 */
export interface ManagedPlugin {
  id: string;
  name: string;
  description: string | null;
  version: string | null;
  /** Manifest `kind` (`memory`, `context-engine`, …), else `channel`/`provider` when it declares one, else `null`. */
  category: string | null;
  /** Where it was found: `path` (plugins.load.paths), `workspace`, `global` (the state directory's extensions). */
  origin: string;
  /** Install source from the plugin index (`npm`, `path`, …), `null` for plugins not installed through it. */
  installSource: string | null;
  /** Whether config wants it active (`plugins.enabled`, `allow`, `deny`, `entries.<id>.enabled`). */
  enabled: boolean;
  /** Whether the running plugin runtime actually loaded it. */
  isActive: boolean;
  /** Every required parameter is set. */
  configured: boolean;
  /** Why it is installed but not loaded (load error, blocked folder, broken manifest), else `null`. */
  loadError: string | null;
  /** True when the plugin registered a connectivity check (`api.registerConnectivityCheck`); `null` until loaded. */
  hasConnectivityCheck: boolean | null;
  /** The host's shape of the loaded plugin (`plain-capability`, `hybrid-capability`, `hook-only`, `non-capability`); `null` until loaded. */
  shape: string | null;
  /** The manifest's `configSchema` (JSON Schema; no stored values), for clients that build a form; `null` without a manifest. */
  configSchema: Record<string, unknown> | null;
  /** The manifest's `uiHints` (config path → label/help/placeholder/sensitive/advanced/tags); `null` when it has none. */
  uiHints: Record<string, unknown> | null;
  parameters: PluginParameter[];
  validationErrors: ValidationIssue[];
  validationWarnings: ValidationIssue[];
}

/**
 * Restart bookkeeping: changes that take effect only after the plugin runtime restarts.
 *
 * @example
 * ```ts
 * const { pendingRestart } = await client.listPlugins();
 * if (pendingRestart.required) console.log(pendingRestart.reasons.join("\n"));
 * ```
 */
export interface PendingRestart {
  required: boolean;
  /** Deduplicated reasons, oldest first (at most 50). */
  reasons: string[];
}

/** `GET /api/plugins`. */
export interface PluginListResponse {
  plugins: ManagedPlugin[];
  pendingRestart: PendingRestart;
  /** The plugin runtime: `loading` while it loads the enabled plugins after a start or restart. */
  runtime: RuntimeStatus;
}

/**
 * State of the plugin runtime (the child process that loads the enabled plugins).
 *
 * @example
 * ```ts
 * const status: RuntimeStatus = { state: "ready", generation: 1, loadedAt: "2026-11-30T08:00:00.000Z" };
 * ```
 */
export interface RuntimeStatus {
  state: "loading" | "ready";
  /** Increases by one on each (re)start. */
  generation: number;
  loadedAt: string | null;
}

/** `POST /api/restart` 200: the plugin runtime restarted (every enabled plugin loaded or failed). */
export interface RestartResponse {
  ok: true;
  runtime: RuntimeStatus;
}

/** `PUT /api/plugins/:id` body. */
export interface PluginUpdateRequest {
  enabled?: boolean;
  /** Parameter key → new value; `null` removes the key. A masked value sent back unchanged keeps the stored secret. */
  config?: Record<string, unknown>;
}

/** `PUT /api/plugins/:id` 200. */
export interface PluginUpdateResponse {
  ok: true;
  plugin: ManagedPlugin;
  requiresRestart: boolean;
}

/** `PUT /api/plugins/:id` 422: the new config fails the plugin's schema; nothing was written. */
export interface PluginValidationFailure {
  ok: false;
  plugin: ManagedPlugin;
  validationErrors: ValidationIssue[];
}

/** `POST /api/plugins/:id/test` result. */
export interface PluginTestResult {
  pluginId: string;
  /** `connectivity` when the plugin's own check ran, else `config` (only the config was validated). */
  check: "connectivity" | "config";
  hasConnectivityCheck: boolean;
  message: string;
  durationMs: number;
  /** What the plugin's check returned in `details` (JSON), else `null`. */
  details: Record<string, unknown> | null;
  validationErrors: ValidationIssue[];
}

/** `POST /api/plugins/:id/test` 200. `ok` is the check's verdict. */
export interface PluginTestResponse {
  ok: boolean;
  result: PluginTestResult;
}

/** One row of `GET /api/plugins/installed`. */
export interface InstalledPluginPackage {
  /** npm package name when installed from npm, else the plugin id. */
  name: string;
  pluginId: string;
  version: string | null;
  installedAt: string;
  source: string;
  installPath: string;
}

/** `GET /api/plugins/installed`. */
export interface InstalledPluginsResponse {
  count: number;
  plugins: InstalledPluginPackage[];
}

/** One row of `GET /api/plugins/ejected`. */
export interface EjectedPlugin {
  name: string;
  pluginId: string;
  localPath: string;
  ejectedAt: string;
  /** The installed version the copy was taken from. */
  upstreamVersion: string | null;
}

/** `GET /api/plugins/ejected`. */
export interface EjectedPluginsResponse {
  plugins: EjectedPlugin[];
}

/** `POST /api/plugins/install` body. */
export interface InstallRequest {
  /** npm package name (`@scope/name` or `name`); validated against npm's name grammar. */
  name: string;
  /** Version or dist-tag (default: latest). */
  version?: string;
  /** Restart the plugin runtime after the install so the plugin loads (default `true`). */
  autoRestart?: boolean;
  /** Client-chosen id (letters, digits, `-`, `_`; ≤ 64) to follow progress while the request runs. */
  installId?: string;
}

/** `POST /api/plugins/install` 200. */
export interface InstallResponse {
  ok: true;
  installId: string;
  pluginId: string;
  version: string | null;
  /** True when the plugin is not loaded yet (no auto restart). */
  requiresRestart: boolean;
  /** True when the runtime was restarted (`autoRestart`). */
  restarted: boolean;
}

/** Phases of an install, in order; `failed` ends a failed one. */
export type InstallPhase = "queued" | "resolving" | "downloading" | "validating" | "configuring" | "restarting" | "complete" | "failed";

/**
 * One progress event of an install (also sent on the `GET /api/events` stream as event `install-progress`).
 *
 * @example
 * ```ts
 * const e: InstallProgressEvent = { installId: "a1", phase: "downloading", message: "fetching demo@1.0.0", at: "2026-11-30T08:00:00.000Z" };
 * ```
 */
export interface InstallProgressEvent {
  installId: string;
  phase: InstallPhase;
  message: string;
  at: string;
}

/** `GET /api/plugins/install/:installId/progress`. */
export interface InstallProgressResponse {
  installId: string;
  done: boolean;
  events: InstallProgressEvent[];
}

/** `POST /api/plugins/uninstall` body. */
export interface UninstallRequest {
  /** npm package name or plugin id. */
  name: string;
  autoRestart?: boolean;
}

/** `POST /api/plugins/uninstall` 200. */
export interface UninstallResponse {
  ok: true;
  pluginId: string;
  requiresRestart: boolean;
}

/** `POST /api/plugins/:id/eject|sync|reinject` 200. */
export interface EjectActionResponse {
  ok: true;
  pluginName: string;
  requiresRestart: boolean;
  message: string;
}

/** A service failure (eject/sync/reinject/install): `422 { ok: false, error }`. */
export interface ServiceFailureBody {
  ok: false;
  error: string;
}

/** `GET /api/core/status`. */
export interface CoreStatusResponse {
  /** True when config declares at least one core plugin id. */
  available: boolean;
  corePlugins: string[];
  optionalCorePlugins: string[];
}

/** One required core plugin. */
export interface CorePluginStatus {
  name: string;
  loaded: boolean;
  required: true;
}

/** One optional core plugin. */
export interface OptionalCorePluginStatus {
  name: string;
  loaded: boolean;
  required: false;
  enabled: boolean;
}

/** `GET /api/plugins/core`. */
export interface CorePluginsResponse {
  core: CorePluginStatus[];
  optionalCore: OptionalCorePluginStatus[];
}

/** `POST /api/plugins/core/toggle` body. */
export interface CoreToggleRequest {
  name: string;
  enabled: boolean;
}

/** `POST /api/plugins/core/toggle` 200. */
export interface CoreToggleResponse {
  ok: true;
  requiresRestart: boolean;
}

/** An installable plugin in the plugin registry catalog, joined with local state. */
export interface RegistryPlugin {
  name: string;
  displayName: string;
  description: string;
  npm: { package: string; version: string };
  tags: string[];
  author: string | null;
  repository: string | null;
  installed: boolean;
  installedVersion: string | null;
  loaded: boolean;
  bundled: boolean;
}

/** `GET /api/registry/plugins`. */
export interface RegistryPluginsResponse {
  count: number;
  plugins: RegistryPlugin[];
}

/** `GET /api/registry/plugins/:name`. */
export interface RegistryPluginResponse {
  plugin: RegistryPlugin;
}

/** One search hit. */
export interface RegistrySearchResult {
  name: string;
  displayName: string;
  description: string;
  npmPackage: string;
  version: string;
  /** Relevance (higher first); ties are broken by popularity, then name. */
  score: number;
  installed: boolean;
}

/** `GET /api/registry/search`. */
export interface RegistrySearchResponse {
  query: string;
  count: number;
  results: RegistrySearchResult[];
}

/** `POST /api/registry/refresh` 200. */
export interface RegistryRefreshResponse {
  ok: true;
  count: number;
  /** The URL or file the catalog came from. */
  source: string;
  refreshedAt: string;
}

/** `GET /api/registry/status` (the agent registry; all empty when no registry service is configured). */
export interface AgentRegistryStatus {
  registered: boolean;
  configured: boolean;
  tokenId: number;
  agentName: string;
  agentEndpoint: string;
  capabilitiesHash: string;
  isActive: boolean;
  tokenURI: string;
  walletAddress: string;
  totalAgents: number;
}

/** `POST /api/registry/register` and `POST /api/registry/sync` body. */
export interface AgentRegistrationRequest {
  name?: string;
  endpoint?: string;
  tokenURI?: string;
}

/** `POST /api/registry/update-uri` body. */
export interface AgentUpdateUriRequest {
  tokenURI: string;
}

/** A generic `{ ok: true }` with whatever the registry service returned. */
export interface OkResponse {
  ok: true;
  [key: string]: unknown;
}
