import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import JSON5 from "json5";
import { beforeEach, describe, expect, it } from "vitest";
import type { PluginDiagnostic } from "../manifest/diagnostics.js";
import { parsePluginManifest } from "../manifest/read-plugin-manifest.js";
import type { PluginManifest } from "../manifest/plugin-manifest-schema.js";
import {
  clearPluginConfigValidatorCache,
  pluginConfigValidatorCacheStats,
  validateChannelConfig,
  validatePluginConfig,
  validatePluginsConfig,
} from "./validate-plugin-config.js";

const fixtures = join(dirname(fileURLToPath(import.meta.url)), "..", "manifest", "__fixtures__", "seed-003");
function fixture(name: string): PluginManifest {
  const file = join(fixtures, name, "openclaw.plugin.json");
  const result = parsePluginManifest(readFileSync(file, "utf8"), { file, rootDir: dirname(file) });
  if (!result.manifest) throw new Error(`fixture ${name} did not parse`);
  return result.manifest;
}

// The "schema with properties" example of seed 003: plugin my-plugin, apiKey required (minLength 10), timeout default 5000.
const myPlugin = fixture("schema-properties");
const matrix = fixture("matrix");
const voiceCall = fixture("voice-call");

function lines(diagnostics: PluginDiagnostic[]): string[] {
  return diagnostics.map((d) => `${d.level} ${d.code} ${d.message}`);
}

beforeEach(() => clearPluginConfigValidatorCache());

describe("seed 003 validation errors", () => {
  it("unknown channel id", () => {
    const config = JSON5.parse(`{
      channels: {
        "unknown-channel": {
          enabled: true,
        },
      },
    }`);
    // Installed: the minimal example and the `channels: ["matrix"]` example (neither needs config).
    const result = validatePluginsConfig(config, { manifests: [fixture("minimal"), fixture("field-channels")], moment: "read" });
    expect(result.ok).toBe(false);
    const errors = result.diagnostics.filter((d) => d.level === "error");
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: "channel-unknown", path: "channels.unknown-channel" });
    expect(errors[0]!.message).toContain('no installed plugin declares channel "unknown-channel"');
  });

  it("unknown plugin id", () => {
    const config = JSON5.parse(`{
      plugins: {
        entries: {
          "nonexistent-plugin": {
            config: {},
          },
        },
      },
    }`);
    const result = validatePluginsConfig(config, { manifests: [myPlugin, matrix], moment: "read" });
    const error = result.diagnostics.find((d) => d.level === "error");
    expect(error).toMatchObject({ code: "plugin-not-installed", path: "plugins.entries.nonexistent-plugin" });
    expect(error!.message).toContain('plugin "nonexistent-plugin" is not installed');
  });

  it("config not matching the schema: apiKey is required", () => {
    const config = JSON5.parse(`{
      plugins: {
        entries: {
          "my-plugin": {
            config: {
              timeout: 5000,
              // apiKey missing
            },
          },
        },
      },
    }`);
    const result = validatePluginsConfig(config, { manifests: [myPlugin], moment: "read" });
    expect(lines(result.diagnostics)).toEqual([
      "error plugin-config-mismatch plugins.entries.my-plugin.config: must have required property 'apiKey'",
    ]);
    expect(result.diagnostics[0]!.path).toBe("plugins.entries.my-plugin.config");
  });

  it("a denied plugin's config is kept, not validated, with a warning", () => {
    const config = JSON5.parse(`{
      plugins: {
        deny: ["my-plugin"],
        entries: {
          "my-plugin": {
            config: {
              // kept but unused
              unknownKey: 1,
            },
          },
        },
      },
    }`);
    for (const moment of ["read", "start"] as const) {
      const result = validatePluginsConfig(config, { manifests: [myPlugin], moment });
      expect(result.ok).toBe(true);
      expect(lines(result.diagnostics)).toEqual([
        'warning plugin-disabled-config-kept plugins.entries.my-plugin.config: plugin "my-plugin" is disabled (listed in plugins.deny); its config is kept but not validated.',
      ]);
      expect(result.config).toEqual(config);
      expect(result.plugins).toEqual([{ id: "my-plugin", status: "disabled", enabled: false }]);
    }
  });
});

