import { describe, expect, it } from "vitest";
import { z } from "zod";
import type { AgentTool } from "../contract/tools.js";
import { buildPluginConfigSchema } from "./config-schema.js";
import { defineToolPlugin, getToolPluginMetadata, toolPluginMetadataSymbol } from "./define-tool-plugin.js";
import { createFakeApi } from "./__tests__/fake-api.js";

const params = { type: "object", properties: { city: { type: "string" } }, required: ["city"] };

function weatherPlugin() {
  return defineToolPlugin({
    id: "weather",
    name: "Weather",
    description: "Weather tools",
    activation: { onStartup: false, onCapabilities: ["tool"] },
    configSchema: buildPluginConfigSchema(z.object({ units: z.enum(["metric", "imperial"]).default("metric") })),
    tools: (tool) => [
      tool<{ city: string }>({
        name: "weather_now",
        label: "Weather now",
        description: "Current weather",
        parameters: params,
        execute: ({ city }, config) => ({ city, units: config.units, temperature: 21 }),
      }),
      tool({ name: "weather_text", description: "Weather as text", parameters: params, optional: true, execute: () => "sunny" }),
      tool({
        name: "weather_factory",
        description: "Built per run",
        parameters: params,
        factory: ({ toolContext }) => (toolContext.sandboxed ? null : []),
      }),
    ],
  });
}

describe("defineToolPlugin metadata", () => {
  it("is readable without running register", () => {
    const entry = weatherPlugin();
    const meta = getToolPluginMetadata(entry)!;
    expect(meta).toMatchObject({
      id: "weather",
      name: "Weather",
      description: "Weather tools",
      activation: { onStartup: false, onCapabilities: ["tool"] },
    });
    expect(meta.tools).toEqual([
      { name: "weather_now", label: "Weather now", description: "Current weather", parameters: params, optional: false },
      { name: "weather_text", label: "weather_text", description: "Weather as text", parameters: params, optional: true },
      { name: "weather_factory", label: "weather_factory", description: "Built per run", parameters: params, optional: false },
    ]);
    expect(meta.configSchema).toMatchObject({ type: "object", properties: { units: { default: "metric" } } });
  });

  it("lives under a global, non-enumerable symbol", () => {
    const entry = weatherPlugin();
    expect(toolPluginMetadataSymbol).toBe(Symbol.for("openclaw.plugin-sdk.tool-plugin-metadata"));
    expect(Object.keys(entry)).not.toContain(String(toolPluginMetadataSymbol));
    expect(JSON.stringify(entry)).not.toContain("weather_now");
    expect(entry[toolPluginMetadataSymbol].tools).toHaveLength(3);
  });

  it("is found on a module namespace's default export", () => {
    expect(getToolPluginMetadata({ default: weatherPlugin() })?.id).toBe("weather");
    expect(getToolPluginMetadata({})).toBeUndefined();
    expect(getToolPluginMetadata(null)).toBeUndefined();
    expect(getToolPluginMetadata("x")).toBeUndefined();
  });

  it("defaults activation to startup and config to the empty schema", () => {
    const entry = defineToolPlugin({
      id: "echo",
      name: "Echo",
      description: "Echo",
      tools: [{ name: "echo", description: "Echo", parameters: {}, execute: (p) => p }],
    });
    const meta = getToolPluginMetadata(entry)!;
    expect(meta.activation).toEqual({ onStartup: true });
    expect(meta.configSchema).toEqual({ type: "object", additionalProperties: false, properties: {} });
  });
});

describe("defineToolPlugin register", () => {
  it("registers execute tools with wrapped results and factory tools by name", async () => {
    const fake = createFakeApi({ pluginConfig: { units: "imperial" } });
    weatherPlugin().register(fake.api);
    expect(fake.methods()).toEqual(["registerTool", "registerTool", "registerTool"]);
    const [now, text, factory] = fake.calls;
    expect(now!.args[1]).toEqual({ optional: false });
    expect(text!.args[1]).toEqual({ optional: true });
    expect(factory!.args[1]).toEqual({ name: "weather_factory", names: ["weather_factory"], optional: false });

    const nowTool = now!.args[0] as AgentTool;
    expect(nowTool).toMatchObject({ name: "weather_now", label: "Weather now", parameters: params });
    const json = await nowTool.execute("call-1", { city: "Oslo" });
    expect(json).toEqual({
      content: [{ type: "text", text: JSON.stringify({ city: "Oslo", units: "imperial", temperature: 21 }, null, 2) }],
      details: { city: "Oslo", units: "imperial", temperature: 21 },
    });
    const plain = await (text!.args[0] as AgentTool).execute("call-2", { city: "Oslo" });
    expect(plain).toEqual({ content: [{ type: "text", text: "sunny" }] });

    const built = (factory!.args[0] as (ctx: { sandboxed?: boolean }) => unknown)({ sandboxed: true });
    expect(built).toBeNull();
  });

  it("passes the execution context", async () => {
    let seen: unknown;
    const entry = defineToolPlugin({
      id: "ctx",
      name: "Ctx",
      description: "Ctx",
      tools: [{ name: "ctx", description: "ctx", parameters: {}, execute: (_p, _c, context) => void (seen = context) }],
    });
    const fake = createFakeApi();
    entry.register(fake.api);
    const signal = new AbortController().signal;
    const result = await (fake.calls[0]!.args[0] as AgentTool).execute("id-9", {}, signal);
    expect(seen).toMatchObject({ toolCallId: "id-9", signal, api: fake.api });
    expect(result).toEqual({ content: [{ type: "text", text: "null" }], details: null });
  });
});

describe("defineToolPlugin errors", () => {
  const make = (tools: unknown) => () =>
    defineToolPlugin({ id: "bad", name: "Bad", description: "Bad", tools: tools as never });

  it("rejects a tool with neither execute nor factory", () => {
    expect(make([{ name: "t", description: "d", parameters: {} }])).toThrow(
      /tools\[0\] \("t"\) has neither execute nor factory/,
    );
  });
  it("rejects a tool with both", () => {
    expect(make([{ name: "t", description: "d", parameters: {}, execute() {}, factory() {} }])).toThrow(/has both execute and factory/);
  });
  it("rejects bad names, duplicates, missing descriptions or parameters, and empty tool lists", () => {
    expect(make([{ name: "bad name", description: "d", parameters: {}, execute() {} }])).toThrow(/name "bad name" must be/);
    expect(
      make([
        { name: "t", description: "d", parameters: {}, execute() {} },
        { name: "t", description: "d", parameters: {}, execute() {} },
      ]),
    ).toThrow(/declared twice/);
    expect(make([{ name: "t", description: "", parameters: {}, execute() {} }])).toThrow(/description must be/);
    expect(make([{ name: "t", description: "d", execute() {} }])).toThrow(/parameters must be a JSON Schema object/);
    expect(make([])).toThrow(/declare at least one tool/);
    expect(make("x")).toThrow(/"tools" must be an array/);
  });
});
