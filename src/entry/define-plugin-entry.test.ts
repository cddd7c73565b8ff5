import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { buildPluginConfigSchema, emptyPluginConfigSchema } from "./config-schema.js";
import { definePluginEntry } from "./define-plugin-entry.js";
import { createFakeApi } from "./__tests__/fake-api.js";

const base = { id: "demo", name: "Demo", description: "Demo plugin", register() {} };

describe("definePluginEntry", () => {
  it("returns a fresh object with the given fields", () => {
    const options = { ...base, version: "1.2.3" };
    const entry = definePluginEntry(options);
    expect(entry).not.toBe(options);
    expect(entry).toMatchObject({ id: "demo", name: "Demo", description: "Demo plugin", version: "1.2.3" });
    expect(entry.register).toBe(options.register);
  });

  it("defaults configSchema to the empty schema", () => {
    const entry = definePluginEntry(base);
    expect(entry.configSchema.jsonSchema).toEqual(emptyPluginConfigSchema().jsonSchema);
    expect(entry.configSchema.safeParse({ x: 1 }).success).toBe(false);
  });

  it("keeps a configSchema object as is", () => {
    const schema = buildPluginConfigSchema(z.object({ a: z.string() }));
    expect(definePluginEntry({ ...base, configSchema: schema }).configSchema).toBe(schema);
  });

  it("resolves a configSchema factory lazily, at most once", () => {
    const factory = vi.fn(() => emptyPluginConfigSchema());
    const entry = definePluginEntry({ ...base, configSchema: factory });
    expect(factory).not.toHaveBeenCalled();
    const first = entry.configSchema;
    expect(entry.configSchema).toBe(first);
    expect(factory).toHaveBeenCalledTimes(1);
  });

  it("rejects a factory that returns something else, naming the plugin", () => {
    const entry = definePluginEntry({ ...base, configSchema: (() => ({ nope: true })) as never });
    expect(() => entry.configSchema).toThrow(/plugin "demo": configSchema has none of safeParse, parse, validate, jsonSchema \(found "nope"\)/);
  });

  it("throws clear errors for a missing id or register", () => {
    expect(() => definePluginEntry({ ...base, id: "" })).toThrow(/"id" must be a non-empty string/);
    expect(() => definePluginEntry({ ...base, register: undefined as never })).toThrow(/definePluginEntry\("demo"\): "register" must be a function/);
    expect(() => definePluginEntry(null as never)).toThrow(/expected an options object/);
    expect(() => definePluginEntry({ ...base, configSchema: 5 as never })).toThrow(/"configSchema" must be/);
  });

  it("passes the typed plugin config through register", () => {
    const seen: unknown[] = [];
    const entry = definePluginEntry({
      ...base,
      configSchema: buildPluginConfigSchema(z.object({ units: z.string().default("metric") })),
      register(api) {
        seen.push(api.pluginConfig.units);
      },
    });
    const fake = createFakeApi({ pluginConfig: { units: "imperial" } });
    entry.register(fake.api);
    expect(seen).toEqual(["imperial"]);
  });
});
