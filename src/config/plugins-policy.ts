/**
 * The operator's plugin policy in the gateway config — the `plugins` section — read and type-checked in one place,
 * and the enablement decision made from it. The CLI's config-file reader (`src/discovery/config-file.ts`) and
 * `validatePluginsConfig` both use this module, so one field has one check, one diagnostic code and one message.
 *
 * Fail closed: a field of the wrong type (or a timeout that is not a positive whole number of milliseconds) is an
 * error naming the path, the type found (never the value: config values may be secrets) and the form expected; it
 * is never replaced by its default, and while any such error stands no plugin is enabled
 * ({@link PluginsPolicy.invalidReason}, enablement reason `config-invalid`).
 *
 * Codes: `plugins-config-invalid` (a field of the section itself: `plugins`, `enabled`, `allow`, `deny`, `load`,
 * `load.paths`, `entries`, `slots`, `registerTimeoutMs`), `plugin-entry-invalid` (`plugins.entries.<id>` and
 * anything inside it), `plugin-entry-unknown-key` (warning, with did-you-mean), `plugin-timeout-capped` (warning:
 * a hook timeout above what the host applies).
 */
import type { PluginDiagnostic } from "../manifest/diagnostics.js";
import { closestMatch, formatPath } from "../manifest/paths.js";
import { ownValue, typeDescription } from "./config-data.js";

/**
 * `plugins.entries.<id>.hooks`, each field checked (a field of the wrong type is absent here and reported).
 *
 * @example
 * ```ts
 * const hooks: PluginHooksPolicy = { allowPromptInjection: false, timeouts: { before_tool_call: 2000 } };
 * ```
 */
export interface PluginHooksPolicy {
  allowPromptInjection?: boolean;
  allowConversationAccess?: boolean;
  /** Time limit (ms) of every hook handler of the plugin. */
  timeoutMs?: number;
  /** Hook name → time limit (ms); wins over `timeoutMs`. */
  timeouts?: Record<string, number>;
}

/**
 * `plugins.entries.<id>`, each field checked (a field of the wrong type is absent here and reported).
 *
 * @example
 * ```ts
 * const entry: PluginEntryPolicy = { enabled: true, config: { units: "metric" }, registerTimeoutMs: 5000 };
 * ```
 */
export interface PluginEntryPolicy {
  enabled?: boolean;
  /** The plugin's own config, as written (validated against its `configSchema` elsewhere). */
  config?: unknown;
  hooks?: PluginHooksPolicy;
  /** This plugin's register time limit (ms), overriding `plugins.registerTimeoutMs`. */
  registerTimeoutMs?: number;
}

/**
 * The `plugins` section, read. Maps are null-prototype objects: a plugin id `constructor` or `__proto__` is an
 * ordinary key.
 *
 * @example
 * ```ts
 * const { policy } = readPluginsPolicy({ plugins: { deny: ["bad"] } });
 * policy.deny; // ["bad"]
 * ```
 */
export interface PluginsPolicy {
  /** `plugins.enabled`: `false` disables every plugin. Default `true`. */
  enabled: boolean;
  /** `plugins.allow`: when non-empty, only these ids may load. */
  allow: string[];
  /** `plugins.deny`: these ids never load (deny wins over allow). */
  deny: string[];
  /**
   * `plugins.load.paths`: extra plugin folders or files. As written here; the config-file reader resolves them
   * against the config file's folder.
   */
  loadPaths: string[];
  entries: Record<string, PluginEntryPolicy>;
  /** `plugins.slots` (e.g. `memory`): slot name → plugin id (`"none"` = no plugin). */
  slots: Record<string, string>;
  /** `plugins.registerTimeoutMs`: default register time limit (ms) for every plugin. */
  registerTimeoutMs?: number;
  /**
   * Set while the policy cannot be applied — a field is malformed, or (set by the config-file reader) the file
   * itself cannot be used: one sentence naming what and the fix. Every plugin is then disabled (`config-invalid`).
   */
  invalidReason?: string;
}

/**
 * Result of {@link readPluginsPolicy}.
 *
 * @example
 * ```ts
 * const { policy, diagnostics, entryDiagnostics } = readPluginsPolicy(config);
 * ```
 */
