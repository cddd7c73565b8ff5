/**
 * Validates the gateway config's plugin parts against the installed plugins' manifests: the `plugins` section
 * (read and type-checked by the shared policy reader, ./plugins-policy.ts, which the CLI's config-file reader uses
 * too), each `plugins.entries.<id>.config` against its plugin's schema, and `channels.<id>`.
 *
 * The three moments of the manifest reference:
 * - `read` (`openclaw config get`, `openclaw doctor`): everything is checked and reported;
 * - `write` (`openclaw config set`): only the affected plugin (`pluginId`) and the channels it declares, so an
 *   unrelated stale entry never blocks a write;
 * - `start` (gateway start): every enabled plugin, configured or not (an enabled plugin without an entry is
 *   validated as `{}`), so a missing required field stops the plugin before it loads.
 *
 * `read` and `start` check the same things; `start` is the moment the host acts on `plugins[].config` (defaults
 * applied). Disabled or denied plugins keep their config untouched and unvalidated, with a warning.
 * Compiled validators are cached per plugin (or channel) and schema hash.
 */
import type { PluginDiagnostic } from "../manifest/diagnostics.js";
import { closestMatch, formatPath } from "../manifest/paths.js";
import { withQuietPrototypes } from "../manifest/quiet-prototypes.js";
import type { PluginChannelConfig, PluginManifest } from "../manifest/plugin-manifest-schema.js";
import { cloneConfigData, ownValue, setOwnValue, typeDescription } from "./config-data.js";
import { sensitivePathsOf, type SensitivePaths } from "./json-schema-errors.js";
import {
  clearPluginConfigValidatorCache,
  notDataDiagnostic,
  pluginConfigValidatorCacheStats,
  runValidator,
  type ConfigValidationResult,
} from "./run-validator.js";
import { readPluginsPolicy, resolvePluginEnablement } from "./plugins-policy.js";

export { clearPluginConfigValidatorCache, pluginConfigValidatorCacheStats };
export type { ConfigValidationResult };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * When config is validated: `read` (config get, doctor), `write` (config set; only the affected plugin) or `start`
 * (gateway start; every enabled plugin).
 *
 * @example
 * ```ts
 * const moment: ConfigValidationMoment = "write";
 * ```
 */
export type ConfigValidationMoment = "read" | "write" | "start";

/**
 * Options of {@link validatePluginsConfig}.
 *
 * @example
 * ```ts
 * const options: ValidatePluginsConfigOptions = { manifests: [voiceCall, matrix], moment: "start" };
 * ```
 */
export interface ValidatePluginsConfigOptions {
  /** Manifests of the installed plugins (an array, or a map keyed by plugin id). */
  manifests: readonly PluginManifest[] | ReadonlyMap<string, PluginManifest>;
  moment: ConfigValidationMoment;
  /** The plugin a `write` affects (required for `write`, ignored otherwise). */
  pluginId?: string;
  /**
   * Plugins installed without a usable manifest in `manifests` (their config cannot be validated; a warning says
   * so). Without this callback, installed = has a manifest.
   */
  isInstalled?(id: string): boolean;
  /**
   * The host's enablement policy. Default: the shared decision — no malformed field in `plugins`,
   * `plugins.enabled !== false`, not in `plugins.deny`, in `plugins.allow` when that list is non-empty, and
   * `plugins.entries.<id>.enabled !== false`.
   */
  isEnabled?(id: string): boolean;
  /** Channel ids owned by the gateway itself (never reported as unknown). */
  coreChannelIds?: readonly string[];
  /** Config file name for diagnostics. */
  file?: string;
}

/**
 * What happened to one plugin's config: validated (`valid`/`invalid`), skipped because the plugin is `disabled`,
 * unvalidatable (`no-manifest`, `schema-invalid`).
 *
 * @example
 * ```ts
 * const status: PluginConfigStatus = "disabled";
 * ```
 */
export type PluginConfigStatus = "valid" | "invalid" | "disabled" | "no-manifest" | "schema-invalid";

/**
 * Per-plugin outcome of {@link validatePluginsConfig}.
 *
 * @example
 * ```ts
 * const loadable = result.plugins.filter((p) => p.status === "valid").map((p) => p.id);
 * ```
 */