describe("enablement", () => {
  it.each([
    [{ enabled: false, entries: { "my-plugin": { config: {} } } }, "plugins.enabled is false"],
    [{ allow: ["matrix"], entries: { "my-plugin": { config: {} } } }, "not listed in plugins.allow"],
    [{ entries: { "my-plugin": { enabled: false, config: {} } } }, "plugins.entries.my-plugin.enabled is false"],
  ])("%j → disabled (%s)", (plugins, reason) => {
    const result = validatePluginsConfig({ plugins }, { manifests: [myPlugin, matrix], moment: "read" });
    const warning = result.diagnostics.find((d) => d.code === "plugin-disabled-config-kept");
    expect(warning?.message).toContain(reason);
    expect(result.diagnostics.some((d) => d.path.startsWith("plugins.entries.my-plugin") && d.level === "error")).toBe(false);
  });

  it("honours the host's policy callback", () => {
    const result = validatePluginsConfig(
      { plugins: { entries: { "my-plugin": { config: {} } } } },
      { manifests: [myPlugin], moment: "start", isEnabled: () => false },
    );
    expect(result.diagnostics.map((d) => d.code)).toEqual(["plugin-disabled-config-kept"]);
  });

  it("allow/deny entries naming uninstalled plugins are warnings", () => {
    const result = validatePluginsConfig({ plugins: { allow: ["my-plugin", "matrx"] } }, { manifests: [myPlugin, matrix], moment: "read" });
    const warning = result.diagnostics.find((d) => d.code === "plugin-policy-unknown-id");
    expect(warning).toMatchObject({ level: "warning", path: "plugins.allow[1]" });
    expect(warning!.message).toContain('Did you mean "matrix"?');
  });
});

describe("the three moments", () => {
  const broken = {
    plugins: {
      entries: {
        "my-plugin": { config: { apiKey: "0123456789" } },
        matrix: { config: { homeserver: "not a uri" } },
        ghost: { config: {} },
      },
    },
    channels: { nowhere: {} },
  };

  it("read reports everything, including enabled plugins without an entry", () => {
    const result = validatePluginsConfig(broken, { manifests: [myPlugin, matrix, voiceCall], moment: "read" });
    expect(result.diagnostics.map((d) => `${d.code} ${d.path}`)).toEqual([
      "plugin-config-mismatch plugins.entries.matrix.config",
      "plugin-config-mismatch plugins.entries.matrix.config.homeserver",
      "plugin-not-installed plugins.entries.ghost",
      "channel-unknown channels.nowhere",
    ]);
    expect(result.plugins.map((p) => `${p.id}:${p.status}`)).toEqual(["my-plugin:valid", "matrix:invalid", "voice-call:valid"]);
  });

  it("write validates only the affected plugin", () => {
    const ok = validatePluginsConfig(broken, { manifests: [myPlugin, matrix], moment: "write", pluginId: "my-plugin" });
    expect(ok.diagnostics).toEqual([]);
    expect(ok.plugins.map((p) => p.id)).toEqual(["my-plugin"]);
    const bad = validatePluginsConfig(broken, { manifests: [myPlugin, matrix], moment: "write", pluginId: "matrix" });
    expect(bad.diagnostics.map((d) => d.message)).toEqual([
      "plugins.entries.matrix.config: must have required property 'accessToken'",
      'plugins.entries.matrix.config.homeserver: must match format "uri" (got "not a uri")',
    ]);
    const missing = validatePluginsConfig(broken, { manifests: [myPlugin], moment: "write", pluginId: "ghost" });
    expect(missing.diagnostics.map((d) => d.code)).toEqual(["plugin-not-installed"]);
    expect(() => validatePluginsConfig(broken, { manifests: [], moment: "write" })).toThrow(TypeError);
  });

  it("start validates every enabled plugin, configured or not", () => {
    const result = validatePluginsConfig({}, { manifests: [myPlugin, voiceCall], moment: "start" });
    expect(lines(result.diagnostics)).toEqual([
      "error plugin-config-mismatch plugins.entries.my-plugin.config: must have required property 'apiKey'",
    ]);
    expect(result.plugins).toEqual([
      { id: "my-plugin", status: "invalid", enabled: true },
      { id: "voice-call", status: "valid", enabled: true, config: {} },
    ]);
  });

  it("accepts a Map of manifests and an isInstalled callback for plugins without a manifest", () => {
    const result = validatePluginsConfig(
      { plugins: { entries: { legacy: { config: { x: 1 } } } } },
      { manifests: new Map([["my-plugin", myPlugin]]), moment: "read", isInstalled: (id) => id === "legacy" },
    );
    expect(result.diagnostics.map((d) => `${d.level} ${d.code}`)).toEqual([
      "warning plugin-manifest-unavailable",
      "error plugin-config-mismatch",
    ]);
  });
});

