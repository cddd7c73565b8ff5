/**
 * Legacy install records: older configs carry `plugins.installs.<id>` (the same record shape as the index). They are
 * input only:
 *
 * - readers ({@link readInstallRecords}) merge them under the index's records (the index wins for an id both hold)
 *   and never rewrite the config;
 * - an explicit write ({@link migrateLegacyInstallRecords}: `plugins install/update/uninstall`, `doctor --fix`) moves
 *   them into the index, and only after the index transaction committed removes them from the config (through the
 *   config writer, so an `$include`d plugins file is the one edited). A record that cannot be parsed, or any failed
 *   index write, leaves the config's records where they are: install metadata is never lost.
 */
import { isDeepStrictEqual } from "node:util";
import { ConfigWriteError, readOpenClawConfigForEdit, updateOpenClawConfig, type OpenClawConfigDraft } from "../config/config-writer.js";
import { parseInstallRecord, type PluginInstallRecord } from "./install-record.js";
import type { PluginIndex } from "./plugin-index-api.js";
import { withStateLock } from "./state-lock.js";
import { isRecord } from "../config/config-data.js";

/** Paths the legacy helpers need (an `OpenClawPaths` fits). */
export interface LegacyInstallPaths {
  configPath: string;
  stateDir: string;
}

/** `plugins.installs` read from a config object. */
export interface LegacyInstallRecords {
  /** Records that parse. */
  records: PluginInstallRecord[];
  /** Entries that do not parse (kept in the config by a migration). */
  invalid: Array<{ pluginId: string; message: string }>;
  /** Raw `plugins.installs` value (undefined when absent). */
  raw: unknown;
}

/**
 * Reads `plugins.installs` from a (flattened) config object; pure, never throws.
 *
 * @example
 * ```ts
 * const legacy = readLegacyInstallRecords({ plugins: { installs: { demo: { source: "npm", installPath: "/x", installedAt: "…" } } } });
 * legacy.records[0].pluginId; // "demo"
 * ```
 */
export function readLegacyInstallRecords(config: Record<string, unknown>): LegacyInstallRecords {
  const plugins = isRecord(config.plugins) ? config.plugins : undefined;
  const raw = plugins && Object.prototype.hasOwnProperty.call(plugins, "installs") ? plugins.installs : undefined;
  const out: LegacyInstallRecords = { records: [], invalid: [], raw };
  if (raw === undefined) return out;
  if (!isRecord(raw)) {
    out.invalid.push({ pluginId: "*", message: "plugins.installs must be an object keyed by plugin id" });
    return out;
  }
  for (const [id, value] of Object.entries(raw)) {
    const parsed = parseInstallRecord(value, id);
    if (!parsed.ok) out.invalid.push({ pluginId: id, message: parsed.message });
    else if (parsed.record.pluginId !== id) out.invalid.push({ pluginId: id, message: `install record "${id}": pluginId "${parsed.record.pluginId}" differs from its key` });
    else out.records.push(parsed.record);
  }
  return out;
}

/** One install record and where it is stored today. */
export interface StoredInstallRecord {
  record: PluginInstallRecord;
  /** `index`: the plugin index; `config`: a legacy `plugins.installs` entry not migrated yet. */
  storedIn: "index" | "config";
}

/**
 * Every install record: the index's, plus legacy config records for ids the index does not hold. Read only (the
 * config is never rewritten). Pass `index: undefined` on a Node.js without `node:sqlite` to get the config's only.
 *
 * @example
 * ```ts
 * const all = await readInstallRecords(paths, index);
 * all.filter((r) => r.storedIn === "config"); // waiting for migration
 * ```
 */
export async function readInstallRecords(paths: Pick<LegacyInstallPaths, "configPath">, index: PluginIndex | undefined, config?: Record<string, unknown>): Promise<StoredInstallRecord[]> {
  const indexed = index?.listRecords() ?? [];
  const ids = new Set(indexed.map((record) => record.pluginId));
  const source = config ?? (await readOpenClawConfigForEdit(paths)).config;
  const legacy = readLegacyInstallRecords(source).records.filter((record) => !ids.has(record.pluginId));
  return [...indexed.map((record) => ({ record, storedIn: "index" as const })), ...legacy.map((record) => ({ record, storedIn: "config" as const }))].sort((a, b) =>
    a.record.pluginId.localeCompare(b.record.pluginId),
  );
}

/** Result of {@link migrateLegacyInstallRecords}. */
export interface LegacyMigrationResult {
  /**
   * `none`: no `plugins.installs`; `migrated`: all moved and the key removed; `partial`: some entries could not be
   * parsed and stay in the config; `failed`: nothing removed from the config (see `error`); `skipped`: config writes
   * are not allowed (Nix mode), nothing touched.
   */
  status: "none" | "migrated" | "partial" | "failed" | "skipped";
  /** Ids written to the index. */
  migrated: string[];
  /** Ids the index already held (its record kept; the legacy copy removed from the config). */
  alreadyIndexed: string[];
  /** Entries left in the config and why. */
  kept: Array<{ pluginId: string; reason: string }>;
  /** The file the `plugins` section lives in (edited when records were removed). */
  configFile?: string;
  /** Why the migration failed or was skipped. */
  error?: string;
}

