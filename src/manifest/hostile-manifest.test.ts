/**
 * Regression tests for hostile manifests (issue 10): contained, non-blocking reads; untrusted regexes on a
 * linear-time engine; linear checks with a step budget; deep input as a diagnostic; prototype names as keys.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { clearPluginConfigValidatorCache, validatePluginConfig } from "../config/validate-plugin-config.js";
import { createTempDirPool } from "../testing/temp-dir.js";
import { checkPluginManifest, parsePluginManifest, readPluginManifest } from "./read-plugin-manifest.js";

const pool = createTempDirPool("openclaw-hostile-manifest-");
afterEach(() => {
  pool.removeAll();
  clearPluginConfigValidatorCache();
});

const codes = (result: { diagnostics: Array<{ code: string }> }) => result.diagnostics.map((d) => d.code);

/** Runs `fn` and returns its result with the elapsed milliseconds. */
function timed<T>(fn: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = fn();
  return { value, ms: performance.now() - start };
}

describe("reading the file", () => {
  it("refuses a FIFO named openclaw.plugin.json at once", async () => {
    const dir = pool.create();
    execFileSync("mkfifo", [join(dir.path, "openclaw.plugin.json")]);
    const { value, ms } = timed(() => readPluginManifest(dir.path));
    const result = await value;
    expect(ms).toBeLessThan(2000);
    expect(result.manifest).toBeUndefined();
    expect(result.diagnostics).toHaveLength(1);
    expect(result.diagnostics[0]).toMatchObject({ level: "error", code: "manifest-read-failed" });
    expect(result.diagnostics[0]!.message).toContain("is not a regular file (a FIFO, socket or device)");
  });

  it("refuses a symlinked manifest that resolves outside the plugin root, leaking nothing of the target", async () => {
    const outside = pool.create();
    const secret = outside.write({ "secret.txt": "Zsecret-contents\n" })[0]!;
    const dir = pool.create();
    symlinkSync(secret, join(dir.path, "openclaw.plugin.json"));
    const result = await readPluginManifest(dir.path);
    expect(result.manifest).toBeUndefined();
    expect(codes(result)).toEqual(["entry-escapes-root"]);
    const text = JSON.stringify(result);
    expect(text).not.toContain("Zsecret");
    expect(text).not.toMatch(/"Z"|token Z|Unexpected/);
    // Also a link to /etc/passwd (the case): refused, no byte of it in any diagnostic.
    const other = pool.create();
    symlinkSync("/etc/passwd", join(other.path, "openclaw.plugin.json"));
    const passwd = await readPluginManifest(other.path);
    expect(codes(passwd)).toEqual(["entry-escapes-root"]);
    expect(JSON.stringify(passwd)).not.toMatch(/root:|"r"|token r/);
  });

  it("reads a symlinked manifest that stays inside the plugin root", async () => {
    const dir = pool.create();
    dir.write({ "real/manifest.json": { id: "inside", configSchema: {} } });
    symlinkSync(join(dir.path, "real/manifest.json"), join(dir.path, "openclaw.plugin.json"));
    const result = await readPluginManifest(dir.path);
    expect(result.diagnostics).toEqual([]);
    expect(result.manifest?.id).toBe("inside");
  });

  it("says clearly when openclaw.plugin.json is a directory", async () => {
    const dir = pool.create();
    mkdirSync(join(dir.path, "openclaw.plugin.json"));
    const result = await readPluginManifest(dir.path);
    expect(result.diagnostics).toEqual([
      expect.objectContaining({ code: "manifest-read-failed", message: `${join(dir.path, "openclaw.plugin.json")} is a directory; expected the openclaw.plugin.json file.` }),
    ]);
  });

  it("reads a plugin root or manifest given by a relative path", async () => {
    const dir = pool.create();
    dir.write({ "openclaw.plugin.json": { id: "relative", configSchema: {} } });
    const cwd = process.cwd();
    process.chdir(join(dir.path, ".."));
    try {
      const name = dir.path.split("/").at(-1)!;
      expect((await readPluginManifest(name)).manifest?.id).toBe("relative");
      expect((await readPluginManifest(`${name}/openclaw.plugin.json`)).manifest?.id).toBe("relative");
    } finally {
      process.chdir(cwd);
    }
  });

  it("reads a manifest file given by a path that does not end in .json", async () => {
    const dir = pool.create();
    const file = dir.write({ "manifest.txt": { id: "named", configSchema: {} } })[0]!;
    expect((await readPluginManifest(file)).manifest?.id).toBe("named");
  });
});

