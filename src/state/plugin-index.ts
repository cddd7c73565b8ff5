/**
 * The plugin index over `node:sqlite`: {@link openPluginIndex} implements `PluginIndex` (plugin-index-api.ts).
 *
 * Layout (docs/plugin-index.md): database `<stateDir>/state/openclaw.sqlite` (mode 0600, folder 0700), WAL journal,
 * `synchronous=FULL`, a busy timeout so concurrent CLI processes wait for each other instead of failing. Tables:
 *
 * - `installed_plugin_index` — one row per plugin id: `record_json` (the whole install record, unknown keys kept),
 *   `source` and `install_path` (copied out for queries), `updated_at`. A record stays whatever state its plugin's
 *   manifest is in (broken or missing manifests are the registry cache's business).
 * - `plugin_registry_cache` — at most one row: the manifest-derived cold registry (`PersistedRegistry` as JSON), when
 *   it was built and against which host contract version.
 *
 * Schema version = `PRAGMA user_version`; {@link PLUGIN_INDEX_MIGRATIONS} take any older file (0 = empty) to
 * {@link PLUGIN_INDEX_SCHEMA_VERSION} in one `BEGIN IMMEDIATE` transaction, so two processes opening a new file at once
 * migrate it once. A file from a newer openclaw (higher version) is refused, never downgraded.
 */
