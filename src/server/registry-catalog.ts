/**
 * The plugin registry catalog: installable plugins (name, displayName, description, npm package and version, tags,
 * author, repository, downloads). Served from memory, else from the cache file `<state>/cache/plugin-catalog.json`,
 * else fetched from the configured source: `OPENCLAW_PLUGIN_CATALOG`, else `gateway.pluginCatalog.source` in the
 * config (an `http(s)://` URL or a file path, relative paths against the config file's folder). `refresh` refetches;
 * a failing source answers 502 and the last good copy keeps serving reads.
 *
 * Search ranking is deterministic: see {@link scoreEntry}; ties go to the more downloaded entry, then by name.
 */
import { readFile } from "node:fs/promises";
import { mkdirSync } from "node:fs";
import { dirname, isAbsolute, join, resolve } from "node:path";
import { z } from "zod";
import { writeFileAtomic } from "../files/write-file-atomic.js";
import { HttpError } from "./http-error.js";

/** Largest catalog document accepted (bytes). */
export const MAX_CATALOG_BYTES = 16 * 1024 * 1024;

/** Time limit for fetching the catalog source (ms). */
export const CATALOG_FETCH_TIMEOUT_MS = 15_000;

// Optional fields accept null as "absent": the API's own answers use null for a missing author or repository, so a
// catalog written from them must read back whole.
const CatalogEntrySchema = z.looseObject({
  name: z.string().min(1).max(214),
  displayName: z.string().max(200).nullish(),
  description: z.string().max(4000).nullish(),
  npm: z.looseObject({ package: z.string().min(1).max(214).nullish(), version: z.string().max(256).nullish() }).nullish(),
  version: z.string().max(256).nullish(),
  tags: z.array(z.string().max(100)).max(100).nullish(),
  author: z.union([z.string(), z.looseObject({ name: z.string() })]).nullish(),
  repository: z.union([z.string(), z.looseObject({ url: z.string() })]).nullish(),
  downloads: z.number().nonnegative().nullish(),
  pluginId: z.string().nullish(),
});

/** One catalog entry after reading (fields normalised, search text lowercased once). */
export interface CatalogEntry {
  name: string;
  displayName: string;
  description: string;
  npmPackage: string;
  version: string;
  tags: string[];
  author: string | null;
  repository: string | null;
  downloads: number;
  /** Plugin id when the catalog gives one (joins with installed plugins). */
  pluginId: string | null;
  search: { name: string; bare: string; displayName: string; description: string; tags: string[] };
}

/** The cached catalog document. */
export interface CatalogDocument {
  source: string;
  refreshedAt: string;
  entries: CatalogEntry[];
}

/**
 * Reads a catalog document (`{ plugins: [...] }` or a bare array). Entries that do not fit are skipped; the names of
 * the first few skipped ones are returned so `refresh` can say what was dropped.
 *
 * @example
 * ```ts
 * parseCatalog({ plugins: [{ name: "@acme/weather", npm: { package: "@acme/weather", version: "1.0.0" } }] }).entries.length; // 1
 * ```
 */