describe("JSON Schema features and defaults", () => {
  it("applies defaults to a copy and returns them in config and plugins", () => {
    const input = { plugins: { entries: { "my-plugin": { config: { apiKey: "0123456789" } } } } };
    const snapshot = structuredClone(input);
    const result = validatePluginsConfig(input, { manifests: [myPlugin], moment: "start" });
    expect(result.ok).toBe(true);
    expect(input).toEqual(snapshot);
    expect(result.config).toEqual({ plugins: { entries: { "my-plugin": { config: { apiKey: "0123456789", timeout: 5000 } } } } });
    expect(result.plugins[0]?.config).toEqual({ apiKey: "0123456789", timeout: 5000 });
  });

  it("checks pattern, enum, minimum, additionalProperties (with a suggestion), formats and if/then", () => {
    const result = validatePluginConfig({
      manifest: voiceCall,
      config: { provider: "twillio", fromNumber: "555", serve: { port: 0, bnd: "x" } },
    });
    expect(result.ok).toBe(false);
    expect(result.diagnostics.map((d) => d.message)).toEqual([
      'plugins.entries.voice-call.config.provider: must be equal to one of the allowed values: "telnyx", "twilio", "plivo", "mock" (got "twillio")',
      'plugins.entries.voice-call.config.fromNumber: must match pattern "^\\+[1-9]\\d{1,14}$" (got "555")',
      "plugins.entries.voice-call.config.serve: must NOT have additional properties: 'bnd' is not allowed (did you mean 'bind'?)",
      "plugins.entries.voice-call.config.serve.port: must be >= 1 (got 0)",
    ]);
    const conditional = fixture("schema-conditional");
    expect(validatePluginConfig({ manifest: conditional, config: { provider: "openai" } }).diagnostics.map((d) => d.message)).toEqual([
      "plugins.entries.custom-llm.config: must have required property 'apiKey'",
    ]);
    expect(validatePluginConfig({ manifest: conditional, config: { provider: "anthropic" } }).ok).toBe(true);
    const email = parsePluginManifest(
      JSON.stringify({ id: "mailer", configSchema: { type: "object", properties: { to: { type: "string", format: "email" } } } }),
    ).manifest!;
    expect(validatePluginConfig({ manifest: email, config: { to: "nobody" } }).diagnostics[0]?.message).toBe(
      'plugins.entries.mailer.config.to: must match format "email" (got "nobody")',
    );
    expect(validatePluginConfig({ manifest: email, config: { to: "a@example.com" } }).ok).toBe(true);
  });

  it("undefined config counts as {}; non-object config is an error", () => {
    expect(validatePluginConfig({ manifest: voiceCall, config: undefined })).toEqual({ ok: true, value: {}, diagnostics: [] });
    const result = validatePluginsConfig({ plugins: { entries: { "voice-call": { config: [1] } } } }, { manifests: [voiceCall], moment: "read" });
    expect(result.diagnostics.map((d) => d.message)).toEqual(["plugins.entries.voice-call.config: must be an object; got an array"]);
  });

  it("an invalid configSchema blocks validation with a clear error", () => {
    const broken = parsePluginManifest(JSON.stringify({ id: "broken", configSchema: { type: "strin" } })).manifest!;
    const result = validatePluginsConfig({ plugins: { entries: { broken: { config: {} } } } }, { manifests: [broken], moment: "start" });
    expect(result.diagnostics[0]).toMatchObject({ code: "config-schema-invalid", path: "plugins.entries.broken.config" });
    expect(result.plugins[0]?.status).toBe("schema-invalid");
  });

  it("checks the shape of plugins, entries and hooks", () => {
    const result = validatePluginsConfig(
      {
        plugins: {
          allow: "my-plugin",
          entries: { "my-plugin": { enabled: "yes", hooks: { allowPromptInjection: "no", allowConversation: true }, config: { apiKey: "0123456789" } }, matrix: 5 },
        },
      },
      { manifests: [myPlugin, matrix], moment: "read" },
    );
    expect(result.diagnostics.map((d) => `${d.level} ${d.path}`)).toEqual([
      "error plugins.allow",
      "error plugins.entries.my-plugin.enabled",
      "error plugins.entries.my-plugin.hooks.allowPromptInjection",
      "warning plugins.entries.my-plugin.hooks.allowConversation",
      // Fail closed: a malformed allow list disables every plugin instead of being read as "no list".
      "warning plugins.entries.my-plugin.config",
      "error plugins.entries.matrix",
    ]);
    expect(result.diagnostics[0]?.message).toBe(
      'plugins.allow: must be an array of plugin id strings, e.g. ["my-plugin"]; got a string. No plugin is enabled until it is fixed (the list cannot be applied).',
    );
    expect(result.plugins.find((p) => p.id === "my-plugin")).toMatchObject({ status: "disabled", enabled: false });
    expect(validatePluginsConfig("nope", { manifests: [], moment: "read" }).diagnostics[0]?.code).toBe("config-not-object");
  });
});

