/**
 * Regression tests for hostile gateway config (issue 10): prototype names as ids, fail-closed policy fields,
 * nothing under a sensitive path in any message, hook and register timeouts accepted and type-checked.
 */
import { spawnSync } from "node:child_process";
import { afterEach, describe, expect, it } from "vitest";
import { parsePluginManifest } from "../manifest/read-plugin-manifest.js";
import type { PluginManifest } from "../manifest/plugin-manifest-schema.js";
import { clearPluginConfigValidatorCache, validateChannelConfig, validatePluginConfig, validatePluginsConfig } from "./validate-plugin-config.js";

afterEach(() => clearPluginConfigValidatorCache());

const manifestOf = (value: object): PluginManifest => {
  const result = parsePluginManifest(JSON.stringify(value));
  if (!result.manifest) throw new Error(JSON.stringify(result.diagnostics));
  return result.manifest;
};
const good = manifestOf({ id: "good", configSchema: { type: "object", properties: { a: { type: "string" } } } });
const lines = (result: { diagnostics: Array<{ level: string; code: string; path: string }> }) =>
  result.diagnostics.map((d) => `${d.level} ${d.code} ${d.path}`);

describe("object-prototype names are ordinary ids", () => {
  it.each(["constructor", "toString", "__proto__", "hasOwnProperty", "valueOf"])("plugin id and channel id %s", (name) => {
    const byId = { id: name, configSchema: { type: "object" }, channels: [name] } as PluginManifest;
    const config = JSON.parse(`{"plugins":{"entries":{"${name}":{"config":{}}}},"channels":{"${name}":{"x":1}}}`) as unknown;
    const result = validatePluginsConfig(config, { manifests: [byId, good], moment: "read" });
    expect(result.diagnostics).toEqual([]);
    expect(result.plugins.map((p) => `${p.id}:${p.status}`).sort()).toEqual([`${name}:valid`, "good:valid"].sort());
    // A manifest with that id and no entry, and an unknown channel of that name: reported, never a function.
    const noEntry = validatePluginsConfig(JSON.parse(`{"channels":{"${name}":{}}}`), { manifests: [good], moment: "read" });
    expect(lines(noEntry)).toEqual([`error channel-unknown channels.${/^[A-Za-z0-9_$@-]+$/.test(name) ? name : `["${name}"]`}`]);
    expect(JSON.stringify(noEntry)).not.toContain("function");
    const write = validatePluginsConfig({}, { manifests: [byId], moment: "write", pluginId: name });
    expect(write.ok).toBe(true);
    expect(validateChannelConfig({ manifest: good, channelId: name, config: {} }).ok).toBe(true);
  });

  it("a schema property named toString does not reject {}; required: [toString] rejects it", () => {
    const withProperty = manifestOf({ id: "p", configSchema: { type: "object", properties: { toString: { type: "string" }, constructor: { type: "number" } } } });
    expect(validatePluginConfig({ manifest: withProperty, config: {} }).ok).toBe(true);
    const required = manifestOf({ id: "r", configSchema: { type: "object", required: ["toString", "constructor"] } });
    expect(validatePluginConfig({ manifest: required, config: {} }).diagnostics.map((d) => d.message)).toEqual([
      "plugins.entries.r.config: must have required property 'toString'",
      "plugins.entries.r.config: must have required property 'constructor'",
    ]);
  });

  it("ignores an enumerable Object.prototype.pwned (separate process)", () => {
    const script = `
      Object.prototype.pwned = "yes";
      const { validatePluginsConfig } = await import(${JSON.stringify(new URL("./validate-plugin-config.ts", import.meta.url).href)});
      const manifest = { id: "good", configSchema: { type: "object", additionalProperties: false, properties: { a: { type: "string" } } } };
      const result = validatePluginsConfig({ plugins: { entries: { good: { config: { a: "x" } } } } }, { manifests: [manifest], moment: "read" });
      console.log(JSON.stringify({ ok: result.ok, diagnostics: result.diagnostics.map((d) => d.message), pwned: Object.keys(Object.prototype) }));
    `;
    const run = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { encoding: "utf8", timeout: 30_000 });
    expect(run.stderr).toBe("");
    expect(JSON.parse(run.stdout.trim().split("\n").at(-1)!)).toEqual({ ok: true, diagnostics: [], pwned: ["pwned"] });
  });
});

