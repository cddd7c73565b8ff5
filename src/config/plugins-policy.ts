/**
 * The operator's plugin policy in the gateway config — `plugins.enabled`, `plugins.allow`, `plugins.deny`,
 * `plugins.entries.<id>.enabled` — and the shape of each `plugins.entries.<id>` (hook settings, register timeout).
 *
 * Fail closed: a policy field of the wrong type is an error naming the path, the type found and the form expected,
 * and it is never replaced by its default. While `plugins.enabled`, `allow` or `deny` is malformed no plugin counts
 * as enabled (the policy cannot be applied); a malformed `entries.<id>.enabled` disables that plugin.
 */
import type { PluginDiagnostic } from "../manifest/diagnostics.js";
import { closestMatch, formatPath } from "../manifest/paths.js";
import { ownValue, typeDescription } from "./config-data.js";

type Report = (diagnostic: Omit<PluginDiagnostic, "file">) => void;

/** The policy read from `plugins`: each field valid, or the reason it cannot be applied. */
export interface PluginsPolicy {
  /** `plugins.enabled`; `"invalid"` when present with a wrong type. */
  enabled: boolean | "invalid";
  allow: readonly string[] | "invalid";
  deny: readonly string[] | "invalid";
  /** Sentence naming the malformed field(s), when any is; every plugin is disabled for this reason. */
  invalidReason?: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function readIdList(value: unknown, path: string, report: Report): readonly string[] | "invalid" {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    report({
      level: "error",
      code: "plugins-config-invalid",
      path,
      message: `${path}: must be an array of plugin id strings, e.g. ["my-plugin"]; got ${typeDescription(value)}. No plugin is enabled until it is fixed (the list cannot be applied).`,
    });
    return "invalid";
  }
  const out: string[] = [];
  let invalid = false;
  for (let index = 0; index < value.length; index++) {
    const entry: unknown = value[index];
    if (typeof entry === "string") {
      out.push(entry);
      continue;
    }
    invalid = true;
    const where = `${path}[${index}]`;
    report({
      level: "error",
      code: "plugins-config-invalid",
      path: where,
      message: `${where}: must be a plugin id string such as "my-plugin"; got ${typeDescription(entry)}. No plugin is enabled until it is fixed (the list cannot be applied).`,
    });
  }
  return invalid ? "invalid" : out;
}

/**
 * Reads and checks `plugins.enabled`, `plugins.allow`, `plugins.deny` and `plugins.registerTimeoutMs`.
 *
 * @example
 * ```ts
 * const policy = readPluginsPolicy({ deny: "good" }, report); // policy.deny === "invalid", an error is reported
 * ```
 */
export function readPluginsPolicy(plugins: Record<string, unknown>, report: Report): PluginsPolicy {
  const rawEnabled = ownValue(plugins, "enabled");
  let enabled: boolean | "invalid" = true;
  if (rawEnabled !== undefined) {
    if (typeof rawEnabled === "boolean") enabled = rawEnabled;
    else {
      enabled = "invalid";
      report({
        level: "error",
        code: "plugins-config-invalid",
        path: "plugins.enabled",
        message: `plugins.enabled: must be true or false; got ${typeDescription(rawEnabled)}. No plugin is enabled until it is fixed.`,
      });
    }
  }
  const allow = readIdList(ownValue(plugins, "allow"), "plugins.allow", report);
  const deny = readIdList(ownValue(plugins, "deny"), "plugins.deny", report);
  checkTimeout(ownValue(plugins, "registerTimeoutMs"), "plugins.registerTimeoutMs", report);
  const invalid = [
    enabled === "invalid" ? "plugins.enabled" : undefined,
    allow === "invalid" ? "plugins.allow" : undefined,
    deny === "invalid" ? "plugins.deny" : undefined,
  ].filter((name): name is string => name !== undefined);
  const policy: PluginsPolicy = { enabled, allow, deny };
  if (invalid.length > 0) policy.invalidReason = `${invalid.join(" and ")} ${invalid.length > 1 ? "are" : "is"} malformed; fix the policy first`;
  return policy;
}

/**
 * Why the default policy disables `id` (undefined when enabled): malformed policy, `plugins.enabled: false`,
 * `deny` (wins), `allow`, `entries.<id>.enabled`.
 *
 * @example
 * ```ts
 * disabledByPolicy(policy, entries, "good"); // "listed in plugins.deny"
 * ```
 */
export function disabledByPolicy(policy: PluginsPolicy, entries: Record<string, unknown>, id: string): string | undefined {
  if (policy.invalidReason) return policy.invalidReason;
  if (policy.enabled === false) return "plugins.enabled is false";
  const deny = policy.deny as readonly string[];
  const allow = policy.allow as readonly string[];
  if (deny.includes(id)) return "listed in plugins.deny";
  if (allow.length > 0 && !allow.includes(id)) return "not listed in plugins.allow";
  const entry = ownValue(entries, id);
  if (isRecord(entry)) {
    const entryEnabled = ownValue(entry, "enabled");
    if (entryEnabled === false) return `${formatPath(["plugins", "entries", id])}.enabled is false`;
    if (entryEnabled !== undefined && typeof entryEnabled !== "boolean") {
      return `${formatPath(["plugins", "entries", id])}.enabled is not true or false`;
    }
  }
  return undefined;
}