export interface PluginsPolicyRead {
  policy: PluginsPolicy;
  /** Problems outside `plugins.entries.<id>`, in reading order. */
  diagnostics: PluginDiagnostic[];
  /** Problems inside `plugins.entries.<id>`, per id (every entry is read; see `entryInScope`). */
  entryDiagnostics: Map<string, PluginDiagnostic[]>;
}

/**
 * Options of {@link readPluginsPolicy}.
 *
 * @example
 * ```ts
 * const options: ReadPluginsPolicyOptions = { file: "openclaw.json", entryInScope: (id) => id === "demo" };
 * ```
 */
export interface ReadPluginsPolicyOptions {
  /** Set as `file` on every diagnostic. */
  file?: string;
  /**
   * Entries whose errors make the policy unusable (default: all). `validatePluginsConfig`'s `write` moment passes
   * the affected plugin only, so an unrelated stale entry never blocks a write.
   */
  entryInScope?(id: string): boolean;
}

/** The keys the gateway reads in `plugins.entries.<id>`. */
export const ENTRY_KEYS: readonly string[] = ["enabled", "config", "hooks", "registerTimeoutMs"];

/** The keys the gateway reads in `plugins.entries.<id>.hooks`. */
export const ENTRY_HOOK_KEYS: readonly string[] = ["allowPromptInjection", "allowConversationAccess", "timeoutMs", "timeouts"];

/** Largest hook timeout the host applies (longer values are capped). */
export const MAX_HOOK_TIMEOUT_MS = 600_000;

const ALL_OFF = "No plugin is enabled until it is fixed.";

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function nullRecord<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

/** What was found instead of a positive whole number of ms: its kind, never the number itself. */
function describeNonTimeout(value: unknown): string {
  if (typeof value !== "number") return typeDescription(value);
  if (Number.isNaN(value) || !Number.isFinite(value)) return "a number that is not finite";
  if (value === 0) return "zero";
  if (value < 0) return "a negative number";
  return Number.isInteger(value) ? "a number too large to be exact" : "a fraction";
}

function didYouMean(input: string, candidates: readonly string[]): string {
  const match = closestMatch(input, candidates);
  return match ? ` Did you mean "${match}"?` : "";
}

/** Reads a `plugins` section; `report` receives each problem with the entry id it belongs to, if any. */
class PolicyReader {
  readonly policy: PluginsPolicy = { enabled: true, allow: [], deny: [], loadPaths: [], entries: nullRecord(), slots: nullRecord() };
  readonly diagnostics: PluginDiagnostic[] = [];
  readonly entryDiagnostics = new Map<string, PluginDiagnostic[]>();
  readonly invalidPaths: string[] = [];
  private entryId: string | undefined;
  private readonly options: ReadPluginsPolicyOptions;

  constructor(options: ReadPluginsPolicyOptions) {
    this.options = options;
  }

  private push(level: PluginDiagnostic["level"], code: string, path: string, message: string): void {
    const diagnostic: PluginDiagnostic = { level, code, path, message: `${path}: ${message}` };
    if (this.options.file !== undefined) diagnostic.file = this.options.file;
    if (this.entryId === undefined) this.diagnostics.push(diagnostic);
    else {
      const list = this.entryDiagnostics.get(this.entryId) ?? [];
      list.push(diagnostic);
      this.entryDiagnostics.set(this.entryId, list);
    }
    const counts = this.entryId === undefined || (this.options.entryInScope?.(this.entryId) ?? true);
    if (level === "error" && counts) this.invalidPaths.push(path);
  }

  /** A malformed field: path, expected form, type found, and that nothing loads until it is fixed. */
  bad(path: string, expected: string, found: string, suffix = ""): void {
    const code = this.entryId === undefined ? "plugins-config-invalid" : "plugin-entry-invalid";
    this.push("error", code, path, `must be ${expected}; got ${found}. ${suffix ? `${ALL_OFF.slice(0, -1)} ${suffix}.` : ALL_OFF}`);
  }

  unknownKey(path: string, message: string): void {
    this.push("warning", "plugin-entry-unknown-key", path, message);
  }

