/**
 * The zod schemas of every request and response of the management API: the single source of truth. The server
 * validates requests (and, in tests, responses) with them, `openapi.ts` turns the route table ({@link API_ROUTES})
 * into the document served at `/api/openapi.json`, and the compile-time checks at the end fail the build when a
 * schema and the plain type the typed client uses (`api-types.ts`) differ.
 */
import { z } from "zod";
import type * as T from "../management-client/api-types.js";

/** `{ error }`, every error except the 422 shapes. */
export const ApiErrorSchema = z.object({ error: z.string() }).meta({ id: "ApiError" });

export const ValidationIssueSchema = z.object({ field: z.string(), message: z.string() }).meta({ id: "ValidationIssue" });

export const PluginParameterSchema = z
  .object({
    key: z.string(),
    type: z.string().nullable(),
    label: z.string().nullable(),
    description: z.string().nullable(),
    required: z.boolean(),
    sensitive: z.boolean(),
    isSet: z.boolean(),
    currentValue: z.unknown(),
    defaultValue: z.unknown(),
  })
  .meta({ id: "PluginParameter" });

export const ManagedPluginSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string().nullable(),
    version: z.string().nullable(),
    category: z.string().nullable(),
    origin: z.string(),
    installSource: z.string().nullable(),
    enabled: z.boolean(),
    isActive: z.boolean(),
    configured: z.boolean(),
    loadError: z.string().nullable(),
    hasConnectivityCheck: z.boolean().nullable(),
    shape: z.string().nullable(),
    configSchema: z.record(z.string(), z.unknown()).nullable(),
    uiHints: z.record(z.string(), z.unknown()).nullable(),
    parameters: z.array(PluginParameterSchema),
    validationErrors: z.array(ValidationIssueSchema),
    validationWarnings: z.array(ValidationIssueSchema),
  })
  .meta({ id: "ManagedPlugin" });

export const PendingRestartSchema = z.object({ required: z.boolean(), reasons: z.array(z.string()) }).meta({ id: "PendingRestart" });

export const RuntimeStatusSchema = z
  .object({ state: z.enum(["loading", "ready"]), generation: z.number().int(), loadedAt: z.string().nullable() })
  .meta({ id: "RuntimeStatus" });

export const PluginListResponseSchema = z.object({
  plugins: z.array(ManagedPluginSchema),
  pendingRestart: PendingRestartSchema,
  runtime: RuntimeStatusSchema,
});

/** Plugin ids and names in paths: no control characters, at most 214 characters (npm's limit). */
const PathNameSchema = z.string().min(1).max(214);
export const PluginIdParamsSchema = z.object({ id: PathNameSchema });

export const PluginUpdateRequestSchema = z.strictObject({
  enabled: z.boolean().optional(),
  config: z.record(z.string(), z.unknown()).optional(),
});

export const PluginUpdateResponseSchema = z.object({ ok: z.literal(true), plugin: ManagedPluginSchema, requiresRestart: z.boolean() });

export const PluginValidationFailureSchema = z
  .object({ ok: z.literal(false), plugin: ManagedPluginSchema, validationErrors: z.array(ValidationIssueSchema) })
  .meta({ id: "PluginValidationFailure" });

export const PluginTestResponseSchema = z.object({
  ok: z.boolean(),
  result: z.object({
    pluginId: z.string(),
    check: z.enum(["connectivity", "config"]),
    hasConnectivityCheck: z.boolean(),
    message: z.string(),
    durationMs: z.number(),
    details: z.record(z.string(), z.unknown()).nullable(),
    validationErrors: z.array(ValidationIssueSchema),
  }),
});

export const InstalledPluginsResponseSchema = z.object({
  count: z.number().int(),
  plugins: z.array(
    z.object({
      name: z.string(),
      pluginId: z.string(),
      version: z.string().nullable(),
      installedAt: z.string(),
      source: z.string(),
      installPath: z.string(),
    }),
  ),
});

