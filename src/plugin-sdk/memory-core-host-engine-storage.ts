/**
 * Storage side of memory engines: the search-manager contract (search, read, status, sync, probes) with its result
 * and status types, embedding vector helpers, content hashing, extra memory roots and `node:sqlite` loading.
 *
 * @packageDocumentation
 */

export {
  cosineSimilarity,
  hashText,
  normalizeExtraMemoryPathEntries,
  normalizeExtraMemoryPaths,
  parseEmbedding,
  requireNodeSqlite,
} from "../memory-storage/storage.js";
export type { NodeSqliteModule } from "../memory-storage/storage.js";
export type {
  MemoryEmbeddingProbeResult,
  MemoryExtraPath,
  MemoryProviderStatus,
  MemoryReadResult,
  MemorySearchManager,
  MemorySearchOptions,
  MemorySearchResult,
  MemorySource,
  MemorySyncProgressUpdate,
} from "../memory-storage/types.js";