  boolean(value: unknown, path: string): boolean | undefined {
    if (value === undefined || typeof value === "boolean") return value;
    this.bad(path, "true or false", typeDescription(value));
    return undefined;
  }

  timeout(value: unknown, path: string, capped: boolean): number | undefined {
    if (value === undefined) return undefined;
    if (typeof value === "number" && Number.isSafeInteger(value) && value > 0) {
      if (capped && value > MAX_HOOK_TIMEOUT_MS) {
        this.push("warning", "plugin-timeout-capped", path, `more than the host applies; it is capped at ${MAX_HOOK_TIMEOUT_MS} ms (10 minutes).`);
      }
      return value;
    }
    this.bad(path, "a positive whole number of milliseconds, e.g. 10000", describeNonTimeout(value));
    return undefined;
  }

  /** An array of strings; a bad item is reported at its index. `undefined` when the list cannot be applied. */
  strings(value: unknown, path: string, expected: string, item: string): string[] | undefined {
    if (value === undefined) return [];
    if (!Array.isArray(value)) {
      this.bad(path, expected, typeDescription(value), "(the list cannot be applied)");
      return undefined;
    }
    let ok = true;
    value.forEach((entry: unknown, index) => {
      if (typeof entry === "string") return;
      ok = false;
      this.bad(formatPath([...path.split("."), index]), item, typeDescription(entry), "(the list cannot be applied)");
    });
    return ok ? (value as string[]) : undefined;
  }

  section(plugins: Record<string, unknown>): void {
    const policy = this.policy;
    policy.enabled = this.boolean(ownValue(plugins, "enabled"), "plugins.enabled") ?? true;
    const idList = 'an array of plugin id strings, e.g. ["my-plugin"]';
    policy.allow = this.strings(ownValue(plugins, "allow"), "plugins.allow", idList, 'a plugin id string such as "my-plugin"') ?? [];
    policy.deny = this.strings(ownValue(plugins, "deny"), "plugins.deny", idList, 'a plugin id string such as "my-plugin"') ?? [];
    const registerTimeoutMs = this.timeout(ownValue(plugins, "registerTimeoutMs"), "plugins.registerTimeoutMs", false);
    if (registerTimeoutMs !== undefined) policy.registerTimeoutMs = registerTimeoutMs;
    const load = ownValue(plugins, "load");
    if (load !== undefined && !isRecord(load)) this.bad("plugins.load", 'an object like { "paths": ["./my-plugins"] }', typeDescription(load));
    else if (load !== undefined) {
      policy.loadPaths =
        this.strings(ownValue(load, "paths"), "plugins.load.paths", 'an array of folder or file paths, e.g. ["./my-plugins"]', 'a path string such as "./my-plugins"') ?? [];
    }
    const entries = ownValue(plugins, "entries");
    if (entries !== undefined && !isRecord(entries)) {
      this.bad("plugins.entries", 'an object keyed by plugin id, e.g. { "my-plugin": { "enabled": true } }', typeDescription(entries));
    } else if (entries !== undefined) {
      for (const id of Object.keys(entries)) {
        this.entryId = id;
        this.entry(id, entries[id]);
        this.entryId = undefined;
      }
    }
    const slots = ownValue(plugins, "slots");
    if (slots !== undefined && !isRecord(slots)) this.bad("plugins.slots", 'an object of slot name → plugin id, e.g. { "memory": "my-memory" }', typeDescription(slots));
    else if (slots !== undefined) {
      for (const slot of Object.keys(slots)) {
        const value = slots[slot];
        if (typeof value === "string") policy.slots[slot] = value;
        else this.bad(formatPath(["plugins", "slots", slot]), 'a plugin id string (or "none")', typeDescription(value));
      }
    }
  }

