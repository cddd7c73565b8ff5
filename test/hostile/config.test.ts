/**
 * Hostile gateway config through the public package (`openclaw/plugin-sdk/plugin-manifest`, built dist): each case
 * in its own Node process with a time limit.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { ensureBuilt, lastJsonLine, runIsolatedModule } from "./isolated.js";

beforeAll(() => ensureBuilt(), 600_000);

interface Outcome {
  ok: boolean;
  lines: string[];
  messages: string[];
  plugins: Array<{ id: string; status: string; enabled: boolean }>;
}

/** `body` ends by assigning `result` (a validation result); the case prints its diagnostics. */
function runCase(body: string, prelude = ""): Outcome {
  const run = runIsolatedModule(
    `${prelude}
     import { validatePluginsConfig, validatePluginConfig, parsePluginManifest } from "openclaw/plugin-sdk/plugin-manifest";
     let result;
     ${body}
     console.log(JSON.stringify({ ok: result.ok, lines: result.diagnostics.map((d) => d.level + " " + d.code + " " + d.path), messages: result.diagnostics.map((d) => d.message), plugins: result.plugins ?? [] }));`,
    { timeoutMs: 5000 },
  );
  expect(run.timedOut).toBe(false);
  expect(run.stderr).toBe("");
  return lastJsonLine<Outcome>(run);
}

const GOOD = `const good = { id: "good", configSchema: { type: "object", properties: { a: { type: "string" } } } };`;

describe("hostile config through the public package", () => {
  it("^(a+)+$ against 28 a's and ! (pattern and patternProperties) validates at once", () => {
    const out = runCase(`
      const manifest = { id: "redos", configSchema: { type: "object", properties: { s: { type: "string", pattern: "^(a+)+$" } }, patternProperties: { "^(a+)+$": { type: "number" } } } };
      const key = "a".repeat(28) + "!";
      result = validatePluginConfig({ manifest, config: { s: key, [key]: "x" } });`);
    expect(out.messages).toEqual([`plugins.entries.redos.config.s: must match pattern "^(a+)+$" (got "${"a".repeat(28)}!")`]);
  });

  it.each(["constructor", "toString", "__proto__"])("plugin and channel id %s never throw or report a function", (name) => {
    const out = runCase(`
      const manifest = { id: ${JSON.stringify(name)}, configSchema: { type: "object" }, channels: [${JSON.stringify(name)}] };
      result = validatePluginsConfig(JSON.parse(${JSON.stringify(`{"plugins":{"entries":{"${name}":{"config":{}}}},"channels":{"${name}":{}}}`)}), { manifests: [manifest], moment: "read" });
      const unknown = validatePluginsConfig(JSON.parse(${JSON.stringify(`{"channels":{"${name}":{}}}`)}), { manifests: [], moment: "read" });
      if (unknown.diagnostics.length !== 1 || unknown.diagnostics[0].code !== "channel-unknown") throw new Error("unexpected " + JSON.stringify(unknown.diagnostics));`);
    expect(out).toMatchObject({ ok: true, lines: [] });
    expect(out.plugins).toEqual([{ id: name, status: "valid", enabled: true, config: {} }]);
  });

  it("a schema property named toString does not reject {}", () => {
    const out = runCase(`result = validatePluginConfig({ manifest: { id: "p", configSchema: { type: "object", properties: { toString: { type: "string" } } } }, config: {} });`);
    expect(out.ok).toBe(true);
  });

  it.each([
    ["deny", '"good"'],
    ["allow", "{}"],
    ["enabled", '"false"'],
  ])("a wrong-typed plugins.%s is an error and enables nothing", (field, value) => {
    const out = runCase(`${GOOD} result = validatePluginsConfig({ plugins: { ${field}: ${value}, entries: { good: { config: { a: "x" } } } } }, { manifests: [good], moment: "start" });`);
    expect(out.ok).toBe(false);
    expect(out.lines[0]).toBe(`error plugins-config-invalid plugins.${field}`);
    expect(out.messages[0]).toMatch(/got (a string|an object)\. No plugin is enabled until it is fixed/);
    expect(out.plugins).toEqual([{ id: "good", status: "disabled", enabled: false }]);
  });

  it("nothing under a sensitive path is printed (keys of a sensitive object, a symbol, a function)", () => {
    const out = runCase(`
      const manifest = { id: "vault", configSchema: { type: "object", properties: { creds: { type: "object", additionalProperties: false } } }, uiHints: { creds: { sensitive: true } } };
      const a = validatePluginConfig({ manifest, config: { creds: { S3CR3T74xB6d: "x" } } });
      const b = validatePluginConfig({ manifest, config: { creds: { s: Symbol("S3CR3T74xB6d") } } });
      const c = validatePluginConfig({ manifest, config: { creds: { f() { return "S3CR3T74xB6d"; } } } });
      result = { ok: false, diagnostics: [...a.diagnostics, ...b.diagnostics, ...c.diagnostics] };`);
    expect(out.messages).toHaveLength(3);
    expect(out.messages.join("\n")).not.toContain("S3CR3T74xB6d");
    expect(out.messages[0]).toBe("plugins.entries.vault.config.creds: must NOT have additional properties (property name hidden: sensitive)");
  });

  it("hooks.timeoutMs, hooks.timeouts and registerTimeoutMs are accepted", () => {
    const out = runCase(`${GOOD} result = validatePluginsConfig({ plugins: { registerTimeoutMs: 20000, entries: { good: { registerTimeoutMs: 5000, hooks: { timeoutMs: 1000, timeouts: { agent_end: 200 } } } } } }, { manifests: [good], moment: "read" });`);
    expect(out).toMatchObject({ ok: true, lines: [] });
  });

  it("Object.prototype.pwned set by earlier code changes nothing", () => {
    const out = runCase(`${GOOD} result = validatePluginsConfig({ plugins: { entries: { good: { config: { a: "x" } } } } }, { manifests: [good], moment: "read" });`, `Object.prototype.pwned = "yes";`);
    expect(out).toMatchObject({ ok: true, lines: [] });
  });
});
