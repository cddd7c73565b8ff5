/**
 * Lazy access to `node:sqlite`, with the few typings this package uses.
 *
 * `node:sqlite` exists from Node 22.5 (behind `--experimental-sqlite` until 22.13, unflagged since) and never on Node
 * 20, which this package still supports for its SDK subpaths. So it is loaded on first use only (never by importing
 * a module), and its typings are declared here — `@types/node` stays at 20 so the SDK's published types cannot lean
 * on Node 22+ APIs. These declarations are internal: nothing under `src/plugin-sdk/` reaches this folder (the
 * isolation check enforces it).
 */
import { createRequire } from "node:module";

/** The Node.js version the plugin index needs, for messages. */
export const SQLITE_NODE_REQUIREMENT = ">= 22.5";

/** Values node:sqlite binds and returns. */
export type SqliteValue = null | number | bigint | string | Uint8Array;

/** The part of `StatementSync` used here. */
export interface SqliteStatement {
  run(...params: SqliteValue[]): { changes: number | bigint; lastInsertRowid: number | bigint };
  get(...params: SqliteValue[]): Record<string, SqliteValue> | undefined;
  all(...params: SqliteValue[]): Array<Record<string, SqliteValue>>;
}

/** The part of `DatabaseSync` used here. */
export interface SqliteDatabase {
  exec(sql: string): void;
  prepare(sql: string): SqliteStatement;
  close(): void;
  readonly isOpen?: boolean;
}

interface SqliteModule {
  DatabaseSync: new (path: string, options?: { open?: boolean; timeout?: number }) => SqliteDatabase;
}

/**
 * Thrown when the running Node.js has no `node:sqlite` (Node 20, or Node 22.5–22.12 without `--experimental-sqlite`).
 * The message names the version needed.
 *
 * @example
 * ```ts
 * try { openPluginIndex({ stateDir }); } catch (e) { if (e instanceof PluginIndexUnavailableError) console.error(e.message); }
 * ```
 */
export class PluginIndexUnavailableError extends Error {
  readonly code = "node-sqlite-unavailable";
  /** The Node.js version that was running. */
  readonly nodeVersion: string;
  /** The Node.js version range needed. */
  readonly requiredNode = SQLITE_NODE_REQUIREMENT;
  constructor(nodeVersion: string, cause?: unknown) {
    super(
      `The plugin index needs Node.js ${SQLITE_NODE_REQUIREMENT} (it is stored with node:sqlite, unflagged from Node 22.13; Node 24 recommended); this is Node ${nodeVersion}, which has no usable node:sqlite. Run this command with a newer Node.js. Plugin SDK imports and manifest-only commands keep working on Node 20.`,
      cause === undefined ? undefined : { cause },
    );
    this.name = "PluginIndexUnavailableError";
    this.nodeVersion = nodeVersion;
  }
}

let loaded: SqliteModule | undefined;

/**
 * Runs `fn` with `process.emitWarning` filtered so that only SQLite's ExperimentalWarning is dropped; every other
 * warning (other experimental features, deprecations, user warnings) still goes through.
 *
 * @example
 * ```ts
 * const sqlite = withoutSqliteExperimentalWarning(() => require("node:sqlite"));
 * ```
 */
export function withoutSqliteExperimentalWarning<T>(fn: () => T): T {
  const original = process.emitWarning;
  process.emitWarning = function filtered(this: unknown, warning: string | Error, ...rest: unknown[]): void {
    const text = typeof warning === "string" ? warning : warning.message;
    const first = rest[0];
    const type = typeof first === "string" ? first : typeof first === "object" && first !== null ? (first as { type?: unknown }).type : undefined;
    const name = typeof warning === "string" ? type : warning.name;
    if (name === "ExperimentalWarning" && /sqlite/i.test(text)) return;
    (original as (...args: unknown[]) => void).call(process, warning, ...rest);
  } as typeof process.emitWarning;
  try {
    return fn();
  } finally {
    process.emitWarning = original;
  }
}

/** Loads `node:sqlite` (once), hiding only its own ExperimentalWarning. */
export function loadSqlite(): SqliteModule {
  if (loaded) return loaded;
  try {
    loaded = withoutSqliteExperimentalWarning(() => createRequire(import.meta.url)("node:sqlite") as SqliteModule);
    return loaded;
  } catch (error) {
    throw new PluginIndexUnavailableError(process.versions.node, error);
  }
}

/**
 * Whether `node:sqlite` can be loaded here, without throwing.
 *
 * @example
 * ```ts
 * const support = sqliteSupport();
 * if (!support.ok) console.error(support.message);
 * ```
 */
export function sqliteSupport(): { ok: true } | { ok: false; message: string; nodeVersion: string } {
  try {
    loadSqlite();
    return { ok: true };
  } catch (error) {
    if (error instanceof PluginIndexUnavailableError) return { ok: false, message: error.message, nodeVersion: error.nodeVersion };
    throw error;
  }
}
