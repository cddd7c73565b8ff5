/**
 * Typed access to the `plugins` section inside an {@link updateOpenClawConfig} edit, so commands do not each re-check
 * shapes: `pluginsSectionOf` / `pluginEntryOf` create what is missing and refuse (ConfigWriteError, nothing written)
 * a value of the wrong type, naming the field and the file.
 */
import { ConfigWriteError, type OpenClawConfigDraft } from "./config-writer.js";
import { isRecord } from "./config-data.js";

/** One `plugins.entries.<id>` object while editing. */
export type EditablePluginEntry = Record<string, unknown> & { enabled?: boolean; config?: unknown };

/** The `plugins` section while editing (other keys are kept as they are). */
export type EditablePluginsSection = Record<string, unknown> & {
  enabled?: boolean;
  allow?: string[];
  deny?: string[];
  load?: Record<string, unknown> & { paths?: string[] };
  entries?: Record<string, EditablePluginEntry>;
  slots?: Record<string, string>;
  installs?: Record<string, unknown>;
};

function refuse(field: string, file: string): never {
  throw new ConfigWriteError("config-not-object", file, `${field} in ${file || "the config"} is not an object, so it cannot be edited; fix it first (openclaw plugins doctor shows where). Nothing was written.`);
}

/**
 * The draft's `plugins` section, created when missing.
 *
 * @param file - the file holding it, for messages (`ConfigWriteResult.pluginsFile` of an earlier read, or the config path)
 * @example
 * ```ts
 * await updateOpenClawConfig(paths, (draft) => { pluginsSectionOf(draft).deny = ["bad"]; });
 * ```
 */
export function pluginsSectionOf(draft: OpenClawConfigDraft, file = ""): EditablePluginsSection {
  if (draft.plugins === undefined) draft.plugins = {};
  if (!isRecord(draft.plugins)) refuse("plugins", file);
  return draft.plugins as EditablePluginsSection;
}

/**
 * `plugins.entries.<id>`, created when missing.
 *
 * @example
 * ```ts
 * pluginEntryOf(draft, "demo").config = { units: "metric" };
 * ```
 */
export function pluginEntryOf(draft: OpenClawConfigDraft, id: string, file = ""): EditablePluginEntry {
  const section = pluginsSectionOf(draft, file);
  if (section.entries === undefined) section.entries = {};
  if (!isRecord(section.entries)) refuse("plugins.entries", file);
  const entries = section.entries as Record<string, unknown>;
  if (entries[id] === undefined) entries[id] = {};
  if (!isRecord(entries[id])) refuse(`plugins.entries.${id}`, file);
  return entries[id] as EditablePluginEntry;
}

/**
 * Sets `plugins.entries.<id>.enabled`, keeping the entry's other settings.
 *
 * @example
 * ```ts
 * await updateOpenClawConfig(paths, (draft) => setPluginEnabled(draft, "demo", true), { action: "plugins enable" });
 * ```
 */
export function setPluginEnabled(draft: OpenClawConfigDraft, id: string, enabled: boolean, file = ""): void {
  pluginEntryOf(draft, id, file).enabled = enabled;
}
