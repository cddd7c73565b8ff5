/**
 * Applying a `doctor --fix` plan, all or nothing, under the state lock:
 *
 * 1. snapshot the config files (the main file and an `$include`d plugins file, byte for byte) and the plugin index
 *    (its records and registry; or that it did not exist);
 * 2. apply the actions in {@link REPAIR_ORDER}: file-system changes move what they replace into a backup folder
 *    under the state directory instead of deleting it; config edits go through the config writer (atomic, to the file
 *    that holds the `plugins` section); index writes through the index (transactions);
 * 3. on any failure, undo the file-system changes in reverse, write the config files back and restore the index,
 *    then report the error and what was restored; on success, drop the backups.
 */
import { randomBytes } from "node:crypto";
import { existsSync, lstatSync, mkdirSync, readFileSync, renameSync, rmSync, symlinkSync } from "node:fs";
import { dirname, join } from "node:path";
import { readOpenClawConfigForEdit, updateOpenClawConfig } from "../config/config-writer.js";
import type { OpenClawPaths } from "../discovery/state-paths.js";
import { writeFileAtomic } from "../files/write-file-atomic.js";
import type { PluginInstallRecord } from "../state/install-record.js";
import type { PersistedRegistry } from "../state/plugin-index-api.js";
import { QUARANTINE_KEY, REPAIR_ORDER, type QuarantinedEntry, type RepairAction, type RepairReport } from "./repair-types.js";
import { isRecord } from "../config/config-data.js";

/** Reinstalls a plugin from its record (the installer's job; injected so this domain does not depend on it). */
export type RestorePlugin = (record: PluginInstallRecord) => Promise<void>;

/** Options of {@link applyRepairs}. */
export interface ApplyRepairsOptions {
  paths: OpenClawPaths;
  env: NodeJS.ProcessEnv;
  contractVersion: string;
  restore?: RestorePlugin;
  /** Called while waiting for another command's state lock. */
  onWait?: () => void;
}

function exists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

function readBytes(file: string): Buffer | null {
  try {
    return readFileSync(file);
  } catch {
    return null;
  }
}

interface IndexSnapshot {
  existed: boolean;
  records: PluginInstallRecord[];
  registry?: PersistedRegistry;
}

/**
 * Applies `actions` (see the file comment). Resolves with the report: `applied: true`, or `error` plus `rolledBack`
 * when a step failed and everything was restored. Throws only when the state lock cannot be taken.
 *
 * @example
 * ```ts
 * const report = await applyRepairs(plan.actions, { paths: plan.paths, env: process.env, contractVersion });
 * if (report.error) console.error(report.error);
 * ```
 */
