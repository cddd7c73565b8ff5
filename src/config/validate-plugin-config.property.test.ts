/**
 * Property-based test (fast-check): for random small schemas and random configs, plugin config validation agrees
 * with ajv used directly (same verdict, same defaults applied) and reports errors exactly when ajv rejects.
 */
import Ajv from "ajv";
import addFormats from "ajv-formats";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { PluginManifest } from "../manifest/plugin-manifest-schema.js";
import { validatePluginConfig, validatePluginsConfig } from "./validate-plugin-config.js";

const propertyName = fc.constantFrom("a", "b", "c", "d", "e");
const leafSchema: fc.Arbitrary<Record<string, unknown>> = fc.oneof(
  fc.constant({ type: "string" }),
  fc.record({ type: fc.constant("string"), minLength: fc.nat(4), maxLength: fc.integer({ min: 4, max: 8 }) }, { requiredKeys: ["type"] }),
  fc.record({ type: fc.constant("string"), pattern: fc.constantFrom("^a", "b$", "^[0-9]+$", "^\\+[1-9]\\d{1,14}$") }),
  fc.record({ type: fc.constant("string"), format: fc.constantFrom("email", "uri", "date", "ipv4", "uuid", "hostname") }),
  fc.record(
    { type: fc.constantFrom("integer", "number"), minimum: fc.integer({ min: -5, max: 5 }), maximum: fc.integer({ min: 5, max: 20 }) },
    { requiredKeys: ["type"] },
  ),
  fc.constant({ type: "boolean" }),
  fc.record({ enum: fc.uniqueArray(fc.oneof(fc.constantFrom("x", "y", "a@b.co"), fc.integer({ min: 0, max: 3 })), { minLength: 1, maxLength: 3 }) }),
  fc.record({ const: fc.oneof(fc.boolean(), fc.integer({ min: 0, max: 2 })) }),
  fc.record({ type: fc.constant("array"), items: fc.constant({ type: "string" }), maxItems: fc.nat(3) }),
  fc.record({
    type: fc.constant("object"),
    additionalProperties: fc.boolean(),
    properties: fc.constant({ x: { type: "integer", default: 1 } }),
  }),
);
const withDefault = fc.tuple(leafSchema, fc.option(fc.oneof(fc.string({ maxLength: 3 }), fc.integer({ min: -2, max: 30 }), fc.boolean()), { nil: undefined })).map(
  ([schema, value]) => (value === undefined ? schema : { ...schema, default: value }),
);
const objectSchema = fc
  .record({
    properties: fc.dictionary(propertyName, withDefault, { maxKeys: 5 }),
    required: fc.subarray(["a", "b", "c", "d", "e"]),
    additionalProperties: fc.boolean(),
    conditional: fc.boolean(),
  })
  .map(({ properties, required, additionalProperties, conditional }) => {
    const schema: Record<string, unknown> = { type: "object", properties, required, additionalProperties };
    if (conditional) {
      schema.if = { properties: { a: { const: true } }, required: ["a"] };
      schema.then = { required: ["b"] };
      schema.else = { properties: { c: { type: "string" } } };
    }
    return schema;
  });
const configValue = fc.oneof(
  fc.string({ maxLength: 6 }),
  fc.constantFrom("a@b.co", "http://example.com/x", "2024-01-01", "127.0.0.1", "abc", "+15550001234", "123", "x", "y"),
  fc.integer({ min: -10, max: 30 }),
  fc.double({ noNaN: true }),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string({ maxLength: 3 }), { maxLength: 4 }),
  fc.dictionary(fc.constantFrom("x", "y"), fc.integer({ min: 0, max: 3 }), { maxKeys: 2 }),
);
const config = fc.dictionary(fc.constantFrom("a", "b", "c", "d", "e", "f"), configValue, { maxKeys: 6 });

