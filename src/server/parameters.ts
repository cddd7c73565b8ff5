/**
 * A plugin's configurable parameters for the management API: the top-level properties of its manifest's
 * `configSchema`, labelled and flagged by `uiHints`, with the stored values of `plugins.entries.<id>.config`.
 * Sensitive values never leave the server in clear: {@link maskSecret} masks them, and {@link mergeConfigUpdate}
 * recognises a masked value sent back unchanged and keeps the stored secret.
 */
import type { PluginManifest } from "../manifest/plugin-manifest-schema.js";
import type { PluginParameter } from "../management-client/api-types.js";
import { maskNestedSecrets, restoreMaskedSecrets, sensitivePathRule, type SensitivePathRule } from "./nested-secrets.js";
import { isRecord } from "../config/config-data.js";

/** Key names that are treated as sensitive even without a `uiHints` flag (tokens, keys, passwords, secrets). */
const SENSITIVE_NAME = /(?:secret|token|password|passwd|api[-_]?key|private[-_]?key|credential|auth)/i;

/**
 * Masks a secret for display: `****` up to 8 characters, else the first 4 + `...` + the last 4. Non-string values
 * are masked as `****`.
 *
 * @example
 * ```ts
 * maskSecret("sk-1234567890abcdef"); // "sk-1...cdef"
 * maskSecret("short"); // "****"
 * ```
 */
export function maskSecret(value: unknown): string {
  if (typeof value !== "string" || value.length <= 8) return "****";
  return `${value.slice(0, 4)}...${value.slice(-4)}`;
}

/**
 * The rule for secrets below the top level (`twilio.authToken`): a `uiHints` entry for the dotted path, else the
 * same name rule as top-level keys.
 *
 * @example
 * ```ts
 * nestedSensitiveRule(manifest)(["twilio", "authToken"]); // true with uiHints["twilio.authToken"].sensitive
 * ```
 */
export function nestedSensitiveRule(manifest: PluginManifest | undefined): SensitivePathRule {
  return sensitivePathRule(manifest?.uiHints as Record<string, { sensitive?: unknown }> | undefined, (key) => SENSITIVE_NAME.test(key));
}

/**
 * Whether parameter `key` is sensitive: `uiHints[key].sensitive`, else its name looks like a secret.
 *
 * @example
 * ```ts
 * isSensitiveKey(manifest, "apiKey"); // true
 * ```
 */
export function isSensitiveKey(manifest: PluginManifest | undefined, key: string): boolean {
  const hint = manifest?.uiHints?.[key];
  if (hint && typeof hint.sensitive === "boolean") return hint.sensitive;
  return SENSITIVE_NAME.test(key);
}

function schemaOf(manifest: PluginManifest | undefined): { properties: Record<string, unknown>; required: string[] } {
  const schema = manifest?.configSchema as unknown;
  if (!isRecord(schema)) return { properties: {}, required: [] };
  const properties = isRecord(schema.properties) ? schema.properties : {};
  const required = Array.isArray(schema.required) ? schema.required.filter((key): key is string => typeof key === "string") : [];
  return { properties, required };
}

/**
 * The parameters of a plugin: every top-level `configSchema` property (plus keys only `required` names), in schema
 * order, with the stored value (masked when sensitive).
 *
 * @example
 * ```ts
 * const params = describeParameters(manifest, { apiKey: "sk-1234567890abcdef" });
 * params[0]; // { key: "apiKey", required: true, sensitive: true, isSet: true, currentValue: "sk-1...cdef", … }
 * ```
 */
export function describeParameters(manifest: PluginManifest | undefined, stored: Record<string, unknown>): PluginParameter[] {
  const { properties, required } = schemaOf(manifest);
  const nested = nestedSensitiveRule(manifest);
  const keys = [...Object.keys(properties), ...required.filter((key) => !Object.hasOwn(properties, key))];
  return keys.map((key) => {
    const property = isRecord(properties[key]) ? properties[key] : {};
    const hint = manifest?.uiHints?.[key];
    const sensitive = isSensitiveKey(manifest, key);
    const isSet = Object.hasOwn(stored, key) && stored[key] !== undefined && stored[key] !== null && stored[key] !== "";
    const type = typeof property.type === "string" ? property.type : Array.isArray(property.type) ? property.type.join("|") : null;
    const description = typeof property.description === "string" ? property.description : (hint?.help ?? null);
    return {
      key,
      type,
      label: hint?.label ?? (typeof property.title === "string" ? property.title : null),
      description: typeof description === "string" ? description : null,
      required: required.includes(key),
      sensitive,
      isSet,
      // Secrets inside an object value (`twilio.authToken`) are masked too: nothing sensitive leaves in clear.
      currentValue: !isSet ? null : sensitive ? maskSecret(stored[key]) : maskNestedSecrets(stored[key], [key], nested, maskSecret),
      defaultValue: sensitive || property.default === undefined ? null : property.default,
    };
  });
}

/**
 * Applies a `PUT /api/plugins/:id` config change to the stored config: `null` removes a key; a sensitive key whose
 * new value equals the mask of the stored value keeps the stored secret (a client that sends back what it was shown
 * must not overwrite the secret with its mask). Returns a new object.
 *
 * @example
 * ```ts
 * mergeConfigUpdate(manifest, { apiKey: "sk-1234567890abcdef" }, { apiKey: "sk-1...cdef" }); // { apiKey: "sk-1234567890abcdef" }
 * ```
 */
export function mergeConfigUpdate(
  manifest: PluginManifest | undefined,
  stored: Record<string, unknown>,
  update: Record<string, unknown>,
): { config: Record<string, unknown>; keptSecrets: string[] } {
  const config: Record<string, unknown> = { ...stored };
  const keptSecrets: string[] = [];
  const nested = nestedSensitiveRule(manifest);
  for (const [key, value] of Object.entries(update)) {
    if (value === null) {
      delete config[key];
      continue;
    }
    if (isSensitiveKey(manifest, key) && Object.hasOwn(stored, key) && typeof value === "string" && value === maskSecret(stored[key])) {
      keptSecrets.push(key);
      continue;
    }
    // An object sent back with a nested secret's mask unchanged (`twilio.authToken`) keeps that stored secret.
    config[key] = restoreMaskedSecrets(value, Object.hasOwn(stored, key) ? stored[key] : undefined, [key], nested, maskSecret);
  }
  return { config, keptSecrets };
}

/**
 * Whether every required parameter has a value (schema defaults count: they are applied before `register`).
 *
 * @example
 * ```ts
 * isConfigured(describeParameters(manifest, {})); // false when apiKey is required
 * ```
 */
export function isConfigured(parameters: readonly PluginParameter[]): boolean {
  return parameters.every((parameter) => !parameter.required || parameter.isSet || parameter.defaultValue !== null);
}
