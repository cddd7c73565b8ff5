/**
 * The persisted cold registry: what each installed plugin's manifest says, cached in the plugin index so cold paths
 * (list, update, uninstall, diagnostics) need not re-read every manifest. Built from the install records
 * ({@link buildPersistedRegistry}); {@link checkPersistedRegistry} tells `current` from `stale` by the host contract
 * version it was built against and, per plugin, a hash of the manifest and package.json bytes.
 *
 * A plugin whose manifest is missing or broken keeps its entry, with `manifestError` set.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { readPluginManifest } from "../manifest/read-plugin-manifest.js";
import type { PluginInstallRecord } from "./install-record.js";
import { readInstallRecords } from "./legacy-installs.js";
import type { PersistedRegistry, PluginIndex, RegistryCacheEntry } from "./plugin-index-api.js";

/** Layout version of the cached entries; bump when {@link RegistryCacheEntry} contents change meaning. */
export const REGISTRY_FORMAT_VERSION = 1;

/**
 * The host contract version a registry is built against: the openclaw package version plus the cache format.
 *
 * @example
 * ```ts
 * hostContractVersion("2026.11.0"); // "openclaw@2026.11.0+registry.1"
 * ```
 */
export function hostContractVersion(packageVersion: string): string {
  return `openclaw@${packageVersion}+registry.${REGISTRY_FORMAT_VERSION}`;
}

const BUNDLE_MARKERS: ReadonlyArray<[NonNullable<RegistryCacheEntry["bundleKind"]>, string]> = [
  ["codex", ".codex-plugin/plugin.json"],
  ["claude", ".claude-plugin/plugin.json"],
  ["cursor", ".cursor-plugin/plugin.json"],
];
const MAX_HASHED_BYTES = 4 * 1024 * 1024;

function fileBytes(file: string): Buffer | undefined {
  try {
    const bytes = readFileSync(file);
    return bytes.length > MAX_HASHED_BYTES ? bytes.subarray(0, MAX_HASHED_BYTES) : bytes;
  } catch {
    return undefined;
  }
}

/**
 * Hash of what a plugin's cache entry is derived from: `openclaw.plugin.json`, `package.json` and bundle markers
 * (each file's absence counts too).
 *
 * @example
 * ```ts
 * pluginSourceHash("/s/extensions/demo"); // "sha256:…"
 * ```
 */
export function pluginSourceHash(rootDir: string): string {
  const hash = createHash("sha256");
  for (const name of ["openclaw.plugin.json", "package.json", ...BUNDLE_MARKERS.map(([, file]) => file)]) {
    const bytes = fileBytes(join(rootDir, name));
    hash.update(`${name}\0${bytes === undefined ? "-" : bytes.length}\0`);
    if (bytes) hash.update(bytes);
  }
  return `sha256:${hash.digest("hex")}`;
}

const CACHED_MANIFEST_FIELDS = ["id", "name", "description", "version", "kind", "channels", "providers", "skills", "activation", "contracts"] as const;

/** One cache entry for an install record (reads the manifest through the manifest reader; never throws). */
export async function buildRegistryEntry(record: PluginInstallRecord): Promise<RegistryCacheEntry> {
  const rootDir = record.installPath;
  const sourceHash = pluginSourceHash(rootDir);
  const entry: RegistryCacheEntry = { pluginId: record.pluginId, rootDir, format: "openclaw", sourceHash };
  if (!existsSync(rootDir)) return { ...entry, manifestError: `plugin folder ${rootDir} is missing` };
  if (!existsSync(join(rootDir, "openclaw.plugin.json"))) {
    const bundle = BUNDLE_MARKERS.find(([, file]) => existsSync(join(rootDir, file)));
    if (bundle) {
      const entryOut: RegistryCacheEntry = { ...entry, format: "bundle", bundleKind: bundle[0] };
      try {
        const marker = JSON.parse(readFileSync(join(rootDir, bundle[1]), "utf8")) as Record<string, unknown>;
        entryOut.manifest = Object.fromEntries(["name", "version", "description"].filter((k) => marker[k] !== undefined).map((k) => [k, marker[k]]));
      } catch (error) {
        entryOut.manifestError = `${bundle[1]} is not valid JSON: ${(error as Error).message}`;
      }
      return entryOut;
    }
    return { ...entry, manifestError: `no openclaw.plugin.json in ${rootDir}` };
  }
  const read = await readPluginManifest(rootDir);
  if (!read.manifest) {
    const first = read.diagnostics.find((d) => d.level === "error");
    return { ...entry, manifestError: first ? `${first.message} (${first.code})` : "manifest unusable" };
  }
  const manifest = read.manifest as unknown as Record<string, unknown>;
  entry.manifest = Object.fromEntries(CACHED_MANIFEST_FIELDS.filter((k) => manifest[k] !== undefined).map((k) => [k, manifest[k]]));
  if (read.manifest.id !== record.pluginId) entry.manifestError = `manifest id "${read.manifest.id}" differs from the installed id "${record.pluginId}"`;
  return entry;
}

