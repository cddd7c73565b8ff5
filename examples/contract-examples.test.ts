/**
 * The contract examples, loaded the way an installed plugin is: their `openclaw/plugin-sdk/*` imports resolve
 * through `examples/<name>/node_modules/openclaw` to the built package (run `pnpm build` first). Each entry is
 * registered against the host's real registration api (mode rules and contract gates), and each manifest is read
 * with the manifest reader.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readPluginManifest } from "../src/manifest/read-plugin-manifest.js";
import { createTestPluginApi } from "../src/host/test-api.js";
import { getToolPluginMetadata } from "../src/entry/define-tool-plugin.js";
import { PluginRuntimeUnavailableError } from "../src/entry/runtime-availability.js";

const dir = (name: string) => join(import.meta.dirname, name);

async function manifestOf(name: string) {
  const result = await readPluginManifest(dir(name));
  expect(result.diagnostics.filter((d) => d.level === "error")).toEqual([]);
  return result.manifest!;
}

describe("examples/tool-plugin", () => {
  it("exposes static metadata matching its manifest, across SDK copies", async () => {
    const manifest = await manifestOf("tool-plugin");
    const mod = await import("./tool-plugin/src/index.js");
    const meta = getToolPluginMetadata(mod)!;
    expect(meta.id).toBe(manifest.id);
    expect(meta.tools.map((tool) => tool.name)).toEqual(manifest.contracts?.tools);
    expect(meta.activation).toEqual(manifest.activation);
    expect(meta.configSchema).toEqual(manifest.configSchema);
  });

  it("registers working tools under the contracts.tools gate", async () => {
    const manifest = await manifestOf("tool-plugin");
    const { default: entry } = await import("./tool-plugin/src/index.js");
    const parsed = entry.configSchema.safeParse({ units: "imperial", defaultCity: "Oslo" });
    expect(parsed.success).toBe(true);
    const api = createTestPluginApi({ id: "weather-tools", manifest, pluginConfig: parsed.success ? parsed.data : {} });
    entry.register(api);
    expect(api.recorded.diagnostics).toEqual([]);
    const tools = api.recorded.registrations.tools;
    expect(tools.map((tool) => tool.names[0])).toEqual(["weather_now", "weather_forecast"]);
    const now = tools[0]!.tool as { execute(id: string, params: unknown): Promise<{ details?: unknown }> };
    const result = await now.execute("call-1", {});
    expect(result.details).toMatchObject({ city: "Oslo", units: "imperial" });
    expect(api.recorded.shape().shape).toBe("non-capability");
  });
});

describe("examples/hook-only-plugin", () => {
  it("registers only hooks and decides as documented", async () => {
    await manifestOf("hook-only-plugin");
    const { default: entry } = await import("./hook-only-plugin/src/index.js");
    const parsed = entry.configSchema.safeParse({ signature: "-- bot" });
    expect(parsed).toEqual({ success: true, data: { deniedTools: ["exec"], signature: "-- bot" } });
    // before_prompt_build sees the conversation: non-bundled plugins need hooks.allowConversationAccess.
    const config = { plugins: { entries: { "tool-guard": { hooks: { allowConversationAccess: true } } } } };
    const api = createTestPluginApi({ id: "tool-guard", config, pluginConfig: parsed.success ? parsed.data : {} });
    entry.register(api);
    expect(api.recorded.registrations.hooks.map((hook) => hook.hookName)).toEqual([
      "before_tool_call",
      "message_sending",
      "before_prompt_build",
    ]);
    expect(api.recorded.shape().shape).toBe("hook-only");
    const guard = api.recorded.registrations.hooks[0]!;
    expect(guard.priority).toBe(100);
    const handler = guard.handler as (event: unknown, ctx: unknown) => unknown;
    expect(handler({ toolName: "exec", params: {} }, { toolName: "exec" })).toEqual({
      block: true,
      blockReason: "exec is disabled by the tool-guard plugin",
    });
    expect(handler({ toolName: "read", params: {} }, { toolName: "read" })).toBeUndefined();
  });
});

describe("examples/provider-plugin", () => {
  it("registers a provider, a CLI backend and a command", async () => {
    await manifestOf("provider-plugin");
    const { default: entry, acmeCliBackend } = await import("./provider-plugin/src/index.js");
    const parsed = entry.configSchema.safeParse(undefined);
    expect(parsed).toEqual({ success: true, data: { baseUrl: "https://api.acme.test/v1" } });
    const api = createTestPluginApi({ id: "acme-provider", pluginConfig: parsed.success ? parsed.data : {} });
    entry.register(api);
    expect(api.recorded.diagnostics).toEqual([]);
    expect(api.recorded.shape().capabilities.sort()).toEqual(["cli-backend", "text-inference"]);
    expect(api.recorded.registrations.commands).toHaveLength(1);
    expect(acmeCliBackend.resolveExecutionArgs?.({ args: ["chat"], modelId: "m", thinkingLevel: "high", config: {} })).toEqual([
      "chat",
      "--effort",
      "high",
    ]);
    expect(entry.configSchema.safeParse({ baseUrl: "not a url" }).success).toBe(false);
  });
});

describe("examples/memory-plugin", () => {
  it("registers one memory capability whose artifacts memory-host can list", async () => {
    const manifest = await manifestOf("memory-plugin");
    expect(manifest.kind).toBe("memory");
    const { default: entry } = await import("./memory-plugin/src/index.js");
    const { listMemoryPublicArtifacts } = await import("openclaw/plugin-sdk/memory-host");
    const captured: unknown[] = [];
    const api = createTestPluginApi({ id: "notes-memory", pluginConfig: { maxResults: 3 } });
    const original = api.registerMemoryCapability.bind(api);
    const spy = Object.create(api, {
      registerMemoryCapability: { value: (capability: unknown) => { captured.push(capability); original(capability as never); } },
    });
    entry.register(spy);
    expect(captured).toHaveLength(1);
    const capability = captured[0] as Parameters<typeof listMemoryPublicArtifacts>[0][number];
    expect(await listMemoryPublicArtifacts([capability])).toEqual([{ id: "notes/welcome.md", kind: "markdown", path: "notes/welcome.md" }]);
    expect(await capability.runtime!.search({ query: "fridays" })).toHaveLength(1);
    expect(api.recorded.shape().capabilities).toEqual(["memory"]);
  });
});

describe("examples/channel-plugin", () => {
  it("full mode: channel, runtime, CLI metadata and gateway method", async () => {
    const manifest = await manifestOf("channel-plugin");
    const { default: entry } = await import("./channel-plugin/src/index.js");
    const { echoRuntime } = await import("./channel-plugin/src/runtime.js");
    const api = createTestPluginApi({ id: "echo-channel", manifest, registrationMode: "full" });
    entry.register(api);
    expect(api.recorded.diagnostics).toEqual([]);
    expect(api.recorded.registrations.channels).toHaveLength(1);
    expect(api.recorded.registrations.cliCommands).toHaveLength(1);
    expect(api.recorded.registrations.gatewayMethods.map((m) => m.method)).toEqual(["echo.status"]);
    expect(echoRuntime.getRuntime()).toBe(api.runtime);
    echoRuntime.clearRuntime();
  });

  it("cli-metadata mode: only CLI descriptors, runtime not touched", async () => {
    const { default: entry } = await import("./channel-plugin/src/index.js");
    const api = createTestPluginApi({ id: "echo-channel", registrationMode: "cli-metadata" });
    entry.register(api);
    expect(api.recorded.registrations.channels).toHaveLength(0);
    expect(api.recorded.registrations.cliCommands).toHaveLength(1);
    expect(api.recorded.registrations.gatewayMethods).toHaveLength(0);
  });

  it("setup-only mode: channel registered, stored runtime throws a helpful error when read", async () => {
    const { default: entry } = await import("./channel-plugin/src/index.js");
    const { echoRuntime } = await import("./channel-plugin/src/runtime.js");
    const api = createTestPluginApi({ id: "echo-channel", registrationMode: "setup-only" });
    entry.register(api);
    expect(api.recorded.registrations.channels).toHaveLength(1);
    expect(() => echoRuntime.getRuntime().config).toThrow(/api\.runtime is unavailable during "setup-only" registration/);
    echoRuntime.clearRuntime();
  });

  it("setup entry exports { plugin } and the channel config schema validates", async () => {
    const { default: setupEntry } = await import("./channel-plugin/src/setup-entry.js");
    const { echoChannelConfigSchema } = await import("./channel-plugin/src/index.js");
    expect(Object.keys(setupEntry)).toEqual(["plugin"]);
    expect(setupEntry.plugin.id).toBe("echo");
    expect(echoChannelConfigSchema.runtime?.safeParse({ dmPolicy: "open" }).success).toBe(true);
    expect(echoChannelConfigSchema.runtime?.safeParse({ dmPolicy: "all" }).success).toBe(false);
    const send = await setupEntry.plugin.outbound!.sendText!({ cfg: {}, to: "me", text: "hi" });
    expect(send).toMatchObject({ channel: "echo", chatId: "me" });
    void PluginRuntimeUnavailableError;
  });
});
