import { describe, expect, it } from "vitest";
import { z } from "zod";
import { z as z3 } from "zod/v3";
import * as zm from "zod/mini";
import {
  buildJsonPluginConfigSchema,
  buildPluginConfigSchema,
  detectZodFlavor,
  emptyPluginConfigSchema,
  zodToPluginJsonSchema,
} from "./config-schema.js";

describe("emptyPluginConfigSchema", () => {
  it("accepts only undefined and {}", () => {
    const schema = emptyPluginConfigSchema();
    expect(schema.safeParse(undefined)).toEqual({ success: true, data: {} });
    expect(schema.safeParse({})).toEqual({ success: true, data: {} });
    expect(schema.safeParse({ apiKey: "x" })).toEqual({
      success: false,
      error: { issues: [{ path: ["apiKey"], message: expect.stringContaining("unknown config key") }] },
    });
    for (const bad of [null, 1, "x", []]) {
      const result = schema.safeParse(bad);
      expect(result.success).toBe(false);
    }
    expect(schema.jsonSchema).toEqual({ type: "object", additionalProperties: false, properties: {} });
  });

  it("returns independent objects", () => {
    const a = emptyPluginConfigSchema();
    (a.jsonSchema.properties as Record<string, unknown>).x = 1;
    expect(emptyPluginConfigSchema().jsonSchema.properties).toEqual({});
  });
});

describe("buildPluginConfigSchema with zod 4", () => {
  const schema = z.object({
    apiKey: z.string().min(1),
    units: z.enum(["metric", "imperial"]).default("metric"),
    retries: z.number().int().optional(),
  });

  it("parses, applies defaults and treats an absent config as {}", () => {
    const built = buildPluginConfigSchema(schema);
    expect(built.safeParse({ apiKey: "k" })).toEqual({ success: true, data: { apiKey: "k", units: "metric" } });
    const missing = built.safeParse(undefined);
    expect(missing.success).toBe(false);
    if (!missing.success) expect(missing.error.issues[0]?.path).toEqual(["apiKey"]);
  });

  it("maps issues to { path, message }", () => {
    const result = buildPluginConfigSchema(schema).safeParse({ apiKey: "k", retries: "3" });
    expect(result.success).toBe(false);
    if (!result.success) {
      expect(result.error.issues).toEqual([{ path: ["retries"], message: expect.any(String) }]);
    }
  });

  it("converts to draft-07 JSON Schema describing the input", () => {
    const json = buildPluginConfigSchema(schema).jsonSchema;
    expect(json.$schema).toBe("http://json-schema.org/draft-07/schema#");
    expect(json.type).toBe("object");
    expect(json.required).toEqual(["apiKey"]);
    expect((json.properties as Record<string, { default?: unknown }>).units?.default).toBe("metric");
  });

  it("converts lazily and at most once", () => {
    const built = buildPluginConfigSchema(schema);
    expect(built.jsonSchema).toBe(built.jsonSchema);
  });

  it("keeps uiHints", () => {
    const built = buildPluginConfigSchema(schema, { uiHints: { apiKey: { label: "API key", sensitive: true } } });
    expect(built.uiHints).toEqual({ apiKey: { label: "API key", sensitive: true } });
  });

  it("reports unrepresentable types clearly instead of producing {}", () => {
    const built = buildPluginConfigSchema(z.object({ when: z.date() }));
    expect(() => built.jsonSchema).toThrow(/cannot convert the zod 4 schema to JSON Schema/);
  });
});

describe("buildPluginConfigSchema with zod 4 mini (no toJSONSchema method)", () => {
  it("converts with z.toJSONSchema loaded lazily from this package", () => {
    const schema = zm.object({ a: zm.string(), n: zm.optional(zm.number()) });
    expect(typeof (schema as unknown as { toJSONSchema?: unknown }).toJSONSchema).toBe("undefined");
    const built = buildPluginConfigSchema(schema);
    expect(built.jsonSchema).toMatchObject({ type: "object", properties: { a: { type: "string" } }, required: ["a"] });
    expect(built.safeParse({ a: "x" })).toEqual({ success: true, data: { a: "x" } });
  });
});

describe("buildPluginConfigSchema with zod 3 (zod/v3)", () => {
  const schema = z3.object({ enabled: z3.boolean().default(true), name: z3.string() });

  it("is detected as zod 3", () => {
    expect(detectZodFlavor(schema)).toBe("zod3");
    expect(detectZodFlavor(z.string())).toBe("zod4");
  });

  it("parses with the zod 3 schema", () => {
    const built = buildPluginConfigSchema(schema);
    expect(built.safeParse({ name: "n" })).toEqual({ success: true, data: { enabled: true, name: "n" } });
    const bad = built.safeParse({ name: 1 });
    expect(bad.success).toBe(false);
    if (!bad.success) expect(bad.error.issues[0]?.path).toEqual(["name"]);
  });

  it("converts with zod-to-json-schema to a non-empty draft-07 schema", () => {
    const json = buildPluginConfigSchema(schema).jsonSchema;
    expect(json.$schema).toBe("http://json-schema.org/draft-07/schema#");
    expect(json.type).toBe("object");
    expect(Object.keys(json.properties as object).sort()).toEqual(["enabled", "name"]);
    expect(json.required).toEqual(["name"]);
  });

  it("allows an intentionally unconstrained schema", () => {
    expect(zodToPluginJsonSchema(z3.any())).toEqual({ $schema: "http://json-schema.org/draft-07/schema#" });
  });
});

