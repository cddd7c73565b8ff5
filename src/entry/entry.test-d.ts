/**
 * Type tests for the entry helpers: config inference into `api.pluginConfig`, per-mode api types, tool plugin
 * typing, runtime store overloads, and compatibility with plugin source written against the established types.
 */
import { describe, expectTypeOf, it } from "vitest";
import { z } from "zod";
import { z as z3 } from "zod/v3";
import type { ChannelConfigSchema, ChannelPlugin } from "../contract/channel.js";
import type { OpenClawPluginConfigSchema, ResolvedPluginConfigSchema } from "../contract/config-schema.js";
import type { OpenClawPluginApi, OpenClawPluginApiWithRuntime } from "../contract/plugin-api.js";
import type { PluginRuntime } from "../contract/runtime.js";
import type { AgentToolResult, AnyAgentTool } from "../contract/tools.js";
import { normalizeAgentPromptGuidance, type NormalizedAgentPromptGuidance } from "./agent-prompt-guidance.js";
import { buildChannelConfigSchema, emptyChannelConfigSchema } from "./channel-config-schema.js";
import { buildJsonPluginConfigSchema, buildPluginConfigSchema, emptyPluginConfigSchema } from "./config-schema.js";
import { defineChannelPluginEntry, defineSetupPluginEntry } from "./define-channel-plugin-entry.js";
import { definePluginEntry } from "./define-plugin-entry.js";
import { defineToolPlugin, getToolPluginMetadata, type ToolPluginMetadata } from "./define-tool-plugin.js";
import { resolveGatewayMethodScope } from "./gateway-scope.js";
import { createUnavailablePluginRuntime, isPluginRuntimeAvailable } from "./runtime-availability.js";
import { createPluginRuntimeStore, type PluginRuntimeStore } from "./runtime-store.js";
import { jsonResult, toToolResult } from "./tool-result.js";

declare const channelPlugin: ChannelPlugin<{ token: string }>;

describe("config schemas type api.pluginConfig", () => {
  it("zod 4", () => {
    definePluginEntry({
      id: "a",
      name: "a",
      description: "a",
      configSchema: buildPluginConfigSchema(z.object({ units: z.enum(["metric", "imperial"]).default("metric"), key: z.string().optional() })),
      register(api) {
        expectTypeOf(api.pluginConfig).toEqualTypeOf<{ units: "metric" | "imperial"; key?: string | undefined }>();
        // @ts-expect-error not in the schema
        void api.pluginConfig.other;
      },
    });
  });

  it("zod 3", () => {
    const schema = buildPluginConfigSchema(z3.object({ n: z3.number() }));
    expectTypeOf(schema).toEqualTypeOf<ResolvedPluginConfigSchema<{ n: number }>>();
    definePluginEntry({ id: "a", name: "a", description: "a", configSchema: schema, register(api) {
      expectTypeOf(api.pluginConfig.n).toBeNumber();
    } });
  });

  it("a factory configSchema", () => {
    definePluginEntry({
      id: "a",
      name: "a",
      description: "a",
      configSchema: () => buildPluginConfigSchema(z.object({ flag: z.boolean() })),
      register(api) {
        expectTypeOf(api.pluginConfig.flag).toBeBoolean();
      },
    });
  });

  it("JSON Schema with an explicit type, and the default", () => {
    const json = buildJsonPluginConfigSchema<{ enabled: boolean }>({ type: "object" });
    expectTypeOf(json.safeParse({})).toMatchTypeOf<{ success: boolean }>();
    definePluginEntry({ id: "a", name: "a", description: "a", configSchema: json, register(api) {
      expectTypeOf(api.pluginConfig.enabled).toBeBoolean();
    } });
    definePluginEntry({ id: "a", name: "a", description: "a", register(api) {
      expectTypeOf(api.pluginConfig).toEqualTypeOf<Record<string, unknown>>();
    } });
    expectTypeOf(emptyPluginConfigSchema()).toEqualTypeOf<ResolvedPluginConfigSchema<Record<string, unknown>>>();
  });

  it("rejects non-schemas", () => {
    // @ts-expect-error a string is not a zod schema
    buildPluginConfigSchema("x");
    // @ts-expect-error configSchema must be a schema
    definePluginEntry({ id: "a", name: "a", description: "a", configSchema: { type: "object" }, register() {} });
    // @ts-expect-error register is required
    definePluginEntry({ id: "a", name: "a", description: "a" });
  });

  it("channel config schemas", () => {
    expectTypeOf(buildChannelConfigSchema(z.object({}))).toEqualTypeOf<ChannelConfigSchema>();
    expectTypeOf(emptyChannelConfigSchema()).toEqualTypeOf<ChannelConfigSchema>();
  });
});

describe("runtime honesty", () => {
  it("narrowing on registrationMode", () => {
    definePluginEntry({
      id: "a",
      name: "a",
      description: "a",
      register(api) {
        expectTypeOf(api.runtime).toEqualTypeOf<PluginRuntime>();
        if (api.registrationMode === "cli-metadata" || api.registrationMode === "setup-only") {
          expectTypeOf(api.runtime).toBeNever();
          // @ts-expect-error no runtime in cli-metadata / setup-only
          api.runtime.config.current();
          return;
        }
        expectTypeOf(api.runtime).toEqualTypeOf<PluginRuntime>();
        api.runtime.system.requestHeartbeatNow();
      },
    });
  });

  it("type guard and stand-in", () => {
    const api = {} as OpenClawPluginApi;
    if (isPluginRuntimeAvailable(api)) expectTypeOf(api).toEqualTypeOf<OpenClawPluginApiWithRuntime>();
    expectTypeOf(createUnavailablePluginRuntime({ pluginId: "p", mode: "setup-only" })).toEqualTypeOf<PluginRuntime>();
    // @ts-expect-error full mode has a runtime
    createUnavailablePluginRuntime({ pluginId: "p", mode: "full" });
  });
});

