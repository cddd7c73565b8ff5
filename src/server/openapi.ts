/**
 * The OpenAPI 3.1 document of the management API, generated from the route table and its zod schemas
 * (`schemas.ts`) with zod 4's own `z.toJSONSchema` (JSON Schema 2020-12, which OpenAPI 3.1 uses as is). Schemas with
 * a `meta({ id })` become `components.schemas` entries referenced by `$ref`.
 */
import { z } from "zod";
import { API_ROUTES, type ApiRoute } from "./schemas.js";

function toSchema(schema: z.ZodType, io: "input" | "output"): Record<string, unknown> {
  return z.toJSONSchema(schema, { target: "draft-2020-12", io, unrepresentable: "any", reused: "inline" }) as Record<string, unknown>;
}

/** Moves `$defs` of a generated schema into `components`, rewriting `#/$defs/X` to `#/components/schemas/X`. */
function hoist(schema: Record<string, unknown>, components: Record<string, unknown>): Record<string, unknown> {
  const defs = (schema.$defs ?? {}) as Record<string, unknown>;
  delete schema.$defs;
  delete schema.$schema;
  const rewrite = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(rewrite);
    if (typeof value !== "object" || value === null) return value;
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) {
      out[key] = key === "$ref" && typeof inner === "string" ? inner.replace("#/$defs/", "#/components/schemas/") : rewrite(inner);
    }
    return out;
  };
  for (const [name, def] of Object.entries(defs)) components[name] = rewrite(def);
  return rewrite(schema) as Record<string, unknown>;
}

function parameters(route: ApiRoute, components: Record<string, unknown>): Array<Record<string, unknown>> {
  const out: Array<Record<string, unknown>> = [];
  for (const [where, schema] of [
    ["path", route.params],
    ["query", route.query],
  ] as const) {
    if (!schema) continue;
    const json = hoist(toSchema(schema, "input"), components);
    const props = (json.properties ?? {}) as Record<string, Record<string, unknown>>;
    const required = new Set((json.required ?? []) as string[]);
    for (const [name, prop] of Object.entries(props)) {
      out.push({ name, in: where, required: where === "path" || required.has(name), schema: prop });
    }
  }
  return out;
}

/**
 * Builds the document (cached by the caller; it never changes while the server runs).
 *
 * @example
 * ```ts
 * const doc = buildOpenApiDocument("1.0.0");
 * Object.keys(doc.paths as object).includes("/api/plugins"); // true
 * ```
 */
export function buildOpenApiDocument(version: string): Record<string, unknown> {
  const components: Record<string, unknown> = {};
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of API_ROUTES as readonly ApiRoute[]) {
    const responses: Record<string, unknown> = {};
    for (const [status, response] of Object.entries(route.responses)) {
      if (response.stream) {
        responses[status] = { description: response.description, content: { "text/event-stream": { schema: { type: "string" } } } };
      } else if (response.schema) {
        responses[status] = { description: response.description, content: { "application/json": { schema: hoist(toSchema(response.schema, "output"), components) } } };
      } else {
        responses[status] = { description: response.description };
      }
    }
    responses["403"] ??= { description: "Host or Origin not allowed", content: { "application/json": { schema: { $ref: "#/components/schemas/ApiError" } } } };
    responses["413"] ??= { description: "Body over 1 MiB", content: { "application/json": { schema: { $ref: "#/components/schemas/ApiError" } } } };
    responses["429"] ??= { description: "Too many failed authentications", content: { "application/json": { schema: { $ref: "#/components/schemas/ApiError" } } } };
    const operation: Record<string, unknown> = { operationId: route.operationId, summary: route.summary, tags: [route.tag], responses };
    const params = parameters(route, components);
    if (params.length > 0) operation.parameters = params;
    if (route.body) operation.requestBody = { required: true, content: { "application/json": { schema: hoist(toSchema(route.body, "input"), components) } } };
    if (route.operationId !== "openapi") operation.security = [{ bearer: [] }, {}];
    (paths[route.path] ??= {})[route.method] = operation;
  }
  components.ApiError ??= hoist(toSchema(z.object({ error: z.string() }), "output"), components);
  return {
    openapi: "3.1.0",
    info: {
      title: "OpenClaw plugin management API",
      version,
      description: "Served by `openclaw gateway run`. Bearer token from OPENCLAW_API_TOKEN (required when bound to a non-loopback address).",
    },
    paths,
    components: { schemas: components, securitySchemes: { bearer: { type: "http", scheme: "bearer" } } },
  };
}
