/**
 * Every contract subpath exports the same `OpenClawPluginApi` (and `PluginRuntime`, `OpenClawConfig`), under the
 * public specifiers (resolved to src/ through tsconfig `paths`; the packed-package consumer test covers dist/).
 */
import { describe, expectTypeOf, it } from "vitest";
import type { OpenClawPluginApi as Root, PluginRuntime as RootRuntime } from "openclaw/plugin-sdk";
import type { OpenClawPluginApi as ApiPluginEntry, PluginRuntime as RtPluginEntry, OpenClawConfig as CfgPluginEntry } from "openclaw/plugin-sdk/plugin-entry";
import type { OpenClawPluginApi as ApiCore, PluginRuntime as RtCore, OpenClawConfig as CfgCore } from "openclaw/plugin-sdk/core";
import type { OpenClawPluginApi as ApiChannelCore, PluginRuntime as RtChannelCore, OpenClawConfig as CfgChannelCore } from "openclaw/plugin-sdk/channel-core";
import type { OpenClawPluginApi as ApiChannelContract, PluginRuntime as RtChannelContract, OpenClawConfig as CfgChannelContract } from "openclaw/plugin-sdk/channel-contract";
import type { OpenClawPluginApi as ApiChannelSetup, PluginRuntime as RtChannelSetup, OpenClawConfig as CfgChannelSetup } from "openclaw/plugin-sdk/channel-setup";
import type { OpenClawPluginApi as ApiSetup, PluginRuntime as RtSetup, OpenClawConfig as CfgSetup } from "openclaw/plugin-sdk/setup";
import type { OpenClawPluginApi as ApiSetupRuntime, PluginRuntime as RtSetupRuntime, OpenClawConfig as CfgSetupRuntime } from "openclaw/plugin-sdk/setup-runtime";
import type { OpenClawPluginApi as ApiSetupTools, PluginRuntime as RtSetupTools, OpenClawConfig as CfgSetupTools } from "openclaw/plugin-sdk/setup-tools";
import type { OpenClawPluginApi as ApiChannelConfigSchema, PluginRuntime as RtChannelConfigSchema, OpenClawConfig as CfgChannelConfigSchema } from "openclaw/plugin-sdk/channel-config-schema";
import type { OpenClawPluginApi as ApiBundledChannelConfigSchema, PluginRuntime as RtBundledChannelConfigSchema, OpenClawConfig as CfgBundledChannelConfigSchema } from "openclaw/plugin-sdk/bundled-channel-config-schema";
import type { OpenClawPluginApi as ApiChannelConfigSchemaLegacy, PluginRuntime as RtChannelConfigSchemaLegacy, OpenClawConfig as CfgChannelConfigSchemaLegacy } from "openclaw/plugin-sdk/channel-config-schema-legacy";
import type { OpenClawPluginApi as ApiMemoryHost, PluginRuntime as RtMemoryHost, OpenClawConfig as CfgMemoryHost } from "openclaw/plugin-sdk/memory-host";
import type { OpenClawPluginApi as ApiMemoryHostCore, PluginRuntime as RtMemoryHostCore, OpenClawConfig as CfgMemoryHostCore } from "openclaw/plugin-sdk/memory-host-core";
import type { OpenClawPluginApi as ApiToolPlugin, PluginRuntime as RtToolPlugin, OpenClawConfig as CfgToolPlugin } from "openclaw/plugin-sdk/tool-plugin";
import type { OpenClawPluginApi as ApiRuntimeStore, PluginRuntime as RtRuntimeStore, OpenClawConfig as CfgRuntimeStore } from "openclaw/plugin-sdk/runtime-store";
import type { OpenClawPluginApi as ApiAccountId, PluginRuntime as RtAccountId, OpenClawConfig as CfgAccountId } from "openclaw/plugin-sdk/account-id";
import type { OpenClawPluginApi as ApiHookTypes, PluginRuntime as RtHookTypes, OpenClawConfig as CfgHookTypes } from "openclaw/plugin-sdk/hook-types";

