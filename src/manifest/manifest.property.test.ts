/**
 * Property-based tests (fast-check): whatever the input, the manifest reader returns a structured result and never
 * throws; whatever survives into `manifest` is schema-valid.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import JSON5 from "json5";
import { describe, expect, it } from "vitest";
import type { PluginDiagnostic } from "./diagnostics.js";
import { findDuplicateKeys } from "./duplicate-keys.js";
import { KNOWN_TOP_LEVEL_KEYS, checkPluginManifest, parsePluginManifest, type PluginManifestReadResult } from "./read-plugin-manifest.js";
import { GATEWAY_OWNED_MANIFEST_KEYS, PLUGIN_CONTRACT_KEYS } from "./plugin-manifest-schema.js";
import { getPluginManifestSchema } from "./plugin-manifest-zod.js";

const fixtures = join(dirname(fileURLToPath(import.meta.url)), "__fixtures__", "seed-003");
const fixtureTexts = readdirSync(fixtures)
  .sort()
  .map((name) => readFileSync(join(fixtures, name, "openclaw.plugin.json"), "utf8"));
const validManifests = fixtureTexts.map((text) => parsePluginManifest(text).manifest!);

const FATAL = new Set([
  "manifest-not-found",
  "manifest-read-failed",
  "manifest-too-large",
  "manifest-parse-error",
  "manifest-not-object",
  "manifest-invalid",
  "id-missing",
  "id-reserved",
  "config-schema-missing",
  "config-schema-not-object",
  "entry-escapes-root",
  "manifest-not-data",
  "manifest-check-failed",
]);
// Problems a clean re-check may still report: they are about meaning, not structure, and are never "fixed" by dropping.
const SEMANTIC = new Set([
  "id-invalid",
  "config-schema-invalid",
  "channel-config-schema-invalid",
  "skill-path-invalid",
  "schema-too-deep",
  "schema-too-large",
]);

function assertStructured(result: PluginManifestReadResult): void {
  expect(typeof result.file).toBe("string");
  expect(Array.isArray(result.diagnostics)).toBe(true);
  for (const d of result.diagnostics as PluginDiagnostic[]) {
    expect(["error", "warning", "info"]).toContain(d.level);
    expect(d.code).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(typeof d.path).toBe("string");
    expect(d.message.length).toBeGreaterThan(0);
    expect(d.file).toBe(result.file);
  }
  const fatal = result.diagnostics.some((d) => FATAL.has(d.code));
  if (result.manifest) {
    expect(fatal).toBe(false);
    const manifest = result.manifest;
    const schemaView = /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(manifest.id) ? manifest : { ...manifest, id: "placeholder" };
    expect(getPluginManifestSchema().safeParse(schemaView).success).toBe(true);
    // What survives is clean: re-checking it finds no structural problem.
    const again = checkPluginManifest(manifest);
    expect(again.manifest).toBeDefined();
    const structural = again.diagnostics.filter((d) => d.level === "error" && !SEMANTIC.has(d.code));
    expect(structural).toEqual([]);
  } else {
    expect(result.diagnostics.some((d) => d.level === "error")).toBe(true);
  }
}

const knownKey = fc.constantFrom(
  ...KNOWN_TOP_LEVEL_KEYS.filter((key) => !(GATEWAY_OWNED_MANIFEST_KEYS as readonly string[]).includes(key)),
  ...GATEWAY_OWNED_MANIFEST_KEYS.slice(0, 3),
);
const nameLike = fc.constantFrom("tools", "sensitive", "label", "schema", "onStartup", "onCapabilities", "matrix", "apiKey", ...PLUGIN_CONTRACT_KEYS.slice(0, 4));
const jsonish = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small" },
    fc.jsonValue({ maxDepth: 2 }),
    fc.dictionary(nameLike, tie("value"), { maxKeys: 4 }),
    fc.array(tie("value"), { maxLength: 3 }),
  ),
})).value;

describe("manifest reader properties", () => {
  it("random JSON values never throw and give a structured result", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        assertStructured(checkPluginManifest(value));
      }),
      { numRuns: 300 },
    );
  });

  it("random objects over the known keys never throw and keep only schema-valid values", () => {
    fc.assert(
      fc.property(
        fc.dictionary(knownKey, jsonish, { maxKeys: 8 }),
        fc.constantFrom("demo", "Demo_X", "", undefined),
        fc.constantFrom({}, { type: "object" }, { type: "strin" }, undefined),
        (fields, id, configSchema) => {
          const value: Record<string, unknown> = { ...fields };
          if (id !== undefined && !("id" in fields)) value.id = id;
          if (configSchema !== undefined && !("configSchema" in fields)) value.configSchema = configSchema;
          assertStructured(checkPluginManifest(value));
        },
      ),
      { numRuns: 400 },
    );
  });

  it("random text never throws; parse errors carry line and column", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        const result = parsePluginManifest(text);
        assertStructured(result);
        for (const d of result.diagnostics.filter((entry) => entry.code === "manifest-parse-error")) {
          expect(d.line).toBeGreaterThanOrEqual(1);
          expect(d.message).toContain("line");
        }
      }),
      { numRuns: 300 },
    );
  });

  it("character-level edits of the seed example files never throw", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...fixtureTexts),
        fc.array(fc.tuple(fc.nat(), fc.nat(3), fc.string({ maxLength: 3 })), { minLength: 1, maxLength: 4 }),
        (text, edits) => {
          let mutated = text;
          for (const [position, deleteCount, insert] of edits) {
            const at = position % (mutated.length + 1);
            mutated = mutated.slice(0, at) + insert + mutated.slice(at + deleteCount);
          }
          assertStructured(parsePluginManifest(mutated));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("random structural mutations of the seed example manifests never throw", () => {
    type Path = Array<string | number>;
    function paths(value: unknown, prefix: Path = []): Path[] {
      if (value === null || typeof value !== "object") return [prefix];
      const children = Object.entries(value).flatMap(([key, child]) =>
        paths(child, [...prefix, Array.isArray(value) ? Number(key) : key]),
      );
      return [prefix, ...children];
    }
    function mutate(root: unknown, path: Path, op: "set" | "delete" | "add", value: unknown, key: string): unknown {
      if (path.length === 0) return op === "set" ? value : root;
      const copy = structuredClone(root) as Record<string | number, unknown>;
      let node: Record<string | number, unknown> = copy;
      for (const segment of path.slice(0, -1)) {
        const child = node[segment];
        if (child === null || typeof child !== "object") return copy;
        node = child as Record<string | number, unknown>;
      }
      const last = path[path.length - 1]!;
      if (op === "set") node[last] = value;
      else if (op === "delete") {
        if (Array.isArray(node)) node.splice(Number(last), 1);
        else delete node[last];
      } else if (node[last] && typeof node[last] === "object") {
        (node[last] as Record<string, unknown>)[key] = value;
      }
      return copy;
    }
    fc.assert(
      fc.property(
        fc.constantFrom(...validManifests),
        fc.array(fc.tuple(fc.nat(), fc.constantFrom("set", "delete", "add") as fc.Arbitrary<"set" | "delete" | "add">, jsonish, nameLike), {
          minLength: 1,
          maxLength: 5,
        }),
        (manifest, operations) => {
          let current: unknown = manifest;
          for (const [pick, op, value, key] of operations) {
            const all = paths(current);
            current = mutate(current, all[pick % all.length]!, op, value, key);
          }
          assertStructured(checkPluginManifest(current));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("the duplicate-key scanner finds nothing in serialized values and finds an injected duplicate", () => {
    const decode = (literal: string) => String(JSON5.parse(literal));
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(0, 2), fc.boolean(), (value, indent, json5) => {
        const text = json5 ? JSON5.stringify(value, null, indent) : JSON.stringify(value, null, indent);
        expect(findDuplicateKeys(text, decode)).toEqual([]);
        const injected = `{ "dup": 1, ${json5 ? "dup" : '"dup"'}: ${text} }`;
        expect(findDuplicateKeys(injected, decode)).toEqual([{ path: ["dup"], lines: [1, 1] }]);
      }),
      { numRuns: 300 },
    );
  });
});

describe("hostile manifests (issue 10)", () => {
  const key = fc.constantFrom("a", "b", "__proto__", "constructor", "toString", "valueOf", "hasOwnProperty", "*", "0");
  const evilPattern = fc.constantFrom("^(a+)+$", "^(a|a)*$", "(a*)*b", "^(a|aa)+$", "(a)\\1", "(?=a)", "[", "^x-");
  /** Schemas with prototype-name keys, evil patterns, local/malformed $refs, allOf fan-out. */
  const schema: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
    node: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      fc.constant({}),
      fc.record({ type: fc.constantFrom("object", "string") }),
      fc.record({ type: fc.constant("string"), pattern: evilPattern }),
      fc.record({ type: fc.constant("object"), properties: fc.dictionary(key, tie("node"), { maxKeys: 3 }) }),
      fc.record({ patternProperties: fc.dictionary(evilPattern, tie("node"), { maxKeys: 2 }) }),
      fc.record({ additionalProperties: tie("node") }),
      fc.record({ allOf: fc.array(fc.record({ $ref: fc.constantFrom("#", "#/definitions/d", "#/%", "#/definitions/%E0%A4%A", "#/properties/__proto__") }), { maxLength: 5 }) }),
      fc.record({ $ref: fc.constantFrom("#/definitions/d", "#/%") }),
    ),
  })).node;
  /** Nested `{"a": …}` as deep as `depth` (past the schema depth limit at the top of the range), built in the property. */
  const deepSchema = (depth: number): Record<string, unknown> => {
    let node: Record<string, unknown> = {};
    for (let i = 0; i < depth; i++) node = { type: "object", properties: { a: node } };
    return node;
  };
  const hintPath = fc.array(fc.oneof(key, fc.constant("a".repeat(34) + "!")), { minLength: 1, maxLength: 7 }).map((parts) => parts.join("."));
  const manifest = fc.record({
    id: fc.constantFrom("demo", "constructor", "__proto__", "toString"),
    configSchema: fc.oneof(
      fc.record({ type: fc.constant("object"), definitions: fc.record({ d: schema }), properties: fc.dictionary(key, schema, { maxKeys: 4 }) }),
      fc.integer({ min: 0, max: 3000 }),
    ),
    uiHints: fc.dictionary(hintPath, fc.record({ label: fc.constant("l"), sensitive: fc.boolean(), lable: fc.constant("x") }, { requiredKeys: [] }), { maxKeys: 6 }),
    contracts: fc.dictionary(key, fc.array(fc.oneof(fc.string({ maxLength: 3 }), fc.integer()), { maxLength: 3 }), { maxKeys: 4 }),
    channels: fc.array(key, { maxLength: 3 }),
    channelConfigs: fc.dictionary(key, fc.record({ schema }), { maxKeys: 2 }),
  });

  it("never throws, stays fast, and leaves Object.prototype untouched", () => {
    const protoKeys = Object.getOwnPropertyNames(Object.prototype).join(",");
    fc.assert(
      fc.property(manifest, (generated) => {
        const depth = typeof generated.configSchema === "number" ? generated.configSchema : undefined;
        const value = depth === undefined ? generated : { ...generated, configSchema: deepSchema(depth) };
        // Deep text is built by hand: JSON.stringify itself recurses and would overflow inside the test runner.
        const text =
          depth === undefined
            ? JSON.stringify(value)
            : JSON.stringify({ ...generated, configSchema: "@@" }).replace('"@@"', `${'{"type":"object","properties":{"a":'.repeat(depth)}{}${"}}".repeat(depth)}`);
        const start = performance.now();
        const parsed = parsePluginManifest(text);
        const checked = checkPluginManifest(value);
        expect(performance.now() - start).toBeLessThan(3000);
        assertStructured(parsed);
        expect(checked.diagnostics.map((d) => d.code)).toEqual(parsed.diagnostics.filter((d) => d.code !== "duplicate-key").map((d) => d.code));
        expect(parsed.diagnostics.some((d) => d.code === "manifest-check-failed" || d.code === "manifest-invalid")).toBe(false);
        expect(Object.getOwnPropertyNames(Object.prototype).join(",")).toBe(protoKeys);
        expect(Object.keys(Object.prototype)).toEqual([]);
      }),
      { seed: 1010, numRuns: 120 },
    );
  });
});