export interface PluginConfigOutcome {
  id: string;
  status: PluginConfigStatus;
  enabled: boolean;
  /** The plugin's config with schema defaults applied (only when `status` is `valid`). */
  config?: Record<string, unknown>;
}

/**
 * Result of {@link validatePluginsConfig}.
 *
 * @example
 * ```ts
 * const { ok, diagnostics, config } = validatePluginsConfig(gatewayConfig, { manifests, moment: "read" });
 * ```
 */
export interface ValidatePluginsConfigResult {
  /** False when any diagnostic is an error. */
  ok: boolean;
  diagnostics: PluginDiagnostic[];
  /**
   * A copy of the input with schema defaults applied to every validated `plugins.entries.<id>.config` and
   * `channels.<id>` that exists. Entries are never added; the resolved config of an enabled plugin without an
   * entry is in `plugins`.
   */
  config: unknown;
  /** One outcome per plugin in scope (configured or installed). */
  plugins: PluginConfigOutcome[];
}

/**
 * Arguments of {@link validatePluginConfig}.
 *
 * @example
 * ```ts
 * const args: ValidatePluginConfigOptions = { manifest, config: { apiKey: "…" } };
 * ```
 */
export interface ValidatePluginConfigOptions {
  manifest: PluginManifest;
  /** `plugins.entries.<id>.config`; `undefined` is validated as `{}`. */
  config: unknown;
  /** Path used in messages; default `plugins.entries.<id>.config`. */
  path?: string;
  file?: string;
}

/**
 * Validates one plugin's config against its manifest `configSchema` (the loader calls this before `register`).
 * Applies schema defaults to a copy; `undefined` config counts as `{}`. Never prints sensitive values.
 *
 * @example
 * ```ts
 * const result = validatePluginConfig({ manifest, config: { timeout: 5000 } });
 * // result.ok === false
 * // result.diagnostics[0].message === "plugins.entries.my-plugin.config: must have required property 'apiKey'"
 * ```
 */
export function validatePluginConfig(options: ValidatePluginConfigOptions): ConfigValidationResult {
  return withQuietPrototypes(() => validatePluginConfigUnguarded(options));
}

function validatePluginConfigUnguarded(options: ValidatePluginConfigOptions): ConfigValidationResult {
  const { manifest } = options;
  const path = options.path ?? `${formatPath(["plugins", "entries", manifest.id])}.config`;
  const { schemaInvalid: _schemaInvalid, ...result } = runValidator({
    scope: `plugin:${manifest.id}`,
    schema: manifest.configSchema,
    data: options.config,
    path,
    code: "plugin-config-mismatch",
    hints: manifest.uiHints,
    schemaName: `configSchema of plugin "${manifest.id}"`,
    file: options.file,
  });
  return result;
}

/**
 * Arguments of {@link validateChannelConfig}.
 *
 * @example
 * ```ts
 * const args: ValidateChannelConfigOptions = { manifest: matrix, channelId: "matrix", config: { enabled: true } };
 * ```
 */
export interface ValidateChannelConfigOptions {
  manifest: PluginManifest;
  channelId: string;
  /** `channels.<channelId>`; `undefined` is validated as `{}`. */
  config: unknown;
  file?: string;
}

/**
 * Validates `channels.<channelId>` against the schema the plugin publishes in `channelConfigs.<channelId>`.
 * Without a published schema the config is accepted as is.
 *
 * @example
 * ```ts
 * validateChannelConfig({ manifest: matrix, channelId: "matrix", config: { homeserver: "not a url" } }).ok; // false
 * ```
 */
export function validateChannelConfig(options: ValidateChannelConfigOptions): ConfigValidationResult {
  return withQuietPrototypes(() => validateChannelConfigUnguarded(options));
}