describe("every contract subpath exports the one OpenClawPluginApi", () => {
  it("plugin-entry", () => {
    expectTypeOf<ApiPluginEntry>().toEqualTypeOf<Root>();
    expectTypeOf<RtPluginEntry>().toEqualTypeOf<RootRuntime>();
    expectTypeOf<CfgPluginEntry>().toHaveProperty("plugins");
  });
  it("core", () => {
    expectTypeOf<ApiCore>().toEqualTypeOf<Root>();
    expectTypeOf<RtCore>().toEqualTypeOf<RootRuntime>();
    expectTypeOf<CfgCore>().toHaveProperty("plugins");
  });
  it("channel-core", () => {
    expectTypeOf<ApiChannelCore>().toEqualTypeOf<Root>();
    expectTypeOf<RtChannelCore>().toEqualTypeOf<RootRuntime>();
    expectTypeOf<CfgChannelCore>().toHaveProperty("plugins");
  });
  it("channel-contract", () => {
    expectTypeOf<ApiChannelContract>().toEqualTypeOf<Root>();
    expectTypeOf<RtChannelContract>().toEqualTypeOf<RootRuntime>();
    expectTypeOf<CfgChannelContract>().toHaveProperty("plugins");
  });
  it("channel-setup", () => {
    expectTypeOf<ApiChannelSetup>().toEqualTypeOf<Root>();
    expectTypeOf<RtChannelSetup>().toEqualTypeOf<RootRuntime>();
    expectTypeOf<CfgChannelSetup>().toHaveProperty("plugins");
  });
  it("setup", () => {
    expectTypeOf<ApiSetup>().toEqualTypeOf<Root>();
    expectTypeOf<RtSetup>().toEqualTypeOf<RootRuntime>();
    expectTypeOf<CfgSetup>().toHaveProperty("plugins");
  });
  it("setup-runtime", () => {
    expectTypeOf<ApiSetupRuntime>().toEqualTypeOf<Root>();
    expectTypeOf<RtSetupRuntime>().toEqualTypeOf<RootRuntime>();
    expectTypeOf<CfgSetupRuntime>().toHaveProperty("plugins");
  });
  it("setup-tools", () => {
    expectTypeOf<ApiSetupTools>().toEqualTypeOf<Root>();
    expectTypeOf<RtSetupTools>().toEqualTypeOf<RootRuntime>();
    expectTypeOf<CfgSetupTools>().toHaveProperty("plugins");
  });
  it("channel-config-schema", () => {
    expectTypeOf<ApiChannelConfigSchema>().toEqualTypeOf<Root>();
    expectTypeOf<RtChannelConfigSchema>().toEqualTypeOf<RootRuntime>();
    expectTypeOf<CfgChannelConfigSchema>().toHaveProperty("plugins");
  });
  it("bundled-channel-config-schema", () => {
    expectTypeOf<ApiBundledChannelConfigSchema>().toEqualTypeOf<Root>();
    expectTypeOf<RtBundledChannelConfigSchema>().toEqualTypeOf<RootRuntime>();
    expectTypeOf<CfgBundledChannelConfigSchema>().toHaveProperty("plugins");
  });
  it("channel-config-schema-legacy", () => {
    expectTypeOf<ApiChannelConfigSchemaLegacy>().toEqualTypeOf<Root>();
    expectTypeOf<RtChannelConfigSchemaLegacy>().toEqualTypeOf<RootRuntime>();
    expectTypeOf<CfgChannelConfigSchemaLegacy>().toHaveProperty("plugins");
  });
  it("memory-host", () => {
    expectTypeOf<ApiMemoryHost>().toEqualTypeOf<Root>();
    expectTypeOf<RtMemoryHost>().toEqualTypeOf<RootRuntime>();
    expectTypeOf<CfgMemoryHost>().toHaveProperty("plugins");
  });
  it("memory-host-core", () => {
    expectTypeOf<ApiMemoryHostCore>().toEqualTypeOf<Root>();
    expectTypeOf<RtMemoryHostCore>().toEqualTypeOf<RootRuntime>();
    expectTypeOf<CfgMemoryHostCore>().toHaveProperty("plugins");
  });
  it("tool-plugin", () => {
    expectTypeOf<ApiToolPlugin>().toEqualTypeOf<Root>();
    expectTypeOf<RtToolPlugin>().toEqualTypeOf<RootRuntime>();
    expectTypeOf<CfgToolPlugin>().toHaveProperty("plugins");
  });
  it("runtime-store", () => {
    expectTypeOf<ApiRuntimeStore>().toEqualTypeOf<Root>();
    expectTypeOf<RtRuntimeStore>().toEqualTypeOf<RootRuntime>();
    expectTypeOf<CfgRuntimeStore>().toHaveProperty("plugins");
  });
  it("account-id", () => {
    expectTypeOf<ApiAccountId>().toEqualTypeOf<Root>();
    expectTypeOf<RtAccountId>().toEqualTypeOf<RootRuntime>();
    expectTypeOf<CfgAccountId>().toHaveProperty("plugins");
  });
  it("hook-types", () => {
    expectTypeOf<ApiHookTypes>().toEqualTypeOf<Root>();
    expectTypeOf<RtHookTypes>().toEqualTypeOf<RootRuntime>();
    expectTypeOf<CfgHookTypes>().toHaveProperty("plugins");
  });
});

describe("the deprecated root barrel keeps the names root-importing plugins use", () => {
  it("types", () => {
    type Names = import("openclaw/plugin-sdk").ChannelPlugin & import("openclaw/plugin-sdk").ChannelAccountSnapshot;
    expectTypeOf<import("openclaw/plugin-sdk").ClawdbotConfig>().toEqualTypeOf<import("openclaw/plugin-sdk").OpenClawConfig>();
    expectTypeOf<import("openclaw/plugin-sdk").AnyAgentTool>().toHaveProperty("execute");
    expectTypeOf<import("openclaw/plugin-sdk").WizardPrompter>().toHaveProperty("text");
    expectTypeOf<import("openclaw/plugin-sdk").RuntimeEnv>().toHaveProperty("log");
    expectTypeOf<import("openclaw/plugin-sdk").ReplyPayload>().toHaveProperty("text");
    expectTypeOf<import("openclaw/plugin-sdk").ChannelMessageActionAdapter>().toHaveProperty("listActions");
    expectTypeOf<Names>().toHaveProperty("accountId");
  });
});
