/**
 * The plugin CLI descriptor cache: what each enabled plugin registered in `cli-metadata` mode, kept in
 * `<state dir>/cache/plugin-cli.json` so `openclaw --help` and command routing import no plugin code while a
 * plugin is unchanged. A JSON file (not the SQLite plugin index), so it works on every supported Node version.
 *
 * One entry per plugin folder, valid while its **source hash** matches: SHA-256 over the CLI version, the
 * plugin's origin and config (`plugins.entries.<id>.config`), the bytes of `openclaw.plugin.json` and
 * `package.json`, and the path, size and modification time of the main entry file the loader would import. An
 * install, update, rebuild or config change therefore recaptures; so does a different CLI version. Eager
 * registrations (no descriptors) are cached as such, but their registrar still runs for help and routing.
 *
 * The file is a cache: unreadable or malformed content is ignored (and rewritten), writes are atomic, and a
 * concurrent writer can only make the next run capture again.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { readPluginPackageJson, resolveEntryFile } from "../host/entry-files.js";
import { writeFileAtomic } from "../files/write-file-atomic.js";
import type { CapturedCliRegistration } from "./claims.js";
import { isRecord } from "../config/config-data.js";

/** Format version of the cache file; another version is ignored. */
export const CLI_CACHE_VERSION = 1;

/** Largest cache file read (bytes); a bigger one is ignored. */
const MAX_CACHE_BYTES = 16 * 1024 * 1024;

/**
 * One cached capture.
 *
 * @example
 * ```ts
 * const e: CliCacheEntry = { pluginId: "demo", sourceHash: "ab12…", capturedAt: "2026-11-30T07:00:00.000Z", registrations: [] };
 * ```
 */
export interface CliCacheEntry {
  pluginId: string;
  sourceHash: string;
  capturedAt: string;
  /** Registrations as captured (eager ones without `eagerCommands`: those are never cached). */
  registrations: CapturedCliRegistration[];
  /** Set when the capture failed for a reason that repeats until the plugin changes (import error, bad config). */
  loadError?: { code: string; message: string };
}

/**
 * The cache file's content.
 *
 * @example
 * ```ts
 * const c: CliCacheFile = { version: 1, entries: {} };
 * ```
 */
export interface CliCacheFile {
  version: typeof CLI_CACHE_VERSION;
  /** By absolute plugin folder. */
  entries: Record<string, CliCacheEntry>;
}

/**
 * Where the cache lives for a state directory.
 *
 * @example
 * ```ts
 * cliCachePath("/home/me/.openclaw"); // "/home/me/.openclaw/cache/plugin-cli.json"
 * ```
 */
export function cliCachePath(stateDir: string): string {
  return join(stateDir, "cache", "plugin-cli.json");
}

const isStringList = (value: unknown): value is string[] => Array.isArray(value) && value.every((v) => typeof v === "string");

function isDescriptorList(value: unknown): boolean {
  return (
    Array.isArray(value) &&
    value.every((d) => isRecord(d) && typeof d.name === "string" && typeof d.description === "string" && (d.hasSubcommands === undefined || typeof d.hasSubcommands === "boolean"))
  );
}

function isRegistration(value: unknown): value is CapturedCliRegistration {
  return (
    isRecord(value) &&
    typeof value.index === "number" &&
    isStringList(value.parentPath) &&
    (value.kind === "lazy" || value.kind === "eager") &&
    isDescriptorList(value.descriptors) &&
    isStringList(value.commands)
  );
}

function isEntry(value: unknown): value is CliCacheEntry {
  if (!isRecord(value)) return false;
  if (typeof value.pluginId !== "string" || typeof value.sourceHash !== "string" || typeof value.capturedAt !== "string") return false;
  if (!Array.isArray(value.registrations) || !value.registrations.every(isRegistration)) return false;
  return value.loadError === undefined || (isRecord(value.loadError) && typeof value.loadError.code === "string" && typeof value.loadError.message === "string");
}

/**
 * Reads the cache; a missing, unreadable or malformed file (or one of another version) is an empty cache, and a
 * malformed entry is dropped. Never throws.
 *
 * @example
 * ```ts
 * const cache = readCliCache(cliCachePath(paths.stateDir));
 * cache.entries["/s/extensions/demo"]?.registrations;
 * ```
 */
export function readCliCache(file: string): CliCacheFile {
  const empty: CliCacheFile = { version: CLI_CACHE_VERSION, entries: {} };
  let text: string;
  try {
    if (statSync(file).size > MAX_CACHE_BYTES) return empty;
    text = readFileSync(file, "utf8");
  } catch {
    return empty;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return empty;
  }
  if (!isRecord(parsed) || parsed.version !== CLI_CACHE_VERSION || !isRecord(parsed.entries)) return empty;
  const entries: Record<string, CliCacheEntry> = {};
  for (const [rootDir, entry] of Object.entries(parsed.entries)) {
    if (isEntry(entry)) entries[rootDir] = entry;
  }
  return { version: CLI_CACHE_VERSION, entries };
}

/**
 * Writes the cache atomically (creates `<state dir>/cache`).
 *
 * @example
 * ```ts
 * await writeCliCache(cliCachePath(paths.stateDir), cache);
 * ```
 */
export async function writeCliCache(file: string, cache: CliCacheFile): Promise<void> {
  mkdirSync(dirname(file), { recursive: true });
  await writeFileAtomic(file, `${JSON.stringify(cache, null, 2)}\n`);
}

function fileBytes(file: string): Buffer | string {
  try {
    return readFileSync(file);
  } catch (error) {
    return `missing:${(error as NodeJS.ErrnoException).code ?? "error"}`;
  }
}

/** JSON with sorted object keys, so equal configs hash equally whatever their key order. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(",")}]`;
  if (isRecord(value)) {
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${stableJson(value[key])}`)
      .join(",")}}`;
  }
  return JSON.stringify(value) ?? "undefined";
}

/** Inputs of {@link computeCliSourceHash}. */
export interface CliSourceHashInput {
  rootDir: string;
  /** The CLI's package version (a new CLI recaptures). */
  hostVersion: string;
  origin: string;
  /** `plugins.entries.<id>.config` (registration may depend on it). */
  pluginConfig?: unknown;
}

/**
 * The source hash of a plugin folder for the cache (see the file comment for what it covers). Reads two small
 * files and stats one; never imports anything.
 *
 * @example
 * ```ts
 * const hash = computeCliSourceHash({ rootDir: "/s/extensions/demo", hostVersion: "2026.11.0", origin: "global" });
 * ```
 */
export function computeCliSourceHash(input: CliSourceHashInput): string {
  const hash = createHash("sha256");
  hash.update(`v${CLI_CACHE_VERSION}\0${input.hostVersion}\0${input.origin}\0${stableJson(input.pluginConfig ?? null)}\0`);
  hash.update(fileBytes(join(input.rootDir, "openclaw.plugin.json")));
  hash.update("\0");
  hash.update(fileBytes(join(input.rootDir, "package.json")));
  hash.update("\0");
  const pkg = readPluginPackageJson(input.rootDir);
  const entry = resolveEntryFile(input.rootDir, { preferSetup: false, fields: pkg.ok ? pkg.fields : {} });
  if ("real" in entry) {
    try {
      const stat = statSync(entry.real);
      hash.update(`${entry.real}\0${stat.size}\0${stat.mtimeMs}\0${stat.ino}`);
    } catch {
      hash.update(`${entry.real}\0missing`);
    }
  } else hash.update(`entry:${entry.code}`);
  return hash.digest("hex");
}
