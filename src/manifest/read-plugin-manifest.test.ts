import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { formatDiagnostic, formatDiagnostics, hasErrors, type PluginDiagnostic } from "./diagnostics.js";
import { checkPluginManifest, parsePluginManifest, readPluginManifest } from "./read-plugin-manifest.js";
import { MAX_PLUGIN_MANIFEST_BYTES } from "./plugin-manifest-schema.js";

const fixtures = join(dirname(fileURLToPath(import.meta.url)), "__fixtures__", "seed-003");
const EMPTY_SCHEMA = { type: "object", additionalProperties: false, properties: {} };
const tempRoot = mkdtempSync(join(tmpdir(), "manifest-test-"));
afterAll(() => rmSync(tempRoot, { recursive: true, force: true }));

function codes(diagnostics: PluginDiagnostic[]): string[] {
  return diagnostics.map((d) => d.code);
}

function only(diagnostics: PluginDiagnostic[], code: string): PluginDiagnostic {
  const matching = diagnostics.filter((d) => d.code === code);
  expect(matching, `expected exactly one ${code} in ${formatDiagnostics(diagnostics)}`).toHaveLength(1);
  return matching[0]!;
}

function check(manifest: Record<string, unknown>) {
  return checkPluginManifest({ id: "demo", configSchema: EMPTY_SCHEMA, ...manifest });
}

describe("seed 003 example manifests", () => {
  const names = readdirSync(fixtures).sort();

  it("has a fixture for every example of the reference", () => {
    expect(names).toEqual([
      "field-channels",
      "field-description",
      "field-kind",
      "field-name",
      "field-providers",
      "field-skills",
      "field-ui-hints",
      "field-version",
      "hello-world",
      "matrix",
      "minimal",
      "schema-conditional",
      "schema-empty",
      "schema-nested",
      "schema-properties",
      "voice-call",
    ]);
  });

  it.each(names)("%s validates without any diagnostic", async (name) => {
    const result = await readPluginManifest(join(fixtures, name));
    expect(formatDiagnostics(result.diagnostics)).toBe("");
    expect(result.manifest?.id).toMatch(/^[a-z-]+$/);
    expect(result.file).toBe(join(fixtures, name, "openclaw.plugin.json"));
  });

  it("keeps every field of the full voice-call example", async () => {
    const { manifest } = await readPluginManifest(join(fixtures, "voice-call"));
    expect(manifest).toMatchObject({
      id: "voice-call",
      name: "Voice Call",
      version: "2026.3.3",
      skills: ["skills"],
      uiHints: { "twilio.authToken": { label: "Twilio Auth Token", sensitive: true } },
    });
    expect(Object.keys(manifest!.configSchema.properties as object)).toEqual([
      "enabled",
      "provider",
      "fromNumber",
      "toNumber",
      "twilio",
      "serve",
    ]);
  });

  it("reads a manifest given as a file path", async () => {
    const file = join(fixtures, "matrix", "openclaw.plugin.json");
    const result = await readPluginManifest(file);
    expect(result.file).toBe(file);
    expect(result.manifest?.channels).toEqual(["matrix"]);
  });
});

