/**
 * The contract of the plugin index (implemented in `src/state/plugin-index.ts` over `node:sqlite`): install records
 * plus a manifest-derived cold registry cache, under `<state dir>/state/openclaw.sqlite`, table `installed_plugin_index`.
 * Every other domain (install, server, cli) depends on this interface only.
 */
import type { PluginInstallRecord } from "./install-record.js";

/** One plugin's entry in the cold registry cache, derived from its manifest at the last refresh. */
export interface RegistryCacheEntry {
  pluginId: string;
  /** Absolute plugin folder. */
  rootDir: string;
  /** `openclaw` for native plugins, `bundle` for Codex/Claude/Cursor bundles. */
  format: "openclaw" | "bundle";
  /** Bundle subtype when `format` is `bundle`. */
  bundleKind?: "codex" | "claude" | "cursor";
  /** Manifest fields a cold read needs (name, version, description, kind, channels, providers, …) — JSON. */
  manifest?: Record<string, unknown>;
  /** Set when the manifest was missing or broken at refresh time (the record is kept anyway). */
  manifestError?: string;
  /** Hash of the manifest + package.json bytes, to tell stale from current. */
  sourceHash: string;
}

/** The persisted cold registry and when it was built. */
export interface PersistedRegistry {
  builtAt: string;
  /** Host contract version the cache was built against; a different one makes it stale. */
  hostContractVersion: string;
  plugins: RegistryCacheEntry[];
}

/** The open index. Methods are synchronous (node:sqlite is); call {@link PluginIndex.close} when done. */
export interface PluginIndex {
  /** Absolute path of the database file. */
  readonly path: string;
  /** Schema version after migrations. */
  readonly schemaVersion: number;
  listRecords(): PluginInstallRecord[];
  getRecord(pluginId: string): PluginInstallRecord | undefined;
  /** Inserts or replaces the record of `record.pluginId`. */
  putRecord(record: PluginInstallRecord): void;
  /** Removes a record; false when there was none. */
  removeRecord(pluginId: string): boolean;
  /** Runs `fn` in one transaction (rolled back when it throws). */
  transaction<T>(fn: () => T): T;
  readRegistry(): PersistedRegistry | undefined;
  writeRegistry(registry: PersistedRegistry): void;
  close(): void;
}
