/**
 * The contract between the memory host and a memory engine: what a search manager answers, reads and reports.
 */
/**
 * Where an indexed memory chunk comes from.
 *
 * @example
 * ```ts
 * const source: MemorySource = "sessions";
 * ```
 */
export type MemorySource = "memory" | "sessions";

/**
 * An extra memory root, optionally narrowed by a glob relative to it.
 *
 * @example
 * ```ts
 * const extra: MemoryExtraPath = { path: "~/notes", pattern: "**\/*.md" };
 * ```
 */
export type MemoryExtraPath = string | { path: string; pattern?: string };

/**
 * A search hit from a memory engine: a line range of a file with its score and source (assignable to the plugin
 * contract's `MemorySearchResult`, which has the line range optional).
 *
 * @example
 * ```ts
 * const hit: MemorySearchResult = { path: "MEMORY.md", startLine: 1, endLine: 4, score: 0.8, snippet: "…", source: "memory" };
 * ```
 */
export type MemorySearchResult = {
  path: string;
  snippet: string;
  score: number;
  startLine: number;
  endLine: number;
  source: MemorySource;
  vectorScore?: number;
  textScore?: number;
  citation?: string;
  [key: string]: unknown;
};

/**
 * Whether the embedding provider answers.
 *
 * @example
 * ```ts
 * const probe: MemoryEmbeddingProbeResult = { ok: false, error: "no API key" };
 * ```
 */
export type MemoryEmbeddingProbeResult = { ok: boolean; error?: string; checked?: boolean; cached?: boolean; checkedAtMs?: number; cacheExpiresAtMs?: number };

/**
 * Progress of an index sync.
 *
 * @example
 * ```ts
 * const update: MemorySyncProgressUpdate = { completed: 3, total: 10, label: "indexing" };
 * ```
 */
export type MemorySyncProgressUpdate = { completed: number; total: number; label?: string };

/**
 * An excerpt of a memory file, or an allowed path that does not exist.
 *
 * @example
 * ```ts
 * const read: MemoryReadResult = { status: "ok", text: "# Notes", path: "MEMORY.md" };
 * ```
 */
export type MemoryReadResult =
  | { status: "ok"; text: string; path: string; truncated?: boolean; from?: number; lines?: number; nextFrom?: number }
  | { status: "not_found"; text: ""; path: string };

/**
 * What a memory engine reports about itself (`memory status`).
 *
 * @example
 * ```ts
 * const status: MemoryProviderStatus = { backend: "builtin", provider: "openai", files: 12, chunks: 80 };
 * ```
 */
export type MemoryProviderStatus = {
  backend: "builtin" | (string & {});
  provider: string;
  model?: string;
  requestedProvider?: string;
  files?: number;
  chunks?: number;
  dirty?: boolean;
  lastSyncError?: string;
  workspaceDir?: string;
  dbPath?: string;
  extraPaths?: MemoryExtraPath[];
  sources?: MemorySource[];
  sourceCounts?: Array<{ source: MemorySource; files: number; chunks: number }>;
  fts?: { enabled: boolean; available: boolean; error?: string };
  vector?: { enabled: boolean; available?: boolean; dims?: number; loadError?: string; [key: string]: unknown };
  custom?: Record<string, unknown>;
  [key: string]: unknown;
};

/**
 * Options of {@link MemorySearchManager.search}.
 *
 * @example
 * ```ts
 * const opts: MemorySearchOptions = { maxResults: 5, lexicalOnly: true };
 * ```
 */
export type MemorySearchOptions = {
  maxResults?: number;
  minScore?: number;
  sessionKey?: string;
  /** Keyword scoring only (no query embedding). */
  lexicalOnly?: boolean;
  activeProjectKeys?: string[];
  sources?: MemorySource[];
  signal?: AbortSignal;
};

/**
 * A memory engine: search, read, status, sync and availability probes.
 *
 * @example
 * ```ts
 * const manager: MemorySearchManager = {
 *   search: async () => [],
 *   readFile: async ({ relPath }) => ({ status: "not_found", text: "", path: relPath }),
 *   status: () => ({ backend: "builtin", provider: "none" }),
 *   probeEmbeddingAvailability: async () => ({ ok: false }),
 *   probeVectorAvailability: async () => false,
 * };
 * ```
 */
export interface MemorySearchManager {
  search(query: string, opts?: MemorySearchOptions): Promise<MemorySearchResult[]>;
  readFile(params: { relPath: string; from?: number; lines?: number }): Promise<MemoryReadResult>;
  status(): MemoryProviderStatus;
  sync?(params?: { reason?: string; force?: boolean; progress?: (update: MemorySyncProgressUpdate) => void }): Promise<void>;
  getCachedEmbeddingAvailability?(): MemoryEmbeddingProbeResult | null;
  probeEmbeddingAvailability(): Promise<MemoryEmbeddingProbeResult>;
  probeVectorStoreAvailability?(): Promise<boolean>;
  probeVectorAvailability(): Promise<boolean>;
  close?(): Promise<void>;
}
