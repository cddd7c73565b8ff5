/**
 * Tests for the ping channel, written as a plugin author writes them: the plugin is loaded the way the gateway loads
 * it (`loadPluginForTest`, in every registration mode), its hooks and gateway method run in-process, its manifest is
 * checked against the entry's schemas, and `openclaw plugins validate` (the installed package's binary) passes.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { OpenClawConfig, PluginRegistrationMode } from "openclaw/plugin-sdk/channel-core";
import { readPluginManifest } from "openclaw/plugin-sdk/plugin-manifest";
import { createHookRunner, invokeGatewayMethod, loadPluginForTest } from "openclaw/plugin-sdk/plugin-test-runtime";
import { pingChannelPlugin, pingOutbox, readPingSection } from "../src/channel.js";
import { pingChannelConfigSchema, pingPluginConfigSchema } from "../src/config.js";

const pluginRoot = fileURLToPath(new URL("..", import.meta.url));
const configured: OpenClawConfig = { channels: { ping: { token: "t-default", accounts: { work: { token: "t-work", enabled: false } } } } };

describe("ping-channel in every registration mode", () => {
  const expected: Record<PluginRegistrationMode, { entryKind: string; channels: string[]; cli: number; methods: string[] }> = {
    full: { entryKind: "main", channels: ["ping"], cli: 1, methods: ["ping.status"] },
    discovery: { entryKind: "main", channels: ["ping"], cli: 1, methods: [] },
    "tool-discovery": { entryKind: "main", channels: [], cli: 0, methods: [] },
    "setup-runtime": { entryKind: "setup", channels: ["ping"], cli: 0, methods: [] },
    "setup-only": { entryKind: "setup", channels: ["ping"], cli: 0, methods: [] },
    "cli-metadata": { entryKind: "main", channels: [], cli: 1, methods: [] },
  };
  for (const [mode, want] of Object.entries(expected) as Array<[PluginRegistrationMode, (typeof expected)["full"]]>) {
    it(`${mode}: loads the ${want.entryKind} entry and registers what the mode allows`, async () => {
      const plugin = await loadPluginForTest(pluginRoot, { mode, config: configured });
      expect(plugin.loadError).toBeUndefined();
      expect(plugin.entryKind).toBe(want.entryKind);
      expect(plugin.channels).toEqual(want.channels);
      expect(plugin.cliCommands).toHaveLength(want.cli);
      expect(plugin.gatewayMethods.map((m) => m.method)).toEqual(want.methods);
      expect(plugin.diagnostics.filter((d) => d.level !== "info")).toEqual([]);
    });
  }
});

describe("ping-channel config", () => {
  it("plugin config: defaults applied before register; a bad value stops the load", async () => {
    const plugin = await loadPluginForTest(pluginRoot, { mode: "full" });
    expect(plugin.pluginConfig).toEqual({ reply: "pong" });
    const bad = await loadPluginForTest(pluginRoot, { mode: "full", pluginConfig: { reply: "" } });
    expect(bad.loadError?.code).toBe("config-invalid");
  });

  it("channels.ping is read typed through readChannelConfig: accounts, resolution, errors; outbound sends", async () => {
    const config = pingChannelPlugin.config;
    expect(config.listAccountIds({})).toEqual([]);
    expect(config.listAccountIds(configured)).toEqual(["default", "work"]);
    expect(config.resolveAccount(configured, "work")).toEqual({ accountId: "work", token: "t-work", enabled: false });
    expect(config.resolveAccount(configured, undefined)).toEqual({ accountId: "default", token: "t-default", enabled: true });
    const section = readPingSection(configured);
    expect(section?.accounts?.work?.token).toBe("t-work");
    expect(() => readPingSection({ channels: { ping: { token: 42 } } })).toThrowError(/channels\.ping is invalid: token: /);
    const sent = await pingChannelPlugin.outbound!.sendText!({ cfg: configured, to: "u9", text: "pong" });
    expect(sent).toMatchObject({ channel: "ping", chatId: "u9" });
    expect(pingOutbox.at(-1)).toEqual({ to: "u9", text: "pong" });
  });

  it("openclaw.plugin.json publishes exactly the entry's schemas", async () => {
    const { manifest, diagnostics } = await readPluginManifest(pluginRoot);
    expect(diagnostics.filter((d) => d.level !== "info")).toEqual([]);
    const withoutDialect = (schema: Record<string, unknown>) => Object.fromEntries(Object.entries(schema).filter(([key]) => key !== "$schema"));
    expect(manifest?.configSchema).toEqual(withoutDialect(pingPluginConfigSchema.jsonSchema));
    expect(manifest?.channelConfigs?.ping?.schema).toEqual(withoutDialect(pingChannelConfigSchema.schema));
    expect(manifest?.channelConfigs?.ping?.uiHints).toEqual(pingChannelConfigSchema.uiHints);
  });
});

describe("ping-channel at runtime", () => {
  it("answers ping on its own channel with the configured reply and reports status", async () => {
    const plugin = await loadPluginForTest(pluginRoot, { mode: "full", config: configured, pluginConfig: { reply: "PONG!" } });
    // The host imports the plugin's own module instance (as the gateway does), so its outbox is read through its
    // gateway method, not through this file's import of src/channel.ts.
    const sentBefore = ((await invokeGatewayMethod(plugin, "ping.status")) as { payload: { sent: number } }).payload.sent;
    const runner = createHookRunner([plugin]);
    await runner.run("message_received", { from: "u1", content: "ping" }, { channelId: "ping" });
    await runner.run("message_received", { from: "u2", content: "ping" }, { channelId: "other" });
    await runner.run("message_received", { from: "u3", content: "hello" }, { channelId: "ping" });
    const status = await invokeGatewayMethod(plugin, "ping.status");
    expect(status).toMatchObject({ ok: true, payload: { configured: true, sent: sentBefore + 1 } });
    expect(typeof (status as { payload: { runtimeVersion: unknown } }).payload.runtimeVersion).toBe("string");
  });
});

describe("openclaw plugins validate", () => {
  it("passes: every entry kind resolves, every mode loads, the schemas agree", () => {
    const packageDir = dirname(createRequire(import.meta.url).resolve("openclaw/package.json"));
    const bin = (JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8")) as { bin: Record<string, string> }).bin.openclaw!;
    const state = mkdtempSync(join(tmpdir(), "ping-channel-state-"));
    try {
      const result = spawnSync(process.execPath, [join(packageDir, bin), "plugins", "validate", "--json"], {
        cwd: pluginRoot,
        env: { ...process.env, OPENCLAW_STATE_DIR: state, OPENCLAW_CONFIG_PATH: join(state, "openclaw.json"), NO_COLOR: "1" },
        encoding: "utf8",
        timeout: 60_000,
      });
      const report = JSON.parse(result.stdout) as { ok: boolean; diagnostics: Array<{ level: string; code: string }> };
      expect(report.diagnostics.filter((d) => d.level !== "info"), result.stderr).toEqual([]);
      expect(report.ok).toBe(true);
      expect(result.status).toBe(0);
    } finally {
      rmSync(state, { recursive: true, force: true });
    }
  }, 90_000);
});