describe("untrusted regexes run in linear time", () => {
  it("checks the 142-byte manifest's uiHints path against ^(a+)+$ at once", () => {
    const text =
      '{"id":"x","configSchema":{"type":"object","patternProperties":{"^(a+)+$":{}}},"uiHints":{"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!":{"label":"l"}}}';
    expect(Buffer.byteLength(text)).toBe(142);
    const { value, ms } = timed(() => parsePluginManifest(text));
    expect(ms).toBeLessThan(2000);
    expect(codes(value)).toEqual(["ui-hint-unknown-path"]);
  });

  it("refuses a pattern RE2 cannot run with a diagnostic naming the schema path", () => {
    const result = parsePluginManifest(
      JSON.stringify({ id: "x", configSchema: { type: "object", properties: { name: { type: "string", pattern: "(a)\\1" } } } }),
    );
    expect(result.manifest).toBeDefined();
    expect(result.diagnostics).toHaveLength(1);
    expect(result.diagnostics[0]).toMatchObject({ level: "error", code: "config-schema-invalid", path: "configSchema" });
    expect(result.diagnostics[0]!.message).toContain("at #/properties/name/pattern: pattern");
    expect(result.diagnostics[0]!.message).toContain("backreferences and lookaround are not supported");
    const lookaround = parsePluginManifest(
      JSON.stringify({ id: "x", configSchema: { type: "object", patternProperties: { "^(?!x)": { type: "number" } }, additionalProperties: false } }),
    );
    expect(lookaround.diagnostics[0]!.message).toContain("at #/patternProperties/^(?!x)");
  });

  it("validates config against ^(a+)+$ with 28 a's and ! at once", () => {
    const manifest = parsePluginManifest(
      JSON.stringify({
        id: "x",
        configSchema: { type: "object", properties: { s: { type: "string", pattern: "^(a+)+$" } }, patternProperties: { "^(a+)+$": { type: "number" } } },
      }),
    ).manifest!;
    const key = `${"a".repeat(28)}!`;
    const { value, ms } = timed(() => validatePluginConfig({ manifest, config: { s: key, [key]: "x", aaa: "not a number" } }));
    expect(ms).toBeLessThan(2000);
    expect(value.diagnostics.map((d) => d.message)).toEqual([
      'plugins.entries.x.config.s: must match pattern "^(a+)+$" (got "aaaaaaaaaaaaaaaaaaaaaaaaaaaa!")',
      "plugins.entries.x.config.aaa: must be number (got \"not a number\")",
    ]);
  });
});

