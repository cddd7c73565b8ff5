/**
 * The config edits the installer makes, through the shared config writer (`src/config/config-writer.ts`: the file
 * that holds the `plugins` section, atomic, refused under Nix mode): linked load paths, and on uninstall the
 * plugin's entry, allow/deny entries and load paths. Every edit is idempotent (recovery may re-apply it).
 */
import { resolve } from "node:path";
import { updateOpenClawConfig, type OpenClawConfigDraft } from "../config/config-writer.js";
import type { ConfigChange } from "./staging.js";

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** What {@link applyConfigChange} removed (for uninstall results). */
export interface ConfigChangeOutcome {
  removedEntry: boolean;
  removedFromAllow: boolean;
  removedFromDeny: boolean;
  removedLoadPaths: string[];
  addedLoadPaths: string[];
}

/**
 * Applies `change` to a config draft in place (pure; exported for tests). Load paths compare after resolving against
 * `baseDir` (the config file's folder), so `./demo` and `/etc/openclaw/demo` are the same entry.
 *
 * @example
 * ```ts
 * editPluginsSection(draft, { addLoadPaths: ["/src/demo"] }, "/etc/openclaw");
 * ```
 */
export function editPluginsSection(draft: OpenClawConfigDraft, change: ConfigChange, baseDir: string): ConfigChangeOutcome {
  const outcome: ConfigChangeOutcome = { removedEntry: false, removedFromAllow: false, removedFromDeny: false, removedLoadPaths: [], addedLoadPaths: [] };
  const needsSection = (change.addLoadPaths?.length ?? 0) > 0;
  let plugins = record(draft.plugins);
  if (!plugins) {
    if (!needsSection) return outcome;
    plugins = {};
    draft.plugins = plugins;
  }
  const same = (a: string, b: string) => resolve(baseDir, a) === resolve(baseDir, b);
  if (change.addLoadPaths?.length || change.removeLoadPaths?.length) {
    let load = record(plugins.load);
    if (!load && change.addLoadPaths?.length) {
      load = {};
      plugins.load = load;
    }
    if (load) {
      const paths = Array.isArray(load.paths) ? (load.paths as unknown[]).filter((p): p is string => typeof p === "string") : [];
      const kept = paths.filter((p) => {
        const remove = change.removeLoadPaths?.some((r) => same(p, r)) ?? false;
        if (remove) outcome.removedLoadPaths.push(p);
        return !remove;
      });
      for (const add of change.addLoadPaths ?? []) {
        if (!kept.some((p) => same(p, add))) {
          kept.push(add);
          outcome.addedLoadPaths.push(add);
        }
      }
      if (outcome.removedLoadPaths.length > 0 || outcome.addedLoadPaths.length > 0) load.paths = kept;
    }
  }
  const id = change.removePluginId;
  if (id !== undefined) {
    const entries = record(plugins.entries);
    if (entries && Object.prototype.hasOwnProperty.call(entries, id)) {
      delete entries[id];
      outcome.removedEntry = true;
    }
    for (const key of ["allow", "deny"] as const) {
      const list = plugins[key];
      if (Array.isArray(list) && list.includes(id)) {
        plugins[key] = list.filter((v) => v !== id);
        if (key === "allow") outcome.removedFromAllow = true;
        else outcome.removedFromDeny = true;
      }
    }
    const installs = record(plugins.installs);
    if (installs && Object.prototype.hasOwnProperty.call(installs, id)) delete installs[id];
    const slots = record(plugins.slots);
    if (slots?.memory === id) slots.memory = "memory-core";
  }
  return outcome;
}

/**
 * Applies `change` to the config file(s) through the config writer.
 *
 * @example
 * ```ts
 * await applyConfigChange({ configPath }, { removePluginId: "demo" }, { env: process.env, action: "plugins uninstall" });
 * ```
 */
export async function applyConfigChange(
  paths: { configPath: string },
  change: ConfigChange,
  options: { env?: NodeJS.ProcessEnv | undefined; action: string },
): Promise<ConfigChangeOutcome> {
  let outcome: ConfigChangeOutcome = { removedEntry: false, removedFromAllow: false, removedFromDeny: false, removedLoadPaths: [], addedLoadPaths: [] };
  const { dirname } = await import("node:path");
  await updateOpenClawConfig(
    paths,
    (draft) => {
      outcome = editPluginsSection(draft, change, dirname(paths.configPath));
    },
    { action: options.action, ...(options.env ? { env: options.env } : {}) },
  );
  return outcome;
}
