/**
 * The shape of `openclaw.plugin.json`: readable TypeScript types (what the reader returns) and the zod 4 schema they
 * are checked against (`plugin-manifest-schema.test-d.ts` proves the two agree). The committed JSON Schema
 * (`src/plugin-sdk/plugin-manifest.schema.json`) is generated from the zod schema by
 * `scripts/generate-manifest-schema.ts`.
 *
 * zod is loaded lazily (first call of {@link getPluginManifestSchema}), so importing this module costs nothing.
 */
import { createRequire } from "node:module";
import type { z as Z } from "zod";

/**
 * File name of the manifest in a plugin's root directory (next to `package.json`).
 *
 * @example
 * ```ts
 * const file = join(pluginRoot, PLUGIN_MANIFEST_FILENAME); // ".../openclaw.plugin.json"
 * ```
 */
export const PLUGIN_MANIFEST_FILENAME = "openclaw.plugin.json";

/**
 * The `$schema` value that gives editors completion and validation for `openclaw.plugin.json` in a plugin project
 * that has `openclaw` installed (the file is also exported as `openclaw/plugin-sdk/plugin-manifest.schema.json`).
 * Relative to the plugin root; `openclaw plugins init` writes it.
 *
 * @example
 * ```ts
 * const manifest = { $schema: PLUGIN_MANIFEST_SCHEMA_REF, id: "my-plugin", configSchema: {} };
 * ```
 */
export const PLUGIN_MANIFEST_SCHEMA_REF = "./node_modules/openclaw/dist/plugin-sdk/plugin-manifest.schema.json";

/**
 * The manifest reader reads at most this many bytes (256 KiB), like the gateway.
 *
 * @example
 * ```ts
 * if (text.length > MAX_PLUGIN_MANIFEST_BYTES) console.warn("manifest too large");
 * ```
 */
export const MAX_PLUGIN_MANIFEST_BYTES = 256 * 1024;

/**
 * Plugin ids: lowercase letters and digits in hyphen-separated groups (`voice-call`, `memory-lancedb`).
 *
 * @example
 * ```ts
 * PLUGIN_ID_PATTERN.test("voice-call"); // true
 * PLUGIN_ID_PATTERN.test("Voice_Call"); // false
 * ```
 */
export const PLUGIN_ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Plugin ids the gateway core keeps for itself.
 *
 * @example
 * ```ts
 * RESERVED_PLUGIN_IDS.includes("node-mcp"); // true
 * ```
 */
export const RESERVED_PLUGIN_IDS: readonly string[] = ["node-mcp"];

/**
 * Values of the manifest `kind` field: the exclusive slots a plugin can fill.
 *
 * @example
 * ```ts
 * PLUGIN_KINDS.includes("memory"); // true
 * ```
 */
export const PLUGIN_KINDS = ["memory", "context-engine"] as const satisfies readonly PluginKind[];

/**
 * The `contracts` lists the gateway understands; each is an array of names.
 *
 * @example
 * ```ts
 * const known = (PLUGIN_CONTRACT_KEYS as readonly string[]).includes("tools"); // true
 * ```
 */
export const PLUGIN_CONTRACT_KEYS = [
  "tools",
  "agentToolResultMiddleware",
  "trustedToolPolicies",
  "codeModeExecutors",
  "embeddedExtensionFactories",
  "externalAuthProviders",
  "decisionProviders",
  "embeddingProviders",
  "speechProviders",
  "realtimeTranscriptionProviders",
  "realtimeVoiceProviders",
  "mediaUnderstandingProviders",
  "transcriptSourceProviders",
  "documentExtractors",
  "imageGenerationProviders",
  "videoGenerationProviders",
  "musicGenerationProviders",
  "webContentExtractors",
  "webFetchProviders",
  "webSearchProviders",
  "workerProviders",
  "usageProviders",
  "migrationProviders",
  "gatewayMethodDispatch",
] as const satisfies readonly PluginContractKey[];

/**
 * Capabilities an `activation.onCapabilities` list may name.
 *
 * @example
 * ```ts
 * const activation = { onCapabilities: [ACTIVATION_CAPABILITIES[2]] }; // ["tool"]
 * ```
 */
export const ACTIVATION_CAPABILITIES = ["provider", "channel", "tool", "hook"] as const satisfies readonly ActivationCapability[];

/**
 * Top-level manifest fields owned by the gateway (provider catalogs, setup flows, doctor contracts, dashboards …).
 * The SDK accepts them and passes them through unchecked; every other unknown top-level key is a diagnostic.
 */
