/**
 * Small storage helpers for memory engines: embedding vectors, content hashes, extra memory roots and node:sqlite.
 */
import { createHash } from "node:crypto";
import { createRequire } from "node:module";
import { homedir } from "node:os";
import { resolve } from "node:path";
import type { MemoryExtraPath } from "./types.js";

/**
 * Cosine similarity of two vectors over their common length; `0` when either is empty or all zeros.
 *
 * @example
 * ```ts
 * cosineSimilarity([1, 0], [1, 0]); // 1
 * ```
 */
export function cosineSimilarity(a: readonly number[], b: readonly number[]): number {
  const length = Math.min(a.length, b.length);
  let dot = 0;
  let normA = 0;
  let normB = 0;
  for (let i = 0; i < length; i += 1) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    dot += x * y;
    normA += x * x;
    normB += y * y;
  }
  return normA === 0 || normB === 0 ? 0 : dot / (Math.sqrt(normA) * Math.sqrt(normB));
}

/**
 * An embedding stored as a JSON array; `[]` for anything else.
 *
 * @example
 * ```ts
 * parseEmbedding("[0.1,0.2]"); // [0.1, 0.2]
 * ```
 */
export function parseEmbedding(raw: string): number[] {
  try {
    const parsed: unknown = JSON.parse(raw);
    return Array.isArray(parsed) ? (parsed as number[]) : [];
  } catch {
    return [];
  }
}

/**
 * The SHA-256 hex digest of a text (used to skip re-embedding unchanged chunks).
 *
 * @example
 * ```ts
 * hashText("hello").length; // 64
 * ```
 */
export function hashText(value: string): string {
  return createHash("sha256").update(value).digest("hex");
}

/**
 * Extra memory roots resolved against the workspace (`~` is the home directory), de-duplicated, empty ones dropped;
 * glob patterns use `/`.
 *
 * @example
 * ```ts
 * normalizeExtraMemoryPathEntries("/ws", ["notes", { path: "~/kb", pattern: "*.md" }]);
 * // [{ path: "/ws/notes" }, { path: "/home/me/kb", pattern: "*.md" }]
 * ```
 */
export function normalizeExtraMemoryPathEntries(workspaceDir: string, extraPaths?: readonly MemoryExtraPath[]): Array<{ path: string; pattern?: string }> {
  const seen = new Map<string, { path: string; pattern?: string }>();
  for (const entry of extraPaths ?? []) {
    const configured = (typeof entry === "string" ? entry : (entry?.path ?? "")).trim();
    if (!configured) continue;
    const pattern = typeof entry === "string" ? "" : (entry.pattern?.trim() ?? "");
    const expanded = configured === "~" || configured.startsWith("~/") ? homedir() + configured.slice(1) : configured;
    const path = resolve(workspaceDir, expanded);
    const key = `${path}\0${pattern}`;
    if (!seen.has(key)) seen.set(key, pattern ? { path, pattern: pattern.replaceAll("\\", "/") } : { path });
  }
  return [...seen.values()];
}

/**
 * The distinct absolute extra memory roots (patterns dropped).
 *
 * @example
 * ```ts
 * normalizeExtraMemoryPaths("/ws", ["a", "a/"]); // ["/ws/a"]
 * ```
 */
export function normalizeExtraMemoryPaths(workspaceDir: string, extraPaths?: readonly MemoryExtraPath[]): string[] {
  return [...new Set(normalizeExtraMemoryPathEntries(workspaceDir, extraPaths).map((entry) => entry.path))];
}

/**
 * The part of Node's `node:sqlite` module memory engines use (typed here so the SDK does not need Node 22 types).
 *
 * @example
 * ```ts
 * const sqlite: NodeSqliteModule = requireNodeSqlite();
 * ```
 */
export type NodeSqliteModule = {
  DatabaseSync: new (path: string, options?: Record<string, unknown>) => {
    exec(sql: string): void;
    prepare(sql: string): { run(...params: unknown[]): unknown; get(...params: unknown[]): unknown; all(...params: unknown[]): unknown[] };
    close(): void;
  };
  [key: string]: unknown;
};

/**
 * Loads Node's built-in `node:sqlite` module (Node 22.5 or newer), with a clear error when this Node lacks it.
 *
 * @example
 * ```ts
 * const { DatabaseSync } = requireNodeSqlite();
 * const db = new DatabaseSync(":memory:");
 * ```
 */
export function requireNodeSqlite(): NodeSqliteModule {
  try {
    return createRequire(import.meta.url)("node:sqlite") as NodeSqliteModule;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`SQLite support is unavailable in this Node runtime (node:sqlite is missing; Node ${process.versions.node}). Use Node 22.5 or newer. ${reason}`, { cause: error });
  }
}
