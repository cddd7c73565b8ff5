/**
 * The shape of `openclaw.plugin.json` as readable TypeScript types and constants. Nothing here imports zod (not even
 * its types), so every module and published declaration that mentions `PluginManifest` stays cheap to type-check.
 * The zod 4 schema the reader checks against lives in `plugin-manifest-zod.ts`
 * (`plugin-manifest-schema.test-d.ts` proves the two agree); the committed JSON Schema
 * (`src/plugin-sdk/plugin-manifest.schema.json`) is generated from it by `scripts/generate-manifest-schema.ts`.
 */
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