describe("reading the file", () => {
  it("reports a missing manifest with its path and what to do", async () => {
    const dir = join(tempRoot, "empty");
    mkdirSync(dir);
    const result = await readPluginManifest(dir);
    expect(result.manifest).toBeUndefined();
    const d = only(result.diagnostics, "manifest-not-found");
    expect(d.level).toBe("error");
    expect(d.message).toContain(join(dir, "openclaw.plugin.json"));
    expect(d.message).toContain('"id" and "configSchema"');
  });

  it("names file, line and column of a syntax error", async () => {
    const dir = join(tempRoot, "broken");
    mkdirSync(dir);
    writeFileSync(join(dir, "openclaw.plugin.json"), '{\n  "id": "broken",\n  "configSchema": { "type": "object" ]\n}\n');
    const result = await readPluginManifest(dir);
    expect(result.manifest).toBeUndefined();
    const d = only(result.diagnostics, "manifest-parse-error");
    expect(d).toMatchObject({ line: 3, column: 38, file: join(dir, "openclaw.plugin.json") });
    expect(d.message).toContain(`${join(dir, "openclaw.plugin.json")} at line 3, column 38`);
    expect(formatDiagnostic(d)).toMatch(/openclaw\.plugin\.json:3:38: Cannot parse/);
  });

  it("accepts JSON5 comments, unquoted keys and trailing commas, and a BOM", () => {
    const result = parsePluginManifest('\uFEFF// my plugin\n{ id: "demo", /* empty */ configSchema: {}, channels: ["x",], }');
    expect(result.diagnostics).toEqual([]);
    expect(result.manifest).toEqual({ id: "demo", configSchema: {}, channels: ["x"] });
  });

  it("gives the same manifest and diagnostics for strict JSON as for the same text in JSON5", () => {
    // Strict JSON takes the JSON.parse fast path; the trailing comma forces the JSON5 parser.
    const json =
      '{"id":"demo","configSchema":{"type":"object","properties":{"__proto__":{"type":"string"},"a\\u00e9":{"type":"number","default":-0}}},' +
      '"channels":["x","x"],"name":"one","name":"two","description":"line\\u2028sep"}';
    const json5 = `${json.slice(0, -1)},}`;
    const strict = parsePluginManifest(json);
    const loose = parsePluginManifest(json5);
    expect(loose).toEqual(strict);
    expect(codes(strict.diagnostics).sort()).toEqual(["duplicate-entry", "duplicate-key"]);
    expect(Object.keys(strict.manifest!.configSchema.properties as object)).toEqual(["__proto__", "aé"]);
    expect(Object.getPrototypeOf(strict.manifest!.configSchema.properties)).toBe(Object.prototype);
    expect(strict.manifest!.name).toBe("two");
  });

  it("refuses more than 256 KiB without parsing it", async () => {
    const padding = " ".repeat(MAX_PLUGIN_MANIFEST_BYTES);
    const text = `{"id":"big","configSchema":{}}${padding}`;
    expect(only(parsePluginManifest(text).diagnostics, "manifest-too-large").message).toContain("256 KiB");
    const dir = join(tempRoot, "big");
    mkdirSync(dir);
    writeFileSync(join(dir, "openclaw.plugin.json"), text);
    const result = await readPluginManifest(dir);
    expect(result.manifest).toBeUndefined();
    expect(codes(result.diagnostics)).toEqual(["manifest-too-large"]);
    // Exactly at the limit is fine.
    const atLimit = `{"id":"big","configSchema":{}}`.padEnd(MAX_PLUGIN_MANIFEST_BYTES, " ");
    expect(parsePluginManifest(atLimit).manifest?.id).toBe("big");
  });

  it("reports a directory where the file should be", async () => {
    const dir = join(tempRoot, "dir-manifest");
    mkdirSync(join(dir, "openclaw.plugin.json"), { recursive: true });
    expect(codes((await readPluginManifest(dir)).diagnostics)).toEqual(["manifest-read-failed"]);
  });

  it("rejects text that is not UTF-8", async () => {
    const dir = join(tempRoot, "latin1");
    mkdirSync(dir);
    writeFileSync(join(dir, "openclaw.plugin.json"), Buffer.from([0x7b, 0xff, 0xfe, 0x7d]));
    expect(codes((await readPluginManifest(dir)).diagnostics)).toEqual(["manifest-parse-error"]);
  });
});

describe("hard errors (no usable manifest)", () => {
  it.each([
    ["[]", "manifest-not-object"],
    ['"text"', "manifest-not-object"],
    ['{ "configSchema": {} }', "id-missing"],
    ['{ "id": "  ", "configSchema": {} }', "id-missing"],
    ['{ "id": 42, "configSchema": {} }', "id-missing"],
    ['{ "id": "node-mcp", "configSchema": {} }', "id-reserved"],
    ['{ "id": "demo" }', "config-schema-missing"],
    ['{ "id": "demo", "configSchema": true }', "config-schema-not-object"],
    ['{ "id": "demo", "configSchema": [] }', "config-schema-not-object"],
  ])("%s → %s", (text, code) => {
    const result = parsePluginManifest(text);
    expect(result.manifest).toBeUndefined();
    expect(codes(result.diagnostics)).toContain(code);
    expect(result.diagnostics.every((d) => d.level === "error")).toBe(true);
  });

  it("tells how to write the empty schema when configSchema is missing", () => {
    const d = only(parsePluginManifest('{ "id": "demo" }').diagnostics, "config-schema-missing");
    expect(d.message).toContain('"additionalProperties": false');
  });
});