export const EjectedPluginsResponseSchema = z.object({
  plugins: z.array(
    z.object({ name: z.string(), pluginId: z.string(), localPath: z.string(), ejectedAt: z.string(), upstreamVersion: z.string().nullable() }),
  ),
});

/** npm's package-name grammar (lowercase, URL-safe, optional scope, ≤ 214 characters). */
export const NPM_NAME_PATTERN = /^(?:@[a-z0-9][a-z0-9-._~]*\/)?[a-z0-9][a-z0-9-._~]*$/;
const NpmNameSchema = z
  .string()
  .max(214)
  .regex(NPM_NAME_PATTERN, "must be an npm package name: lowercase letters, digits, '-', '.', '_', '~', optionally '@scope/'");
const InstallIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "letters, digits, '-' and '_', at most 64");

export const InstallRequestSchema = z.strictObject({
  name: NpmNameSchema,
  version: z.string().min(1).max(256).regex(/^[^\s]+$/, "no whitespace").optional(),
  autoRestart: z.boolean().optional(),
  installId: InstallIdSchema.optional(),
});

export const InstallResponseSchema = z.object({
  ok: z.literal(true),
  installId: z.string(),
  pluginId: z.string(),
  version: z.string().nullable(),
  requiresRestart: z.boolean(),
  restarted: z.boolean(),
});

export const InstallPhaseSchema = z.enum(["queued", "resolving", "downloading", "validating", "configuring", "restarting", "complete", "failed"]);

export const InstallProgressEventSchema = z
  .object({ installId: z.string(), phase: InstallPhaseSchema, message: z.string(), at: z.string() })
  .meta({ id: "InstallProgressEvent" });

export const InstallProgressParamsSchema = z.object({ installId: InstallIdSchema });

export const InstallProgressResponseSchema = z.object({
  installId: z.string(),
  done: z.boolean(),
  events: z.array(InstallProgressEventSchema),
});

export const UninstallRequestSchema = z.strictObject({ name: z.string().min(1).max(214), autoRestart: z.boolean().optional() });

export const UninstallResponseSchema = z.object({ ok: z.literal(true), pluginId: z.string(), requiresRestart: z.boolean() });

export const EjectActionResponseSchema = z.object({
  ok: z.literal(true),
  pluginName: z.string(),
  requiresRestart: z.boolean(),
  message: z.string(),
});

export const ServiceFailureSchema = z.object({ ok: z.literal(false), error: z.string() }).meta({ id: "ServiceFailure" });

export const CoreStatusResponseSchema = z.object({
  available: z.boolean(),
  corePlugins: z.array(z.string()),
  optionalCorePlugins: z.array(z.string()),
});

export const CorePluginsResponseSchema = z.object({
  core: z.array(z.object({ name: z.string(), loaded: z.boolean(), required: z.literal(true) })),
  optionalCore: z.array(z.object({ name: z.string(), loaded: z.boolean(), required: z.literal(false), enabled: z.boolean() })),
});

export const CoreToggleRequestSchema = z.strictObject({ name: z.string().min(1).max(214), enabled: z.boolean() });

export const CoreToggleResponseSchema = z.object({ ok: z.literal(true), requiresRestart: z.boolean() });

export const RegistryPluginSchema = z
  .object({
    name: z.string(),
    displayName: z.string(),
    description: z.string(),
    npm: z.object({ package: z.string(), version: z.string() }),
    tags: z.array(z.string()),
    author: z.string().nullable(),
    repository: z.string().nullable(),
    installed: z.boolean(),
    installedVersion: z.string().nullable(),
    loaded: z.boolean(),
    bundled: z.boolean(),
  })
  .meta({ id: "RegistryPlugin" });

export const RegistryPluginsResponseSchema = z.object({ count: z.number().int(), plugins: z.array(RegistryPluginSchema) });