export function parseCatalog(data: unknown): { entries: CatalogEntry[]; skipped: string[] } {
  const list = Array.isArray(data) ? data : typeof data === "object" && data !== null && Array.isArray((data as { plugins?: unknown }).plugins) ? (data as { plugins: unknown[] }).plugins : undefined;
  if (!list) throw new Error('the catalog must be a JSON array of plugins or an object { "plugins": [...] }');
  const entries: CatalogEntry[] = [];
  const skipped: string[] = [];
  const seen = new Set<string>();
  for (const [index, raw] of list.entries()) {
    const parsed = CatalogEntrySchema.safeParse(raw);
    if (!parsed.success) {
      skipped.push(`#${index}: ${parsed.error.issues[0]?.path.join(".") || "(entry)"} ${parsed.error.issues[0]?.message ?? ""}`.trim());
      continue;
    }
    const e = parsed.data;
    if (seen.has(e.name)) {
      skipped.push(`#${index}: duplicate name ${e.name}`);
      continue;
    }
    seen.add(e.name);
    const npmPackage = e.npm?.package ?? e.name;
    const displayName = e.displayName ?? e.name;
    const description = e.description ?? "";
    const tags = e.tags ?? [];
    const bare = e.name.replace(/^@[^/]+\//, "").replace(/^(?:openclaw-plugin-|plugin-|openclaw-)/, "");
    entries.push({
      name: e.name,
      displayName,
      description,
      npmPackage,
      version: e.npm?.version ?? e.version ?? "latest",
      tags,
      author: typeof e.author === "string" ? e.author : (e.author?.name ?? null),
      repository: typeof e.repository === "string" ? e.repository : (e.repository?.url ?? null),
      downloads: e.downloads ?? 0,
      pluginId: e.pluginId ?? null,
      search: {
        name: e.name.toLowerCase(),
        bare: bare.toLowerCase(),
        displayName: displayName.toLowerCase(),
        description: description.toLowerCase(),
        tags: tags.map((tag) => tag.toLowerCase()),
      },
    });
  }
  return { entries, skipped };
}

/**
 * Relevance of `entry` for the lowercased `query` (0 = no match). The whole query first: exact name (full, bare
 * or display name) 1000 ≫ name contains 400 ≫ display name contains 300 ≫ description contains 150 ≫ a tag equals
 * 120 / contains 100; then every word of a multi-word query adds name 40, display name 30, tag 25, description 10,
 * and an entry that matches every word gets 100 more.
 *
 * @example
 * ```ts
 * scoreEntry(entry, "weather"); // 1000 for a plugin named "weather"
 * ```
 */
export function scoreEntry(entry: CatalogEntry, query: string): number {
  const s = entry.search;
  let score = 0;
  if (s.name === query || s.bare === query || s.displayName === query) score += 1000;
  else if (s.name.includes(query)) score += 400;
  else if (s.displayName.includes(query)) score += 300;
  if (score === 0 && s.description.includes(query)) score += 150;
  if (s.tags.includes(query)) score += 120;
  else if (s.tags.some((tag) => tag.includes(query))) score += 100;
  const words = query.split(/\s+/).filter(Boolean);
  if (words.length > 1) {
    let matched = 0;
    for (const word of words) {
      const before = score;
      if (s.name.includes(word)) score += 40;
      if (s.displayName.includes(word)) score += 30;
      if (s.tags.some((tag) => tag.includes(word))) score += 25;
      if (s.description.includes(word)) score += 10;
      if (score > before) matched += 1;
    }
    if (matched === words.length) score += 100;
  }
  return score;
}

/**
 * Ranks `entries` for `query`: score, then downloads, then name (deterministic), at most `limit`.
 *
 * @example
 * ```ts
 * searchCatalog(entries, "Weather", 15)[0]?.entry.name;
 * ```
 */
export function searchCatalog(entries: readonly CatalogEntry[], query: string, limit: number): Array<{ entry: CatalogEntry; score: number }> {
  const q = query.trim().toLowerCase();
  let perCatalog = searchCache.get(entries);
  if (!perCatalog) {
    perCatalog = new Map();
    searchCache.set(entries, perCatalog);
  }
  const key = `${limit}\u0000${q}`;
  const hit = perCatalog.get(key);
  if (hit) return hit;
  const ranked = rank(entries, q, limit);
  if (perCatalog.size >= SEARCH_CACHE_SIZE) perCatalog.delete(perCatalog.keys().next().value as string);
  perCatalog.set(key, ranked);
  return ranked;
}

/** Ranked results kept per catalog (a refreshed catalog is a new array, so its cache starts empty). */
const searchCache = new WeakMap<readonly CatalogEntry[], Map<string, Array<{ entry: CatalogEntry; score: number }>>>();
/** Queries cached per catalog (oldest dropped first). */
const SEARCH_CACHE_SIZE = 256;

function rank(entries: readonly CatalogEntry[], q: string, limit: number): Array<{ entry: CatalogEntry; score: number }> {
  const hits: Array<{ entry: CatalogEntry; score: number }> = [];
  for (const entry of entries) {
    const score = scoreEntry(entry, q);
    if (score > 0) hits.push({ entry, score });
  }
  hits.sort((a, b) => b.score - a.score || b.entry.downloads - a.entry.downloads || (a.entry.name < b.entry.name ? -1 : a.entry.name > b.entry.name ? 1 : 0));
  return hits.slice(0, limit);
}

/**
 * The catalog service.
 *
 * @example
 * ```ts
 * const catalog = createRegistryCatalog({ stateDir, source: () => "https://example.com/catalog.json", track: store.track });
 * const doc = await catalog.get();
 * ```
 */
export interface RegistryCatalog {
  /** Memory, then the cache file, then the source; `undefined` when none has a catalog and no source is configured. */
  get(): Promise<CatalogDocument | undefined>;
  /** Refetches from the source (502 on failure, 503 when no source is configured). */
  refresh(): Promise<CatalogDocument>;
  /** Path of the cache file. */
  readonly cacheFile: string;
}

/**
 * Creates the catalog service for `stateDir`. `source()` answers the configured source (or `undefined`) and its
 * base folder for relative paths.
 *
 * @example
 * ```ts
 * const catalog = createRegistryCatalog({ stateDir: "/srv/claw", source: async () => ({ value: "./catalog.json", baseDir: "/srv/claw" }), track: (work) => work() });
 * ```
 */
export function createRegistryCatalog(options: {
  stateDir: string;
  source: () => Promise<{ value: string; baseDir: string } | undefined>;
  track: <T>(work: () => Promise<T>) => Promise<T>;
  fetch?: typeof fetch;
}): RegistryCatalog {
  const cacheFile = join(options.stateDir, "cache", "plugin-catalog.json");
  let memory: CatalogDocument | undefined;
  let refreshing: Promise<CatalogDocument> | undefined;

  const readCache = async (): Promise<CatalogDocument | undefined> => {
    try {
      const data = JSON.parse(await readFile(cacheFile, "utf8")) as { source?: unknown; refreshedAt?: unknown; plugins?: unknown };
      const { entries } = parseCatalog(data);
      return { source: String(data.source ?? ""), refreshedAt: String(data.refreshedAt ?? ""), entries };
    } catch {
      return undefined;
    }
  };

  const fetchSource = async (source: { value: string; baseDir: string }): Promise<unknown> => {
    if (/^https?:\/\//i.test(source.value)) {
      const response = await (options.fetch ?? fetch)(source.value, { signal: AbortSignal.timeout(CATALOG_FETCH_TIMEOUT_MS), headers: { accept: "application/json" } });
      if (!response.ok) throw new Error(`${source.value} answered ${response.status}`);
      const length = Number(response.headers.get("content-length") ?? "0");
      if (length > MAX_CATALOG_BYTES) throw new Error(`${source.value} is ${length} bytes, over the ${MAX_CATALOG_BYTES}-byte limit`);
      const text = await response.text();
      if (text.length > MAX_CATALOG_BYTES) throw new Error(`${source.value} is over the ${MAX_CATALOG_BYTES}-byte limit`);
      return JSON.parse(text);
    }
    const file = isAbsolute(source.value) ? source.value : resolve(source.baseDir, source.value);
    const text = await readFile(file, "utf8");
    if (text.length > MAX_CATALOG_BYTES) throw new Error(`${file} is over the ${MAX_CATALOG_BYTES}-byte limit`);
    return JSON.parse(text);
  };

  const refresh = (): Promise<CatalogDocument> => {
    refreshing ??= (async () => {
      const source = await options.source();
      if (!source) throw new HttpError(503, "no plugin catalog source is configured: set gateway.pluginCatalog.source (an https:// URL or a file) in the config, or OPENCLAW_PLUGIN_CATALOG");
      let entries: CatalogEntry[];
      try {
        entries = parseCatalog(await fetchSource(source)).entries;
      } catch (error) {
        throw new HttpError(502, `refreshing the plugin catalog from ${source.value} failed: ${error instanceof Error ? error.message : String(error)}${memory ? "; the last good copy stays in use" : ""}`);
      }
      const doc: CatalogDocument = { source: source.value, refreshedAt: new Date().toISOString(), entries };
      await options.track(async () => {
        mkdirSync(dirname(cacheFile), { recursive: true });
        const plugins = entries.map((e) => ({
          name: e.name,
          displayName: e.displayName,
          description: e.description,
          npm: { package: e.npmPackage, version: e.version },
          tags: e.tags,
          ...(e.author ? { author: e.author } : {}),
          ...(e.repository ? { repository: e.repository } : {}),
          downloads: e.downloads,
          ...(e.pluginId ? { pluginId: e.pluginId } : {}),
        }));
        await writeFileAtomic(cacheFile, `${JSON.stringify({ source: doc.source, refreshedAt: doc.refreshedAt, plugins })}\n`);
      });
      memory = doc;
      return doc;
    })().finally(() => {
      refreshing = undefined;
    });
    return refreshing;
  };

  return {
    cacheFile,
    async get() {
      if (memory) return memory;
      memory = await readCache();
      if (memory) return memory;
      if (!(await options.source())) return undefined;
      return refresh();
    },
    refresh,
  };
}