describe("buildPluginConfigSchema input checks", () => {
  it("rejects non-zod input with a clear error", () => {
    expect(() => buildPluginConfigSchema({ type: "object" } as never)).toThrow(
      /expected a zod schema \(zod 3 or zod 4\), got an object.*buildJsonPluginConfigSchema/,
    );
    expect(() => buildPluginConfigSchema(undefined as never)).toThrow(/got undefined/);
  });

  it("never hands a zod 4 schema to zod-to-json-schema (which would return {})", async () => {
    const { zodToJsonSchema } = await import("zod-to-json-schema");
    // The trap this guards against: zod-to-json-schema silently returns an empty schema for zod 4 input.
    const trap = zodToJsonSchema(z.object({ a: z.string() }) as never) as Record<string, unknown>;
    expect(Object.keys(trap).filter((key) => key !== "$schema")).toEqual([]);
    const ours = zodToPluginJsonSchema(z.object({ a: z.string() }));
    expect(ours.properties).toEqual({ a: { type: "string" } });
  });
});

describe("buildJsonPluginConfigSchema", () => {
  const json = {
    type: "object",
    properties: {
      enabled: { type: "boolean", default: true },
      endpoint: { type: "string", format: "uri" },
      nested: { type: "object", properties: { level: { type: "integer", minimum: 1 } } },
    },
    required: ["endpoint"],
    additionalProperties: false,
  };

  it("validates, applies defaults to a copy and leaves the input alone", () => {
    const schema = buildJsonPluginConfigSchema<{ enabled: boolean; endpoint: string }>(json);
    const input = { endpoint: "https://example.test" };
    expect(schema.safeParse(input)).toEqual({ success: true, data: { enabled: true, endpoint: "https://example.test" } });
    expect(input).toEqual({ endpoint: "https://example.test" });
    expect(schema.jsonSchema).toBe(json);
  });

  it("reports every error as { path, message }", () => {
    const result = buildJsonPluginConfigSchema(json).safeParse({ enabled: "yes", extra: 1, nested: { level: 0 } });
    expect(result.success).toBe(false);
    if (!result.success) {
      expect(result.error.issues).toEqual(
        expect.arrayContaining([
          { path: ["enabled"], message: "must be boolean" },
          { path: ["endpoint"], message: "must have required property 'endpoint'" },
          { path: ["extra"], message: "must NOT have additional properties" },
          { path: ["nested", "level"], message: "must be >= 1" },
        ]),
      );
    }
  });

  it("checks formats", () => {
    const result = buildJsonPluginConfigSchema(json).safeParse({ endpoint: "not a uri" });
    expect(result.success).toBe(false);
  });

  it("validates an absent config as {}", () => {
    const schema = buildJsonPluginConfigSchema({ type: "object", properties: { n: { type: "number", default: 2 } } });
    expect(schema.safeParse(undefined)).toEqual({ success: true, data: { n: 2 } });
  });

  it("supports 2020-12 schemas by $schema", () => {
    const schema = buildJsonPluginConfigSchema({
      $schema: "https://json-schema.org/draft/2020-12/schema",
      type: "array",
      prefixItems: [{ type: "string" }],
    });
    expect(schema.safeParse(["a"]).success).toBe(true);
    expect(schema.safeParse([1]).success).toBe(false);
  });

  it("rejects bad schemas with clear errors", () => {
    expect(() => buildJsonPluginConfigSchema("nope" as never)).toThrow(/expected a JSON Schema object, got the string "nope"/);
    expect(() => buildJsonPluginConfigSchema(z.object({}) as never)).toThrow(/use buildPluginConfigSchema/);
    const invalid = buildJsonPluginConfigSchema({ type: "object", properties: { a: { type: "no-such-type" } } });
    expect(() => invalid.safeParse({})).toThrow(/buildJsonPluginConfigSchema: the JSON Schema is invalid/);
    const unsupported = buildJsonPluginConfigSchema({ $schema: "http://json-schema.org/draft-03/schema#" });
    expect(() => unsupported.safeParse({})).toThrow(/unsupported \$schema/);
  });

  it("rejects non-JSON data instead of throwing", () => {
    const result = buildJsonPluginConfigSchema({ type: "object" }).safeParse({ fn: () => 1 });
    expect(result.success).toBe(false);
  });
});
