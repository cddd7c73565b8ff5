/**
 * The typed client of the plugin-management REST API (`openclaw/plugin-sdk/management-client`). It uses the global
 * `fetch` and the plain types of `api-types.ts` only (no schema library, no HTTP framework), so it is cheap to import
 * in a browser or a script. The types are checked against the server's zod schemas at compile time (`src/server/schemas.ts`).
 */
import type {
  AgentRegistrationRequest,
  AgentRegistryStatus,
  AgentUpdateUriRequest,
  CorePluginsResponse,
  CoreStatusResponse,
  CoreToggleRequest,
  CoreToggleResponse,
  EjectActionResponse,
  EjectedPluginsResponse,
  InstalledPluginsResponse,
  InstallProgressResponse,
  InstallRequest,
  InstallResponse,
  OkResponse,
  PluginListResponse,
  PluginTestResponse,
  PluginUpdateRequest,
  PluginUpdateResponse,
  RestartResponse,
  RegistryPluginResponse,
  RegistryPluginsResponse,
  RegistryRefreshResponse,
  RegistrySearchResponse,
  UninstallRequest,
  UninstallResponse,
} from "./api-types.js";

/** Time limits (ms) the client applies by default: installs may take long. */
export const MANAGEMENT_CLIENT_TIMEOUTS = { install: 120_000, put: 30_000, default: 10_000 } as const;

/**
 * Options of {@link createManagementClient}.
 *
 * @example
 * ```ts
 * const options: ManagementClientOptions = { baseUrl: "http://127.0.0.1:18789", token: process.env.OPENCLAW_API_TOKEN };
 * ```
 */
export interface ManagementClientOptions {
  /** Server origin, e.g. `http://127.0.0.1:18789` (a trailing `/` is fine). */
  baseUrl: string;
  /**
   * Bearer token (`OPENCLAW_API_TOKEN` of the server). A function is called for every request; when the server
   * answers 401, the client calls it again and retries once (a rotated token).
   */
  token?: string | (() => string | undefined | Promise<string | undefined>);
  /** `fetch` to use (default: the global one). */
  fetch?: typeof fetch;
  /** Override the default time limits ({@link MANAGEMENT_CLIENT_TIMEOUTS}). */
  timeouts?: Partial<{ install: number; put: number; default: number }>;
}

/**
 * A non-2xx answer. `body` is the parsed JSON body: `{ error }` for most statuses, the documented 422 shapes
 * (`{ ok: false, plugin, validationErrors }` or `{ ok: false, error }`) for validation and service failures.
 *
 * @example
 * ```ts
 * try { await client.updatePlugin("demo", { config: { port: "x" } }); }
 * catch (error) { if (error instanceof ManagementApiError && error.status === 422) console.log(error.body); }
 * ```
 */
export class ManagementApiError extends Error {
  readonly status: number;
  readonly body: unknown;
  constructor(status: number, body: unknown, method: string, path: string) {
    const detail =
      typeof body === "object" && body !== null && "error" in body && typeof (body as { error: unknown }).error === "string"
        ? (body as { error: string }).error
        : typeof body === "object" && body !== null && "validationErrors" in body
          ? "config validation failed"
          : `HTTP ${status}`;
    super(`${method} ${path}: ${status} ${detail}`);
    this.name = "ManagementApiError";
    this.status = status;
    this.body = body;
  }
}

/**
 * A raw answer of {@link ManagementClient.request}: status and parsed body (JSON, else text).
 *
 * @example
 * ```ts
 * const { status, body } = await client.request("GET", "/api/plugins");
 * ```
 */
export interface ManagementResponse<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

/**
 * The typed client. Every method resolves with the documented 200 body and rejects with a
 * {@link ManagementApiError} for any other status.
 *
 * @example
 * ```ts
 * const client = createManagementClient({ baseUrl: "http://127.0.0.1:18789" });
 * const { plugins } = await client.listPlugins();
 * ```
 */