describe("channels.<id>", () => {
  const telegram = parsePluginManifest(
    JSON.stringify({
      id: "telegram",
      channels: ["telegram"],
      configSchema: {},
      channelConfigs: {
        telegram: {
          schema: {
            type: "object",
            additionalProperties: false,
            properties: { botToken: { type: "string", pattern: "^\\d+:" }, pollSeconds: { type: "integer", default: 30 } },
            required: ["botToken"],
          },
          uiHints: { botToken: { sensitive: true } },
        },
      },
    }),
  ).manifest!;

  it("validates against the manifest's channelConfigs schema, applying defaults, hiding sensitive values", () => {
    const ok = validatePluginsConfig({ channels: { telegram: { botToken: "123:abc" } } }, { manifests: [telegram], moment: "start" });
    expect(ok.diagnostics).toEqual([]);
    expect(ok.config).toEqual({ channels: { telegram: { botToken: "123:abc", pollSeconds: 30 } } });
    const bad = validatePluginsConfig({ channels: { telegram: { botToken: "secret-token-value" } } }, { manifests: [telegram], moment: "start" });
    expect(bad.diagnostics.map((d) => d.message)).toEqual([
      'channels.telegram.botToken: must match pattern "^\\d+:" (value hidden: sensitive)',
    ]);
    expect(bad.diagnostics[0]?.code).toBe("channel-config-mismatch");
    expect(validateChannelConfig({ manifest: telegram, channelId: "telegram", config: {} }).diagnostics[0]?.message).toBe(
      "channels.telegram: must have required property 'botToken'",
    );
  });

  it("declared channels without a published schema are accepted; unknown ones suggest a declared id", () => {
    const result = validatePluginsConfig({ channels: { matrix: { anything: 1 }, matrik: {} } }, { manifests: [matrix], moment: "read" });
    expect(result.diagnostics.filter((d) => d.path.startsWith("channels")).map((d) => d.message)).toEqual([
      'channels.matrik: no installed plugin declares channel "matrik". Install the plugin that provides it, or remove the section. Did you mean "matrix"?',
    ]);
  });

  it("a disabled owner keeps the channel config unvalidated, with a warning; core channels are skipped", () => {
    const result = validatePluginsConfig(
      { plugins: { deny: ["telegram"] }, channels: { telegram: { botToken: 5 }, defaults: {} } },
      { manifests: [telegram], moment: "start", coreChannelIds: ["defaults"] },
    );
    expect(result.diagnostics.map((d) => `${d.level} ${d.code}`)).toEqual(["warning channel-owner-disabled"]);
  });

  it("write scope covers only channels the plugin declares", () => {
    const result = validatePluginsConfig(
      { channels: { telegram: {}, stray: {} } },
      { manifests: [telegram, myPlugin], moment: "write", pluginId: "telegram" },
    );
    expect(result.diagnostics.map((d) => d.message)).toEqual(["channels.telegram: must have required property 'botToken'"]);
  });
});