function directAjv(schema: Record<string, unknown>, data: unknown): { valid: boolean; data: unknown; errors: number } {
  const ajv = new Ajv.default({ allErrors: true, useDefaults: true, strict: false, logger: false });
  addFormats.default(ajv);
  const validate = ajv.compile(schema);
  const copy = structuredClone(data);
  const valid = validate(copy) as boolean;
  return { valid, data: copy, errors: validate.errors?.length ?? 0 };
}

describe("config validation agrees with ajv", () => {
  it("same verdict and same defaults for random schemas and configs", () => {
    let rejected = 0;
    fc.assert(
      fc.property(objectSchema, config, (schema, data) => {
        const manifest: PluginManifest = { id: "prop-test", configSchema: schema };
        const ours = validatePluginConfig({ manifest, config: data });
        const expected = directAjv(schema, data);
        expect(ours.ok).toBe(expected.valid);
        expect(ours.value).toEqual(expected.data);
        expect(ours.diagnostics.length > 0).toBe(!expected.valid);
        for (const d of ours.diagnostics) {
          expect(d.level).toBe("error");
          expect(d.message.startsWith(`${d.path}: `)).toBe(true);
          expect(d.path.startsWith("plugins.entries.prop-test.config")).toBe(true);
        }
        if (!expected.valid) rejected++;
      }),
      { numRuns: 400 },
    );
    // The generators exercise both outcomes.
    expect(rejected).toBeGreaterThan(20);
  });
});