function validateChannelConfigUnguarded(options: ValidateChannelConfigOptions): ConfigValidationResult {
  const channelConfig = ownValue(options.manifest.channelConfigs, options.channelId) as PluginChannelConfig | undefined;
  const path = formatPath(["channels", options.channelId]);
  if (!channelConfig) {
    const copy = options.config === undefined ? { ok: true as const, value: {} } : cloneConfigData(options.config);
    if (!copy.ok) return { ok: false, value: {}, diagnostics: [notDataDiagnostic(path, copy)] };
    return { ok: true, value: copy.value as Record<string, unknown>, diagnostics: [] };
  }
  const { schemaInvalid: _schemaInvalid, ...result } = runValidator({
    scope: `channel:${options.manifest.id}:${options.channelId}`,
    schema: channelConfig.schema,
    data: options.config,
    path,
    code: "channel-config-mismatch",
    hints: channelConfig.uiHints,
    schemaName: `channelConfigs.${options.channelId}.schema of plugin "${options.manifest.id}"`,
    file: options.file,
  });
  return result;
}

/**
 * Validates the plugin parts of a gateway config (see the module description for the three moments). Never throws
 * on bad config; throws `TypeError` only for a `write` without `pluginId`.
 *
 * @example
 * ```ts
 * const result = validatePluginsConfig(
 *   { plugins: { entries: { "my-plugin": { config: { timeout: 5000 } } } } },
 *   { manifests: [myPluginManifest], moment: "read" },
 * );
 * result.diagnostics[0].message; // "plugins.entries.my-plugin.config: must have required property 'apiKey'"
 * ```
 */
export function validatePluginsConfig(config: unknown, options: ValidatePluginsConfigOptions): ValidatePluginsConfigResult {
  return withQuietPrototypes(() => validatePluginsConfigUnguarded(config, options));
}