describe("every check is linear and budgeted", () => {
  /** $ref fan-out: `levels` definitions, each an allOf of `fanout` refs to the next; a hint path of 7 segments. */
  const fanout = (fanoutCount: number, levels: number, hint: string) => {
    const definitions: Record<string, unknown> = {};
    for (let level = 0; level < levels; level++) {
      const next = level + 1 < levels ? `#/definitions/d${level + 1}` : "#/definitions/leaf";
      definitions[`d${level}`] = { allOf: Array.from({ length: fanoutCount }, () => ({ $ref: next })) };
    }
    definitions.leaf = { type: "object", properties: { a: { type: "object", additionalProperties: { $ref: "#/definitions/d0" } } } };
    return JSON.stringify({ id: "x", configSchema: { type: "object", definitions, $ref: "#/definitions/d0" }, uiHints: { [hint]: { label: "l" } } });
  };

  it("expands a $ref fan-out once per node (3 refs per level, 7-segment hint path)", () => {
    const text = fanout(3, 6, "a.b.a.c.a.d.zz");
    const { value, ms } = timed(() => parsePluginManifest(text));
    expect(ms).toBeLessThan(3000);
    expect(codes(value)).toEqual(["ui-hint-unknown-path"]);
  });

  it("a 7-level $ref/allOf chain with 5 refs each and a hint is a diagnostic, not a RangeError", () => {
    const text = fanout(5, 7, "a.b");
    const { value, ms } = timed(() => parsePluginManifest(text));
    expect(ms).toBeLessThan(3000);
    expect(value.manifest).toBeDefined();
    expect(codes(value)).toEqual([]);
  });

  it("20,000 unknown contracts keys: linear, capped list of warnings plus a count", () => {
    const contracts = Object.fromEntries(Array.from({ length: 20_000 }, (_, i) => [`k${i}`, []]));
    const text = JSON.stringify({ id: "x", configSchema: {}, contracts });
    expect(text.length).toBeLessThan(256 * 1024);
    const { value, ms } = timed(() => parsePluginManifest(text));
    expect(ms).toBeLessThan(5000);
    expect(value.manifest?.contracts).toEqual({});
    expect(codes(value).filter((c) => c === "contracts-unknown-key")).toHaveLength(100);
    expect(value.diagnostics.at(-1)).toMatchObject({ code: "diagnostics-truncated", level: "warning" });
    expect(value.diagnostics.at(-1)!.message).toContain("19900 more contracts-unknown-key findings");
  });

  it("10,000 uiHints each with an unknown field: linear", () => {
    const uiHints = Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`h${i}`, { lable: "l" }]));
    const text = JSON.stringify({ id: "x", configSchema: { type: "object", additionalProperties: { type: "string" } }, uiHints });
    const { value, ms } = timed(() => parsePluginManifest(text));
    expect(ms).toBeLessThan(5000);
    expect(Object.keys(value.manifest!.uiHints!)).toHaveLength(10_000);
    expect(Object.values(value.manifest!.uiHints!).every((hint) => Object.keys(hint).length === 0)).toBe(true);
    expect(value.diagnostics.filter((d) => d.code === "ui-hint-unknown-key")).toHaveLength(100);
  });

  it("thousands of hint paths against many patterns stop at the step budget with a warning", () => {
    const patternProperties = Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`^(a|aa)+$|^z${i}$`, {}]));
    const uiHints = Object.fromEntries(Array.from({ length: 2000 }, (_, i) => [`${"a".repeat(100)}!${i}`, {}]));
    const { value, ms } = timed(() => parsePluginManifest(JSON.stringify({ id: "x", configSchema: { type: "object", patternProperties }, uiHints })));
    expect(ms).toBeLessThan(5000);
    expect(codes(value)).toContain("ui-hint-check-budget");
  });

  it("a contract list of 40,000 non-strings is compacted in one pass", () => {
    const text = JSON.stringify({ id: "x", configSchema: {}, contracts: { tools: [...Array.from({ length: 40_000 }, (_, i) => i), "kept"] } });
    const { value, ms } = timed(() => parsePluginManifest(text));
    expect(ms).toBeLessThan(5000);
    expect(value.manifest?.contracts?.tools).toEqual(["kept"]);
  });

  it("one line comment per key does not make the duplicate-key scan quadratic", () => {
    const lines = ['{ id: "x", configSchema: {},'];
    for (let i = 0; i < 12_000; i++) lines.push(`// c${i}\nname: "n",`);
    lines.push("}");
    const { value, ms } = timed(() => parsePluginManifest(lines.join("\n")));
    expect(ms).toBeLessThan(5000);
    expect(codes(value)).toEqual(["duplicate-key"]);
  });

  it("$refs to one large definition compile once, not once per use (ajv inlined the target and ran out of memory)", () => {
    const big = { type: "object", properties: Object.fromEntries(Array.from({ length: 190 }, (_, i) => [`f${i}`, { type: "string", minLength: 1 }])) };
    const properties = Object.fromEntries(Array.from({ length: 790 }, (_, i) => [`p${i}`, { $ref: "#/definitions/big" }]));
    const text = JSON.stringify({ id: "x", configSchema: { type: "object", definitions: { big }, properties }, uiHints: { "p3.f7": {} } });
    const { value, ms } = timed(() => parsePluginManifest(text));
    expect(value.manifest?.id).toBe("x");
    expect(codes(value)).toEqual([]);
    expect(ms).toBeLessThan(5000);
    const config = Object.fromEntries(Array.from({ length: 790 }, (_, i) => [`p${i}`, { f1: i === 5 ? "" : "ok" }]));
    const checked = validatePluginConfig({ manifest: value.manifest!, config });
    expect(checked.ok).toBe(false);
    expect(checked.diagnostics.map((d) => d.path)).toEqual(["plugins.entries.x.config.p5.f1"]);
  });

  it("a schema with more subschemas or patterns than the compiler takes is schema-too-large", () => {
    const properties = Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`p${i}`, { type: "string" }]));
    expect(codes(parsePluginManifest(JSON.stringify({ id: "x", configSchema: { type: "object", properties } })))).toEqual(["schema-too-large"]);
    const patterned = Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`p${i}`, { type: "string", pattern: `^${i}` }]));
    const result = parsePluginManifest(JSON.stringify({ id: "x", configSchema: { type: "object", properties: patterned } }));
    expect(codes(result)).toEqual(["schema-too-large"]);
    expect(result.diagnostics[0]!.message).toContain("more than 256 distinct regex patterns");
  });
});