export interface ManagementClient {
  listPlugins(): Promise<PluginListResponse>;
  updatePlugin(id: string, body: PluginUpdateRequest): Promise<PluginUpdateResponse>;
  testPlugin(id: string): Promise<PluginTestResponse>;
  listInstalled(): Promise<InstalledPluginsResponse>;
  listEjected(): Promise<EjectedPluginsResponse>;
  /** Installs from npm; allow 120 s (the default time limit). Pass `installId` to follow it with `installProgress`. */
  install(body: InstallRequest): Promise<InstallResponse>;
  installProgress(installId: string): Promise<InstallProgressResponse>;
  uninstall(body: UninstallRequest): Promise<UninstallResponse>;
  eject(id: string): Promise<EjectActionResponse>;
  sync(id: string): Promise<EjectActionResponse>;
  reinject(id: string): Promise<EjectActionResponse>;
  /** Restarts the plugin runtime now (applies the pending restart); allow 120 s. */
  restartRuntime(): Promise<RestartResponse>;
  coreStatus(): Promise<CoreStatusResponse>;
  listCorePlugins(): Promise<CorePluginsResponse>;
  toggleCorePlugin(body: CoreToggleRequest): Promise<CoreToggleResponse>;
  listRegistryPlugins(): Promise<RegistryPluginsResponse>;
  /** `name` is the npm package name as is (`@scope/name`); the client URL-encodes it. */
  getRegistryPlugin(name: string): Promise<RegistryPluginResponse>;
  searchRegistry(query: string, options?: { limit?: number }): Promise<RegistrySearchResponse>;
  refreshRegistry(): Promise<RegistryRefreshResponse>;
  agentRegistryStatus(): Promise<AgentRegistryStatus>;
  registerAgent(body?: AgentRegistrationRequest): Promise<OkResponse>;
  updateAgentUri(body: AgentUpdateUriRequest): Promise<OkResponse>;
  syncAgent(body?: AgentRegistrationRequest): Promise<OkResponse>;
  agentRegistryConfig(): Promise<Record<string, unknown>>;
  /** The server's OpenAPI 3.1 document. */
  openapi(): Promise<Record<string, unknown>>;
  /**
   * Any request, without throwing on a status: `body` is a JSON value, a string (`rawBody`), or `undefined`.
   * `init.rawBody` sends bytes as they are (tests use it for malformed JSON); `init.headers` adds headers.
   */
  request<T = unknown>(
    method: string,
    path: string,
    init?: { body?: unknown; rawBody?: string | Uint8Array; headers?: Record<string, string>; timeoutMs?: number },
  ): Promise<ManagementResponse<T>>;
}

const enc = encodeURIComponent;

/**
 * Creates a {@link ManagementClient}.
 *
 * @example
 * ```ts
 * import { createManagementClient } from "openclaw/plugin-sdk/management-client";
 *
 * const client = createManagementClient({ baseUrl: "http://127.0.0.1:18789", token: () => process.env.OPENCLAW_API_TOKEN });
 * await client.install({ name: "@acme/openclaw-weather", autoRestart: true, installId: "weather-1" });
 * const hits = await client.searchRegistry("weather", { limit: 5 });
 * ```
 */
