/**
 * Tests for the harness-demo plugin, written the way a plugin author writes them: the only SDK imports are the
 * public harness subpaths `openclaw/plugin-sdk/plugin-test-api` and `openclaw/plugin-sdk/plugin-test-runtime`.
 */
import { describe, expect, it } from "vitest";
import { createTestPluginApi } from "openclaw/plugin-sdk/plugin-test-api";
import {
  createHookRunner,
  invokeCommand,
  invokeGatewayMethod,
  invokeHttpRoute,
  invokeTool,
  loadPluginForTest,
  startPluginServices,
} from "openclaw/plugin-sdk/plugin-test-runtime";
import entry from "../src/index.js";

const pluginRoot = new URL("..", import.meta.url);

describe("harness-demo, loaded like the gateway loads it", () => {
  it("loads cleanly with schema defaults applied", async () => {
    const plugin = await loadPluginForTest(pluginRoot, { mode: "full" });
    expect(plugin.loadError).toBeUndefined();
    expect(plugin.id).toBe("harness-demo");
    expect(plugin.shape).toBe("non-capability");
    expect(plugin.capabilities).toEqual([]);
    expect(plugin.pluginConfig).toEqual({ greeting: "Hello", blockedTools: [] });
    expect(plugin.tools).toEqual([{ name: "greet", optional: false }]);
    expect(plugin.hooks).toEqual([
      { name: "before_tool_call", priority: 10 },
      { name: "message_sending", priority: 0 },
    ]);
    expect(plugin.diagnostics.filter((d) => d.level !== "info")).toEqual([]);
  });

  it("rejects bad config before register runs", async () => {
    const plugin = await loadPluginForTest(pluginRoot, { pluginConfig: { greeting: "" } });
    expect(plugin.loadError?.code).toBe("config-invalid");
    expect(plugin.registrations.tools).toEqual([]);
  });

  it("invokes the tool, the command, the gateway method and the HTTP route in-process", async () => {
    const plugin = await loadPluginForTest(pluginRoot, { pluginConfig: { greeting: "Hej" } });
    const tool = await invokeTool(plugin, "greet", { name: "Ada" });
    expect(tool.blocked === false && tool.result.content).toEqual([{ type: "text", text: "Hej, Ada!" }]);
    expect(await invokeCommand(plugin, "/greet", { args: "Linus" })).toEqual({ text: "Hej, Linus!" });
    expect(await invokeGatewayMethod(plugin, "harness-demo.status")).toMatchObject({
      ok: true,
      payload: { greeting: "Hej", blockedTools: [] },
    });
    expect(await invokeHttpRoute(plugin, { path: "/harness-demo/ping" })).toMatchObject({
      handled: true,
      status: 200,
      json: { pong: true },
    });
  });

  it("merges hook decisions exactly as the host would", async () => {
    const plugin = await loadPluginForTest(pluginRoot, {
      pluginConfig: { blockedTools: ["exec"], signature: "sent by harness-demo" },
    });
    const runner = createHookRunner([plugin]);
    const blocked = await runner.run("before_tool_call", { toolName: "exec", params: { cmd: "ls" } }, { toolName: "exec" });
    expect(blocked.decision).toEqual({ block: true, blockReason: "exec is blocked by harness-demo", blockedBy: "harness-demo" });
    const allowed = await runner.run("before_tool_call", { toolName: "greet", params: {} }, { toolName: "greet" });
    expect(allowed.decision).toBeUndefined();
    const sending = await runner.run("message_sending", { to: "user", content: "hi" });
    expect(sending.decision).toEqual({ content: "hi\n-- sent by harness-demo" });
  });

  it("registers only what cli-metadata mode accepts", async () => {
    const plugin = await loadPluginForTest(pluginRoot, { mode: "cli-metadata" });
    expect(plugin.loadError).toBeUndefined();
    expect(plugin.tools).toEqual([]);
    expect(plugin.diagnostics.filter((d) => d.code === "registration-skipped-for-mode")).toHaveLength(7);
  });

  it("starts and stops its service like the gateway, and only in full mode", async () => {
    const plugin = await loadPluginForTest(pluginRoot, { mode: "full", pluginConfig: { greeting: "Hej" } });
    const lines: string[] = [];
    const logger = { info: (m: string) => lines.push(m), warn: (m: string) => lines.push(m), error: (m: string) => lines.push(m) };
    const services = await startPluginServices(plugin, { logger });
    expect(services.started).toEqual(["harness-demo.greeter"]);
    expect(services.failures).toEqual([]);
    expect(await services.stop()).toEqual({ stopped: ["harness-demo.greeter"], failures: [] });
    await services.stop(); // idempotent
    expect(lines).toEqual(["greeter up (Hej)", "greeter down"]);

    const setup = await loadPluginForTest(pluginRoot, { mode: "setup-runtime" });
    await expect(startPluginServices(setup)).rejects.toThrow(/loaded in "setup-runtime" mode/);
  });
});

describe("harness-demo register(api), unit-tested with createTestPluginApi", () => {
  it("records every registration", () => {
    const api = createTestPluginApi({
      id: "harness-demo",
      pluginConfig: { greeting: "Hello", blockedTools: [] },
      manifest: { contracts: { tools: ["greet"] } },
    });
    entry.register(api);
    const { registrations, diagnostics } = api.recorded;
    expect(registrations.log.map((l) => `${l.method}:${l.name}`)).toEqual([
      "registerTool:greet",
      "registerCommand:greet",
      "registerGatewayMethod:harness-demo.status",
      "registerHttpRoute:/harness-demo/ping",
      "registerService:harness-demo.greeter",
      "on:before_tool_call",
      "on:message_sending",
    ]);
    expect(diagnostics).toEqual([]);
    expect(api.recorded.shape()).toEqual({ shape: "non-capability", capabilities: [] });
  });

  it("shows the contracts.tools gate when the manifest does not list the tool", () => {
    const api = createTestPluginApi({ id: "harness-demo", pluginConfig: { greeting: "Hello", blockedTools: [] }, manifest: { contracts: {} } });
    entry.register(api);
    expect(api.recorded.registrations.tools).toEqual([]);
    expect(api.recorded.diagnostics[0]?.code).toBe("contract-tools-undeclared");
  });
});
