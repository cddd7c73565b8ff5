/**
 * The zod 4 schema of `openclaw.plugin.json`, built from the constants in `plugin-manifest-schema.ts`. zod is loaded
 * lazily (first call of {@link getPluginManifestSchema}) through `createRequire`, so importing this module costs
 * nothing; `scripts/generate-manifest-schema.ts` turns the schema into the committed JSON Schema.
 */
import { createRequire } from "node:module";
import type { z as Z } from "zod";
import {
  ACTIVATION_CAPABILITIES,
  GATEWAY_OWNED_MANIFEST_KEYS,
  PLUGIN_CONTRACT_KEYS,
  PLUGIN_ID_PATTERN,
  PLUGIN_KINDS,
  type GatewayOwnedManifestKey,
  type PluginContractKey,
} from "./plugin-manifest-schema.js";

/**
 * Builds the zod schema of `openclaw.plugin.json` from a zod 4 namespace. Prefer {@link getPluginManifestSchema},
 * which loads zod on first use and caches the result.
 *
 * @example
 * ```ts
 * import { z } from "zod";
 * const schema = buildPluginManifestSchema(z);
 * schema.safeParse({ id: "demo", configSchema: {} }).success; // true
 * ```
 */
export function buildPluginManifestSchema(z: typeof Z) {
  const nameList = (description: string) =>
    z.array(z.string().trim().min(1, "must not be blank")).describe(description);
  const jsonSchemaObject = (description: string) => z.record(z.string(), z.unknown()).describe(description);

  const uiHint = z
    .strictObject({
      label: z.string().optional().describe("Field label."),
      help: z.string().optional().describe("Help text shown under the field."),
      placeholder: z.string().optional().describe("Input placeholder."),
      sensitive: z
        .boolean()
        .optional()
        .describe("Secret (password, token): masked in UIs, never printed in diagnostics or logs."),
      advanced: z.boolean().optional().describe("Shown only in advanced settings."),
      tags: z.array(z.string()).optional().describe("Free-form tags."),
      presentation: z.literal("phone-number").optional().describe("Special input rendering."),
    })
    .describe("UI hint for one config field.");
  const uiHints = z
    .record(z.string(), uiHint)
    .describe(
      'UI hints keyed by dotted config path (e.g. `twilio.authToken`; `""` is the whole config object); each path must exist in the schema.',
    );

  const contractShape = {} as { [K in PluginContractKey]: Z.ZodOptional<Z.ZodArray<Z.ZodString>> };
  for (const key of PLUGIN_CONTRACT_KEYS) {
    contractShape[key] = z
      .array(z.string().trim().min(1, "must not be blank"))
      .optional()
      .describe(
        key === "tools"
          ? 'Agent tool names the plugin registers, e.g. ["weather_lookup"]. Unlisted tools are rejected at registration.'
          : `Names the plugin declares for ${key}.`,
      );
  }
  const contracts = z
    .strictObject(contractShape)
    .describe("Named lists that gate registrations; every value is an array of names.");

  const channelConfig = z
    .strictObject({
      schema: jsonSchemaObject("JSON Schema of `channels.<channelId>` in the gateway config."),
      uiHints: uiHints.optional(),
      label: z.string().optional(),
      description: z.string().optional(),
      preferOver: nameList("Channel ids this channel takes precedence over.").optional(),
      commands: z.unknown().optional().describe("Gateway-owned command defaults."),
    })
    .describe("Channel-owned config schema.");

  const activation = z
    .strictObject({
      onStartup: z.boolean().optional().describe("Load at gateway start."),
      onProviders: nameList("Load when one of these providers is used.").optional(),
      onAgentHarnesses: nameList("Load for these agent harnesses.").optional(),
      onCommands: nameList("Load when one of these commands runs.").optional(),
      onChannels: nameList("Load when one of these channels is configured.").optional(),
      onRoutes: nameList("Load when one of these routes is hit.").optional(),
      onConfigPaths: nameList("Load when one of these config paths is set.").optional(),
      onCapabilities: z
        .array(z.enum(ACTIVATION_CAPABILITIES))
        .optional()
        .describe("Load when one of these capabilities is needed."),
    })
    .describe("When the gateway activates the plugin (written by `openclaw plugins build`).");

  const gatewayOwned = {} as { [K in GatewayOwnedManifestKey]: Z.ZodOptional<Z.ZodUnknown> };
  for (const key of GATEWAY_OWNED_MANIFEST_KEYS) {
    gatewayOwned[key] = z.unknown().optional().describe("Gateway-owned field; the SDK passes it through unchecked.");
  }

  const kind = z.enum(PLUGIN_KINDS);
  return z
    .strictObject({
      $schema: z.string().optional().describe("JSON Schema of this file, for editors."),
      id: z
        .string()
        .regex(PLUGIN_ID_PATTERN, "must be lowercase letters and digits separated by single hyphens")
        .describe("Unique plugin id (lowercase letters, digits, hyphens); the key of plugins.entries.<id>."),
      configSchema: jsonSchemaObject(
        'JSON Schema of plugins.entries.<id>.config. Required even when empty: {"type":"object","additionalProperties":false,"properties":{}}.',
      ),
      kind: z
        .union([kind, z.array(kind).min(1)])
        .optional()
        .describe("Exclusive slot the plugin fills: memory or context-engine."),
      channels: nameList("Channel ids the plugin registers.").optional(),
      providers: nameList("Model provider ids the plugin registers.").optional(),
      skills: nameList("Skill folders, relative to the plugin root.").optional(),
      name: z.string().optional().describe("Display name."),
      description: z.string().optional().describe("Short description."),
      version: z.string().min(1).optional().describe("Informational version; semantic versioning recommended."),
      uiHints: uiHints.optional(),
      contracts: contracts.optional(),
      channelConfigs: z
        .record(z.string().min(1), channelConfig)
        .optional()
        .describe("Channel-owned config schemas keyed by channel id."),
      activation: activation.optional(),
      ...gatewayOwned,
    })
    .describe("OpenClaw plugin manifest (openclaw.plugin.json).");
}

/**
 * The zod schema type of `openclaw.plugin.json`.
 *
 * @example
 * ```ts
 * const schema: PluginManifestZodSchema = getPluginManifestSchema();
 * ```
 */
export type PluginManifestZodSchema = ReturnType<typeof buildPluginManifestSchema>;

let cachedSchema: PluginManifestZodSchema | undefined;

/**
 * The zod schema of `openclaw.plugin.json`, built on first call (this is when zod loads) and cached.
 *
 * @example
 * ```ts
 * const result = getPluginManifestSchema().safeParse(JSON.parse(text));
 * if (!result.success) console.error(result.error.issues);
 * ```
 */
export function getPluginManifestSchema(): PluginManifestZodSchema {
  if (!cachedSchema) {
    const require = createRequire(import.meta.url);
    const { z } = require("zod") as { z: typeof Z };
    cachedSchema = buildPluginManifestSchema(z);
  }
  return cachedSchema;
}