function validatePluginsConfigUnguarded(config: unknown, options: ValidatePluginsConfigOptions): ValidatePluginsConfigResult {
  if (options.moment === "write" && !options.pluginId) {
    throw new TypeError('validatePluginsConfig: moment "write" needs the pluginId the write affects.');
  }
  const diagnostics: PluginDiagnostic[] = [];
  const report = (diagnostic: Omit<PluginDiagnostic, "file">): void => {
    diagnostics.push(options.file ? { ...diagnostic, file: options.file } : diagnostic);
  };
  const manifests = new Map<string, PluginManifest>();
  for (const manifest of options.manifests instanceof Map ? options.manifests.values() : (options.manifests as readonly PluginManifest[])) {
    manifests.set(manifest.id, manifest);
  }
  const outcomes: PluginConfigOutcome[] = [];
  const finish = (output: unknown): ValidatePluginsConfigResult => ({
    ok: !diagnostics.some((d) => d.level === "error"),
    diagnostics,
    config: output,
    plugins: outcomes,
  });

  if (config === undefined || config === null) config = {};
  if (!isRecord(config)) {
    report({ level: "error", code: "config-not-object", path: "", message: `the gateway config must be an object; got ${typeDescription(config)}` });
    return finish(config);
  }
  const copy = cloneConfigData(config);
  if (!copy.ok) {
    report(notDataDiagnostic("", copy, (segments) => sensitiveInGatewayConfig(segments, manifests)));
    return finish(config);
  }
  const output = copy.value as Record<string, unknown>;
  const inScope = (id: string): boolean => options.moment !== "write" || id === options.pluginId;
  // One reader for the whole plugins section (shared with the CLI's config-file reader); entry problems are
  // reported below, with the rest of that plugin's findings.
  const { policy, diagnostics: policyDiagnostics, entryDiagnostics } = readPluginsPolicy(output, { entryInScope: inScope });
  for (const diagnostic of policyDiagnostics) report(diagnostic);
  const plugins = ownValue(output, "plugins");
  const rawEntries = isRecord(plugins) ? ownValue(plugins, "entries") : undefined;
  const entries: Record<string, unknown> = isRecord(rawEntries) ? rawEntries : (Object.create(null) as Record<string, unknown>);

  const installed = (id: string): boolean => manifests.has(id) || (options.isInstalled?.(id) ?? false);
  const disabledReason = (id: string): string | undefined => {
    if (options.isEnabled) return options.isEnabled(id) ? undefined : "disabled by the plugin policy";
    return resolvePluginEnablement({ id, plugins: policy }).cause;
  };
  const installedIds = [...manifests.keys()];

  // Policy lists naming plugins that are not installed: stale, harmless, worth a warning.
  if (options.moment !== "write") {
    for (const [listName, list] of [["allow", policy.allow], ["deny", policy.deny]] as const) {
      list.forEach((id, index) => {
        if (!installed(id)) {
          const path = `plugins.${listName}[${index}]`;
          report({ level: "warning", code: "plugin-policy-unknown-id", path, message: `${path}: plugin "${id}" is not installed; the entry has no effect.${didYouMean(id, installedIds)}` });
        }
      });
    }
  }

  const ids = new Set<string>([...Object.keys(entries), ...(options.moment === "write" ? [] : installedIds)]);
  if (options.moment === "write") ids.add(options.pluginId!);
  for (const id of ids) {
    if (!inScope(id)) continue;
    const entryPath = formatPath(["plugins", "entries", id]);
    const rawEntry = ownValue(entries, id);
    for (const diagnostic of entryDiagnostics.get(id) ?? []) report(diagnostic);
    if (rawEntry !== undefined && !isRecord(rawEntry)) continue; // reported by the policy reader
    const entry = (rawEntry ?? {}) as Record<string, unknown>;
    if (!installed(id)) {
      report({ level: "error", code: "plugin-not-installed", path: entryPath, message: `${entryPath}: plugin "${id}" is not installed. Install it, or remove the entry.${didYouMean(id, installedIds)}` });
      continue;
    }
    const reason = disabledReason(id);
    const manifest = manifests.get(id);
    const entryConfig = ownValue(entry, "config");
    if (reason) {
      outcomes.push({ id, status: "disabled", enabled: false });
      if (entryConfig !== undefined) {
        report({ level: "warning", code: "plugin-disabled-config-kept", path: `${entryPath}.config`, message: `${entryPath}.config: plugin "${id}" is disabled (${reason}); its config is kept but not validated.` });
      }
      continue;
    }
    if (!manifest) {
      outcomes.push({ id, status: "no-manifest", enabled: true });
      report({ level: "warning", code: "plugin-manifest-unavailable", path: entryPath, message: `${entryPath}: plugin "${id}" is installed but its manifest could not be read; its config is not validated. Run openclaw plugins doctor.` });
      continue;
    }
    if (entryConfig !== undefined && !isRecord(entryConfig)) {
      report({ level: "error", code: "plugin-config-mismatch", path: `${entryPath}.config`, message: `${entryPath}.config: must be an object; got ${typeDescription(entryConfig)}` });
      outcomes.push({ id, status: "invalid", enabled: true });
      continue;
    }
    const result = runValidator({
      scope: `plugin:${id}`,
      schema: manifest.configSchema,
      data: entryConfig,
      path: `${entryPath}.config`,
      code: "plugin-config-mismatch",
      hints: manifest.uiHints,
      schemaName: `configSchema of plugin "${id}"`,
      file: options.file,
    });
    for (const diagnostic of result.diagnostics) report(diagnostic);
    outcomes.push(
      result.ok
        ? { id, status: "valid", enabled: true, config: result.value }
        : { id, status: result.schemaInvalid ? "schema-invalid" : "invalid", enabled: true },
    );
    if (result.ok && entryConfig !== undefined) setOwnValue(entry, "config", result.value);
  }

  checkChannels(output, { ...options, manifests, disabledReason, inScope, report });
  return finish(output);
}

/**
 * Sensitive-path matcher over the whole gateway config: `plugins.entries.<id>.config.…` uses the plugin's
 * `uiHints`, `channels.<id>.…` the `uiHints` of every plugin publishing a schema for that channel. Returns how many
 * leading segments to show (see {@link SensitivePaths.coveredAt}).
 */