describe("values the gateway would silently drop are diagnostics", () => {
  it('"tools": true is an error that explains the array form, and is dropped', () => {
    const result = check({ contracts: { tools: true } });
    const d = only(result.diagnostics, "contracts-not-array");
    expect(d).toMatchObject({ level: "error", path: "contracts.tools" });
    expect(d.message).toContain('"tools": ["my_tool"]');
    expect(d.message).toContain("got true");
    expect(result.manifest?.contracts).toEqual({});
  });

  it("drops only the bad entries of a contract list", () => {
    const result = check({ contracts: { speechProviders: ["a", 3, " ", "b"] } });
    expect(codes(result.diagnostics)).toEqual(["contracts-invalid-entry", "contracts-invalid-entry"]);
    expect(result.diagnostics.map((d) => d.path)).toEqual(["contracts.speechProviders[1]", "contracts.speechProviders[2]"]);
    expect(result.manifest?.contracts?.speechProviders).toEqual(["a", "b"]);
  });

  it("unknown contracts keys are warnings with a suggestion", () => {
    const result = check({ contracts: { tool: ["x"], agentToolResultMiddleware: ["pi", "codex"] } });
    const d = only(result.diagnostics, "contracts-unknown-key");
    expect(d).toMatchObject({ level: "warning", path: "contracts.tool" });
    expect(d.message).toContain('Did you mean "tools"?');
    expect(result.manifest?.contracts).toEqual({ agentToolResultMiddleware: ["pi", "codex"] });
  });

  it("contracts that is not an object is an error", () => {
    const result = check({ contracts: ["tools"] });
    expect(only(result.diagnostics, "contracts-not-object").level).toBe("error");
    expect(result.manifest?.contracts).toBeUndefined();
  });

  it("unknown kind is an error naming the allowed values; arrays of kinds are accepted", () => {
    const bad = check({ kind: "memroy" });
    expect(only(bad.diagnostics, "kind-unknown").message).toContain('"memory" or "context-engine"');
    expect(bad.manifest?.kind).toBeUndefined();
    expect(check({ kind: ["memory", "context-engine"] }).diagnostics).toEqual([]);
    expect(codes(check({ kind: [] }).diagnostics)).toEqual(["kind-unknown"]);
  });

  it("unknown top-level keys are warnings, with did-you-mean and misplaced contract hints", () => {
    const result = check({ contract: {}, tools: ["x"], zzz: 1 });
    const byPath = Object.fromEntries(result.diagnostics.map((d) => [d.path, d]));
    expect(byPath.contract?.message).toContain('Did you mean "contracts"?');
    expect(byPath.tools?.message).toContain('Did you mean "contracts.tools"?');
    expect(byPath.zzz?.level).toBe("warning");
    expect(result.manifest).toEqual({ id: "demo", configSchema: EMPTY_SCHEMA });
  });

  it("gateway-owned fields pass through without diagnostics", () => {
    const result = check({ setup: { providers: [] }, enabledByDefault: true, categories: ["x"], $schema: "./schema.json" });
    expect(result.diagnostics).toEqual([]);
    expect(result.manifest).toMatchObject({ setup: { providers: [] }, enabledByDefault: true, $schema: "./schema.json" });
  });

  it("an invalid id is an error but the manifest stays usable with its id", () => {
    const result = check({ id: "My_Plugin" });
    const d = only(result.diagnostics, "id-invalid");
    expect(d.message).toContain('"my-plugin"');
    expect(result.manifest?.id).toBe("My_Plugin");
  });

  it("type mismatches of simple fields are errors and the field is dropped", () => {
    const result = check({ name: 5, channels: "matrix", providers: ["p", ""] });
    expect(result.diagnostics.map((d) => `${d.code} ${d.path}`)).toEqual([
      // List entries are checked by the linear pre-pass, before the zod schema's findings.
      "providers-invalid providers[1]",
      "channels-invalid channels",
      "field-invalid name",
    ]);
    expect(result.manifest).toMatchObject({ providers: ["p"] });
    expect(result.manifest?.name).toBeUndefined();
    expect(result.manifest?.channels).toBeUndefined();
  });
});

