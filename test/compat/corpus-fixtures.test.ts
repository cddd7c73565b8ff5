/**
 * CI proof without fetched code: the fixtures in test/compat/fixtures/ (written for this repo) use the long-tail
 * subpaths and runtime namespaces the way real plugins do. Each is copied into a scratch project with the packed
 * package installed, type-checked by the compat-corpus machinery (must be free of SDK errors), and loaded with
 * `loadPluginForTest` from that installed package (host and plugin share one SDK copy), asserting what it registered.
 *
 */
import { cpSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "../../scripts/lib/entrypoints.js";
import { packPackage } from "../../scripts/lib/pack.js";
import { checkFolder, installPackage, type FolderResult, type InstalledPackage } from "../../scripts/lib/compat/check.js";
import { findPluginFolders } from "../../scripts/lib/compat/discover.js";

const fixturesDir = join(repoRoot, "test", "compat", "fixtures");
const workDir = join(repoRoot, "test", ".tmp", "compat-fixtures");
const fixtureNames = readdirSync(fixturesDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

type TestRuntime = typeof import("openclaw/plugin-sdk/plugin-test-runtime");

let installed: InstalledPackage;
let copiedCorpus: string;
let runtime: TestRuntime;
const results = new Map<string, FolderResult>();

beforeAll(async () => {
  rmSync(workDir, { recursive: true, force: true });
  const tarball = packPackage(join(workDir, "pack"));
  installed = installPackage(tarball, join(workDir, "projects"), "20.19.43");
  // Inside the scratch project, so `openclaw/plugin-sdk/*` resolves to the installed package at runtime too.
  copiedCorpus = join(installed.projectDir, "fixtures");
  rmSync(copiedCorpus, { recursive: true, force: true });
  cpSync(fixturesDir, copiedCorpus, { recursive: true });
  for (const folder of findPluginFolders(copiedCorpus)) results.set(folder.name, checkFolder(folder, installed));
  runtime = (await import(pathToFileURL(join(installed.packageDir, "dist", "plugin-sdk", "plugin-test-runtime.js")).href)) as TestRuntime;
}, 600_000);

describe("compat fixtures type-check against the packed package", () => {
  it("finds every fixture as a plugin folder", () => {
    expect([...results.keys()]).toEqual(fixtureNames);
  });

  it.each(fixtureNames)("%s is free of SDK errors", (name) => {
    const result = results.get(name);
    expect(result?.counted).toBe(true);
    expect(result?.errors.map((error) => `${error.at} ${error.class}: ${error.message}`)).toEqual([]);
  });
});

describe("compat fixtures load with loadPluginForTest", () => {
  const load = (name: string, options: Parameters<TestRuntime["loadPluginForTest"]>[1] = {}) =>
    runtime.loadPluginForTest(join(copiedCorpus, name), { mode: "full", ...options });

  it("tool-core registers a tool whose parameters come from stringEnum and whose execute reads them", async () => {
    const plugin = await load("tool-core", { pluginConfig: { defaultLimit: 2 } });
    expect(plugin.loadError).toBeUndefined();
    expect(plugin.tools).toEqual([{ name: "fixture_search", optional: false }]);
    const out = await runtime.invokeTool(plugin, "fixture_search", { query: "otter", mode: "thorough" });
    expect(out.blocked).toBe(false);
    const text = out.blocked ? "" : JSON.stringify(out.result.content);
    expect(text).toContain("otter-2");
    expect(text).toContain("thorough");
    expect(text).not.toContain("otter-3");
  });

  it("channel-bundled registers its channel (loaded through defineBundledChannelEntry) and gateway method", async () => {
    const plugin = await load("channel-bundled");
    expect(plugin.loadError).toBeUndefined();
    expect(plugin.channels).toEqual(["fixture-chat"]);
    expect(plugin.gatewayMethods.map((method) => method.method)).toEqual(["fixture-chat.ping"]);
    const reply = await runtime.invokeGatewayMethod(plugin, "fixture-chat.ping", {});
    expect(reply).toMatchObject({ ok: true, payload: { pong: true } });
  });

  it("provider-single registers one text provider through provider-entry", async () => {
    const plugin = await load("provider-single");
    expect(plugin.loadError).toBeUndefined();
    expect(plugin.providers.map((provider) => provider.id)).toEqual(["fixture-llm"]);
    expect(plugin.capabilities).toContain("text-inference");
  });

  it("hook-only registers its message and session hooks, and the message hook signs outgoing text", async () => {
    const plugin = await load("hook-only", { pluginConfig: { signature: "-- fixture" } });
    expect(plugin.loadError).toBeUndefined();
    expect(plugin.shape).toBe("hook-only");
    expect(plugin.hooks.map((hook) => hook.name).sort()).toEqual(["message_sending", "session_end"]);
    const runner = runtime.createHookRunner([plugin]);
    // The context carries `messageId`, as real channel plugins pass it.
    const messageContext = { channelId: "test", messageId: "m1" };
    const outcome = await runner.run("message_sending", { to: "u1", content: "hello" }, messageContext);
    expect(outcome.failures).toEqual([]);
    expect(outcome.decision).toMatchObject({ content: "hello\n-- fixture" });
    const sessionEnd = { sessionId: "s1", messageCount: 2, reason: "idle" as const };
    const ended = await runner.run("session_end", sessionEnd, { sessionId: "s1" });
    expect(ended.failures).toEqual([]);
  });

  it("runtime-config reads plugins from runtime.config.loadConfig() and queues a system event", async () => {
    const config = { plugins: { entries: { "fixture-ops": { enabled: true }, weather: { enabled: true } } } };
    const plugin = await load("runtime-config", { config, pluginConfig: { label: "ops" } });
    expect(plugin.loadError).toBeUndefined();
    expect(plugin.commands).toEqual(["fixture-plugins"]);
    expect(plugin.hooks.map((hook) => hook.name)).toEqual(["session_start"]);
    const reply = await runtime.invokeCommand(plugin, "/fixture-plugins", { sessionKey: "agent:main:main" });
    expect(reply).toMatchObject({ text: "ops: fixture-ops, weather (2 plugins)" });
  });
  it("inbound-dm dispatches a direct message through api.runtime.channel and reads the session store", async () => {
    // The gateway's channel runtime, with a real in-memory session store; the fixture's store file holds one entry.
    const updatedAt = new Map<string, number>();
    const channel = {
      routing: { resolveAgentRoute: (p: { peer: { id: string } }) => ({ agentId: "main", sessionKey: `agent:main:fixture-dm:direct:${p.peer.id}` }) },
      session: {
        resolveStorePath: () => storePath,
        readSessionUpdatedAt: (p: { sessionKey: string }) => updatedAt.get(p.sessionKey),
        recordInboundSession: async (p: { sessionKey: string }) => void updatedAt.set(p.sessionKey, 1),
      },
      reply: {
        resolveEnvelopeFormatOptions: () => ({}),
        formatAgentEnvelope: (p: { channel: string; from: string; body: string }) => `[${p.channel} ${p.from}] ${p.body}`,
        finalizeInboundContext: (ctx: Record<string, unknown>) => ctx,
        dispatchReplyWithBufferedBlockDispatcher: async (p: { ctx: Record<string, unknown>; dispatcherOptions: { deliver: (payload: { text: string }) => Promise<void> } }) =>
          p.dispatcherOptions.deliver({ text: `[[reply_to_current]] got: ${String(p.ctx.Body)}` }),
      },
    };
    const storePath = join(workDir, "inbound-dm-sessions.json");
    writeFileSync(storePath, JSON.stringify({ "agent:main:fixture-dm:direct:u1": { sessionId: "s1", sessionStartedAt: 42 } }));
    const { runtime: hostRuntime } = runtime.createHostRuntime({ extend: { channel } });
    const plugin = await load("inbound-dm", { runtime: hostRuntime, pluginConfig: { storePath } });
    expect(plugin.loadError).toBeUndefined();
    const reply = await runtime.invokeGatewayMethod(plugin, "fixture-dm.receive", { from: "u1", text: "/stop now", id: "m1" });
    expect(reply).toMatchObject({
      ok: true,
      payload: {
        sessionKey: "agent:main:fixture-dm:direct:u1",
        command: "/stop",
        replies: [{ text: "got: [Fixture DM DM with u1] /stop now", replyToId: "m1" }],
        startedAt: 42,
      },
    });
    const consult = await runtime.invokeGatewayMethod(plugin, "fixture-dm.receive", { from: "u2", consult: { question: "Weather?" }, id: "m2" });
    expect(consult).toMatchObject({ ok: true, payload: { command: null, replies: [{ text: "got: [Fixture DM DM with u2] Weather?" }], startedAt: null } });
  });
});