function sensitiveInGatewayConfig(segments: readonly string[], manifests: ReadonlyMap<string, PluginManifest>): number | undefined {
  if (segments[0] === "plugins" && segments[1] === "entries" && segments.length > 4 && segments[3] === "config") {
    const manifest = manifests.get(segments[2]!);
    const at = manifest ? sensitivePathsOf(manifest.uiHints).coveredAt(segments.slice(4)) : undefined;
    return at === undefined ? undefined : at + 4;
  }
  if (segments[0] === "channels" && segments.length > 2) {
    let shortest: number | undefined;
    for (const manifest of manifests.values()) {
      const channelConfig = ownValue(manifest.channelConfigs, segments[1]!) as PluginChannelConfig | undefined;
      if (!channelConfig) continue;
      const at = sensitivePathsOf(channelConfig.uiHints).coveredAt(segments.slice(2));
      if (at !== undefined && (shortest === undefined || at + 2 < shortest)) shortest = at + 2;
    }
    return shortest;
  }
  return undefined;
}

function didYouMean(input: string, candidates: readonly string[]): string {
  const match = closestMatch(input, candidates);
  return match ? ` Did you mean "${match}"?` : "";
}

function checkChannels(
  output: Record<string, unknown>,
  context: ValidatePluginsConfigOptions & {
    manifests: Map<string, PluginManifest>;
    disabledReason(id: string): string | undefined;
    inScope(id: string): boolean;
    report(diagnostic: Omit<PluginDiagnostic, "file">): void;
  },
): void {
  const channels = ownValue(output, "channels");
  if (channels === undefined) return;
  if (!isRecord(channels)) {
    context.report({ level: "error", code: "channels-config-invalid", path: "channels", message: `channels: must be an object keyed by channel id; got ${typeDescription(channels)}` });
    return;
  }
  const owners = new Map<string, PluginManifest[]>();
  for (const manifest of context.manifests.values()) {
    for (const channelId of manifest.channels ?? []) {
      owners.set(channelId, [...(owners.get(channelId) ?? []), manifest]);
    }
  }
  const core = new Set(context.coreChannelIds ?? []);
  for (const channelId of Object.keys(channels)) {
    const channelConfig = channels[channelId];
    const path = formatPath(["channels", channelId]);
    if (core.has(channelId)) continue;
    const channelOwners = owners.get(channelId) ?? [];
    if (context.moment === "write" && !channelOwners.some((owner) => owner.id === context.pluginId)) continue;
    if (channelOwners.length === 0) {
      context.report({
        level: "error",
        code: "channel-unknown",
        path,
        message: `${path}: no installed plugin declares channel "${channelId}". Install the plugin that provides it, or remove the section.${didYouMean(channelId, [...owners.keys()])}`,
      });
      continue;
    }
    const enabledOwners = channelOwners.filter((owner) => !context.disabledReason(owner.id));
    if (enabledOwners.length === 0) {
      const owner = channelOwners[0]!;
      context.report({ level: "warning", code: "channel-owner-disabled", path, message: `${path}: plugin "${owner.id}" that provides channel "${channelId}" is disabled (${context.disabledReason(owner.id)}); the channel config is kept but not validated.` });
      continue;
    }
    if (enabledOwners.length > 1) {
      context.report({ level: "warning", code: "channel-multiple-owners", path, message: `${path}: channel "${channelId}" is declared by several enabled plugins (${enabledOwners.map((o) => o.id).join(", ")}); the gateway uses one of them.` });
    }
    const publishedBy = (candidate: PluginManifest): PluginChannelConfig | undefined =>
      ownValue(candidate.channelConfigs, channelId) as PluginChannelConfig | undefined;
    const owner = enabledOwners.find((candidate) => publishedBy(candidate)) ?? enabledOwners[0]!;
    const published = publishedBy(owner);
    if (!published) continue;
    if (!isRecord(channelConfig)) {
      context.report({ level: "error", code: "channel-config-mismatch", path, message: `${path}: must be an object; got ${typeDescription(channelConfig)}` });
      continue;
    }
    const result = runValidator({
      scope: `channel:${owner.id}:${channelId}`,
      schema: published.schema,
      data: channelConfig,
      path,
      code: "channel-config-mismatch",
      hints: published.uiHints,
      schemaName: `channelConfigs.${channelId}.schema of plugin "${owner.id}"`,
      file: context.file,
    });
    for (const diagnostic of result.diagnostics) context.report(diagnostic);
    if (result.ok) setOwnValue(channels, channelId, result.value);
  }
}
