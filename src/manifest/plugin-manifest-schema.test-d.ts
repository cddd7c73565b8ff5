import { expectTypeOf, test } from "vitest";
import type { z } from "zod";
import type { PluginManifestReadResult } from "./read-plugin-manifest.js";
import type {
  ACTIVATION_CAPABILITIES,
  ActivationCapability,
  GATEWAY_OWNED_MANIFEST_KEYS,
  GatewayOwnedManifestKey,
  PLUGIN_CONTRACT_KEYS,
  PLUGIN_KINDS,
  PluginContractKey,
  PluginKind,
  PluginChannelConfig,
  PluginManifest,
  PluginManifestActivation,
  PluginManifestContracts,
  PluginUiHint,
} from "./plugin-manifest-schema.js";
import type { PluginManifestZodSchema } from "./plugin-manifest-zod.js";

type Inferred = z.infer<PluginManifestZodSchema>;

test("the readable PluginManifest type and the zod schema describe the same shape", () => {
  expectTypeOf<Inferred>().toExtend<PluginManifest>();
  expectTypeOf<PluginManifest>().toExtend<Inferred>();
  expectTypeOf<NonNullable<Inferred["contracts"]>>().toEqualTypeOf<PluginManifestContracts>();
  expectTypeOf<NonNullable<Inferred["activation"]>>().toExtend<PluginManifestActivation>();
  expectTypeOf<PluginManifestActivation>().toExtend<NonNullable<Inferred["activation"]>>();
  expectTypeOf<NonNullable<Inferred["uiHints"]>[string]>().toExtend<PluginUiHint>();
  expectTypeOf<PluginUiHint>().toExtend<NonNullable<Inferred["uiHints"]>[string]>();
  expectTypeOf<NonNullable<Inferred["channelConfigs"]>[string]>().toExtend<PluginChannelConfig>();
});

test("required fields and closed unions", () => {
  expectTypeOf<PluginManifest["id"]>().toEqualTypeOf<string>();
  expectTypeOf<PluginManifest["kind"]>().toEqualTypeOf<"memory" | "context-engine" | Array<"memory" | "context-engine"> | undefined>();
  // @ts-expect-error configSchema is required
  const missing: PluginManifest = { id: "x" };
  // @ts-expect-error contracts.tools is a list of names, not a flag
  const flag: PluginManifest = { id: "x", configSchema: {}, contracts: { tools: true } };
  // @ts-expect-error unknown contract keys are not part of the type
  const unknownKey: PluginManifestContracts = { tool: ["x"] };
  void [missing, flag, unknownKey];
});

test("the reader result", () => {
  expectTypeOf<PluginManifestReadResult["manifest"]>().toEqualTypeOf<PluginManifest | undefined>();
  expectTypeOf<PluginManifestReadResult["diagnostics"][number]["level"]>().toEqualTypeOf<"error" | "warning" | "info">();
});

test("the runtime key lists cover their unions exactly", () => {
  expectTypeOf<(typeof PLUGIN_KINDS)[number]>().toEqualTypeOf<PluginKind>();
  expectTypeOf<(typeof PLUGIN_CONTRACT_KEYS)[number]>().toEqualTypeOf<PluginContractKey>();
  expectTypeOf<(typeof ACTIVATION_CAPABILITIES)[number]>().toEqualTypeOf<ActivationCapability>();
  expectTypeOf<(typeof GATEWAY_OWNED_MANIFEST_KEYS)[number]>().toEqualTypeOf<GatewayOwnedManifestKey>();
});