export async function applyRepairs(actions: readonly RepairAction[], options: ApplyRepairsOptions): Promise<RepairReport> {
  const { paths, env } = options;
  const { withStateLock } = await import("../state/state-lock.js");
  return withStateLock(
    paths.stateDir,
    async (): Promise<RepairReport> => {
      const report: RepairReport = { mode: "fix", actions: [...actions], notes: [], applied: false };
      if (actions.length === 0) return { ...report, applied: true };
      const ordered = [...actions].sort((a, b) => REPAIR_ORDER.indexOf(a.kind) - REPAIR_ORDER.indexOf(b.kind));

      // 1. Snapshots.
      const { pluginsFile } = await readOpenClawConfigForEdit(paths);
      const configFiles = [...new Set([paths.configPath, pluginsFile])].map((file) => ({ file, bytes: readBytes(file) }));
      const needsIndex = ordered.some((a) => a.kind === "migrate-legacy-installs" || a.kind === "rebuild-registry" || a.kind === "restore-plugin");
      const indexModule = needsIndex ? await import("../state/plugin-index.js") : undefined;
      let indexSnapshot: IndexSnapshot | undefined;
      if (indexModule) {
        const dbPath = indexModule.pluginIndexDatabasePath(paths.stateDir);
        if (existsSync(dbPath)) {
          try {
            const index = indexModule.openPluginIndex({ stateDir: paths.stateDir });
            try {
              const registry = index.readRegistry();
              indexSnapshot = { existed: true, records: index.listRecords(), ...(registry ? { registry } : {}) };
            } finally {
              index.close();
            }
          } catch {
            // An index that cannot be opened cannot be changed either: the index step fails and the rest rolls back.
            indexSnapshot = undefined;
          }
        } else indexSnapshot = { existed: false, records: [] };
      }
      const backupDir = join(paths.stateDir, `.doctor-backup-${process.pid}-${randomBytes(4).toString("hex")}`);
      const undo: Array<() => void> = [];
      const backup = (path: string): void => {
        mkdirSync(backupDir, { recursive: true, mode: 0o700 });
        const saved = join(backupDir, String(undo.length));
        renameSync(path, saved);
        undo.push(() => {
          rmSync(path, { recursive: true, force: true });
          renameSync(saved, path);
        });
      };

      try {
        // 2. Apply, in order.
        const quarantine = ordered.filter((a) => a.kind === "quarantine-entry");
        let quarantined = false;
        for (const action of ordered) {
          switch (action.kind) {
            case "relink-openclaw": {
              const { link, linkTarget } = action.data ?? {};
              if (!link || !linkTarget) throw new Error(`relink of ${action.target}: the plan lacks the link target`);
              if (exists(link)) backup(link);
              else undo.push(() => rmSync(link, { force: true }));
              mkdirSync(dirname(link), { recursive: true });
              symlinkSync(linkTarget, link, "dir");
              break;
            }
            case "remove-orphan-package": {
              const folder = action.data?.folder;
              if (!folder) throw new Error(`removal of ${action.target}: the plan lacks the folder`);
              if (exists(folder)) backup(folder);
              break;
            }
            case "restore-plugin": {
              const record = action.data?.record;
              if (!record || !options.restore) throw new Error(`restoring plugin "${action.pluginId}" needs the installer, which is not available`);
              undo.push(() => rmSync(record.installPath, { recursive: true, force: true }));
              await options.restore(record);
              break;
            }
            case "quarantine-entry": {
              if (quarantined) break;
              quarantined = true;
              const now = new Date().toISOString();
              await updateOpenClawConfig(
                paths,
                (draft) => {
                  const plugins = isRecord(draft.plugins) ? draft.plugins : undefined;
                  const entries = plugins && isRecord(plugins.entries) ? plugins.entries : undefined;
                  if (!plugins || !entries) return;
                  const list: unknown[] = Array.isArray(plugins[QUARANTINE_KEY]) ? (plugins[QUARANTINE_KEY] as unknown[]) : plugins[QUARANTINE_KEY] === undefined ? [] : [{ path: `plugins.${QUARANTINE_KEY}`, value: plugins[QUARANTINE_KEY], code: "quarantine-not-a-list", reason: "plugins.quarantine was not a list", quarantinedAt: now }];
                  for (const q of quarantine) {
                    const id = q.data?.entryId;
                    if (id === undefined || !Object.prototype.hasOwnProperty.call(entries, id)) continue;
                    const entry: QuarantinedEntry = { path: q.target, id, value: entries[id], code: q.data?.code ?? "invalid", reason: q.data?.reason ?? q.summary, quarantinedAt: now };
                    list.push(entry);
                    delete entries[id];
                  }
                  plugins[QUARANTINE_KEY] = list;
                },
                { env, action: "doctor --fix" },
              );
              break;
            }
            case "migrate-legacy-installs": {
              const { migrateLegacyInstallRecords } = await import("../state/legacy-installs.js");
              const result = await migrateLegacyInstallRecords({
                paths,
                openIndex: () => indexModule!.openPluginIndex({ stateDir: paths.stateDir }),
                env,
                action: "doctor --fix",
              });
              if (result.status === "failed" || result.status === "skipped") throw new Error(result.error ?? `legacy install migration ${result.status}`);
              for (const kept of result.kept) report.notes.push({ kind: "migrate-legacy-installs", target: `plugins.installs.${kept.pluginId}`, reason: kept.reason });
              break;
            }
            case "rebuild-registry": {
              const { readInstallRecords } = await import("../state/legacy-installs.js");
              const { buildPersistedRegistry } = await import("../state/plugin-registry.js");
              const index = indexModule!.openPluginIndex({ stateDir: paths.stateDir });
              try {
                const records = (await readInstallRecords(paths, index)).map((stored) => stored.record);
                index.writeRegistry(await buildPersistedRegistry(records, options.contractVersion));
              } finally {
                index.close();
              }
              break;
            }
          }
        }
        rmSync(backupDir, { recursive: true, force: true });
        return { ...report, applied: true };
      } catch (error) {
        // 3. Roll back everything.
        const restored: string[] = [];
        let undoFailed = false;
        for (const step of undo.reverse()) {
          try {
            step();
          } catch {
            undoFailed = true; // keep undoing the rest; the backup folder stays for a manual restore
          }
        }
        if (undo.length > 0) restored.push("plugin folders and links");
        for (const { file, bytes } of configFiles) {
          const now = readBytes(file);
          if (bytes === null && now !== null) {
            rmSync(file, { force: true });
            restored.push(file);
          } else if (bytes !== null && (now === null || !now.equals(bytes))) {
            await writeFileAtomic(file, bytes.toString("utf8"));
            restored.push(file);
          }
        }
        if (indexModule && indexSnapshot) {
          const dbPath = indexModule.pluginIndexDatabasePath(paths.stateDir);
          if (!indexSnapshot.existed) {
            if (existsSync(dbPath)) restored.push(`${dbPath} (removed: it did not exist before)`);
            for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(`${dbPath}${suffix}`, { force: true });
          } else {
            try {
              const index = indexModule.openPluginIndex({ stateDir: paths.stateDir });
              try {
                const snapshot = indexSnapshot;
                index.transaction(() => {
                  const keep = new Set(snapshot.records.map((r) => r.pluginId));
                  for (const record of index.listRecords()) if (!keep.has(record.pluginId)) index.removeRecord(record.pluginId);
                  for (const record of snapshot.records) index.putRecord(record);
                  if (snapshot.registry) index.writeRegistry(snapshot.registry);
                });
                restored.push(dbPath);
              } finally {
                index.close();
              }
            } catch {
              // the index could not be opened (the failure itself): it was not changed either
            }
          }
        }
        if (!undoFailed) rmSync(backupDir, { recursive: true, force: true });
        const message = error instanceof Error ? error.message : String(error);
        return { ...report, applied: false, error: undoFailed ? `${message} (some folders could not be put back; they are in ${backupDir})` : message, rolledBack: restored };
      }
    },
    { command: "doctor --fix", env, ...(options.onWait ? { onWait: options.onWait } : {}) },
  );
}