export const RegistryPluginParamsSchema = z.object({ name: PathNameSchema });

export const RegistryPluginResponseSchema = z.object({ plugin: RegistryPluginSchema });

/** Search query: `q` required (1–200 characters), `limit` 1–50, default 15 (out-of-range values are clamped). */
export const RegistrySearchQuerySchema = z.object({
  q: z.string().trim().min(1, "q is required: the search words").max(200),
  limit: z
    .string()
    .regex(/^-?\d+$/, "limit must be an integer")
    .optional()
    .transform((value) => (value === undefined ? 15 : Math.min(50, Math.max(1, Number(value))))),
});

export const RegistrySearchResponseSchema = z.object({
  query: z.string(),
  count: z.number().int(),
  results: z.array(
    z.object({
      name: z.string(),
      displayName: z.string(),
      description: z.string(),
      npmPackage: z.string(),
      version: z.string(),
      score: z.number(),
      installed: z.boolean(),
    }),
  ),
});

export const RegistryRefreshResponseSchema = z.object({
  ok: z.literal(true),
  count: z.number().int(),
  source: z.string(),
  refreshedAt: z.string(),
});

export const AgentRegistryStatusSchema = z.object({
  registered: z.boolean(),
  configured: z.boolean(),
  tokenId: z.number(),
  agentName: z.string(),
  agentEndpoint: z.string(),
  capabilitiesHash: z.string(),
  isActive: z.boolean(),
  tokenURI: z.string(),
  walletAddress: z.string(),
  totalAgents: z.number(),
});

export const AgentRegistrationRequestSchema = z.strictObject({
  name: z.string().max(200).optional(),
  endpoint: z.string().max(2048).optional(),
  tokenURI: z.string().max(2048).optional(),
});

export const AgentUpdateUriRequestSchema = z.strictObject({ tokenURI: z.string().min(1).max(2048) });

export const OkResponseSchema = z.looseObject({ ok: z.literal(true) });

export const RestartResponseSchema = z.object({ ok: z.literal(true), runtime: RuntimeStatusSchema });

export const AgentRegistryConfigSchema = z.record(z.string(), z.unknown());

/** The OpenAPI document itself (any JSON object). */
export const OpenApiDocumentSchema = z.record(z.string(), z.unknown());

/** One route: method, path (OpenAPI style `{param}`), request schemas and the response schema per status. */
export interface ApiRoute {
  operationId: string;
  method: "get" | "put" | "post";
  /** OpenAPI path, e.g. `/api/plugins/{id}`. */
  path: string;
  summary: string;
  tag: "plugins" | "install" | "core" | "registry" | "agent-registry" | "meta";
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  /** Status → description and body schema (`text/event-stream` for `stream`). */
  responses: Record<number, { description: string; schema?: z.ZodType; stream?: boolean }>;
}

const unauthorized = { 401: { description: "Missing or wrong bearer token", schema: ApiErrorSchema } };
const badRequest = { 400: { description: "Malformed JSON, a body that is not an object, or a field of the wrong type", schema: ApiErrorSchema } };
const notFound = (what: string) => ({ 404: { description: `${what} not found`, schema: ApiErrorSchema } });
const agentRegistryUnavailable = { 503: { description: "No agent registry service is configured", schema: ApiErrorSchema } };

/**
 * Every route of the management API. The server mounts exactly these; `openapi.ts` documents exactly these.
 *
 * @example
 * ```ts
 * const route = API_ROUTES.find((r) => r.operationId === "listPlugins")!;
 * route.responses[200]!.schema!.parse(await (await fetch(`${base}/api/plugins`)).json());
 * ```
 */