export const GATEWAY_OWNED_MANIFEST_KEYS = [
  "categories",
  "backupResources",
  "requiresPlugins",
  "enabledByDefault",
  "enabledByDefaultOnPlatforms",
  "legacyPluginIds",
  "autoEnableWhenConfiguredProviders",
  "channelAccountKeyPolicies",
  "providerCatalogEntry",
  "capabilityCatalogEntry",
  "modelSupport",
  "modelCatalog",
  "modelPricing",
  "modelIdNormalization",
  "providerEndpoints",
  "providerRequest",
  "secretProviderIntegrations",
  "cliBackends",
  "syntheticAuthRefs",
  "nonSecretAuthMarkers",
  "commandAliases",
  "cliCommands",
  "providerUsageAuthEnvVars",
  "providerAuthAliases",
  "providerAuthChoices",
  "setup",
  "doctorContract",
  "doctorHealthChecks",
  "sessionRouteStateOwners",
  "qaRunners",
  "dashboard",
  "controlUi",
  "themes",
  "mcpServers",
  "catalog",
  "configGroups",
  "decisionModels",
  "transcriptSources",
  "mediaUnderstandingProviderMetadata",
  "imageGenerationProviderMetadata",
  "videoGenerationProviderMetadata",
  "musicGenerationProviderMetadata",
  "toolMetadata",
  "configContracts",
] as const satisfies readonly GatewayOwnedManifestKey[];

/**
 * A manifest `kind` value.
 *
 * @example
 * ```ts
 * const kind: PluginKind = "context-engine";
 * ```
 */
export type PluginKind = "memory" | "context-engine";

/**
 * A key of the manifest `contracts` object.
 *
 * @example
 * ```ts
 * const key: PluginContractKey = "agentToolResultMiddleware";
 * ```
 */
export type PluginContractKey =
  | "tools"
  | "agentToolResultMiddleware"
  | "trustedToolPolicies"
  | "codeModeExecutors"
  | "embeddedExtensionFactories"
  | "externalAuthProviders"
  | "decisionProviders"
  | "embeddingProviders"
  | "speechProviders"
  | "realtimeTranscriptionProviders"
  | "realtimeVoiceProviders"
  | "mediaUnderstandingProviders"
  | "transcriptSourceProviders"
  | "documentExtractors"
  | "imageGenerationProviders"
  | "videoGenerationProviders"
  | "musicGenerationProviders"
  | "webContentExtractors"
  | "webFetchProviders"
  | "webSearchProviders"
  | "workerProviders"
  | "usageProviders"
  | "migrationProviders"
  | "gatewayMethodDispatch";

/**
 * A capability an `activation.onCapabilities` list may name.
 *
 * @example
 * ```ts
 * const capability: ActivationCapability = "channel";
 * ```
 */
export type ActivationCapability = "provider" | "channel" | "tool" | "hook";

/**
 * A gateway-owned top-level manifest field the SDK passes through unchecked.
 *
 * @example
 * ```ts
 * const key: GatewayOwnedManifestKey = "setup";
 * ```
 */
export type GatewayOwnedManifestKey =
  | "categories"
  | "backupResources"
  | "requiresPlugins"
  | "enabledByDefault"
  | "enabledByDefaultOnPlatforms"
  | "legacyPluginIds"
  | "autoEnableWhenConfiguredProviders"
  | "channelAccountKeyPolicies"
  | "providerCatalogEntry"
  | "capabilityCatalogEntry"
  | "modelSupport"
  | "modelCatalog"
  | "modelPricing"
  | "modelIdNormalization"
  | "providerEndpoints"
  | "providerRequest"
  | "secretProviderIntegrations"
  | "cliBackends"
  | "syntheticAuthRefs"
  | "nonSecretAuthMarkers"
  | "commandAliases"
  | "cliCommands"
  | "providerUsageAuthEnvVars"
  | "providerAuthAliases"
  | "providerAuthChoices"
  | "setup"
  | "doctorContract"
  | "doctorHealthChecks"
  | "sessionRouteStateOwners"
  | "qaRunners"
  | "dashboard"
  | "controlUi"
  | "themes"
  | "mcpServers"
  | "catalog"
  | "configGroups"
  | "decisionModels"
  | "transcriptSources"
  | "mediaUnderstandingProviderMetadata"
  | "imageGenerationProviderMetadata"
  | "videoGenerationProviderMetadata"
  | "musicGenerationProviderMetadata"
  | "toolMetadata"
  | "configContracts";

