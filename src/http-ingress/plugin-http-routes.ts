/**
 * HTTP routes a plugin registers while it runs (for example one webhook path per channel account, added in
 * `gateway.startAccount` and removed when the account stops). They live in one process-wide table that the host's
 * HTTP server reads; `api.registerHttpRoute` is the registration-time twin.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { PluginHttpRouteAuth } from "../contract/plugin-api.js";

/**
 * Handles one request; returns `false` when it did not handle it (the server then answers 404).
 *
 * @example
 * ```ts
 * const handler: PluginHttpRouteHandler = (_req, res) => { res.end("ok"); return true; };
 * ```
 */
export type PluginHttpRouteHandler = (req: IncomingMessage, res: ServerResponse) => Promise<boolean | void> | boolean | void;

/**
 * A route in the process-wide table.
 *
 * @example
 * ```ts
 * const route: RuntimePluginHttpRoute = { path: "/hook", match: "exact", auth: "plugin", handler };
 * ```
 */
export type RuntimePluginHttpRoute = {
  path: string;
  match: "exact" | "prefix";
  auth: PluginHttpRouteAuth;
  handler: PluginHttpRouteHandler;
  pluginId?: string;
  source?: string;
  accountId?: string;
};

/**
 * Parameters of {@link registerPluginHttpRoute}.
 *
 * @example
 * ```ts
 * const params: RegisterPluginHttpRouteParams = { path: "/my-channel/webhook", auth: "plugin", pluginId: "my-channel", handler };
 * ```
 */
export type RegisterPluginHttpRouteParams = {
  /** Route path; a missing leading `/` is added. */
  path?: string | null;
  /** Used when `path` is empty. */
  fallbackPath?: string | null;
  handler: PluginHttpRouteHandler;
  /** `gateway`: the gateway authenticates the caller; `plugin`: the handler does (webhooks). */
  auth: PluginHttpRouteAuth;
  /** Default `exact`. */
  match?: "exact" | "prefix";
  /** Replace a route at the same path and match owned by the same plugin and source. */
  replaceExisting?: boolean;
  /** Keep the existing route (and return a remover for it) when the same plugin and source already own the path. */
  reuseExistingSameOwner?: boolean;
  /** Throw instead of logging and returning a no-op remover when the route cannot be registered. */
  throwOnFailure?: boolean;
  pluginId?: string;
  /** A stable sub-owner inside the plugin (e.g. `webhook`), compared on replace/reuse. */
  source?: string;
  /** Only used in messages. */
  accountId?: string;
  /** Receives the reason a registration was refused or replaced something. */
  log?: (message: string) => void;
};

const TABLE_KEY = Symbol.for("openclaw.plugin-sdk.runtime-http-routes");
type RouteTable = RuntimePluginHttpRoute[];

function table(): RouteTable {
  const holder = globalThis as { [TABLE_KEY]?: RouteTable };
  holder[TABLE_KEY] ??= [];
  return holder[TABLE_KEY];
}

/**
 * Trims a plugin route path and adds a leading `/`; falls back to `fallback`; `null` when both are empty.
 *
 * @example
 * ```ts
 * normalizePluginHttpPath("hooks/x"); // "/hooks/x"
 * normalizePluginHttpPath("", "/default"); // "/default"
 * ```
 */
export function normalizePluginHttpPath(path?: string | null, fallback?: string | null): string | null {
  const chosen = path?.trim() || fallback?.trim();
  if (!chosen) return null;
  return chosen.startsWith("/") ? chosen : `/${chosen}`;
}

/**
 * A webhook path with a leading and without a trailing `/` (`"/"` when empty).
 *
 * @example
 * ```ts
 * normalizeWebhookPath("telegram/hook/"); // "/telegram/hook"
 * ```
 */
export function normalizeWebhookPath(raw: string): string {
  const trimmed = raw.trim();
  if (!trimmed) return "/";
  const withSlash = trimmed.startsWith("/") ? trimmed : `/${trimmed}`;
  return withSlash.length > 1 && withSlash.endsWith("/") ? withSlash.slice(0, -1) : withSlash;
}

/**
 * Decodes a WebSocket message (`Buffer`, `ArrayBuffer` or fragment list) to text.
 *
 * @example
 * ```ts
 * socket.on("message", (data) => JSON.parse(rawDataToString(data)));
 * ```
 */
export function rawDataToString(data: Buffer | ArrayBuffer | Buffer[], encoding: BufferEncoding = "utf8"): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString(encoding);
  return data instanceof ArrayBuffer ? Buffer.from(data).toString(encoding) : data.toString(encoding);
}

