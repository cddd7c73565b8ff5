/**
 * Hostile manifests through the public package (`openclaw/plugin-sdk/plugin-manifest`, built dist): each case in its
 * own Node process with a time limit, so a hang fails the case instead of freezing the suite.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTempDirPool } from "../../src/testing/temp-dir.js";
import { ensureBuilt, lastJsonLine, runIsolatedModule } from "./isolated.js";

const pool = createTempDirPool("openclaw-hostile-pkg-");
beforeAll(() => ensureBuilt(), 600_000);
afterAll(() => pool.removeAll());

const LIMIT = 5000;

interface Outcome {
  codes: string[];
  messages: string[];
  manifest: boolean;
  ms: number;
}

/** Runs `call` (an expression returning a read result, or a promise of one) in a fresh process. */
function runCase(call: string, prelude = ""): Outcome {
  const result = runIsolatedModule(
    `${prelude}
     import { parsePluginManifest, readPluginManifest, checkPluginManifest } from "openclaw/plugin-sdk/plugin-manifest";
     const start = performance.now();
     const r = await (${call});
     console.log(JSON.stringify({ codes: r.diagnostics.map((d) => d.code), messages: r.diagnostics.map((d) => d.message), manifest: r.manifest !== undefined, ms: performance.now() - start }));`,
    { timeoutMs: LIMIT },
  );
  expect(result.timedOut).toBe(false);
  expect(result.stderr).toBe("");
  return lastJsonLine<Outcome>(result);
}

describe("hostile manifests through the public package", () => {
  it("a FIFO named openclaw.plugin.json is refused at once", () => {
    const dir = pool.create();
    execFileSync("mkfifo", [join(dir.path, "openclaw.plugin.json")]);
    const out = runCase(`readPluginManifest(${JSON.stringify(dir.path)})`);
    expect(out.codes).toEqual(["manifest-read-failed"]);
    expect(out.messages[0]).toContain("is not a regular file");
  });

  it("a symlink to /etc/passwd is entry-escapes-root and leaks nothing", () => {
    const dir = pool.create();
    symlinkSync("/etc/passwd", join(dir.path, "openclaw.plugin.json"));
    const out = runCase(`readPluginManifest(${JSON.stringify(dir.path)})`);
    expect(out.codes).toEqual(["entry-escapes-root"]);
    expect(out.manifest).toBe(false);
    expect(out.messages.join("\n")).not.toMatch(/root:|token r|"r"/);
  });

  it("openclaw.plugin.json that is a directory", () => {
    const dir = pool.create();
    mkdirSync(join(dir.path, "openclaw.plugin.json"));
    const out = runCase(`readPluginManifest(${JSON.stringify(dir.path)})`);
    expect(out.codes).toEqual(["manifest-read-failed"]);
    expect(out.messages[0]).toContain("is a directory; expected the openclaw.plugin.json file.");
  });

  it("the 142-byte ReDoS manifest", () => {
    const text = '{"id":"x","configSchema":{"type":"object","patternProperties":{"^(a+)+$":{}}},"uiHints":{"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!":{"label":"l"}}}';
    const out = runCase(`parsePluginManifest(${JSON.stringify(text)})`);
    expect(out.codes).toEqual(["ui-hint-unknown-path"]);
    expect(out.manifest).toBe(true);
  });

  it("$ref fan-out with a 7-segment hint path, and a 7-level chain of 5 refs", () => {
    const build = (fanout: number, levels: number, hint: string) => {
      const definitions: Record<string, unknown> = {};
      for (let level = 0; level < levels; level++) {
        definitions[`d${level}`] = { allOf: Array.from({ length: fanout }, () => ({ $ref: level + 1 < levels ? `#/definitions/d${level + 1}` : "#/definitions/leaf" })) };
      }
      definitions.leaf = { type: "object", properties: { a: { type: "object", additionalProperties: { $ref: "#/definitions/d0" } } } };
      return JSON.stringify({ id: "x", configSchema: { type: "object", definitions, $ref: "#/definitions/d0" }, uiHints: { [hint]: {} } });
    };
    expect(runCase(`parsePluginManifest(${JSON.stringify(build(3, 7, "a.b.a.c.a.d.e"))})`).codes).toEqual(["ui-hint-unknown-path"]);
    const chain = runCase(`parsePluginManifest(${JSON.stringify(build(5, 7, "a"))})`);
    expect(chain).toMatchObject({ codes: [], manifest: true });
  });

  it("20,000 contracts keys and 10,000 uiHints with an unknown field", () => {
    const contracts = runCase(
      `parsePluginManifest(JSON.stringify({ id: "x", configSchema: {}, contracts: Object.fromEntries(Array.from({ length: 20000 }, (_, i) => ["k" + i, []])) }))`,
    );
    expect(contracts.manifest).toBe(true);
    expect(contracts.codes.at(-1)).toBe("diagnostics-truncated");
    const hints = runCase(
      `parsePluginManifest(JSON.stringify({ id: "x", configSchema: { type: "object", additionalProperties: {} }, uiHints: Object.fromEntries(Array.from({ length: 10000 }, (_, i) => ["h" + i, { lable: "l" }])) }))`,
    );
    expect(hints.manifest).toBe(true);
    expect(hints.codes.filter((c) => c === "ui-hint-unknown-key")).toHaveLength(100);
  });

  it("never throws: malformed $ref escape, ~2,400 nested objects (read from a file), a cycle", () => {
    expect(runCase(`parsePluginManifest('{"id":"demo","configSchema":{"$ref":"#/%"},"uiHints":{"a":{}}}')`)).toMatchObject({
      codes: ["config-schema-invalid"],
      manifest: true,
    });
    const dir = pool.create();
    writeFileSync(join(dir.path, "openclaw.plugin.json"), `{"id":"deep","configSchema":${'{"a":'.repeat(2400)}{}${"}".repeat(2400)}}`);
    const deep = runCase(`readPluginManifest(${JSON.stringify(dir.path)})`);
    expect(deep).toMatchObject({ codes: ["schema-too-deep"], manifest: true });
    const cycle = runCase(`(() => { const s = { type: "object" }; s.properties = { s }; return checkPluginManifest({ id: "c", configSchema: s }); })()`);
    expect(cycle.codes).toEqual(["schema-too-deep"]);
  });

  it("Object.prototype.pwned set by earlier code does not reach the reader", () => {
    const out = runCase(`parsePluginManifest('{"id":"next","configSchema":{"type":"object","properties":{"a":{}}},"uiHints":{"a":{}}}')`, `Object.prototype.pwned = "yes";`);
    expect(out).toMatchObject({ codes: [], manifest: true });
  });
});