describe("sensitive values never appear in messages", () => {
  const SECRET = "s3cr3t-VALUE-42";
  const manifest = parsePluginManifest(
    JSON.stringify({
      id: "vault",
      configSchema: {
        type: "object",
        properties: {
          enumKey: { type: "string", enum: ["a", "b"] },
          constKey: { const: "fixed" },
          patternKey: { type: "string", pattern: "^sk-" },
          formatKey: { type: "string", format: "email" },
          lengthKey: { type: "string", maxLength: 3 },
          typeKey: { type: "number" },
          nested: { type: "object", properties: { token: { type: "string", format: "uri" } } },
          accounts: { type: "array", items: { type: "object", properties: { password: { type: "string", minLength: 100 } } } },
          wrapper: { type: "string" },
          plain: { type: "string", enum: ["x"] },
        },
      },
      uiHints: {
        enumKey: { sensitive: true },
        constKey: { sensitive: true },
        patternKey: { sensitive: true },
        formatKey: { sensitive: true },
        lengthKey: { sensitive: true },
        typeKey: { sensitive: true },
        "nested.token": { sensitive: true },
        "accounts[].password": { sensitive: true },
        "wrapper.inner": { sensitive: true },
      },
    }),
  ).manifest!;

  it("for enum, const, pattern, format, length, type, nested, array and parent-object errors", () => {
    const config = {
      enumKey: SECRET,
      constKey: SECRET,
      patternKey: SECRET,
      formatKey: SECRET,
      lengthKey: SECRET,
      typeKey: SECRET,
      nested: { token: SECRET },
      accounts: [{ password: SECRET }],
      wrapper: { inner: SECRET },
      plain: "visible-value",
    };
    const result = validatePluginConfig({ manifest, config });
    const messages = result.diagnostics.map((d) => d.message);
    expect(messages).toHaveLength(10);
    for (const message of messages) expect(message).not.toContain(SECRET);
    expect(messages.filter((m) => m.includes("(value hidden: sensitive)"))).toHaveLength(8);
    // Non-sensitive values are shown, so the redaction above is not an accident of the format.
    expect(messages).toContain('plugins.entries.vault.config.plain: must be equal to one of the allowed values: "x" (got "visible-value")');
    expect(messages).toContain("plugins.entries.vault.config.wrapper: must be string (got an object)");
    // Through the whole-config path too.
    const all = validatePluginsConfig({ plugins: { entries: { vault: { config } } } }, { manifests: [manifest], moment: "read" });
    expect(JSON.stringify(all.diagnostics)).not.toContain(SECRET);
  });
});

describe("validator cache", () => {
  it("compiles once per plugin and schema hash, and recompiles when the schema changes", () => {
    for (let i = 0; i < 5; i++) validatePluginConfig({ manifest: myPlugin, config: { apiKey: "0123456789" } });
    expect(pluginConfigValidatorCacheStats()).toEqual({ compiles: 1, hits: 4, size: 1 });
    // An equal schema in a new object hits the cache (hash, not identity).
    validatePluginConfig({ manifest: structuredClone(myPlugin), config: { apiKey: "0123456789" } });
    expect(pluginConfigValidatorCacheStats().compiles).toBe(1);
    const changed = { ...myPlugin, configSchema: { ...myPlugin.configSchema, required: [] } };
    expect(validatePluginConfig({ manifest: changed, config: {} }).ok).toBe(true);
    expect(pluginConfigValidatorCacheStats()).toEqual({ compiles: 2, hits: 5, size: 1 });
  });
});

describe("plugin entry keys", () => {
  it("warns about unknown entry settings, e.g. a misspelled config", () => {
    const result = validatePluginsConfig(
      { plugins: { entries: { "voice-call": { confg: { provider: "mock" }, provider: "mock" } } } },
      { manifests: [voiceCall], moment: "read" },
    );
    expect(result.diagnostics.map((d) => `${d.level} ${d.message}`)).toEqual([
      'warning plugins.entries.voice-call.confg: unknown plugin entry setting; the gateway reads enabled, config, hooks and registerTimeoutMs. Did you mean "config"?',
      "warning plugins.entries.voice-call.provider: unknown plugin entry setting; the gateway reads enabled, config, hooks and registerTimeoutMs. Plugin settings belong under config.",
    ]);
  });
});

describe("config that is not data", () => {
  it("is an error, not an exception", () => {
    const withFunction = { plugins: { entries: { "voice-call": { config: { provider: () => "mock" } } } } };
    const result = validatePluginsConfig(withFunction, { manifests: [voiceCall], moment: "read" });
    expect(result.ok).toBe(false);
    expect(result.diagnostics.map((d) => `${d.code} ${d.path}`)).toEqual(["config-not-data "]);
    const single = validatePluginConfig({ manifest: voiceCall, config: { provider: () => "mock" } });
    expect(single.diagnostics.map((d) => `${d.code} ${d.path}`)).toEqual(["config-not-data plugins.entries.voice-call.config"]);
  });
});