describe("never throws", () => {
  it("a malformed $ref escape with a hint", () => {
    const result = parsePluginManifest('{"id":"demo","configSchema":{"$ref":"#/%"},"uiHints":{"a":{}}}');
    expect(result.manifest?.id).toBe("demo");
    expect(codes(result)).toEqual(["config-schema-invalid"]);
  });

  it("~2,400 nested objects in configSchema are schema-too-deep, and reading the file keeps the manifest", async () => {
    const deep = `${'{"a":'.repeat(2400)}{}${"}".repeat(2400)}`;
    const text = `{"id":"deep","configSchema":${deep},"uiHints":{"a.a":{}}}`;
    const parsed = parsePluginManifest(text);
    expect(parsed.manifest?.id).toBe("deep");
    // The hint path is still checked (iteratively): the schema declares no properties.
    expect(codes(parsed)).toEqual(["schema-too-deep", "ui-hint-unknown-path"]);
    const dir = pool.create();
    writeFileSync(join(dir.path, "openclaw.plugin.json"), text);
    const read = await readPluginManifest(dir.path);
    expect(read.manifest?.id).toBe("deep");
    expect(codes(read)).toEqual(["schema-too-deep", "ui-hint-unknown-path"]);
  });

  it("a deep in-memory value, a cycle and a throwing getter given to checkPluginManifest", () => {
    const cyclic: Record<string, unknown> = { type: "object" };
    cyclic.properties = { self: cyclic };
    expect(codes(checkPluginManifest({ id: "cyc", configSchema: cyclic }))).toEqual(["schema-too-deep"]);
    const getter = { id: "g", configSchema: {} };
    Object.defineProperty(getter, "name", { enumerable: true, get: () => { throw new Error("boom"); } });
    expect(codes(checkPluginManifest(getter))).toEqual(["manifest-not-data"]);
  });

  it("a wrong-typed value that is an object with its own constructor key (zod's wording threw on it)", () => {
    const result = parsePluginManifest(
      '{"id":"demo","configSchema":{},"channels":["c"],"channelConfigs":{"c":{"schema":{},"label":{"constructor":{"name":[{}]}}}}}',
    );
    expect(result.manifest?.channelConfigs).toEqual({ c: { schema: {} } });
    expect(codes(result)).toEqual(["channel-config-invalid"]);
    expect(result.diagnostics[0]!.message).toBe('channelConfigs.c.label: must be a string; got {"constructor":{"name":[{}]}}. The value is ignored.');
  });
});

describe("object-prototype names are ordinary keys", () => {
  it("hint paths and properties named __proto__, constructor and toString", () => {
    const text =
      '{"id":"x","configSchema":{"type":"object","properties":{"__proto__":{"type":"string"},"constructor":{"type":"string"},"toString":{"type":"string"}}},' +
      '"uiHints":{"__proto__":{"label":"p"},"constructor":{"label":"c"},"toString":{"sensitive":true},"valueOf":{"label":"v"}},' +
      '"channels":["__proto__"],"channelConfigs":{"__proto__":{"schema":{"type":"object"}}}}';
    const result = parsePluginManifest(text);
    expect(result.diagnostics.map((d) => `${d.code} ${d.path}`)).toEqual(['ui-hint-unknown-path uiHints.valueOf']);
    const manifest = result.manifest!;
    expect(Object.getPrototypeOf(manifest.uiHints)).toBe(Object.prototype);
    expect(Object.keys(manifest.uiHints!)).toEqual(["__proto__", "constructor", "toString", "valueOf"]);
    expect(Object.hasOwn(manifest.channelConfigs!, "__proto__")).toBe(true);
    // No `constructor`/`toString` key is invented: a schema property named toString does not reject {}.
    expect(validatePluginConfig({ manifest, config: {} }).ok).toBe(true);
    const required = parsePluginManifest(JSON.stringify({ id: "r", configSchema: { type: "object", required: ["toString"] } })).manifest!;
    expect(validatePluginConfig({ manifest: required, config: {} }).diagnostics.map((d) => d.message)).toEqual([
      "plugins.entries.r.config: must have required property 'toString'",
    ]);
  });

  it("an enumerable Object.prototype.pwned set by earlier code does not reach the reader (separate process)", () => {
    const script = `
      Object.prototype.pwned = "yes";
      const { parsePluginManifest } = await import(${JSON.stringify(new URL("./read-plugin-manifest.ts", import.meta.url).href)});
      const result = parsePluginManifest('{"id":"next","configSchema":{"type":"object","properties":{"a":{"type":"string"}}},"uiHints":{"a":{}},"contracts":{"tools":["t"]}}');
      console.log(JSON.stringify({ codes: result.diagnostics.map((d) => d.code), id: result.manifest?.id, tools: result.manifest?.contracts?.tools }));
    `;
    const run = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { encoding: "utf8", timeout: 30_000 });
    expect(run.stderr).toBe("");
    expect(JSON.parse(run.stdout.trim().split("\n").at(-1)!)).toEqual({ codes: [], id: "next", tools: ["t"] });
  });
});
