/**
 * The management API as a Hono application: gatekeeping middleware (`security.ts`), body reading (1 MiB cap, JSON
 * object), and one handler per route of `API_ROUTES` (`schemas.ts`). Hono is imported lazily so that the CLI pays
 * for it only in `gateway run`. Every error answer is `{ error }` or one of the documented 422 shapes.
 */
import type { Context, Hono } from "hono";
import type { z } from "zod";
import { API_ROUTES, type ApiOperationId } from "./schemas.js";
import * as S from "./schemas.js";
import { HttpError, serviceFailure } from "./http-error.js";
import { allowedHostNames, bearerToken, createAuthFailureLimiter, hostNameOf, originAllowed, tokensMatch } from "./security.js";
import { buildOpenApiDocument } from "./openapi.js";
import type { ServerDeps } from "./deps.js";
import { handlers } from "./handlers.js";
import { createControlPageHandler } from "./control-page.js";

/** Largest request body accepted (bytes): 1 MiB. */
export const MAX_BODY_BYTES = 1_048_576;

const BODY_TOO_LARGE = `Request body exceeds maximum size (${MAX_BODY_BYTES} bytes)`;

/** Reads the body with the size cap, parses JSON, requires an object and validates it with `schema`. */
async function readBody(c: Context, schema: z.ZodType | undefined): Promise<unknown> {
  const reader = c.req.raw.body?.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (reader) {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > MAX_BODY_BYTES) {
        await reader.cancel().catch(() => undefined);
        throw new HttpError(413, BODY_TOO_LARGE);
      }
      chunks.push(value);
    }
  }
  if (!schema) return undefined;
  const text = Buffer.concat(chunks).toString("utf8");
  let data: unknown = {};
  if (text.trim() !== "") {
    try {
      data = JSON.parse(text);
    } catch (error) {
      throw new HttpError(400, `Malformed JSON body: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  if (typeof data !== "object" || data === null || Array.isArray(data)) {
    throw new HttpError(400, `The request body must be a JSON object, got ${data === null ? "null" : Array.isArray(data) ? "an array" : typeof data}`);
  }
  return parseOr400(schema, data, "body");
}

function parseOr400(schema: z.ZodType, data: unknown, where: string): unknown {
  const parsed = schema.safeParse(data);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const field = issue.path.length > 0 ? issue.path.join(".") : where;
  const detail = issue.code === "unrecognized_keys" ? `unknown field(s) ${issue.keys.map((key) => `"${key}"`).join(", ")}` : issue.message;
  throw new HttpError(400, `Invalid ${where}: ${field}: ${detail}`);
}

/** Route path with `{param}` → Hono's `:param`. */
const honoPath = (path: string): string => path.replace(/\{([^}]+)\}/g, ":$1");

/**
 * Builds the Hono app over `deps`.
 *
 * @example
 * ```ts
 * const app = await createManagementApp(deps);
 * const response = await app.request("/api/plugins", { headers: { host: "127.0.0.1" } });
 * ```
 */
export async function createManagementApp(deps: ServerDeps): Promise<Hono> {
  const { Hono: HonoApp } = await import("hono");
  const { streamSSE } = await import("hono/streaming");
  const app = new HonoApp();
  const hosts = allowedHostNames(deps.bindHost, deps.env.OPENCLAW_API_ALLOWED_HOSTS);
  const limiter = createAuthFailureLimiter();
  const openapi = buildOpenApiDocument(deps.version);
  const validateResponses = deps.env.OPENCLAW_API_VALIDATE_RESPONSES === "1";
  const bound = handlers(deps);

  app.onError((error, c) => {
    if (error instanceof HttpError) return c.json(error.body, error.status as 400);
    deps.log(`internal error on ${c.req.method} ${c.req.path}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return c.json({ error: `Internal error: ${error instanceof Error ? error.message : String(error)}` }, 500);
  });
  app.notFound((c) => c.json({ error: `Not found: ${c.req.method} ${c.req.path}` }, 404));

  // 1. Host allow-list and Origin check (before auth: a rebinding page must not even learn whether auth is on).
  app.use("*", async (c, next) => {
    const host = c.req.header("host");
    if (!host || !hosts.has(hostNameOf(host))) {
      return c.json({ error: `Host not allowed: ${host ?? "(none)"}; add it to OPENCLAW_API_ALLOWED_HOSTS to serve it` }, 403);
    }
    const origin = c.req.header("origin");
    if (origin !== undefined && !originAllowed(origin, hosts, deps.env.OPENCLAW_API_ALLOWED_ORIGINS)) {
      return c.json({ error: `Origin not allowed: ${origin}; add it to OPENCLAW_API_ALLOWED_ORIGINS to allow it` }, 403);
    }
    const length = Number(c.req.header("content-length") ?? "0");
    if (length > MAX_BODY_BYTES) return c.json({ error: BODY_TOO_LARGE }, 413);
    return next();
  });

  // 2. Bearer token (when configured), with the failed-auth rate limit.
  app.use("/api/*", async (c, next) => {
    if (!deps.token || c.req.path === "/api/openapi.json") return next();
    const address = deps.remoteAddress(c) ?? "unknown";
    const wait = limiter.blockedFor(address);
    if (wait > 0) {
      c.header("retry-after", String(Math.ceil(wait / 1000)));
      return c.json({ error: `Too many failed authentication attempts; retry in ${Math.ceil(wait / 1000)} s` }, 429);
    }
    const presented = bearerToken(c.req.header("authorization"));
    if (presented === undefined || !tokensMatch(presented, deps.token)) {
      limiter.fail(address);
      return c.json({ error: "Unauthorized" }, 401);
    }
    return next();
  });

  // 3. The control page (`/`, `/assets/*`): after the Host/Origin checks, without the token — it holds nothing
  //    secret and must load to ask for one; every /api call it makes carries the token.
  const controlPage = createControlPageHandler(deps.controlPageDir !== undefined ? { uiDir: deps.controlPageDir } : {});
  app.on(["GET", "HEAD"], ["/", "/index.html", "/assets/*"], (c) => controlPage(c.req.method, c.req.path) ?? c.json({ error: `Not found: ${c.req.method} ${c.req.path}` }, 404));

  for (const route of API_ROUTES) {
    const id = route.operationId as ApiOperationId;
    const method = route.method;
    app[method](honoPath(route.path), async (c) => {
      if (id === "openapi") return c.json(openapi);
      if (id === "events") {
        return streamSSE(c, async (stream) => {
          let closed = false;
          const queue: Array<{ event: string; data: string }> = [];
          let wake: (() => void) | undefined;
          const off = deps.bus.subscribe((event) => {
            queue.push({ event: event.type, data: JSON.stringify(event.data) });
            wake?.();
          });
          const stop = deps.onShutdown(() => {
            closed = true;
            wake?.();
          });
          stream.onAbort(() => {
            closed = true;
            wake?.();
          });
          try {
            await stream.writeSSE({ event: "hello", data: JSON.stringify({ pendingRestart: deps.bus.pendingRestart(), runtime: deps.runtime.status() }) });
            while (!closed) {
              while (queue.length > 0) await stream.writeSSE(queue.shift()!);
              if (closed) break;
              await new Promise<void>((resolve) => {
                wake = resolve;
                setTimeout(resolve, 15_000).unref();
              });
              wake = undefined;
              if (queue.length === 0 && !closed) await stream.write(": keep-alive\n\n");
            }
          } finally {
            off();
            stop();
          }
        });
      }
      const params = "params" in route && route.params ? parseOr400(route.params, c.req.param(), "path") : undefined;
      const query = "query" in route && route.query ? parseOr400(route.query, c.req.query(), "query") : undefined;
      const body = await readBody(c, "body" in route ? route.body : undefined);
      const handler = bound[id as Exclude<ApiOperationId, "openapi" | "events">];
      const { status, body: out, json } = await handler({ params, query, body, c });
      if (validateResponses) {
        const schema = (route.responses as Record<number, { schema?: z.ZodType }>)[status]?.schema;
        const checked = schema?.safeParse(out);
        if (!schema || !checked?.success) {
          throw new Error(`response of ${id} (${status}) does not match its schema: ${checked?.error?.message ?? "no schema for this status"}`);
        }
      }
      if (json !== undefined) return c.body(json, status as 200, { "content-type": "application/json" });
      return c.json(out as object, status as 200);
    });
  }
  // Scoped names written without encoding (`/api/registry/plugins/@scope/name`) reach the same handler.
  app.get("/api/registry/plugins/:scope{@[^/]+}/:name", async (c) => {
    const name = `${c.req.param("scope")}/${c.req.param("name")}`;
    const { status, body } = await bound.getRegistryPlugin({ params: { name }, query: undefined, body: undefined, c });
    return c.json(body as object, status as 200);
  });
  return app;
}

export { serviceFailure };