describe("defineChannelPluginEntry", () => {
  it("types each hook's api", () => {
    const entry = defineChannelPluginEntry({
      id: "c",
      name: "c",
      description: "c",
      plugin: channelPlugin,
      setRuntime(runtime) {
        expectTypeOf(runtime).toEqualTypeOf<PluginRuntime>();
      },
      registerCliMetadata(api) {
        expectTypeOf(api).toEqualTypeOf<OpenClawPluginApi>();
      },
      registerFull(api) {
        expectTypeOf(api.runtime).toEqualTypeOf<PluginRuntime>();
        expectTypeOf(api.registrationMode).toEqualTypeOf<"full" | "discovery" | "tool-discovery" | "setup-runtime">();
      },
    });
    expectTypeOf(entry.channelPlugin).toEqualTypeOf<ChannelPlugin<{ token: string }>>();
    expectTypeOf(defineSetupPluginEntry(channelPlugin)).toEqualTypeOf<{ plugin: ChannelPlugin<{ token: string }> }>();
  });

  it("accepts hooks written against the plain OpenClawPluginApi (existing source)", () => {
    const registerFull = (api: OpenClawPluginApi) => void api.id;
    defineChannelPluginEntry({ id: "c", name: "c", description: "c", plugin: channelPlugin, registerFull, registerCapabilities: registerFull });
  });

  it("requires a channel plugin", () => {
    // @ts-expect-error plugin is required
    defineChannelPluginEntry({ id: "c", name: "c", description: "c" });
  });
});

describe("defineToolPlugin", () => {
  it("types params and config, and exposes metadata", () => {
    const entry = defineToolPlugin({
      id: "t",
      name: "t",
      description: "t",
      configSchema: buildPluginConfigSchema(z.object({ units: z.string() })),
      tools: (tool) => [
        tool<{ city: string }>({
          name: "w",
          description: "w",
          parameters: {},
          execute(params, config, context) {
            expectTypeOf(params.city).toBeString();
            expectTypeOf(config.units).toBeString();
            expectTypeOf(context.toolCallId).toBeString();
            return "ok";
          },
        }),
        tool({
          name: "f",
          description: "f",
          parameters: {},
          factory(context) {
            expectTypeOf(context.config.units).toBeString();
            return null;
          },
        }),
      ],
    });
    expectTypeOf(getToolPluginMetadata(entry)).toEqualTypeOf<ToolPluginMetadata | undefined>();
  });

  it("requires exactly one of execute and factory", () => {
    defineToolPlugin({
      id: "t",
      name: "t",
      description: "t",
      // @ts-expect-error neither execute nor factory
      tools: [{ name: "x", description: "x", parameters: {} }],
    });
    defineToolPlugin({
      id: "t",
      name: "t",
      description: "t",
      // @ts-expect-error both execute and factory
      tools: [{ name: "x", description: "x", parameters: {}, execute: () => 1, factory: () => null }],
    });
  });
});

describe("small helpers", () => {
  it("runtime store overloads", () => {
    expectTypeOf(createPluginRuntimeStore<PluginRuntime>("x")).toEqualTypeOf<PluginRuntimeStore<PluginRuntime>>();
    expectTypeOf(createPluginRuntimeStore<number>({ pluginId: "p", errorMessage: "x" }).tryGetRuntime()).toEqualTypeOf<number | null>();
    // @ts-expect-error errorMessage is required with pluginId
    createPluginRuntimeStore({ pluginId: "p" });
  });

  it("tool results", () => {
    expectTypeOf(jsonResult({ a: 1 })).toEqualTypeOf<AgentToolResult<{ a: number }>>();
    expectTypeOf(toToolResult("x")).toEqualTypeOf<AgentToolResult>();
  });

  it("gateway scope and guidance", () => {
    expectTypeOf(resolveGatewayMethodScope("x")).toEqualTypeOf<
      "operator.read" | "operator.write" | "operator.admin" | "operator.approvals" | "operator.pairing"
    >();
    expectTypeOf(normalizeAgentPromptGuidance([], { commandName: "c" })).toEqualTypeOf<NormalizedAgentPromptGuidance[]>();
    // @ts-expect-error unknown surface
    normalizeAgentPromptGuidance([{ text: "x", surfaces: ["everywhere"] }], { commandName: "c" });
  });
});

describe("existing plugin source compiles unchanged", () => {
  it("register(api: OpenClawPluginApi) with registerTool, on, registerCli, runtime", () => {
    const tool: AnyAgentTool = {
      name: "x",
      description: "x",
      parameters: {},
      execute: async () => ({ content: [{ type: "text", text: "x" }] }),
    };
    definePluginEntry({
      id: "legacy",
      name: "Legacy",
      description: "Legacy",
      configSchema: buildPluginConfigSchema(z.object({ a: z.string() })),
      register(api: OpenClawPluginApi) {
        api.registerTool(tool);
        api.registerTool(() => [tool], { optional: true });
        api.registerCli(({ program }) => void program.command("x"), { commands: ["x"] });
        api.registerGatewayMethod("legacy.status", ({ respond }) => respond(true));
        api.registerService({ id: "svc", start() {} });
        api.on("before_prompt_build", () => ({ prependContext: "x" }));
        api.registerSessionExtension({ namespace: "n" });
        const cfg = api.runtime.config.current();
        void cfg.plugins?.entries?.legacy?.hooks?.allowPromptInjection;
        api.logger.info(api.resolvePath("data"));
      },
    });
  });
});