/** The keys the gateway reads in `plugins.entries.<id>`. */
export const ENTRY_KEYS: readonly string[] = ["enabled", "config", "hooks", "registerTimeoutMs"];

/** The keys the gateway reads in `plugins.entries.<id>.hooks`. */
export const ENTRY_HOOK_KEYS: readonly string[] = ["allowPromptInjection", "allowConversationAccess", "timeoutMs", "timeouts"];

/** Largest timeout the host applies (longer values are capped). */
const MAX_TIMEOUT_MS = 600_000;

function checkTimeout(value: unknown, path: string, report: Report): void {
  if (value === undefined) return;
  if (typeof value !== "number" || !Number.isInteger(value) || value <= 0) {
    report({
      level: "error",
      code: "plugin-entry-invalid",
      path,
      message: `${path}: must be a positive whole number of milliseconds, e.g. 10000; got ${typeof value === "number" ? String(value) : typeDescription(value)}.`,
    });
  } else if (value > MAX_TIMEOUT_MS) {
    report({
      level: "warning",
      code: "plugin-timeout-capped",
      path,
      message: `${path}: ${value} ms is more than the host applies; it is capped at ${MAX_TIMEOUT_MS} ms (10 minutes).`,
    });
  }
}

function didYouMean(input: string, candidates: readonly string[]): string {
  const match = closestMatch(input, candidates);
  return match ? ` Did you mean "${match}"?` : "";
}

/**
 * Checks the shape of one `plugins.entries.<id>`: unknown keys (warning), `enabled` (boolean), `registerTimeoutMs`
 * (positive integer ms) and `hooks` (`allowPromptInjection`/`allowConversationAccess` booleans, `timeoutMs` positive
 * integer ms, `timeouts` an object of hook name → positive integer ms).
 *
 * @example
 * ```ts
 * checkEntryShape({ enabled: "yes" }, "plugins.entries.demo", report); // error at plugins.entries.demo.enabled
 * ```
 */
export function checkEntryShape(entry: Record<string, unknown>, entryPath: string, report: Report): void {
  for (const key of Object.keys(entry)) {
    if (ENTRY_KEYS.includes(key)) continue;
    const path = `${entryPath}${formatPath([key]).startsWith("[") ? "" : "."}${formatPath([key])}`;
    report({
      level: "warning",
      code: "plugin-entry-unknown-key",
      path,
      message: `${path}: unknown plugin entry setting; the gateway reads enabled, config, hooks and registerTimeoutMs.${didYouMean(key, ENTRY_KEYS) || " Plugin settings belong under config."}`,
    });
  }
  const enabled = ownValue(entry, "enabled");
  if (enabled !== undefined && typeof enabled !== "boolean") {
    report({
      level: "error",
      code: "plugin-entry-invalid",
      path: `${entryPath}.enabled`,
      message: `${entryPath}.enabled: must be true or false; got ${typeDescription(enabled)}. The plugin stays disabled until it is fixed.`,
    });
  }
  checkTimeout(ownValue(entry, "registerTimeoutMs"), `${entryPath}.registerTimeoutMs`, report);
  const hooks = ownValue(entry, "hooks");
  if (hooks === undefined) return;
  if (!isRecord(hooks)) {
    report({
      level: "error",
      code: "plugin-entry-invalid",
      path: `${entryPath}.hooks`,
      message: `${entryPath}.hooks: must be an object like { "allowPromptInjection": false, "timeoutMs": 5000 }; got ${typeDescription(hooks)}`,
    });
    return;
  }
  for (const key of Object.keys(hooks)) {
    const value = hooks[key];
    const path = `${entryPath}.hooks${formatPath([key]).startsWith("[") ? "" : "."}${formatPath([key])}`;
    if (!ENTRY_HOOK_KEYS.includes(key)) {
      report({
        level: "warning",
        code: "plugin-entry-unknown-key",
        path,
        message: `${path}: unknown hook setting; known settings are ${ENTRY_HOOK_KEYS.join(", ")}.${didYouMean(key, ENTRY_HOOK_KEYS)}`,
      });
    } else if (key === "timeoutMs") {
      checkTimeout(value, path, report);
    } else if (key === "timeouts") {
      if (!isRecord(value)) {
        report({
          level: "error",
          code: "plugin-entry-invalid",
          path,
          message: `${path}: must be an object of hook name → milliseconds, e.g. { "before_tool_call": 2000 }; got ${typeDescription(value)}`,
        });
        continue;
      }
      for (const hookName of Object.keys(value)) {
        const hookPath = `${path}${formatPath([hookName]).startsWith("[") ? "" : "."}${formatPath([hookName])}`;
        checkTimeout(value[hookName], hookPath, report);
      }
    } else if (typeof value !== "boolean") {
      report({ level: "error", code: "plugin-entry-invalid", path, message: `${path}: must be true or false; got ${typeDescription(value)}` });
    }
  }
}
