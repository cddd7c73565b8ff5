/**
 * Enablement policy: whether a discovered plugin may be imported, and why not.
 *
 * Order of the rules (first match decides):
 * 0. the config file is broken (unreadable, unparsable, or a policy field of the wrong type: `plugins.configError`)
 *    → disabled (`config-invalid`): the policy fails closed, a deny list that cannot be read never means "deny
 *    nothing";
 * 1. `plugins.enabled: false` → disabled (`plugins-disabled`);
 * 2. id in `plugins.deny` → disabled (`denied`);
 * 3. `plugins.allow` non-empty and the id not in it → disabled (`not-allowed`);
 * 4. `plugins.entries.<id>.enabled: false` → disabled (`disabled-in-config`);
 * 5. workspace origin (found under `<workspace>/.openclaw/extensions`) without `plugins.entries.<id>.enabled: true`
 *    → disabled (`workspace-not-enabled`): workspace plugins fail closed, they never run just because a folder
 *    appeared in a project;
 * 6. otherwise enabled.
 */
import type { PluginsConfigView } from "./config-file.js";

/** Where a plugin was found. `path` = given explicitly on the command line. */
export type PluginOrigin = "config" | "workspace" | "global" | "path";

/** Result of {@link resolvePluginEnablement}. */
export interface PluginEnablement {
  enabled: boolean;
  /** Why it is disabled (absent when enabled). */
  reason?: "config-invalid" | "plugins-disabled" | "denied" | "not-allowed" | "disabled-in-config" | "workspace-not-enabled";
  /** What to change to enable it (absent when enabled). */
  hint?: string;
}

/**
 * Applies the policy rules above to one plugin.
 *
 * @example
 * ```ts
 * resolvePluginEnablement({ id: "demo", origin: "workspace", plugins }).enabled; // false unless entries.demo.enabled
 * ```
 */
export function resolvePluginEnablement(options: {
  id: string;
  origin: PluginOrigin;
  plugins: PluginsConfigView;
}): PluginEnablement {
  const { id, origin, plugins } = options;
  if (plugins.configError !== undefined) {
    return { enabled: false, reason: "config-invalid", hint: plugins.configError };
  }
  if (!plugins.enabled) {
    return { enabled: false, reason: "plugins-disabled", hint: "set plugins.enabled to true" };
  }
  if (plugins.deny.includes(id)) {
    return { enabled: false, reason: "denied", hint: `remove "${id}" from plugins.deny` };
  }
  if (plugins.allow.length > 0 && !plugins.allow.includes(id)) {
    return { enabled: false, reason: "not-allowed", hint: `add "${id}" to plugins.allow` };
  }
  const entry = Object.prototype.hasOwnProperty.call(plugins.entries, id) ? plugins.entries[id] : undefined;
  if (entry?.enabled === false) {
    return { enabled: false, reason: "disabled-in-config", hint: `set plugins.entries.${id}.enabled to true` };
  }
  if (origin === "workspace" && entry?.enabled !== true) {
    return {
      enabled: false,
      reason: "workspace-not-enabled",
      hint: `workspace plugins stay off until enabled: set plugins.entries.${id}.enabled to true${plugins.allow.length > 0 ? ` and add "${id}" to plugins.allow` : ""}`,
    };
  }
  return { enabled: true };
}