const noop = (): void => undefined;
const owner = (route: { pluginId?: string; source?: string }): string => `${route.pluginId ?? "unknown-plugin"} (${route.source ?? "unknown-source"})`;

/**
 * Adds a route to the process-wide plugin HTTP route table and returns a function that removes it (idempotent).
 * A route at the same path and match owned by someone else is refused; one owned by the same plugin and source is
 * replaced with `replaceExisting` or reused with `reuseExistingSameOwner`. A refused registration is reported through
 * `log` and returns a no-op remover, or throws with `throwOnFailure`.
 *
 * @example
 * ```ts
 * const unregister = registerPluginHttpRoute({
 *   path: account.webhookPath,
 *   auth: "plugin",
 *   pluginId: "my-channel",
 *   accountId: account.accountId,
 *   handler: async (req, res) => { res.statusCode = 200; res.end(); return true; },
 * });
 * abortSignal.addEventListener("abort", unregister);
 * ```
 */
export function registerPluginHttpRoute(params: RegisterPluginHttpRouteParams): () => void {
  const suffix = params.accountId ? ` for account "${params.accountId}"` : "";
  const refuse = (message: string): (() => void) => {
    params.log?.(message);
    if (params.throwOnFailure) throw new Error(message);
    return noop;
  };
  if (typeof params.handler !== "function") return refuse(`plugin: webhook handler must be a function${suffix} (got ${typeof params.handler})`);
  if (params.auth !== "gateway" && params.auth !== "plugin") return refuse(`plugin: route auth must be "gateway" or "plugin"${suffix} (got ${JSON.stringify(params.auth)})`);
  const path = normalizePluginHttpPath(params.path, params.fallbackPath);
  if (!path) return refuse(`plugin: webhook path missing${suffix}; pass path (or fallbackPath)`);
  const match = params.match ?? "exact";
  if (match !== "exact" && match !== "prefix") return refuse(`plugin: route match must be "exact" or "prefix"${suffix} (got ${JSON.stringify(match)})`);
  const routes = table();
  const existing = routes.find((route) => route.path === path && route.match === match);
  if (existing) {
    const sameOwner = existing.pluginId === params.pluginId && existing.source === params.source;
    if (!sameOwner) return refuse(`plugin: route conflict at ${path} (${match})${suffix}; owned by ${owner(existing)}`);
    if (!params.replaceExisting && params.reuseExistingSameOwner && params.pluginId !== undefined && params.source !== undefined) {
      params.log?.(`plugin: reusing existing webhook path ${path} (${match}) (${params.pluginId}/${params.source})`);
      return remover(existing);
    }
    if (!params.replaceExisting) return refuse(`plugin: route conflict at ${path} (${match})${suffix}; owned by ${owner(existing)}; pass replaceExisting: true to replace it`);
    params.log?.(`plugin: replacing stale webhook path ${path} (${match})${suffix}${params.pluginId ? ` (${params.pluginId})` : ""}`);
    routes.splice(routes.indexOf(existing), 1);
  }
  const entry: RuntimePluginHttpRoute = {
    path,
    match,
    auth: params.auth,
    handler: params.handler,
    ...(params.pluginId !== undefined ? { pluginId: params.pluginId } : {}),
    ...(params.source !== undefined ? { source: params.source } : {}),
    ...(params.accountId !== undefined ? { accountId: params.accountId } : {}),
  };
  routes.push(entry);
  return remover(entry);
}

function remover(entry: RuntimePluginHttpRoute): () => void {
  return () => {
    const routes = table();
    const index = routes.indexOf(entry);
    if (index >= 0) routes.splice(index, 1);
  };
}

/**
 * The routes currently registered at runtime (a copy), for a host's HTTP server or a test.
 *
 * @example
 * ```ts
 * listRuntimePluginHttpRoutes().map((route) => route.path);
 * ```
 */
export function listRuntimePluginHttpRoutes(): RuntimePluginHttpRoute[] {
  return [...table()];
}

/**
 * The runtime route serving a request path: an exact match first, else the longest matching prefix route.
 *
 * @example
 * ```ts
 * const route = findRuntimePluginHttpRoute(new URL(req.url ?? "/", "http://x").pathname);
 * if (route) await route.handler(req, res);
 * ```
 */
export function findRuntimePluginHttpRoute(pathname: string): RuntimePluginHttpRoute | undefined {
  const routes = table();
  const exact = routes.find((route) => route.match === "exact" && route.path === pathname);
  if (exact) return exact;
  return routes
    .filter((route) => route.match === "prefix" && (pathname === route.path || pathname.startsWith(route.path.endsWith("/") ? route.path : `${route.path}/`)))
    .sort((a, b) => b.path.length - a.path.length)[0];
}
