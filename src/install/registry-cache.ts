/**
 * Keeps the persisted cold registry (`src/state/plugin-registry.ts`) current after a commit: when a registry exists
 * and was built for this host, the changed plugin's entry is rebuilt (or dropped) in place; otherwise it is left for
 * `openclaw plugins registry --refresh` (a missing or foreign-host registry is rebuilt there in full).
 */
import type { PluginIndex } from "../state/plugin-index-api.js";
import { errorText } from "./failure.js";

/**
 * Updates the cached entry of `pluginId` (removes it when the record is gone). Returns a warning on failure (the
 * install itself stands; the registry then reads as stale).
 *
 * @example
 * ```ts
 * const warning = await refreshRegistryEntry(index, "demo", "2026.11.0");
 * ```
 */
export async function refreshRegistryEntry(index: PluginIndex, pluginId: string, packageVersion: string): Promise<string | undefined> {
  try {
    const registry = index.readRegistry();
    if (!registry) return undefined;
    const { buildRegistryEntry, hostContractVersion } = await import("../state/plugin-registry.js");
    if (registry.hostContractVersion !== hostContractVersion(packageVersion)) return undefined;
    const record = index.getRecord(pluginId);
    const plugins = registry.plugins.filter((p) => p.pluginId !== pluginId);
    if (record) plugins.push(await buildRegistryEntry(record));
    plugins.sort((a, b) => a.pluginId.localeCompare(b.pluginId));
    index.writeRegistry({ ...registry, builtAt: new Date().toISOString(), plugins });
    return undefined;
  } catch (error) {
    return `the persisted plugin registry was not refreshed (${errorText(error)}); run openclaw plugins registry --refresh`;
  }
}