export function createManagementClient(options: ManagementClientOptions): ManagementClient {
  const baseUrl = options.baseUrl.replace(/\/+$/, "");
  const doFetch = options.fetch ?? globalThis.fetch;
  const timeouts = { ...MANAGEMENT_CLIENT_TIMEOUTS, ...options.timeouts };
  const tokenOf = async (): Promise<string | undefined> => (typeof options.token === "function" ? await options.token() : options.token);

  const once = async <T>(
    method: string,
    path: string,
    init: { body?: unknown; rawBody?: string | Uint8Array; headers?: Record<string, string>; timeoutMs?: number },
  ): Promise<ManagementResponse<T>> => {
    const headers: Record<string, string> = { accept: "application/json", ...init.headers };
    const token = await tokenOf();
    if (token && headers.authorization === undefined) headers.authorization = `Bearer ${token}`;
    let body: string | Uint8Array | undefined = init.rawBody;
    if (body === undefined && init.body !== undefined) body = JSON.stringify(init.body);
    if (body !== undefined && headers["content-type"] === undefined) headers["content-type"] = "application/json";
    const timeoutMs = init.timeoutMs ?? (method === "PUT" ? timeouts.put : timeouts.default);
    const response = await doFetch(`${baseUrl}${path}`, {
      method,
      headers,
      ...(body !== undefined ? { body: body as string } : {}),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await response.text();
    let parsed: unknown = text === "" ? undefined : text;
    if (text !== "" && (response.headers.get("content-type") ?? "").includes("json")) {
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = text;
      }
    }
    return { status: response.status, body: parsed as T, headers: response.headers };
  };

  const request: ManagementClient["request"] = async (method, path, init = {}) => {
    const first = await once(method, path, init);
    // A token function may hand out a rotated token: ask again, once.
    if (first.status === 401 && typeof options.token === "function" && init.headers?.authorization === undefined) {
      return once(method, path, init);
    }
    return first as ManagementResponse<never>;
  };

  const call = async <T>(method: string, path: string, body?: unknown, timeoutMs?: number): Promise<T> => {
    const init: { body?: unknown; timeoutMs?: number } = {};
    if (body !== undefined) init.body = body;
    if (timeoutMs !== undefined) init.timeoutMs = timeoutMs;
    const response = await request<T>(method, path, init);
    if (response.status < 200 || response.status > 299) throw new ManagementApiError(response.status, response.body, method, path);
    return response.body;
  };

  return {
    listPlugins: () => call("GET", "/api/plugins"),
    updatePlugin: (id, body) => call("PUT", `/api/plugins/${enc(id)}`, body),
    testPlugin: (id) => call("POST", `/api/plugins/${enc(id)}/test`, undefined, timeouts.put),
    listInstalled: () => call("GET", "/api/plugins/installed"),
    listEjected: () => call("GET", "/api/plugins/ejected"),
    install: (body) => call("POST", "/api/plugins/install", body, timeouts.install),
    installProgress: (installId) => call("GET", `/api/plugins/install/${enc(installId)}/progress`),
    uninstall: (body) => call("POST", "/api/plugins/uninstall", body, timeouts.install),
    eject: (id) => call("POST", `/api/plugins/${enc(id)}/eject`, undefined, timeouts.install),
    sync: (id) => call("POST", `/api/plugins/${enc(id)}/sync`, undefined, timeouts.install),
    reinject: (id) => call("POST", `/api/plugins/${enc(id)}/reinject`, undefined, timeouts.install),
    restartRuntime: () => call("POST", "/api/restart", undefined, timeouts.install),
    coreStatus: () => call("GET", "/api/core/status"),
    listCorePlugins: () => call("GET", "/api/plugins/core"),
    toggleCorePlugin: (body) => call("POST", "/api/plugins/core/toggle", body),
    listRegistryPlugins: () => call("GET", "/api/registry/plugins"),
    getRegistryPlugin: (name) => call("GET", `/api/registry/plugins/${enc(name)}`),
    searchRegistry: (query, opts = {}) =>
      call("GET", `/api/registry/search?q=${enc(query)}${opts.limit !== undefined ? `&limit=${enc(String(opts.limit))}` : ""}`),
    refreshRegistry: () => call("POST", "/api/registry/refresh", undefined, timeouts.put),
    agentRegistryStatus: () => call("GET", "/api/registry/status"),
    registerAgent: (body = {}) => call("POST", "/api/registry/register", body),
    updateAgentUri: (body) => call("POST", "/api/registry/update-uri", body),
    syncAgent: (body = {}) => call("POST", "/api/registry/sync", body),
    agentRegistryConfig: () => call("GET", "/api/registry/config"),
    openapi: () => call("GET", "/api/openapi.json"),
    request,
  };
}
