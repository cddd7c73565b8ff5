/**
 * The linear pre-pass must change nothing but speed: for any manifest, the reader with the pre-pass returns the same
 * manifest and the same diagnostics (as a multiset: the pre-pass reports before zod) as zod's rounds alone.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { PluginDiagnostic } from "./diagnostics.js";
import { checkPluginManifest, checkPluginManifestWithoutPrepass } from "./read-plugin-manifest.js";
import { ACTIVATION_CAPABILITIES, PLUGIN_CONTRACT_KEYS } from "./plugin-manifest-schema.js";

const key = (d: PluginDiagnostic): string => `${d.level}|${d.code}|${d.path}|${d.message}`;

function expectSameResult(raw: unknown): void {
  const fast = checkPluginManifest(raw);
  const slow = checkPluginManifestWithoutPrepass(raw);
  expect(fast.manifest).toEqual(slow.manifest);
  expect(fast.diagnostics.map(key).sort()).toEqual(slow.diagnostics.map(key).sort());
}

const junk = fc.oneof(
  fc.constantFrom("", " ", "\t", "name", " padded ", "tool", "phone-number", "provider", "hook", "__proto__"),
  fc.integer({ min: -2, max: 3 }),
  fc.boolean(),
  fc.constant(null),
  fc.constant([]),
  fc.constant({}),
  fc.array(fc.constantFrom("a", 1, " ", true), { maxLength: 3 }),
);
const keyName = fc.constantFrom(
  "label",
  "lable",
  "help",
  "placeholder",
  "sensitive",
  "advanced",
  "tags",
  "presentation",
  "schema",
  "uiHints",
  "preferOver",
  "commands",
  "description",
  "onStartup",
  "onProviders",
  "onCapabilities",
  "onRoutes",
  "onWhatever",
  "tools",
  "tool",
  "providers",
  "channels",
  "skills",
  "name",
  "version",
  "kind",
  "contracts",
  "activation",
  "constructor",
  "__proto__",
  "x",
  ...PLUGIN_CONTRACT_KEYS.slice(0, 4),
);
const list = fc.array(junk, { maxLength: 5 });
const record = <T>(value: fc.Arbitrary<T>) =>
  fc.array(fc.tuple(keyName, value), { maxLength: 5 }).map((entries) => {
    const out: Record<string, T> = {};
    for (const [name, item] of entries) Object.defineProperty(out, name, { value: item, enumerable: true, writable: true, configurable: true });
    return out;
  });
const hint = fc.oneof(record(fc.oneof(junk, list)), junk);
// No `__proto__` hint path or channel id here: zod's records skip such an entry entirely (it is never checked, and the
// reader puts the unchecked value back), so zod alone and the pre-pass legitimately differ there.
const hints = fc.dictionary(fc.constantFrom("", "a", "a.b", "x.*", "constructor", "c[]"), hint, { maxKeys: 4 });

const manifest = fc.record(
  {
    id: fc.constantFrom("demo", "Bad Id"),
    configSchema: fc.constantFrom({}, { type: "object", properties: { a: { type: "string" } } }),
    contracts: fc.oneof(record(fc.oneof(list, junk)), junk),
    channels: fc.oneof(list, junk),
    providers: list,
    skills: list,
    activation: fc.oneof(
      record(fc.oneof(list, junk)),
      fc.record({ onCapabilities: fc.array(fc.constantFrom(...ACTIVATION_CAPABILITIES, "nope", 3), { maxLength: 4 }) }),
    ),
    uiHints: fc.oneof(hints, junk),
    channelConfigs: fc.dictionary(
      fc.constantFrom("", "c1", "c2", "toString"),
      fc.oneof(
        fc.record({ schema: fc.constant({}), uiHints: hints, preferOver: list }, { requiredKeys: ["schema"] }),
        // (zod alone words the other findings of a schema-less entry wrongly once the entry is dropped, so the
        // differential entries keep a schema; the schema-less case has its own test below.)
        record(fc.oneof(junk, hints)).map((entry) => Object.assign(entry, { schema: {} })),
        junk,
      ),
      { maxKeys: 3 },
    ),
    extra: junk,
    lable: junk,
  },
  { requiredKeys: ["id", "configSchema"] },
);

describe("manifest pre-pass", () => {
  it("gives the same manifest and diagnostics as zod alone (seeded, bounded)", () => {
    fc.assert(
      fc.property(manifest, (raw) => expectSameResult(raw)),
      { seed: 20261130, numRuns: 1500 },
    );
  });

  it("handles the bulk shapes the same way, below the per-code cap", () => {
    expectSameResult({
      id: "demo",
      configSchema: {},
      contracts: { tools: ["a", 1, " ", null, "b"], nope: [], tool: ["x"] },
      uiHints: { a: { lable: "x", label: 3, sensitive: "yes", tags: ["t", 2], presentation: "sms", advanced: 1 } },
      activation: { onProviders: ["p", ""], onCapabilities: ["tool", "x"], bogus: true },
      channelConfigs: { c1: { schema: {}, extra: 1, uiHints: { b: { foo: 1 } }, preferOver: [" ", "c2"] } },
      channels: ["c1", 7],
      zzz: 1,
    });
  });

  it("lists the first 100 findings of a code and counts the rest", () => {
    const result = checkPluginManifest({ id: "demo", configSchema: {}, contracts: { tools: Array.from({ length: 5000 }, (_, i) => i) } });
    const entries = result.diagnostics.filter((d) => d.code === "contracts-invalid-entry");
    expect(entries).toHaveLength(100);
    expect(entries[0]!.path).toBe("contracts.tools[0]");
    expect(entries[99]!.message).toBe("contracts.tools[99]: must be a non-blank string; got 99. The entry is ignored.");
    const truncated = result.diagnostics.filter((d) => d.code === "diagnostics-truncated");
    expect(truncated.map((d) => d.message)).toEqual([
      "4900 more contracts-invalid-entry findings not listed (only the first 100 of each kind are); fix the ones listed and check again.",
    ]);
    expect(result.manifest?.contracts).toEqual({ tools: [] });
  });

  it("drops a channel config entry without a schema with one finding, after checking the rest of it", () => {
    const result = checkPluginManifest({
      id: "demo",
      configSchema: {},
      channels: ["c1"],
      channelConfigs: { c1: { label: "x", extra: 1, preferOver: [false] } },
    });
    expect(result.manifest?.channelConfigs).toEqual({});
    expect(result.diagnostics.map((d) => `${d.code} ${d.message}`)).toEqual([
      "unknown-key channelConfigs.c1.extra: unknown key; the gateway ignores it.",
      "channel-config-invalid channelConfigs.c1.preferOver[0]: must be a string; got false. The value is ignored.",
      'channel-config-invalid channelConfigs.c1.schema: is required: the channel\'s config JSON Schema (e.g. { "type": "object", "additionalProperties": false, "properties": {} }). The channel config entry is ignored.',
    ]);
  });

  it("checks a hint whose path is __proto__ (zod's records skip such a key) and keeps it as an own key", () => {
    const result = checkPluginManifest(JSON.parse('{"id":"demo","configSchema":{"type":"object","properties":{"__proto__":{}}},"uiHints":{"__proto__":{"label":1,"x":2,"help":"h"}}}'));
    expect(result.diagnostics.map((d) => `${d.code} ${d.path}`)).toEqual(["ui-hint-invalid uiHints.__proto__.label", "ui-hint-unknown-key uiHints.__proto__.x"]);
    expect(Object.hasOwn(result.manifest!.uiHints!, "__proto__")).toBe(true);
    expect(Object.getPrototypeOf(result.manifest!.uiHints)).toBe(Object.prototype);
    expect(JSON.stringify(result.manifest!.uiHints)).toBe('{"__proto__":{"help":"h"}}');
  });

  it("a hint whose path is sensitive and whose value is not an object is dropped, not taken for the flag", () => {
    for (const check of [checkPluginManifest, checkPluginManifestWithoutPrepass]) {
      const result = check({ id: "demo", configSchema: { type: "object", properties: { sensitive: {} } }, uiHints: { sensitive: 5 } });
      expect(result.manifest?.uiHints).toEqual({});
      expect(result.diagnostics.map((d) => d.message)).toEqual(["uiHints.sensitive: must be an object; got 5. The hint field is ignored."]);
    }
  });

  it("never mutates the caller's object", () => {
    const raw = { id: "demo", configSchema: {}, contracts: { tools: [1, "a"], bad: [] }, uiHints: { a: { lable: 1 } } };
    const before = JSON.stringify(raw);
    checkPluginManifest(raw);
    expect(JSON.stringify(raw)).toBe(before);
  });
});