describe("configSchema must be a valid JSON Schema", () => {
  it("reports ajv's message", () => {
    const d = only(check({ configSchema: { type: "strin" } }).diagnostics, "config-schema-invalid");
    expect(d.level).toBe("error");
    expect(d.message).toContain("data/type must be equal to one of the allowed values");
  });

  it.each([
    [{ required: "apiKey" }, "data/required must be array"],
    [{ properties: { a: { minimum: "1" } } }, "minimum must be number"],
    [{ $ref: "#/definitions/missing" }, "can't resolve reference"],
    [{ $schema: "http://json-schema.org/draft-04/schema#" }, 'unsupported $schema "http://json-schema.org/draft-04/schema#"'],
  ])("%j", (configSchema, text) => {
    expect(only(check({ configSchema }).diagnostics, "config-schema-invalid").message).toContain(text);
  });

  it("accepts draft 2020-12 and 2019-09 schemas", () => {
    for (const $schema of ["https://json-schema.org/draft/2020-12/schema", "https://json-schema.org/draft/2019-09/schema"]) {
      const result = check({ configSchema: { $schema, type: "object", $defs: { a: { type: "string" } }, properties: { a: { $ref: "#/$defs/a" } } } });
      expect(result.diagnostics).toEqual([]);
    }
  });

  it("unknown keywords and formats only warn", () => {
    const result = check({ configSchema: { type: "object", properties: { a: { type: "string", format: "phone", widget: "x" } } } });
    expect(result.diagnostics.map((d) => d.level)).toEqual(["warning"]);
    expect(result.diagnostics[0]!.code).toBe("config-schema-strict");
  });
});

describe("uiHints", () => {
  const schema = {
    type: "object",
    properties: {
      apiKey: { type: "string" },
      twilio: { type: "object", properties: { authToken: { type: "string" } } },
      accounts: { type: "array", items: { type: "object", properties: { token: { type: "string" } } } },
      byName: { type: "object", additionalProperties: { type: "object", properties: { secret: { type: "string" } } } },
      ref: { $ref: "#/definitions/r" },
    },
    definitions: { r: { type: "object", properties: { inner: { type: "string" } } } },
    if: { properties: { apiKey: { const: "x" } } },
    then: { properties: { onlyThen: { type: "string" } } },
  };

  it("accepts the root (\"\"), dotted, array, wildcard, $ref and if/then paths", () => {
    const hints = ["", "apiKey", "twilio.authToken", "accounts[].token", "accounts.*.token", "byName.*.secret", "ref.inner", "onlyThen"];
    const result = check({ configSchema: schema, uiHints: Object.fromEntries(hints.map((h) => [h, { label: h }])) });
    expect(result.diagnostics).toEqual([]);
  });

  it("warns for keys naming no property of configSchema", () => {
    const result = check({ configSchema: schema, uiHints: { apikey: { label: "x" }, "twilio.token": { label: "y" } } });
    expect(result.diagnostics.map((d) => `${d.level} ${d.code} ${d.path}`)).toEqual([
      "warning ui-hint-unknown-path uiHints.apikey",
      'warning ui-hint-unknown-path uiHints["twilio.token"]',
    ]);
    expect(result.manifest?.uiHints).toHaveProperty("apikey");
    // A case-only typo names the right key; a path with no close property gets no guess.
    expect(result.diagnostics[0]?.message).toContain('Did you mean "apiKey"?');
    expect(result.diagnostics[1]?.message).not.toContain("Did you mean");
  });

  it("suggests the declared path for case-only and near typos in nested, array and channel hint paths", () => {
    const result = check({
      configSchema: schema,
      uiHints: { "twilio.authtoken": { label: "a" }, "Accounts[].Token": { label: "b" }, "ref.Inner": { label: "c" }, "apiKye": { label: "d" } },
      channels: ["matrix"],
      channelConfigs: { matrix: { schema: { type: "object", properties: { homeserverUrl: { type: "string" } } }, uiHints: { homeServerUrl: { label: "e" } } } },
    });
    expect(result.diagnostics.map((d) => [d.path, /Did you mean "([^"]+)"/.exec(d.message)?.[1]])).toEqual([
      ['uiHints["twilio.authtoken"]', "twilio.authToken"],
      ['uiHints["Accounts[].Token"]', "accounts[].token"],
      ['uiHints["ref.Inner"]', "ref.inner"],
      ["uiHints.apiKye", "apiKey"],
      ["channelConfigs.matrix.uiHints.homeServerUrl", "homeserverUrl"],
    ]);
  });

  it("a malformed sensitive flag is an error and fails safe (treated as sensitive)", () => {
    const result = check({ configSchema: schema, uiHints: { apiKey: { sensitive: "yes", label: 3, color: "red" } } });
    expect(result.diagnostics.map((d) => `${d.level} ${d.code} ${d.path}`)).toEqual([
      // Hint fields are checked in the order they appear.
      "error ui-hint-invalid uiHints.apiKey.sensitive",
      "error ui-hint-invalid uiHints.apiKey.label",
      "warning ui-hint-unknown-key uiHints.apiKey.color",
    ]);
    expect(result.manifest?.uiHints?.apiKey).toEqual({ sensitive: true });
  });
});