describe("validatePluginsConfig never throws on bad config", () => {
  const manifests: PluginManifest[] = [
    { id: "alpha", channels: ["chat"], configSchema: { type: "object", properties: { n: { type: "integer", default: 1 } }, required: ["k"] }, uiHints: { k: { sensitive: true } } },
    { id: "beta", configSchema: { type: "object", additionalProperties: false }, channelConfigs: { chat: { schema: { type: "object", properties: { on: { type: "boolean" } } } } } },
  ];
  const key = fc.constantFrom("plugins", "channels", "entries", "alpha", "beta", "ghost", "config", "enabled", "hooks", "allow", "deny", "chat", "k", "n");
  const tree = fc.letrec((tie) => ({
    node: fc.oneof({ depthSize: "small" }, fc.anything({ maxDepth: 2, withBigInt: true, withDate: true, withMap: true }), fc.dictionary(key, tie("node"), { maxKeys: 5 }), fc.array(tie("node"), { maxLength: 3 })),
  })).node;

  it("for arbitrary values shaped like a gateway config, at every moment", () => {
    fc.assert(
      fc.property(tree, fc.constantFrom("read", "write", "start") as fc.Arbitrary<"read" | "write" | "start">, (config, moment) => {
        const result = validatePluginsConfig(config, { manifests, moment, pluginId: "alpha" });
        expect(typeof result.ok).toBe("boolean");
        expect(result.ok).toBe(!result.diagnostics.some((d) => d.level === "error"));
        for (const d of result.diagnostics) {
          expect(["error", "warning", "info"]).toContain(d.level);
          expect(d.message.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 400 },
    );
  });
});

describe("hostile configs (issue 10)", () => {
  const MARKER = "SECRET-MARKER-";
  const idName = fc.constantFrom("demo", "constructor", "toString", "__proto__", "valueOf", "hasOwnProperty");
  const fieldName = fc.constantFrom("a", "b", "toString", "constructor", "__proto__");
  const evilPattern = fc.constantFrom("^(a+)+$", "^(a|a)*$", "(a*)*b", "^[a-z]+$");
  const leaf = fc.oneof(
    fc.constant({ type: "string" }),
    fc.record({ type: fc.constant("string"), pattern: evilPattern }),
    fc.record({ type: fc.constant("object"), additionalProperties: fc.constant(false) }),
    fc.record({ type: fc.constant("object"), patternProperties: fc.dictionary(evilPattern, fc.constant({ type: "number" }), { maxKeys: 2 }) }),
    fc.constant({ type: "number" }),
  );
  const schema = fc.record({ type: fc.constant("object"), properties: fc.dictionary(fieldName, leaf, { maxKeys: 4 }), required: fc.subarray(["a", "toString", "constructor"]) });
  /** A value under a sensitive field: the marker in values, in keys, in a symbol description or a function name. */
  const secretValue = fc.integer({ min: 0, max: 999 }).chain((n) =>
    fc.constantFrom<unknown>(
      `${MARKER}${n}`,
      { [`${MARKER}${n}`]: 1 },
      { nested: { [`${MARKER}${n}`]: `${MARKER}${n}` } },
      [`${MARKER}${n}`],
      Symbol(`${MARKER}${n}`),
      { [`${MARKER}${n}`]: () => `${MARKER}${n}` },
      `${"a".repeat(28)}!${MARKER}${n}`,
    ),
  );
  const plainValue = fc.oneof(fc.string({ maxLength: 4 }), fc.integer(), fc.constant(`${"a".repeat(28)}!`), fc.constant({ [`${"a".repeat(28)}!`]: "x" }));
  const policyValue = fc.oneof(fc.constant(undefined), fc.constant(["demo"]), fc.constant("demo"), fc.constant(5), fc.constant({ demo: true }), fc.constant([1]));

  it("never throws, stays bounded, prints no sensitive value, leaves Object.prototype untouched", () => {
    const protoKeys = Object.getOwnPropertyNames(Object.prototype).join(",");
    fc.assert(
      fc.property(
        idName,
        schema,
        fc.dictionary(fieldName, fc.boolean(), { maxKeys: 3 }),
        fc.dictionary(fieldName, fc.tuple(plainValue, secretValue), { maxKeys: 4 }),
        fc.record({ deny: policyValue, allow: policyValue, enabled: fc.constantFrom(undefined, true, false, "false", 0) }, { requiredKeys: [] }),
        (id, configSchema, sensitiveFlags, values, policy) => {
          const uiHints: Record<string, { sensitive: boolean }> = Object.create(null);
          for (const [field, sensitive] of Object.entries(sensitiveFlags)) Object.defineProperty(uiHints, field, { value: { sensitive }, enumerable: true });
          const manifest = { id, configSchema, uiHints, channels: [id], channelConfigs: { [id]: { schema: configSchema, uiHints } } } as PluginManifest;
          const config: Record<string, unknown> = {};
          for (const [field, [plain, secret]] of Object.entries(values)) {
            Object.defineProperty(config, field, { value: uiHints[field]?.sensitive ? secret : plain, enumerable: true });
          }
          const gateway = JSON.parse(JSON.stringify({ plugins: { ...policy, entries: {} }, channels: {} })) as { plugins: { entries: Record<string, unknown> }; channels: Record<string, unknown> };
          Object.defineProperty(gateway.plugins.entries, id, { value: { config }, enumerable: true });
          Object.defineProperty(gateway.channels, id, { value: config, enumerable: true });
          const start = performance.now();
          const atStart = validatePluginsConfig(gateway, { manifests: [manifest], moment: "start" });
          const outputs = [
            atStart,
            validatePluginsConfig(gateway, { manifests: [manifest], moment: "write", pluginId: id }),
            validatePluginConfig({ manifest, config }),
          ];
          expect(performance.now() - start).toBeLessThan(3000);
          for (const output of outputs) {
            const text = JSON.stringify(output.diagnostics);
            expect(text).not.toContain(MARKER);
            for (const d of output.diagnostics) expect(typeof d.message).toBe("string");
          }
          // A malformed policy field never leaves the plugin enabled.
          const malformed = [policy.deny, policy.allow].some((v) => v !== undefined && !(Array.isArray(v) && v.every((x) => typeof x === "string"))) ||
            (policy.enabled !== undefined && typeof policy.enabled !== "boolean");
          if (malformed) expect(atStart.plugins.every((p) => !p.enabled)).toBe(true);
          expect(Object.getOwnPropertyNames(Object.prototype).join(",")).toBe(protoKeys);
          expect(Object.keys(Object.prototype)).toEqual([]);
        },
      ),
      { seed: 1011, numRuns: 150 },
    );
  });
});
