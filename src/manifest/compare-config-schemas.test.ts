import { describe, expect, it } from "vitest";
import { compareConfigSchemas, MAX_COMPARED_SCHEMA_NODES } from "./compare-config-schemas.js";

const files = { manifestFile: "/p/openclaw.plugin.json", entryFile: "/p/dist/index.js" };
const compare = (manifestSchema: Record<string, unknown>, entrySchema: Record<string, unknown>) =>
  compareConfigSchemas({ manifestSchema, entrySchema, ...files });
const summary = (diagnostics: ReturnType<typeof compare>) => diagnostics.map((d) => `${d.level} ${d.code} ${d.path}`);

describe("compareConfigSchemas", () => {
  it("reports the issue's case: entry greeting/apiKey vs manifest other, naming both files and the property", () => {
    const diagnostics = compare(
      { type: "object", additionalProperties: false, properties: { other: { type: "string" } } },
      { type: "object", properties: { greeting: { type: "string" }, apiKey: { type: "string" } }, required: ["apiKey"] },
    );
    expect(summary(diagnostics)).toEqual([
      "error config-schema-entry-only-property configSchema.properties.greeting",
      "error config-schema-entry-only-property configSchema.properties.apiKey",
      "warning config-schema-manifest-only-property configSchema.properties.other",
    ]);
    const apiKey = diagnostics[1]!;
    expect(apiKey.file).toBe(files.manifestFile);
    expect(apiKey.message).toContain('"apiKey"');
    expect(apiKey.message).toContain(files.entryFile);
    expect(apiKey.message).toContain(files.manifestFile);
    expect(apiKey.message).toContain("rejects this setting (additionalProperties: false)");
    expect(diagnostics[0]!.message).toContain('Add "greeting" to the manifest');
  });

  it("agreeing schemas (integer vs number, extra keywords, order) give nothing", () => {
    const manifest = { type: "object", properties: { n: { type: "integer", minimum: 1 }, s: { type: ["string", "null"] } }, required: ["n"] };
    const entry = { type: "object", required: ["n"], properties: { s: { type: ["null", "string"], description: "x" }, n: { type: "number" } } };
    expect(compare(manifest, entry)).toEqual([]);
  });

  it("reports required and type disagreements in both directions", () => {
    const diagnostics = compare(
      { type: "object", properties: { a: { type: "string" }, b: { type: "string" }, c: { type: "boolean" } }, required: ["b"] },
      { type: "object", properties: { a: { type: "string" }, b: { type: "string" }, c: { type: "string" } }, required: ["a"] },
    );
    expect(summary(diagnostics)).toEqual([
      "error config-schema-required-mismatch configSchema.properties.a",
      "error config-schema-required-mismatch configSchema.properties.b",
      "error config-schema-type-mismatch configSchema.properties.c",
    ]);
    expect(diagnostics[0]!.message).toContain("required by the entry's configSchema");
    expect(diagnostics[1]!.message).toContain("required by openclaw.plugin.json configSchema");
    expect(diagnostics[2]!.message).toContain("type boolean in openclaw.plugin.json configSchema");
    expect(diagnostics[2]!.message).toContain("but string in the entry's configSchema");
  });

  it("descends into nested objects and names the dotted property", () => {
    const diagnostics = compare(
      { type: "object", properties: { auth: { type: "object", properties: { token: { type: "string" } } } } },
      { type: "object", properties: { auth: { type: "object", properties: { token: { type: "string" }, user: { type: "string" } } } } },
    );
    expect(summary(diagnostics)).toEqual(["error config-schema-entry-only-property configSchema.properties.auth.properties.user"]);
    expect(diagnostics[0]!.message).toContain('"auth.user"');
  });

  it("skips entries that declare no properties (emptyPluginConfigSchema, {}) and $ref/composition nodes", () => {
    const manifest = { type: "object", properties: { a: { type: "string" } } };
    expect(compare(manifest, { type: "object", additionalProperties: false, properties: {} })).toEqual([]);
    expect(compare(manifest, {})).toEqual([]);
    expect(compare(manifest, { $ref: "#/definitions/x", definitions: {} })).toEqual([]);
    expect(
      compare(
        { type: "object", properties: { a: { anyOf: [{ type: "object", properties: { x: {} } }] } } },
        { type: "object", properties: { a: { type: "object", properties: { y: {} } } } },
      ),
    ).toEqual([]);
  });

  it("stays bounded on a huge schema and treats prototype names as ordinary keys", () => {
    const many = Object.fromEntries(Array.from({ length: MAX_COMPARED_SCHEMA_NODES * 2 }, (_, i) => [`p${i}`, { type: "object", properties: { q: { type: "string" } } }]));
    const started = performance.now();
    const diagnostics = compare({ type: "object", properties: many }, { type: "object", properties: { ...many, constructor: { type: "string" } } });
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(summary(diagnostics)).toEqual(["error config-schema-entry-only-property configSchema.properties.constructor"]);
  });
});