describe("fail closed: malformed policy fields are errors and enable nothing", () => {
  it.each([
    ["plugins.deny", { deny: "good" }, "must be an array of plugin id strings", "got a string"],
    ["plugins.deny", { deny: { good: true } }, "must be an array of plugin id strings", "got an object"],
    ["plugins.deny[1]", { deny: ["other", 5] }, "must be a plugin id string", "got a number"],
    ["plugins.allow", { allow: "good" }, "must be an array of plugin id strings", "got a string"],
    ["plugins.enabled", { enabled: "false" }, "must be true or false", "got a string"],
    ["plugins.enabled", { enabled: 0 }, "must be true or false", "got a number"],
  ])("%s %j", (path, plugins, expected, got) => {
    const result = validatePluginsConfig({ plugins: { ...plugins, entries: { good: { config: { a: 1 } } } } }, { manifests: [good], moment: "start" });
    const error = result.diagnostics.find((d) => d.path === path);
    expect(error).toMatchObject({ level: "error", code: "plugins-config-invalid" });
    expect(error!.message).toContain(expected);
    expect(error!.message).toContain(got);
    expect(error!.message).toContain("No plugin is enabled until it is fixed");
    expect(result.ok).toBe(false);
    expect(result.plugins).toEqual([{ id: "good", status: "disabled", enabled: false }]);
  });

  it("a malformed plugins section or entry enabled disables", () => {
    const section = validatePluginsConfig({ plugins: ["good"] }, { manifests: [good], moment: "start" });
    expect(section.plugins).toEqual([{ id: "good", status: "disabled", enabled: false }]);
    const entry = validatePluginsConfig({ plugins: { entries: { good: { enabled: "yes" } } } }, { manifests: [good], moment: "start" });
    expect(lines(entry)).toEqual(["error plugin-entry-invalid plugins.entries.good.enabled"]);
    expect(entry.diagnostics[0]!.message).toBe("plugins.entries.good.enabled: must be true or false; got a string. No plugin is enabled until it is fixed.");
    expect(entry.plugins).toEqual([{ id: "good", status: "disabled", enabled: false }]);
  });
});