export const API_ROUTES = [
  { operationId: "openapi", method: "get", path: "/api/openapi.json", summary: "This API's OpenAPI 3.1 document", tag: "meta", responses: { 200: { description: "OpenAPI document", schema: OpenApiDocumentSchema } } },
  { operationId: "events", method: "get", path: "/api/events", summary: "Server-sent events: install-progress, restart-pending, runtime-restarted", tag: "meta", responses: { 200: { description: "text/event-stream", stream: true }, ...unauthorized } },
  { operationId: "listPlugins", method: "get", path: "/api/plugins", summary: "List every plugin with state, parameters and validation", tag: "plugins", responses: { 200: { description: "Plugins", schema: PluginListResponseSchema }, ...unauthorized } },
  { operationId: "listInstalled", method: "get", path: "/api/plugins/installed", summary: "Installed plugin packages (the plugin index)", tag: "plugins", responses: { 200: { description: "Installed packages", schema: InstalledPluginsResponseSchema }, ...unauthorized } },
  { operationId: "listEjected", method: "get", path: "/api/plugins/ejected", summary: "Ejected plugins (local copies on plugins.load.paths)", tag: "plugins", responses: { 200: { description: "Ejected plugins", schema: EjectedPluginsResponseSchema }, ...unauthorized } },
  { operationId: "listCorePlugins", method: "get", path: "/api/plugins/core", summary: "Core and optional core plugins with their state", tag: "core", responses: { 200: { description: "Core plugins", schema: CorePluginsResponseSchema }, ...unauthorized } },
  { operationId: "toggleCorePlugin", method: "post", path: "/api/plugins/core/toggle", summary: "Enable or disable an optional core plugin", tag: "core", body: CoreToggleRequestSchema, responses: { 200: { description: "Toggled", schema: CoreToggleResponseSchema }, ...badRequest, ...unauthorized } },
  { operationId: "install", method: "post", path: "/api/plugins/install", summary: "Install a plugin package from npm (allow 120 s)", tag: "install", body: InstallRequestSchema, responses: { 200: { description: "Installed", schema: InstallResponseSchema }, ...badRequest, ...unauthorized, 409: { description: "An install with this installId is running", schema: ApiErrorSchema }, 422: { description: "The install failed", schema: ServiceFailureSchema } } },
  { operationId: "installProgress", method: "get", path: "/api/plugins/install/{installId}/progress", summary: "Progress events of one install", tag: "install", params: InstallProgressParamsSchema, responses: { 200: { description: "Progress", schema: InstallProgressResponseSchema }, ...unauthorized, ...notFound("Install") } },
  { operationId: "uninstall", method: "post", path: "/api/plugins/uninstall", summary: "Uninstall a plugin package", tag: "install", body: UninstallRequestSchema, responses: { 200: { description: "Uninstalled", schema: UninstallResponseSchema }, ...badRequest, ...unauthorized, ...notFound("Installed plugin"), 422: { description: "The uninstall failed", schema: ServiceFailureSchema } } },
  { operationId: "updatePlugin", method: "put", path: "/api/plugins/{id}", summary: "Enable/disable a plugin and/or change its config", tag: "plugins", params: PluginIdParamsSchema, body: PluginUpdateRequestSchema, responses: { 200: { description: "Updated", schema: PluginUpdateResponseSchema }, ...badRequest, ...unauthorized, ...notFound("Plugin"), 422: { description: "The config fails the plugin's schema", schema: PluginValidationFailureSchema } } },
  { operationId: "testPlugin", method: "post", path: "/api/plugins/{id}/test", summary: "Run the plugin's connectivity check, or validate its config", tag: "plugins", params: PluginIdParamsSchema, responses: { 200: { description: "Check result", schema: PluginTestResponseSchema }, ...unauthorized, ...notFound("Plugin") } },
  { operationId: "eject", method: "post", path: "/api/plugins/{id}/eject", summary: "Copy an installed plugin to a local folder on plugins.load.paths", tag: "install", params: PluginIdParamsSchema, responses: { 200: { description: "Ejected", schema: EjectActionResponseSchema }, ...unauthorized, 422: { description: "Not installed, or already ejected", schema: ServiceFailureSchema } } },
  { operationId: "sync", method: "post", path: "/api/plugins/{id}/sync", summary: "Rebuild an ejected plugin from its local copy", tag: "install", params: PluginIdParamsSchema, responses: { 200: { description: "Synced", schema: EjectActionResponseSchema }, ...unauthorized, 422: { description: "Not ejected, or the copy is unusable", schema: ServiceFailureSchema } } },
  { operationId: "reinject", method: "post", path: "/api/plugins/{id}/reinject", summary: "Restore the recorded version and remove the local copy", tag: "install", params: PluginIdParamsSchema, responses: { 200: { description: "Restored", schema: EjectActionResponseSchema }, ...unauthorized, 422: { description: "Not ejected, or restoring failed", schema: ServiceFailureSchema } } },
  { operationId: "restartRuntime", method: "post", path: "/api/restart", summary: "Restart the plugin runtime now (applies the pending restart)", tag: "plugins", responses: { 200: { description: "Restarted; every enabled plugin was loaded or failed", schema: RestartResponseSchema }, ...unauthorized } },
  { operationId: "coreStatus", method: "get", path: "/api/core/status", summary: "Core plugin ids declared in config", tag: "core", responses: { 200: { description: "Core status", schema: CoreStatusResponseSchema }, ...unauthorized } },
  { operationId: "listRegistryPlugins", method: "get", path: "/api/registry/plugins", summary: "The plugin registry catalog, joined with local state", tag: "registry", responses: { 200: { description: "Catalog", schema: RegistryPluginsResponseSchema }, ...unauthorized, 502: { description: "The catalog source failed and nothing is cached", schema: ApiErrorSchema } } },
  { operationId: "getRegistryPlugin", method: "get", path: "/api/registry/plugins/{name}", summary: "One catalog entry (URL-encode scoped names: %40scope%2Fname)", tag: "registry", params: RegistryPluginParamsSchema, responses: { 200: { description: "Catalog entry", schema: RegistryPluginResponseSchema }, ...unauthorized, ...notFound("Registry plugin"), 502: { description: "The catalog source failed and nothing is cached", schema: ApiErrorSchema } } },
  { operationId: "searchRegistry", method: "get", path: "/api/registry/search", summary: "Search the catalog (q required; limit default 15, 1–50)", tag: "registry", query: RegistrySearchQuerySchema, responses: { 200: { description: "Ranked results", schema: RegistrySearchResponseSchema }, ...badRequest, ...unauthorized, 502: { description: "The catalog source failed and nothing is cached", schema: ApiErrorSchema } } },
  { operationId: "refreshRegistry", method: "post", path: "/api/registry/refresh", summary: "Refetch the catalog from its configured source", tag: "registry", responses: { 200: { description: "Refreshed", schema: RegistryRefreshResponseSchema }, ...unauthorized, 502: { description: "The source failed; the last good copy stays in use", schema: ApiErrorSchema }, 503: { description: "No catalog source is configured", schema: ApiErrorSchema } } },
  { operationId: "agentRegistryStatus", method: "get", path: "/api/registry/status", summary: "Agent registry status (all empty when none is configured)", tag: "agent-registry", responses: { 200: { description: "Status", schema: AgentRegistryStatusSchema }, ...unauthorized } },
  { operationId: "registerAgent", method: "post", path: "/api/registry/register", summary: "Register this agent with the agent registry", tag: "agent-registry", body: AgentRegistrationRequestSchema, responses: { 200: { description: "Registered", schema: OkResponseSchema }, ...badRequest, ...unauthorized, ...agentRegistryUnavailable } },
  { operationId: "updateAgentUri", method: "post", path: "/api/registry/update-uri", summary: "Update this agent's token URI", tag: "agent-registry", body: AgentUpdateUriRequestSchema, responses: { 200: { description: "Updated", schema: OkResponseSchema }, ...badRequest, ...unauthorized, ...agentRegistryUnavailable } },
  { operationId: "syncAgent", method: "post", path: "/api/registry/sync", summary: "Sync this agent's state with the agent registry", tag: "agent-registry", body: AgentRegistrationRequestSchema, responses: { 200: { description: "Synced", schema: OkResponseSchema }, ...badRequest, ...unauthorized, ...agentRegistryUnavailable } },
  { operationId: "agentRegistryConfig", method: "get", path: "/api/registry/config", summary: "The `registry` section of the config", tag: "agent-registry", responses: { 200: { description: "Config", schema: AgentRegistryConfigSchema }, ...unauthorized } },
] as const satisfies readonly ApiRoute[];