  private entry(id: string, value: unknown): void {
    const entryPath = formatPath(["plugins", "entries", id]);
    if (!isRecord(value)) {
      this.bad(entryPath, 'an object like { "enabled": true, "config": { … } }', typeDescription(value));
      return;
    }
    const at = (...segments: string[]): string => formatPath(["plugins", "entries", id, ...segments]);
    for (const key of Object.keys(value)) {
      if (ENTRY_KEYS.includes(key)) continue;
      this.unknownKey(at(key), `unknown plugin entry setting; the gateway reads enabled, config, hooks and registerTimeoutMs.${didYouMean(key, ENTRY_KEYS) || " Plugin settings belong under config."}`);
    }
    const entry: PluginEntryPolicy = {};
    const enabled = this.boolean(ownValue(value, "enabled"), at("enabled"));
    if (enabled !== undefined) entry.enabled = enabled;
    const config = ownValue(value, "config");
    if (config !== undefined) entry.config = config;
    const registerTimeoutMs = this.timeout(ownValue(value, "registerTimeoutMs"), at("registerTimeoutMs"), false);
    if (registerTimeoutMs !== undefined) entry.registerTimeoutMs = registerTimeoutMs;
    const hooks = ownValue(value, "hooks");
    if (hooks !== undefined) {
      if (isRecord(hooks)) entry.hooks = this.hooks(hooks, at);
      else this.bad(at("hooks"), 'an object like { "allowPromptInjection": false, "timeoutMs": 5000 }', typeDescription(hooks));
    }
    this.policy.entries[id] = entry;
  }

  private hooks(hooks: Record<string, unknown>, at: (...segments: string[]) => string): PluginHooksPolicy {
    const out: PluginHooksPolicy = {};
    for (const key of Object.keys(hooks)) {
      const value = hooks[key];
      const path = at("hooks", key);
      if (key === "timeoutMs") {
        const ms = this.timeout(value, path, true);
        if (ms !== undefined) out.timeoutMs = ms;
      } else if (key === "timeouts") {
        if (!isRecord(value)) {
          this.bad(path, 'an object of hook name → milliseconds, e.g. { "before_tool_call": 2000 }', typeDescription(value));
          continue;
        }
        const timeouts = nullRecord<number>();
        for (const hookName of Object.keys(value)) {
          const ms = this.timeout(value[hookName], at("hooks", "timeouts", hookName), true);
          if (ms !== undefined) timeouts[hookName] = ms;
        }
        out.timeouts = timeouts;
      } else if (key === "allowPromptInjection" || key === "allowConversationAccess") {
        const allowed = this.boolean(value, path);
        if (allowed !== undefined) out[key] = allowed;
      } else {
        this.unknownKey(path, `unknown hook setting; known settings are ${ENTRY_HOOK_KEYS.join(", ")}.${didYouMean(key, ENTRY_HOOK_KEYS)}`);
      }
    }
    return out;
  }
}

/**
 * Reads and type-checks the `plugins` section of a gateway config object: `enabled`, `allow`, `deny`,
 * `load.paths`, `entries.<id>.{enabled, config, hooks, registerTimeoutMs}`, `registerTimeoutMs`, `slots`. Never
 * throws. Any error sets `policy.invalidReason` (fail closed); warnings (unknown entry keys, capped hook timeouts)
 * do not.
 *
 * @example
 * ```ts
 * const { policy, diagnostics } = readPluginsPolicy({ plugins: { deny: "good" } });
 * diagnostics[0].message; // 'plugins.deny: must be an array of plugin id strings, e.g. ["my-plugin"]; got a string. …'
 * policy.invalidReason; // "plugins.deny is malformed; fix the policy first"
 * ```
 */
export function readPluginsPolicy(config: Record<string, unknown>, options: ReadPluginsPolicyOptions = {}): PluginsPolicyRead {
  const reader = new PolicyReader(options);
  const plugins = ownValue(config, "plugins");
  if (plugins !== undefined && !isRecord(plugins)) reader.bad("plugins", 'an object like { "entries": { … } }', typeDescription(plugins));
  else if (plugins !== undefined) reader.section(plugins);
  const { policy, invalidPaths } = reader;
  if (invalidPaths.length > 0) {
    const shown = invalidPaths.length > 3 ? `${invalidPaths.slice(0, 3).join(", ")} and ${invalidPaths.length - 3} more` : invalidPaths.join(", ");
    policy.invalidReason = `${shown} ${invalidPaths.length > 1 ? "are" : "is"} malformed; fix the policy first`;
  }
  return { policy, diagnostics: reader.diagnostics, entryDiagnostics: reader.entryDiagnostics };
}