/** Options of {@link migrateLegacyInstallRecords}. */
export interface MigrateLegacyInstallRecordsOptions {
  paths: LegacyInstallPaths;
  /**
   * Returns the open index to write to (the caller's, if it has one open). Called only when there is something to
   * migrate; when it throws (e.g. `PluginIndexUnavailableError` on Node 20) the result is `failed` and the config is
   * untouched.
   */
  openIndex: () => PluginIndex;
  /** Close the index afterwards (default true; false when the caller keeps using its own). */
  closeIndex?: boolean;
  env?: NodeJS.ProcessEnv;
  /** Command name for messages and the lock owner, e.g. `"doctor --fix"`. */
  action?: string;
}

/**
 * Moves legacy `plugins.installs` records into the plugin index, under the state lock (re-entrant: callers already
 * holding it may call this). Order: read config → write all parseable records to the index in one transaction →
 * only then remove exactly those entries from the config (the key goes when nothing is left). Never throws for
 * expected failures; see {@link LegacyMigrationResult.status}.
 *
 * @example
 * ```ts
 * const result = await migrateLegacyInstallRecords({ paths, openIndex: () => openPluginIndex({ stateDir: paths.stateDir }), action: "doctor --fix" });
 * if (result.status === "failed") console.error(result.error);
 * ```
 */
export async function migrateLegacyInstallRecords(options: MigrateLegacyInstallRecordsOptions): Promise<LegacyMigrationResult> {
  const { paths } = options;
  const env = options.env ?? process.env;
  const action = options.action ?? "plugin index migration";
  return withStateLock(
    paths.stateDir,
    async (): Promise<LegacyMigrationResult> => {
      const result: LegacyMigrationResult = { status: "none", migrated: [], alreadyIndexed: [], kept: [] };
      let read: Awaited<ReturnType<typeof readOpenClawConfigForEdit>>;
      try {
        read = await readOpenClawConfigForEdit(paths);
      } catch (error) {
        return { ...result, status: "failed", error: (error as Error).message };
      }
      result.configFile = read.pluginsFile;
      const legacy = readLegacyInstallRecords(read.config);
      if (legacy.raw === undefined) return result;
      result.kept = legacy.invalid.map(({ pluginId, message }) => ({ pluginId, reason: `${message}; fix or remove it in ${read.pluginsFile}` }));
      if (env.OPENCLAW_NIX_MODE?.trim() === "1") {
        return { ...result, status: "skipped", kept: [...result.kept, ...legacy.records.map((r) => ({ pluginId: r.pluginId, reason: "OPENCLAW_NIX_MODE=1: the config is not rewritten" }))], error: "OPENCLAW_NIX_MODE=1: legacy plugins.installs records stay in the Nix-managed config (they are still read)." };
      }
      if (legacy.records.length === 0) return { ...result, status: result.kept.length > 0 ? "partial" : "none" };

      let index: PluginIndex | undefined;
      try {
        index = options.openIndex();
        const target = index;
        target.transaction(() => {
          for (const record of legacy.records) {
            if (target.getRecord(record.pluginId)) result.alreadyIndexed.push(record.pluginId);
            else {
              target.putRecord(record);
              result.migrated.push(record.pluginId);
            }
          }
        });
      } catch (error) {
        const reason = `the plugin index write failed: ${(error as Error).message}`;
        return {
          ...result,
          status: "failed",
          migrated: [],
          alreadyIndexed: [],
          kept: [...result.kept, ...legacy.records.map((r) => ({ pluginId: r.pluginId, reason }))],
          error: `${reason} The records stay in ${read.pluginsFile} (plugins.installs) and are still read; fix the cause and rerun \`openclaw doctor --fix\`.`,
        };
      } finally {
        if (index && options.closeIndex !== false) index.close();
      }

      const moved = new Map(legacy.records.map((record) => [record.pluginId, record]));
      try {
        await updateOpenClawConfig(
          paths,
          (draft: OpenClawConfigDraft) => {
            const plugins = draft.plugins as Record<string, unknown> | undefined;
            const installs = plugins?.installs;
            if (!plugins || !isRecord(installs)) return;
            for (const [id, value] of Object.entries(installs)) {
              const record = moved.get(id);
              const parsed = parseInstallRecord(value, id);
              if (record && parsed.ok && isDeepStrictEqual(parsed.record, record)) delete installs[id];
            }
            if (Object.keys(installs).length === 0) delete plugins.installs;
          },
          { env, action },
        );
      } catch (error) {
        const message = error instanceof ConfigWriteError ? error.message : String(error);
        return {
          ...result,
          status: "failed",
          kept: [...result.kept, ...legacy.records.map((r) => ({ pluginId: r.pluginId, reason: "the config could not be rewritten (the index already holds the record)" }))],
          error: `The records were copied to the plugin index, but ${read.pluginsFile} could not be rewritten: ${message} They stay in plugins.installs (harmless: the index's copy wins); rerun \`openclaw doctor --fix\` once the config is writable.`,
        };
      }
      return { ...result, status: result.kept.length > 0 ? "partial" : "migrated" };
    },
    { command: action, env },
  );
}