/**
 * Builds the cold registry from install records.
 *
 * @example
 * ```ts
 * index.writeRegistry(await buildPersistedRegistry(index.listRecords(), hostContractVersion("2026.11.0")));
 * ```
 */
export async function buildPersistedRegistry(records: readonly PluginInstallRecord[], contractVersion: string, now = new Date()): Promise<PersistedRegistry> {
  const plugins: RegistryCacheEntry[] = [];
  for (const record of [...records].sort((a, b) => a.pluginId.localeCompare(b.pluginId))) plugins.push(await buildRegistryEntry(record));
  return { builtAt: now.toISOString(), hostContractVersion: contractVersion, plugins };
}

/** Per-plugin verdict of {@link checkPersistedRegistry}. */
export interface RegistryPluginState {
  pluginId: string;
  /** `current`; `changed` (manifest/package bytes differ); `added` (record without entry); `removed` (entry without record). */
  state: "current" | "changed" | "added" | "removed";
}

/** Result of {@link checkPersistedRegistry}. */
export interface RegistryCheck {
  status: "missing" | "current" | "stale";
  /** Sentences saying why it is stale or missing. */
  reasons: string[];
  plugins: RegistryPluginState[];
}

/**
 * Compares a persisted registry with the install records and the files on disk.
 *
 * @example
 * ```ts
 * const check = checkPersistedRegistry(index.readRegistry(), index.listRecords(), hostContractVersion(version));
 * check.status; // "current" | "stale" | "missing"
 * ```
 */
export function checkPersistedRegistry(registry: PersistedRegistry | undefined, records: readonly PluginInstallRecord[], contractVersion: string): RegistryCheck {
  if (!registry) {
    return {
      status: "missing",
      reasons: ["no persisted registry yet"],
      plugins: records.map((record) => ({ pluginId: record.pluginId, state: "added" })),
    };
  }
  const reasons: string[] = [];
  if (registry.hostContractVersion !== contractVersion) {
    reasons.push(`built against ${registry.hostContractVersion}, this host is ${contractVersion}`);
  }
  const entries = new Map(registry.plugins.map((entry) => [entry.pluginId, entry]));
  const plugins: RegistryPluginState[] = [];
  for (const record of records) {
    const entry = entries.get(record.pluginId);
    entries.delete(record.pluginId);
    if (!entry) plugins.push({ pluginId: record.pluginId, state: "added" });
    else if (entry.rootDir !== record.installPath || entry.sourceHash !== pluginSourceHash(record.installPath)) plugins.push({ pluginId: record.pluginId, state: "changed" });
    else plugins.push({ pluginId: record.pluginId, state: "current" });
  }
  for (const pluginId of entries.keys()) plugins.push({ pluginId, state: "removed" });
  plugins.sort((a, b) => a.pluginId.localeCompare(b.pluginId));
  for (const state of ["added", "changed", "removed"] as const) {
    const ids = plugins.filter((p) => p.state === state).map((p) => p.pluginId);
    if (ids.length) reasons.push(`${state === "added" ? "installed since the last build" : state === "changed" ? "manifest or package.json changed" : "no longer installed"}: ${ids.join(", ")}`);
  }
  return { status: reasons.length ? "stale" : "current", reasons, plugins };
}

/**
 * Rebuilds and stores the cold registry from every install record (index + legacy config records) — what
 * `plugins registry --refresh` does, for install/update/uninstall to call after changing records. The caller holds
 * the state lock.
 *
 * @example
 * ```ts
 * await rebuildPersistedRegistry({ index, paths, packageVersion: "2026.11.0" });
 * ```
 */
export async function rebuildPersistedRegistry(options: {
  index: PluginIndex;
  paths: { configPath: string };
  packageVersion: string;
  now?: Date;
}): Promise<PersistedRegistry> {
  const records = (await readInstallRecords(options.paths, options.index)).map((stored) => stored.record);
  const registry = await buildPersistedRegistry(records, hostContractVersion(options.packageVersion), options.now);
  options.index.writeRegistry(registry);
  return registry;
}
