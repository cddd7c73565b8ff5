import { describe, expect, it } from "vitest";
import { loadPluginForTest } from "../host/test-runtime.js";
import { completePluginConfigSchema } from "./complete-config-schema.js";
import { definePluginEntry } from "./define-plugin-entry.js";

describe("config schemas with optional members", () => {
  it("a schema with only jsonSchema validates with it (defaults applied)", () => {
    const schema = completePluginConfigSchema(
      { jsonSchema: { type: "object", properties: { units: { type: "string", enum: ["metric", "imperial"], default: "metric" } }, additionalProperties: false } },
      "test",
    );
    expect(schema.safeParse({})).toEqual({ success: true, data: { units: "metric" } });
    expect(schema.safeParse({ units: "kelvin" }).success).toBe(false);
  });

  it("a schema with only validate maps errors to issues and uses the returned value", () => {
    const schema = completePluginConfigSchema<Record<string, unknown>>(
      {
        validate: (value) =>
          typeof (value as { apiKey?: unknown }).apiKey === "string"
            ? { ok: true, value: { ...(value as object), checked: true } }
            : { ok: false, errors: ["apiKey: required", "not an object at all"] },
      },
      "test",
    );
    expect(schema.jsonSchema).toEqual({});
    expect(schema.safeParse({ apiKey: "k" })).toEqual({ success: true, data: { apiKey: "k", checked: true } });
    expect(schema.safeParse({})).toEqual({
      success: false,
      error: { issues: [{ path: ["apiKey"], message: "required" }, { path: [], message: "not an object at all" }] },
    });
  });

  it("parse-only schemas turn a throw into issues; an empty schema accepts anything", () => {
    const parsed = completePluginConfigSchema(
      { parse: (v) => { if (!(v as { n?: number }).n) throw Object.assign(new Error("bad"), { issues: [{ path: ["n"], message: "n is required" }] }); return v; } },
      "test",
    );
    expect(parsed.safeParse({ n: 1 })).toEqual({ success: true, data: { n: 1 } });
    expect(parsed.safeParse({})).toEqual({ success: false, error: { issues: [{ path: ["n"], message: "n is required" }] } });
    expect(completePluginConfigSchema({}, "test").safeParse(undefined)).toEqual({ success: true, data: {} });
  });

  it("a safeParse that accepts an absent section as data: undefined yields the input ({} when absent)", () => {
    const schema = completePluginConfigSchema<Record<string, unknown>>(
      {
        safeParse: (v) =>
          v === undefined
            ? { success: true, data: undefined }
            : typeof v === "object" && v !== null
              ? { success: true, data: v as Record<string, unknown> }
              : { success: false, error: { issues: [{ path: [], message: "Config must be an object" }] } },
      },
      "test",
    );
    expect(schema.safeParse(undefined)).toEqual({ success: true, data: {} });
    expect(schema.safeParse({ a: 1 })).toEqual({ success: true, data: { a: 1 } });
    expect(schema.safeParse(3)).toEqual({ success: false, error: { issues: [{ path: [], message: "Config must be an object" }] } });
  });

  it("bad members are errors naming the member", () => {
    expect(() => completePluginConfigSchema({ validate: "no" } as never, "plugin \"x\": configSchema")).toThrow(
      'plugin "x": configSchema.validate must be a function (got string).',
    );
    expect(() => completePluginConfigSchema({ jsonSchema: [] } as never, "s")).toThrow("s.jsonSchema must be a JSON Schema object (got an array).");
    expect(() => completePluginConfigSchema({ jsonschema: {} } as never, "s")).toThrow('s has none of safeParse, parse, validate, jsonSchema (found "jsonschema")');
    expect(() => completePluginConfigSchema(null as never, "s")).toThrow(/must be an object with any of safeParse, parse, validate, jsonSchema/);
  });

  it("definePluginEntry accepts a factory returning only jsonSchema, and the loader validates with it", async () => {
    let seen: unknown;
    const entry = definePluginEntry({
      id: "json-only",
      name: "json-only",
      description: "d",
      configSchema: () => ({ jsonSchema: { type: "object", properties: { n: { type: "integer", default: 3 } } } }),
      register(api) {
        seen = api.pluginConfig;
      },
    });
    expect(typeof entry.configSchema.safeParse).toBe("function");
    const ok = await loadPluginForTest(entry, { mode: "full", pluginConfig: {} });
    expect(ok.loadError).toBeUndefined();
    expect(seen).toEqual({ n: 3 });
    const bad = await loadPluginForTest(entry, { mode: "full", pluginConfig: { n: "x" } });
    expect(bad.loadError?.code).toBe("config-invalid");
  });

  it("definePluginEntry accepts a validate-only schema", async () => {
    const entry = definePluginEntry({
      id: "validate-only",
      name: "v",
      description: "d",
      configSchema: { validate: (v) => ((v as { token?: string }).token ? { ok: true } : { ok: false, errors: ["token: required"] }) },
      register() {},
    });
    const bad = await loadPluginForTest(entry, { mode: "full", pluginConfig: {} });
    expect(bad.loadError?.message).toMatch(/token: required/);
    expect((await loadPluginForTest(entry, { mode: "full", pluginConfig: { token: "t" } })).loadError).toBeUndefined();
  });
});