describe("skills, version, channelConfigs, activation", () => {
  it("skills folders must exist inside the plugin root", () => {
    const root = join(tempRoot, "skills-root");
    mkdirSync(join(root, "present"), { recursive: true });
    writeFileSync(join(root, "file.md"), "x");
    const text = JSON.stringify({ id: "demo", configSchema: {}, skills: ["present", "absent", "file.md", "../outside", "/abs"] });
    const result = parsePluginManifest(text, { rootDir: root });
    expect(result.diagnostics.map((d) => `${d.code} ${d.path}`)).toEqual([
      "skill-folder-missing skills[1]",
      "skill-folder-missing skills[2]",
      "skill-path-invalid skills[3]",
      "skill-path-invalid skills[4]",
    ]);
    expect(result.diagnostics[0]!.message).toContain(join(root, "absent"));
  });

  it("a non-semver version is a warning", () => {
    expect(check({ version: "1.2.3-beta.1+build.5" }).diagnostics).toEqual([]);
    const d = only(check({ version: "v1.2" }).diagnostics, "version-not-semver");
    expect(d.level).toBe("warning");
  });

  it("duplicate list entries are warnings", () => {
    expect(check({ channels: ["a", "a"] }).diagnostics.map((d) => `${d.code} ${d.path}`)).toEqual(["duplicate-entry channels[1]"]);
  });

  it("channelConfigs: checked schemas, hints, and declared channels", () => {
    const result = check({
      channels: ["matrix"],
      channelConfigs: {
        matrix: { schema: { type: "object", properties: { homeserver: { type: "string" } } }, uiHints: { homeserver: { label: "x" }, nope: { label: "y" } } },
        irc: { schema: { type: "object" } },
        broken: { schema: { type: 5 } },
        missing: { label: "no schema" },
      },
    });
    expect(result.diagnostics.map((d) => `${d.level} ${d.code} ${d.path}`)).toEqual([
      "error channel-config-invalid channelConfigs.missing.schema",
      "warning ui-hint-unknown-path channelConfigs.matrix.uiHints.nope",
      "warning channel-config-undeclared channelConfigs.irc",
      "error channel-config-schema-invalid channelConfigs.broken.schema",
      "warning channel-config-undeclared channelConfigs.broken",
    ]);
    expect(Object.keys(result.manifest?.channelConfigs ?? {})).toEqual(["matrix", "irc", "broken"]);
  });

  it("activation: known fields pass, others are reported", () => {
    expect(check({ activation: { onStartup: false, onCapabilities: ["tool", "hook"], onCommands: ["x"] } }).diagnostics).toEqual([]);
    const result = check({ activation: { onStartup: "yes", onCapabilities: ["tool", "toaster"], onBoot: true } });
    expect(result.diagnostics.map((d) => `${d.level} ${d.code} ${d.path}`)).toEqual([
      // List entries and unknown keys come from the linear pre-pass, before the zod schema's findings.
      "warning activation-unknown-key activation.onBoot",
      "error activation-invalid activation.onCapabilities[1]",
      "error activation-invalid activation.onStartup",
    ]);
    expect(result.manifest?.activation).toEqual({ onCapabilities: ["tool"] });
  });
});