import { chmodSync, existsSync, mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { PluginInstallRecordSchema, parseInstallRecord, type PluginInstallRecord } from "./install-record.js";
import type { PersistedRegistry, PluginIndex } from "./plugin-index-api.js";
import { loadSqlite, type SqliteDatabase } from "./sqlite.js";

export { PluginIndexUnavailableError, SQLITE_NODE_REQUIREMENT, sqliteSupport } from "./sqlite.js";

/** One schema step: `up` is SQL run inside the migration transaction. */
export interface PluginIndexMigration {
  version: number;
  description: string;
  up: string;
}

/** Every schema step, in order. Append only: a released step never changes. */
export const PLUGIN_INDEX_MIGRATIONS: readonly PluginIndexMigration[] = [
  {
    version: 1,
    description: "install records, one JSON row per plugin id",
    up: `CREATE TABLE installed_plugin_index (
           plugin_id TEXT PRIMARY KEY NOT NULL,
           record_json TEXT NOT NULL,
           updated_at TEXT NOT NULL
         ) STRICT;`,
  },
  {
    version: 2,
    description: "source and install path columns (backfilled from the records) and the cold registry cache",
    up: `ALTER TABLE installed_plugin_index ADD COLUMN source TEXT;
         ALTER TABLE installed_plugin_index ADD COLUMN install_path TEXT;
         UPDATE installed_plugin_index
            SET source = json_extract(record_json, '$.source'), install_path = json_extract(record_json, '$.installPath');
         CREATE INDEX installed_plugin_index_install_path ON installed_plugin_index (install_path);
         CREATE TABLE plugin_registry_cache (
           id INTEGER PRIMARY KEY CHECK (id = 1),
           built_at TEXT NOT NULL,
           host_contract_version TEXT NOT NULL,
           registry_json TEXT NOT NULL
         ) STRICT;`,
  },
];

/** Schema version this build writes. */
export const PLUGIN_INDEX_SCHEMA_VERSION = PLUGIN_INDEX_MIGRATIONS[PLUGIN_INDEX_MIGRATIONS.length - 1]!.version;

/** Default wait (ms) for another process's write transaction. */
export const DEFAULT_INDEX_BUSY_TIMEOUT_MS = 10_000;

/** Why the index cannot be used or a write was refused. */
export type PluginIndexErrorCode = "corrupt" | "newer-schema" | "invalid-record" | "open-failed" | "async-transaction";

/**
 * A problem with the index file or a refused write; `path` is the database file.
 *
 * @example
 * ```ts
 * try { index.putRecord(record); } catch (e) { if (e instanceof PluginIndexError) console.error(e.code, e.message); }
 * ```
 */
export class PluginIndexError extends Error {
  readonly code: PluginIndexErrorCode;
  readonly path: string;
  constructor(code: PluginIndexErrorCode, path: string, message: string, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = "PluginIndexError";
    this.code = code;
    this.path = path;
  }
}

/** A row whose record no longer parses (kept in the file, left out of {@link PluginIndex.listRecords}). */
export interface InvalidIndexRow {
  pluginId: string;
  message: string;
}

/** The SQLite index: the `PluginIndex` contract plus what diagnostics need. */
export interface SqlitePluginIndex extends PluginIndex {
  /** Rows whose `record_json` is not a valid install record (e.g. hand-edited); `doctor` reports them. */
  invalidRows(): InvalidIndexRow[];
}

/** Options of {@link openPluginIndex}. */
export interface OpenPluginIndexOptions {
  /** The state directory (`resolveOpenClawPaths().stateDir`). */
  stateDir: string;
  /** How long a statement waits for another process's lock (default {@link DEFAULT_INDEX_BUSY_TIMEOUT_MS}). */
  busyTimeoutMs?: number;
}

/**
 * The database file of a state directory.
 *
 * @example
 * ```ts
 * pluginIndexDatabasePath("/home/me/.openclaw"); // "/home/me/.openclaw/state/openclaw.sqlite"
 * ```
 */
export function pluginIndexDatabasePath(stateDir: string): string {
  return join(resolve(stateDir), "state", "openclaw.sqlite");
}

function userVersion(db: SqliteDatabase): number {
  return Number(db.prepare("PRAGMA user_version").get()?.user_version ?? 0);
}

function describeSqliteError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function isCorruption(error: unknown): boolean {
  const text = describeSqliteError(error);
  return /file is not a database|database disk image is malformed|SQLITE_NOTADB|SQLITE_CORRUPT/i.test(text);
}

function migrate(db: SqliteDatabase, path: string): number {
  const current = userVersion(db);
  if (current > PLUGIN_INDEX_SCHEMA_VERSION) {
    throw new PluginIndexError(
      "newer-schema",
      path,
      `The plugin index ${path} has schema version ${current}, newer than this openclaw understands (${PLUGIN_INDEX_SCHEMA_VERSION}); it was written by a newer openclaw. Upgrade openclaw (the file is left unchanged).`,
    );
  }
  if (current === PLUGIN_INDEX_SCHEMA_VERSION) return current;
  db.exec("BEGIN IMMEDIATE");
  try {
    const version = userVersion(db); // another process may have migrated while we waited for the lock
    for (const step of PLUGIN_INDEX_MIGRATIONS) if (step.version > version) db.exec(step.up);
    db.exec(`PRAGMA user_version = ${PLUGIN_INDEX_SCHEMA_VERSION}`);
    db.exec("COMMIT");
  } catch (error) {
    db.exec("ROLLBACK");
    throw error;
  }
  return PLUGIN_INDEX_SCHEMA_VERSION;
}

/**
 * Opens (creating and migrating as needed) the plugin index of `stateDir`. Throws `PluginIndexUnavailableError` on a
 * Node.js without `node:sqlite` (its message names the version needed), and {@link PluginIndexError} for a file that
 * is not a SQLite database or comes from a newer openclaw. Mutating callers hold `withStateLock` around the whole
 * command; the index itself is safe under concurrent processes (SQLite locking + busy timeout).
 *
 * @example
 * ```ts
 * const index = openPluginIndex({ stateDir: resolveOpenClawPaths().stateDir });
 * try {
 *   index.putRecord({ pluginId: "demo", source: "path", installPath: "/s/extensions/demo", installedAt: new Date().toISOString() });
 * } finally {
 *   index.close();
 * }
 * ```
 */
export function openPluginIndex(options: OpenPluginIndexOptions): SqlitePluginIndex {
  const sqlite = loadSqlite();
  const path = pluginIndexDatabasePath(options.stateDir);
  const created = !existsSync(path);
  try {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  } catch (error) {
    throw new PluginIndexError("open-failed", path, `Cannot create the state folder ${dirname(path)}: ${describeSqliteError(error)}. Check that the state directory (OPENCLAW_STATE_DIR) is writable.`, error);
  }
  let db: SqliteDatabase;
  try {
    db = new sqlite.DatabaseSync(path);
  } catch (error) {
    throw new PluginIndexError("open-failed", path, `Cannot open the plugin index ${path}: ${describeSqliteError(error)}. Check the file's permissions.`, error);
  }
  let schemaVersion: number;
  try {
    if (created) chmodSync(path, 0o600);
    db.exec(`PRAGMA busy_timeout = ${Math.max(0, Math.floor(options.busyTimeoutMs ?? DEFAULT_INDEX_BUSY_TIMEOUT_MS))}`);
    db.exec("PRAGMA journal_mode = WAL");
    db.exec("PRAGMA synchronous = FULL");
    schemaVersion = migrate(db, path);
  } catch (error) {
    db.close();
    if (error instanceof PluginIndexError) throw error;
    if (isCorruption(error)) {
      throw new PluginIndexError(
        "corrupt",
        path,
        `The plugin index ${path} is not a valid SQLite database (${describeSqliteError(error)}). Move it aside (keep it for support), then reinstall your plugins or run \`openclaw doctor --fix\` to migrate config records again; the plugin folders under extensions/ are untouched.`,
        error,
      );
    }
    throw new PluginIndexError("open-failed", path, `Cannot open the plugin index ${path}: ${describeSqliteError(error)}.`, error);
  }
  return createIndex(db, path, schemaVersion);
}

function createIndex(db: SqliteDatabase, path: string, schemaVersion: number): SqlitePluginIndex {
  let depth = 0;
  let closed = false;
  const rows = () => db.prepare("SELECT plugin_id, record_json FROM installed_plugin_index ORDER BY plugin_id").all();
  const parseRow = (row: Record<string, unknown>): ReturnType<typeof parseInstallRecord> => {
    let value: unknown;
    try {
      value = JSON.parse(String(row.record_json));
    } catch (error) {
      return { ok: false, message: `install record "${String(row.plugin_id)}": record_json is not JSON (${describeSqliteError(error)})` };
    }
    return parseInstallRecord(value, String(row.plugin_id));
  };

  const index: SqlitePluginIndex = {
    path,
    schemaVersion,
    listRecords() {
      const out: PluginInstallRecord[] = [];
      for (const row of rows()) {
        const parsed = parseRow(row);
        if (parsed.ok) out.push(parsed.record);
      }
      return out;
    },
    invalidRows() {
      const out: InvalidIndexRow[] = [];
      for (const row of rows()) {
        const parsed = parseRow(row);
        if (!parsed.ok) out.push({ pluginId: String(row.plugin_id), message: parsed.message });
      }
      return out;
    },
    getRecord(pluginId) {
      const row = db.prepare("SELECT plugin_id, record_json FROM installed_plugin_index WHERE plugin_id = ?").get(pluginId);
      if (!row) return undefined;
      const parsed = parseRow(row);
      return parsed.ok ? parsed.record : undefined;
    },
    putRecord(record) {
      const checked = PluginInstallRecordSchema.safeParse(record);
      if (!checked.success) {
        const issue = checked.error.issues[0];
        throw new PluginIndexError(
          "invalid-record",
          path,
          `Refusing to store an invalid install record for "${String((record as { pluginId?: unknown }).pluginId)}": ${issue?.path.join(".") || "(record)"}: ${issue?.message ?? "invalid"}. Nothing was written.`,
        );
      }
      const value = checked.data;
      db.prepare(
        `INSERT INTO installed_plugin_index (plugin_id, record_json, source, install_path, updated_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (plugin_id) DO UPDATE SET record_json = excluded.record_json, source = excluded.source,
           install_path = excluded.install_path, updated_at = excluded.updated_at`,
      ).run(value.pluginId, JSON.stringify(value), value.source, value.installPath, new Date().toISOString());
    },
    removeRecord(pluginId) {
      return Number(db.prepare("DELETE FROM installed_plugin_index WHERE plugin_id = ?").run(pluginId).changes) > 0;
    },
    transaction<T>(fn: () => T): T {
      const savepoint = `openclaw_tx_${depth}`;
      db.exec(depth === 0 ? "BEGIN IMMEDIATE" : `SAVEPOINT ${savepoint}`);
      depth += 1;
      let result: T;
      try {
        result = fn();
        if (result !== null && typeof result === "object" && typeof (result as { then?: unknown }).then === "function") {
          throw new PluginIndexError("async-transaction", path, "PluginIndex.transaction takes a synchronous function (node:sqlite is synchronous); do the async work before or after the transaction.");
        }
      } catch (error) {
        depth -= 1;
        db.exec(depth === 0 ? "ROLLBACK" : `ROLLBACK TO ${savepoint}; RELEASE ${savepoint}`);
        throw error;
      }
      depth -= 1;
      db.exec(depth === 0 ? "COMMIT" : `RELEASE ${savepoint}`);
      return result;
    },
    readRegistry() {
      const row = db.prepare("SELECT registry_json FROM plugin_registry_cache WHERE id = 1").get();
      if (!row) return undefined;
      try {
        const value = JSON.parse(String(row.registry_json)) as PersistedRegistry;
        return value && typeof value === "object" && Array.isArray(value.plugins) ? value : undefined;
      } catch {
        return undefined;
      }
    },
    writeRegistry(registry) {
      db.prepare(
        `INSERT INTO plugin_registry_cache (id, built_at, host_contract_version, registry_json) VALUES (1, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET built_at = excluded.built_at, host_contract_version = excluded.host_contract_version,
           registry_json = excluded.registry_json`,
      ).run(registry.builtAt, registry.hostContractVersion, JSON.stringify(registry));
    },
    close() {
      if (closed) return;
      closed = true;
      db.close();
    },
  };
  return index;
}
