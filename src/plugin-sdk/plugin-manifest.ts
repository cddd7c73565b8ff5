/**
 * Plugin manifest (`openclaw.plugin.json`) reading and config validation: a typed manifest plus structured
 * diagnostics, never an exception for bad input, and gateway-config validation against each plugin's JSON Schema
 * (ajv + ajv-formats, defaults applied, sensitive values never printed).
 *
 * zod, json5 and ajv load on first use, so importing this subpath is cheap. The JSON Schema of the manifest, for
 * editors, is exported as `openclaw/plugin-sdk/plugin-manifest.schema.json`.
 *
 * @example
 * ```ts
 * import { readPluginManifest, formatDiagnostic } from "openclaw/plugin-sdk/plugin-manifest";
 * const { manifest, diagnostics } = await readPluginManifest(".");
 * for (const d of diagnostics) console.error(formatDiagnostic(d));
 * ```
 *
 * @packageDocumentation
 */
export {
  diagnosticsOfLevel,
  formatDiagnostic,
  formatDiagnostics,
  hasErrors,
  sortDiagnostics,
} from "../manifest/diagnostics.js";
export type { PluginDiagnostic, PluginDiagnosticLevel } from "../manifest/diagnostics.js";
export { checkPluginManifest, parsePluginManifest, readPluginManifest } from "../manifest/read-plugin-manifest.js";
export type { ParsePluginManifestOptions, PluginManifestReadResult } from "../manifest/read-plugin-manifest.js";
export {
  ACTIVATION_CAPABILITIES,
  GATEWAY_OWNED_MANIFEST_KEYS,
  MAX_PLUGIN_MANIFEST_BYTES,
  PLUGIN_CONTRACT_KEYS,
  PLUGIN_ID_PATTERN,
  PLUGIN_KINDS,
  PLUGIN_MANIFEST_FILENAME,
  PLUGIN_MANIFEST_SCHEMA_REF,
  RESERVED_PLUGIN_IDS,
} from "../manifest/plugin-manifest-schema.js";
export type {
  ActivationCapability,
  GatewayOwnedManifestFields,
  GatewayOwnedManifestKey,
  JsonSchemaObject,
  PluginChannelConfig,
  PluginContractKey,
  PluginKind,
  PluginManifest,
  PluginManifestActivation,
  PluginManifestContracts,
  PluginUiHint,
  PluginUiHints,
} from "../manifest/plugin-manifest-schema.js";
export {
  clearPluginConfigValidatorCache,
  pluginConfigValidatorCacheStats,
  validateChannelConfig,
  validatePluginConfig,
  validatePluginsConfig,
} from "../config/validate-plugin-config.js";
export type {
  ConfigValidationMoment,
  ConfigValidationResult,
  PluginConfigOutcome,
  PluginConfigStatus,
  ValidateChannelConfigOptions,
  ValidatePluginConfigOptions,
  ValidatePluginsConfigOptions,
  ValidatePluginsConfigResult,
} from "../config/validate-plugin-config.js";