/** Operation ids of {@link API_ROUTES}. */
export type ApiOperationId = (typeof API_ROUTES)[number]["operationId"];

// ---- compile-time agreement between the schemas and the client's plain types ------------------------------------
type Equals<A, B> = (<X>() => X extends A ? 1 : 2) extends <X>() => X extends B ? 1 : 2 ? true : false;
type Same<S extends z.ZodType, P> = Equals<Required<z.output<S>>, Required<P>> extends true ? true : false;
type Agree<Checks extends true[]> = Checks;
/** Fails to compile when a schema and its type in api-types.ts differ. */
export type SchemasAgreeWithTypes = Agree<
  [
    Same<typeof ApiErrorSchema, T.ApiErrorBody>,
    Same<typeof ValidationIssueSchema, T.ValidationIssue>,
    Same<typeof ManagedPluginSchema, T.ManagedPlugin>,
    Same<typeof PluginListResponseSchema, T.PluginListResponse>,
    Same<typeof PluginUpdateRequestSchema, T.PluginUpdateRequest>,
    Same<typeof PluginUpdateResponseSchema, T.PluginUpdateResponse>,
    Same<typeof PluginValidationFailureSchema, T.PluginValidationFailure>,
    Same<typeof PluginTestResponseSchema, T.PluginTestResponse>,
    Same<typeof InstalledPluginsResponseSchema, T.InstalledPluginsResponse>,
    Same<typeof EjectedPluginsResponseSchema, T.EjectedPluginsResponse>,
    Same<typeof InstallRequestSchema, T.InstallRequest>,
    Same<typeof InstallResponseSchema, T.InstallResponse>,
    Same<typeof InstallProgressResponseSchema, T.InstallProgressResponse>,
    Same<typeof UninstallRequestSchema, T.UninstallRequest>,
    Same<typeof UninstallResponseSchema, T.UninstallResponse>,
    Same<typeof EjectActionResponseSchema, T.EjectActionResponse>,
    Same<typeof ServiceFailureSchema, T.ServiceFailureBody>,
    Same<typeof CoreStatusResponseSchema, T.CoreStatusResponse>,
    Same<typeof CorePluginsResponseSchema, T.CorePluginsResponse>,
    Same<typeof CoreToggleRequestSchema, T.CoreToggleRequest>,
    Same<typeof CoreToggleResponseSchema, T.CoreToggleResponse>,
    Same<typeof RegistryPluginSchema, T.RegistryPlugin>,
    Same<typeof RegistryPluginsResponseSchema, T.RegistryPluginsResponse>,
    Same<typeof RegistryPluginResponseSchema, T.RegistryPluginResponse>,
    Same<typeof RegistrySearchResponseSchema, T.RegistrySearchResponse>,
    Same<typeof RegistryRefreshResponseSchema, T.RegistryRefreshResponse>,
    Same<typeof AgentRegistryStatusSchema, T.AgentRegistryStatus>,
    Same<typeof AgentRegistrationRequestSchema, T.AgentRegistrationRequest>,
    Same<typeof AgentUpdateUriRequestSchema, T.AgentUpdateUriRequest>,
    Same<typeof RestartResponseSchema, T.RestartResponse>,
  ]
>;