/**
 * A JSON Schema document (draft-07 unless its `$schema` names 2019-09 or 2020-12).
 *
 * @example
 * ```ts
 * const schema: JsonSchemaObject = { type: "object", properties: { apiKey: { type: "string" } } };
 * ```
 */
export type JsonSchemaObject = Record<string, unknown>;

/**
 * UI rendering hint for one config field, keyed in `uiHints` by the field's dotted path (`twilio.authToken`).
 *
 * @example
 * ```ts
 * const hint: PluginUiHint = { label: "API Key", sensitive: true, placeholder: "sk-…" };
 * ```
 */
export interface PluginUiHint {
  label?: string;
  help?: string;
  placeholder?: string;
  /** Secret (password, token): UIs mask it and no diagnostic or log ever prints its value. */
  sensitive?: boolean;
  advanced?: boolean;
  tags?: string[];
  /** Special input rendering; the gateway knows `phone-number`. */
  presentation?: "phone-number";
}

/**
 * `uiHints`: hints keyed by dotted config path (`""` is the config object itself).
 *
 * @example
 * ```ts
 * const hints: PluginUiHints = { "twilio.authToken": { label: "Auth Token", sensitive: true } };
 * ```
 */
export type PluginUiHints = Record<string, PluginUiHint>;

/**
 * Named lists that gate registrations (`contracts.tools` lists the agent tool names the plugin may register).
 *
 * @example
 * ```ts
 * const contracts: PluginManifestContracts = { tools: ["weather_lookup"], agentToolResultMiddleware: ["pi"] };
 * ```
 */
export type PluginManifestContracts = { [K in PluginContractKey]?: string[] };

/**
 * The channel-owned config JSON Schema published under `channelConfigs.<channelId>`; `channels.<channelId>` in the
 * gateway config is validated against `schema`.
 *
 * @example
 * ```ts
 * const matrix: PluginChannelConfig = { schema: { type: "object", properties: { homeserver: { type: "string" } } } };
 * ```
 */
export interface PluginChannelConfig {
  schema: JsonSchemaObject;
  uiHints?: PluginUiHints;
  label?: string;
  description?: string;
  preferOver?: string[];
  /** Gateway-owned command defaults, passed through unchecked. */
  commands?: unknown;
}

/**
 * When the gateway activates the plugin (written by `openclaw plugins build`).
 *
 * @example
 * ```ts
 * const activation: PluginManifestActivation = { onStartup: false, onCapabilities: ["tool"] };
 * ```
 */
export interface PluginManifestActivation {
  onStartup?: boolean;
  onProviders?: string[];
  onAgentHarnesses?: string[];
  onCommands?: string[];
  onChannels?: string[];
  onRoutes?: string[];
  onConfigPaths?: string[];
  onCapabilities?: ActivationCapability[];
}

/**
 * Gateway-owned fields, typed `unknown` because the SDK does not interpret them.
 *
 * @example
 * ```ts
 * const fields: GatewayOwnedManifestFields = { enabledByDefault: true };
 * ```
 */
export type GatewayOwnedManifestFields = { [K in GatewayOwnedManifestKey]?: unknown };

/**
 * A validated `openclaw.plugin.json`, as returned by the manifest reader.
 *
 * @example
 * ```ts
 * const manifest: PluginManifest = {
 *   id: "my-plugin",
 *   configSchema: { type: "object", additionalProperties: false, properties: {} },
 * };
 * ```
 */
export interface PluginManifest extends GatewayOwnedManifestFields {
  /** Editor hint (`openclaw/plugin-sdk/plugin-manifest.schema.json` or a URL); ignored by the gateway. */
  $schema?: string;
  /** Unique plugin id; the key of `plugins.entries.<id>` and the entry's `id`. */
  id: string;
  /** JSON Schema of `plugins.entries.<id>.config`; required even when empty. */
  configSchema: JsonSchemaObject;
  kind?: PluginKind | PluginKind[];
  /** Channel ids the plugin registers; `channels.<id>` config keys must be declared here. */
  channels?: string[];
  /** Model provider ids the plugin registers. */
  providers?: string[];
  /** Skill folders, relative to the plugin root. */
  skills?: string[];
  name?: string;
  description?: string;
  /** Informational; semantic versioning recommended. */
  version?: string;
  uiHints?: PluginUiHints;
  contracts?: PluginManifestContracts;
  channelConfigs?: Record<string, PluginChannelConfig>;
  activation?: PluginManifestActivation;
}

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