describe("nothing under a sensitive path is printed", () => {
  const SECRET = "S3CR3T74xB6d";
  const vault = manifestOf({
    id: "vault",
    configSchema: {
      type: "object",
      properties: {
        creds: { type: "object", additionalProperties: false, properties: { user: { type: "string" } } },
        tokens: { type: "object", additionalProperties: { type: "string", minLength: 100 } },
        plain: { type: "object", additionalProperties: false },
      },
    },
    uiHints: { creds: { sensitive: true }, tokens: { sensitive: true } },
  });

  it("keys inside an object marked sensitive", () => {
    const result = validatePluginConfig({ manifest: vault, config: { creds: { [SECRET]: "x" }, tokens: { [SECRET]: "short" }, plain: { visibleKey: 1 } } });
    const text = JSON.stringify(result.diagnostics);
    expect(text).not.toContain(SECRET);
    expect(result.diagnostics.map((d) => d.message)).toEqual([
      "plugins.entries.vault.config.creds: must NOT have additional properties (property name hidden: sensitive)",
      "plugins.entries.vault.config.tokens: a value inside is invalid (details hidden: sensitive)",
      "plugins.entries.vault.config.plain: must NOT have additional properties: 'visibleKey' is not allowed",
    ]);
    expect(result.diagnostics[1]!.path).toBe("plugins.entries.vault.config.tokens");
  });

  it("a symbol or function under a sensitive path (config-not-data)", () => {
    const symbol = validatePluginConfig({ manifest: vault, config: { creds: { user: Symbol(SECRET) } } });
    expect(symbol.diagnostics.map((d) => d.message)).toEqual([
      "plugins.entries.vault.config: must be plain JSON-like data (objects, arrays, strings, numbers, booleans, null); found a value that is not data inside plugins.entries.vault.config.creds (hidden: sensitive).",
    ]);
    const fn = validatePluginsConfig(
      // eslint-disable-next-line @typescript-eslint/no-unused-vars
      { plugins: { entries: { vault: { config: { tokens: { [SECRET]: function S3CR3T74xB6d() { return SECRET; } } } } } } },
      { manifests: [vault], moment: "read" },
    );
    expect(JSON.stringify(fn.diagnostics)).not.toContain(SECRET);
    expect(fn.diagnostics[0]!.message).toContain("inside plugins.entries.vault.config.tokens (hidden: sensitive)");
    // Outside a sensitive path the location and kind are named, but never the value.
    const plain = validatePluginConfig({ manifest: vault, config: { plain: { f: () => SECRET } } });
    expect(plain.diagnostics[0]!.message).toContain("found a function at plugins.entries.vault.config.plain.f.");
    expect(JSON.stringify(plain.diagnostics)).not.toContain(SECRET);
  });

  it("a malformed entry or channel value is described by its type only", () => {
    const result = validatePluginsConfig({ plugins: { entries: { vault: SECRET } } }, { manifests: [vault], moment: "read" });
    expect(JSON.stringify(result.diagnostics)).not.toContain(SECRET);
    expect(result.diagnostics[0]!.message).toContain("got a string");
  });
});

describe("hook and register timeouts", () => {
  it("accepts hooks.timeoutMs, hooks.timeouts and registerTimeoutMs", () => {
    const result = validatePluginsConfig(
      {
        plugins: {
          registerTimeoutMs: 15_000,
          entries: { good: { registerTimeoutMs: 5000, hooks: { timeoutMs: 2000, timeouts: { before_tool_call: 500 }, allowPromptInjection: false } } },
        },
      },
      { manifests: [good], moment: "read" },
    );
    expect(result.diagnostics).toEqual([]);
  });

  it("type-checks them", () => {
    const result = validatePluginsConfig(
      {
        plugins: {
          registerTimeoutMs: "10s",
          entries: { good: { registerTimeoutMs: 0, hooks: { timeoutMs: -1, timeouts: { before_tool_call: 1.5, agent_end: 700_000 } } } },
        },
      },
      { manifests: [good], moment: "read" },
    );
    expect(lines(result)).toEqual([
      "error plugins-config-invalid plugins.registerTimeoutMs",
      "error plugin-entry-invalid plugins.entries.good.registerTimeoutMs",
      "error plugin-entry-invalid plugins.entries.good.hooks.timeoutMs",
      "error plugin-entry-invalid plugins.entries.good.hooks.timeouts.before_tool_call",
      "warning plugin-timeout-capped plugins.entries.good.hooks.timeouts.agent_end",
    ]);
    expect(result.diagnostics[0]!.message).toBe("plugins.registerTimeoutMs: must be a positive whole number of milliseconds, e.g. 10000; got a string. No plugin is enabled until it is fixed.");
    // A number is described by its kind, never printed.
    expect(result.diagnostics.slice(1, 4).map((d) => d.message.split("; got ")[1])).toEqual([
      "zero. No plugin is enabled until it is fixed.",
      "a negative number. No plugin is enabled until it is fixed.",
      "a fraction. No plugin is enabled until it is fixed.",
    ]);
    expect(result.plugins).toEqual([{ id: "good", status: "disabled", enabled: false }]);
    const notObject = validatePluginsConfig({ plugins: { entries: { good: { hooks: { timeouts: 5 } } } } }, { manifests: [good], moment: "read" });
    expect(lines(notObject)).toEqual(["error plugin-entry-invalid plugins.entries.good.hooks.timeouts"]);
  });
});
