/**
 * Type tests for the setup, account, memory-host, channel and tool-result helpers.
 */
import { describe, expectTypeOf, it } from "vitest";
import { z } from "zod";
import type { ChannelPlugin, ChannelSetupAdapter } from "../contract/channel.js";
import type { OpenClawConfig } from "../contract/config.js";
import type { MemoryPublicArtifact } from "../contract/plugin-api.js";
import { DEFAULT_ACCOUNT_ID, normalizeAccountId, normalizeOptionalAccountId } from "./account-id.js";
import { AllowFromListSchema, DmPolicySchema, buildMultiAccountChannelSchema } from "./channel-config-primitives.js";
import { createChatChannelPlugin } from "./chat-channel-plugin.js";
import { detectBinary } from "./detect-binary.js";
import { parseCliBackendModelRef, resolveCliBackendConfig } from "./cli-backend.js";
import type { CliBackendConfig } from "../contract/config.js";
import { buildMemoryPromptSection, listMemoryPublicArtifacts } from "./memory-host.js";
import {
  addWildcardAllowFrom,
  createPatchedAccountSetupAdapter,
  createStandardChannelSetupStatus,
  formatDocsLink,
  patchTopLevelChannelConfigSection,
  setAccountEnabledInConfigSection,
  setSetupChannelEnabled,
  splitSetupEntries,
} from "./setup-helpers.js";

declare const cfg: OpenClawConfig;

describe("helper types", () => {
  it("account ids", () => {
    expectTypeOf(DEFAULT_ACCOUNT_ID).toEqualTypeOf<"default">();
    expectTypeOf(normalizeAccountId(null)).toBeString();
    expectTypeOf(normalizeOptionalAccountId("x")).toEqualTypeOf<string | undefined>();
  });

  it("setup helpers return config", () => {
    expectTypeOf(setSetupChannelEnabled(cfg, "c", true)).toEqualTypeOf<OpenClawConfig>();
    expectTypeOf(patchTopLevelChannelConfigSection({ cfg, channel: "c", patch: {} })).toEqualTypeOf<OpenClawConfig>();
    expectTypeOf(setAccountEnabledInConfigSection({ cfg, sectionKey: "c", accountId: "a", enabled: true })).toEqualTypeOf<OpenClawConfig>();
    expectTypeOf(addWildcardAllowFrom([1, "2"])).toEqualTypeOf<string[]>();
    expectTypeOf(splitSetupEntries("a")).toEqualTypeOf<string[]>();
    expectTypeOf(formatDocsLink("/x", "label")).toBeString();
    expectTypeOf(createPatchedAccountSetupAdapter({ channel: "c", buildPatch: () => ({}) })).toEqualTypeOf<ChannelSetupAdapter>();
    expectTypeOf(createStandardChannelSetupStatus({ channelLabel: "c", configuredLabel: "y", unconfiguredLabel: "n", resolveConfigured: () => true }).resolveStatusLine).returns.toEqualTypeOf<Promise<string>>();
    // @ts-expect-error patch is required
    patchTopLevelChannelConfigSection({ cfg, channel: "c" });
  });

  it("memory host", () => {
    expectTypeOf(listMemoryPublicArtifacts([])).toEqualTypeOf<Promise<MemoryPublicArtifact[]>>();
    expectTypeOf(buildMemoryPromptSection(undefined, { availableTools: new Set<string>() })).toEqualTypeOf<string[]>();
  });

  it("channel helpers", () => {
    const base = {} as ChannelPlugin<{ token: string }>;
    expectTypeOf(createChatChannelPlugin({ base })).toEqualTypeOf<ChannelPlugin<{ token: string }, unknown, unknown>>();
    expectTypeOf(detectBinary("node")).toEqualTypeOf<string | undefined>();
  });

  it("cli backends", () => {
    expectTypeOf(resolveCliBackendConfig({ backend: { id: "x", config: {} }, config: cfg })).toEqualTypeOf<CliBackendConfig>();
    expectTypeOf(parseCliBackendModelRef("a/b")).toEqualTypeOf<{ backendId: string; model: string } | undefined>();
    // @ts-expect-error config is required on a backend
    resolveCliBackendConfig({ backend: { id: "x" }, config: cfg });
  });

  it("zod primitives compose", () => {
    const schema = buildMultiAccountChannelSchema({ token: z.string().optional(), dmPolicy: DmPolicySchema.optional(), allowFrom: AllowFromListSchema.optional() });
    type Out = z.output<typeof schema>;
    expectTypeOf<Out["dmPolicy"]>().toEqualTypeOf<"pairing" | "allowlist" | "open" | "disabled" | undefined>();
    expectTypeOf<NonNullable<Out["accounts"]>[string]["token"]>().toEqualTypeOf<string | undefined>();
  });
});