describe("result contract", () => {
  it("never mutates the input object", () => {
    const input = { id: "demo", configSchema: {}, contracts: { tools: true, speechProviders: ["a", 1] }, extra: 1 };
    const snapshot = structuredClone(input);
    check(input);
    expect(input).toEqual(snapshot);
  });

  it("file defaults to <rootDir>/openclaw.plugin.json and every diagnostic carries it", () => {
    const result = parsePluginManifest('{"id":"demo","configSchema":{},"x":1}', { rootDir: "/p" });
    expect(result.file).toBe(join("/p", "openclaw.plugin.json"));
    expect(result.diagnostics.every((d) => d.file === result.file)).toBe(true);
  });

  it("errors keep the manifest when it is still usable; hasErrors tells them apart", () => {
    const result = check({ contracts: { tools: true } });
    expect(result.manifest).toBeDefined();
    expect(hasErrors(result.diagnostics)).toBe(true);
    expect(hasErrors(check({ zzz: 1 }).diagnostics)).toBe(false);
  });

  it("formatDiagnostic renders file: path: message (code) without repeating the path", () => {
    const [d] = check({ contracts: { tools: true } }).diagnostics;
    expect(formatDiagnostic(d!)).toBe(
      'openclaw.plugin.json: contracts.tools: must be an array of names, e.g. "tools": ["my_tool"]; got true. The gateway ignores a non-array value, and then rejects every agent tool the plugin registers. (contracts-not-array)',
    );
    expect(formatDiagnostic({ level: "info", code: "x", path: "a.b", message: "hello" })).toBe("a.b: hello (x)");
  });
});

describe("readPluginManifest path handling", () => {
  it("accepts a manifest file whatever its name", async () => {
    const file = join(tempRoot, "custom-name.manifest");
    writeFileSync(file, '{ "id": "custom", "configSchema": {} }');
    const result = await readPluginManifest(file);
    expect(result).toEqual({ file, manifest: { id: "custom", configSchema: {} }, diagnostics: [] });
  });

  it("treats a folder whose name ends in .json as a plugin root", async () => {
    const root = join(tempRoot, "odd-root.json");
    mkdirSync(root);
    writeFileSync(join(root, "openclaw.plugin.json"), '{ "id": "odd", "configSchema": {} }');
    const result = await readPluginManifest(root);
    expect(result.file).toBe(join(root, "openclaw.plugin.json"));
    expect(result.manifest?.id).toBe("odd");
  });

  it("reads a file exactly at the size limit from disk", async () => {
    const file = join(tempRoot, "at-limit.json");
    writeFileSync(file, `{"id":"big","configSchema":{}}`.padEnd(MAX_PLUGIN_MANIFEST_BYTES, " "));
    const result = await readPluginManifest(file);
    expect(result.diagnostics).toEqual([]);
    expect(result.manifest?.id).toBe("big");
  });
});

describe("duplicate keys", () => {
  it("are warnings naming the lines, at any depth, with JSON5 syntax", () => {
    const text = [
      "{",
      '  "id": "demo",',
      '  "configSchema": {},',
      '  "contracts": { "tools": ["a"] },',
      "  // a second block silently replaces the first",
      "  contracts: { 'tools': ['b'], tools: [\"c\"] },",
      '  "channels": [{ "x": 1, "x": 2 }],',
      "}",
    ].join("\n");
    const result = parsePluginManifest(text);
    expect(result.diagnostics.map((d) => `${d.level} ${d.code} ${d.path} ${d.line}`)).toEqual([
      "warning duplicate-key contracts 4",
      "warning duplicate-key contracts.tools 6",
      "warning duplicate-key channels[0].x 7",
      "error channels-invalid channels[0] undefined",
    ]);
    expect(result.diagnostics[0]!.message).toContain("lines 4, 6");
    expect(result.manifest?.contracts).toEqual({ tools: ["c"] });
  });

  it("ignore keys that only look alike inside strings and comments", () => {
    const text = '{ "id": "demo", /* "id": "x", */ "configSchema": { "description": "id: \\"a\\", id" }, "name": "a\\"b" }';
    expect(parsePluginManifest(text).diagnostics).toEqual([]);
  });
});