/**
 * Where a plugin was found (`path` = given explicitly on the command line). Only `workspace` changes the decision.
 *
 * @example
 * ```ts
 * const origin: PluginOrigin = "workspace";
 * ```
 */
export type PluginOrigin = "config" | "workspace" | "global" | "path";

/**
 * Result of {@link resolvePluginEnablement}.
 *
 * @example
 * ```ts
 * const off: PluginEnablement = { enabled: false, reason: "denied", cause: "listed in plugins.deny", hint: 'remove "x" from plugins.deny' };
 * ```
 */
export interface PluginEnablement {
  enabled: boolean;
  /** Why it is disabled (absent when enabled). */
  reason?: "config-invalid" | "plugins-disabled" | "denied" | "not-allowed" | "disabled-in-config" | "workspace-not-enabled";
  /** What in the config decides it, e.g. `listed in plugins.deny` (absent when enabled). */
  cause?: string;
  /** What to change to enable it (absent when enabled). */
  hint?: string;
}

/**
 * The enablement decision for plugin `id`. First match decides:
 * 0. the policy cannot be applied (`invalidReason`: a malformed field, or a config file that cannot be used) →
 *    `config-invalid`: a deny list that cannot be read never means "deny nothing";
 * 1. `plugins.enabled: false` → `plugins-disabled`;
 * 2. id in `plugins.deny` → `denied` (deny wins);
 * 3. `plugins.allow` non-empty and the id not in it → `not-allowed`;
 * 4. `plugins.entries.<id>.enabled: false` → `disabled-in-config`;
 * 5. `origin` is `workspace` (found under `<workspace>/.openclaw/extensions`) without
 *    `plugins.entries.<id>.enabled: true` → `workspace-not-enabled`: a folder appearing in a project never runs;
 * 6. otherwise enabled.
 *
 * @example
 * ```ts
 * resolvePluginEnablement({ id: "demo", origin: "workspace", plugins: policy }).enabled; // false unless entries.demo.enabled
 * ```
 */
export function resolvePluginEnablement(options: { id: string; origin?: PluginOrigin; plugins: PluginsPolicy }): PluginEnablement {
  const { id, origin, plugins } = options;
  const off = (reason: NonNullable<PluginEnablement["reason"]>, cause: string, hint: string): PluginEnablement => ({ enabled: false, reason, cause, hint });
  if (plugins.invalidReason !== undefined) return off("config-invalid", plugins.invalidReason, plugins.invalidReason);
  if (!plugins.enabled) return off("plugins-disabled", "plugins.enabled is false", "set plugins.enabled to true");
  if (plugins.deny.includes(id)) return off("denied", "listed in plugins.deny", `remove "${id}" from plugins.deny`);
  if (plugins.allow.length > 0 && !plugins.allow.includes(id)) return off("not-allowed", "not listed in plugins.allow", `add "${id}" to plugins.allow`);
  const entry = ownValue(plugins.entries, id) as PluginEntryPolicy | undefined;
  const enabledPath = `${formatPath(["plugins", "entries", id])}.enabled`;
  if (entry?.enabled === false) return off("disabled-in-config", `${enabledPath} is false`, `set ${enabledPath} to true`);
  if (origin === "workspace" && entry?.enabled !== true) {
    return off(
      "workspace-not-enabled",
      `workspace plugins stay off until ${enabledPath} is true`,
      `workspace plugins stay off until enabled: set ${enabledPath} to true${plugins.allow.length > 0 ? ` and add "${id}" to plugins.allow` : ""}`,
    );
  }
  return { enabled: true };
}

/**
 * The register time limit (ms) configured for plugin `id`: `plugins.entries.<id>.registerTimeoutMs`, else
 * `plugins.registerTimeoutMs`, else `undefined` (the loader's default applies).
 *
 * @example
 * ```ts
 * registerTimeoutFor(policy, "demo"); // 5000 with { plugins: { registerTimeoutMs: 5000 } }
 * ```
 */
export function registerTimeoutFor(plugins: PluginsPolicy, id: string | undefined): number | undefined {
  const entry = id === undefined ? undefined : (ownValue(plugins.entries, id) as PluginEntryPolicy | undefined);
  return entry?.registerTimeoutMs ?? plugins.registerTimeoutMs;
}
