/**
 * Staging and the commit journal: how an install, update or uninstall changes the managed root so that a failure or
 * a kill at any point leaves either the old state or the new one — never a partial folder, never a record without its
 * folder.
 *
 * Every operation works in its own folder `<stateDir>/extensions/.openclaw-staging/<op>-<pid>-<random>/` (same file
 * system as the target, so moves are `rename`s; discovery skips dot-folders). The commit:
 *
 * 1. writes `journal.json` (atomically): plugin id, target folder, the staged folder, a unique stamp;
 * 2. renames an existing target to `<opDir>/previous` (replace/update/uninstall);
 * 3. renames the staged folder to the target (install/update);
 * 4. writes the index record carrying the stamp (`installedAt`/`updatedAt`) — or removes it (uninstall): this single
 *    SQLite write is the commit point;
 * 5. edits the config (`plugins.load.paths`, entries, allow/deny) — re-applied by recovery when a kill hits here;
 * 6. deletes the operation folder (and with it the previous version).
 *
 * {@link recoverStaleOperations} runs under the state lock at the start of every mutating command: an operation
 * folder found then belongs to a dead process. With no journal, or with a journal whose commit point was not reached,
 * it is rolled back (target removed if it was moved in, previous folder moved back); past the commit point it is
 * finished (config re-applied, previous folder deleted).
 */
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, rename, rm } from "node:fs/promises";
import { join } from "node:path";
import { writeFileAtomic } from "../files/write-file-atomic.js";
import type { PluginIndex } from "../state/plugin-index-api.js";

/** Name of the staging folder inside the extensions root. */
export const STAGING_DIR_NAME = ".openclaw-staging";

/** The commit journal of one operation. */
export interface CommitJournal {
  version: 1;
  operation: "install" | "update" | "uninstall";
  pluginId: string;
  /** Final folder (`<extensions>/<id>`); absent for link installs. */
  target?: string;
  /** Staged folder renamed to `target` (install/update). */
  staged?: string;
  /** Unique stamp written into the record (install/update) — the commit point is "record carries this stamp". */
  stamp: string;
  /** Config changes to (re-)apply after the commit point. */
  config?: ConfigChange;
}

/**
 * The config edits an operation makes after its commit point (idempotent, so recovery can re-apply them).
 *
 * @example
 * ```ts
 * const change: ConfigChange = { addLoadPaths: ["/src/demo"] };
 * ```
 */
export interface ConfigChange {
  addLoadPaths?: string[];
  removeLoadPaths?: string[];
  /** Remove `plugins.entries.<id>`, the id from allow/deny (uninstall). */
  removePluginId?: string;
}

/** One operation's working folders. */
export interface OperationDir {
  dir: string;
  /** Where a source stages the plugin (empty at start). */
  stagingDir: string;
  /** Downloads, clones. */
  scratchDir: string;
  journalPath: string;
  /** Where the previous target is parked during the commit. */
  previousDir: string;
}

/**
 * Creates a fresh operation folder under `<extensionsDir>/.openclaw-staging`.
 *
 * @example
 * ```ts
 * const op = await createOperationDir("/state/extensions", "install");
 * ```
 */
export async function createOperationDir(extensionsDir: string, operation: string): Promise<OperationDir> {
  const dir = join(extensionsDir, STAGING_DIR_NAME, `${operation}-${process.pid}-${randomBytes(6).toString("hex")}`);
  await mkdir(join(dir, "stage"), { recursive: true, mode: 0o700 });
  await mkdir(join(dir, "scratch"), { recursive: true, mode: 0o700 });
  return { dir, stagingDir: join(dir, "stage"), scratchDir: join(dir, "scratch"), journalPath: join(dir, "journal.json"), previousDir: join(dir, "previous") };
}

/**
 * Writes the journal (atomically) — step 1 of the commit.
 *
 * @example
 * ```ts
 * await writeJournal(op, { version: 1, operation: "install", pluginId: "demo", target, staged, stamp });
 * ```
 */
export async function writeJournal(op: OperationDir, journal: CommitJournal): Promise<void> {
  await writeFileAtomic(op.journalPath, `${JSON.stringify(journal, null, 2)}\n`);
}

/**
 * A unique ISO-like stamp: the current time plus a random suffix is not valid ISO, so the stamp is the ISO time of
 * `now` with the sub-millisecond uniqueness coming from the journal comparison on the whole record.
 *
 * @example
 * ```ts
 * commitStamp(new Date()); // "2026-11-30T07:20:00.123Z"
 * ```
 */
export function commitStamp(now: Date): string {
  return now.toISOString();
}

/** True when a record carries the journal's stamp (the commit point was reached). */
function committed(journal: CommitJournal, index: PluginIndex): boolean {
  const record = index.getRecord(journal.pluginId);
  if (journal.operation === "uninstall") return record === undefined;
  if (!record) return false;
  const stamp = journal.operation === "update" ? record.updatedAt : record.installedAt;
  return stamp === journal.stamp && (journal.target === undefined || record.installPath === journal.target);
}

/**
 * Moves the staged folder into place (steps 2–3). On failure it puts the previous folder back and rethrows.
 *
 * @example
 * ```ts
 * await moveIntoPlace(op, staged, target);
 * ```
 */
export async function moveIntoPlace(op: OperationDir, staged: string, target: string): Promise<void> {
  let parked = false;
  if (existsSync(target)) {
    await rename(target, op.previousDir);
    parked = true;
  }
  try {
    await rename(staged, target);
  } catch (error) {
    if (parked) await rename(op.previousDir, target);
    throw error;
  }
}

/**
 * Moves `target` to the operation's `previous` folder (uninstall; deleted with the operation folder after the record
 * is gone, moved back by a roll-back).
 *
 * @example
 * ```ts
 * await parkTarget(op, "/state/extensions/demo");
 * ```
 */
export async function parkTarget(op: OperationDir, target: string): Promise<void> {
  await rename(target, op.previousDir);
}

/**
 * Undoes steps 2–3 after a failure before the commit point: removes the moved-in target and restores the previous
 * folder. Safe to call whatever step failed.
 *
 * @example
 * ```ts
 * await rollBack(op, journal);
 * ```
 */
export async function rollBack(op: OperationDir, journal: CommitJournal): Promise<void> {
  if (journal.target) {
    const stagedMovedIn = journal.staged !== undefined && !existsSync(journal.staged) && existsSync(journal.target);
    if (stagedMovedIn) await rm(journal.target, { recursive: true, force: true });
    if (existsSync(op.previousDir) && !existsSync(journal.target)) await rename(op.previousDir, journal.target);
  }
}

function opDirOf(dir: string): OperationDir {
  return { dir, stagingDir: join(dir, "stage"), scratchDir: join(dir, "scratch"), journalPath: join(dir, "journal.json"), previousDir: join(dir, "previous") };
}

/**
 * Finishes or rolls back operation folders left by killed processes (see the module comment); call it under the
 * state lock. `applyConfig` re-applies a committed operation's config change. Returns what it did, one line each.
 *
 * @example
 * ```ts
 * const notes = await recoverStaleOperations("/state/extensions", index, (change) => applyConfigChange(paths, change));
 * ```
 */
export async function recoverStaleOperations(
  extensionsDir: string,
  index: PluginIndex,
  applyConfig: (change: ConfigChange) => Promise<void>,
): Promise<string[]> {
  const root = join(extensionsDir, STAGING_DIR_NAME);
  let names: string[];
  try {
    names = await readdir(root);
  } catch {
    return [];
  }
  const notes: string[] = [];
  for (const name of names) {
    const op = opDirOf(join(root, name));
    let journal: CommitJournal | undefined;
    try {
      journal = JSON.parse(await readFile(op.journalPath, "utf8")) as CommitJournal;
    } catch {
      journal = undefined;
    }
    if (journal && typeof journal.pluginId === "string") {
      if (committed(journal, index)) {
        if (journal.config) await applyConfig(journal.config);
        notes.push(`finished an interrupted ${journal.operation} of ${journal.pluginId}`);
      } else {
        await rollBack(op, journal);
        notes.push(`rolled back an interrupted ${journal.operation} of ${journal.pluginId}`);
      }
    }
    await rm(op.dir, { recursive: true, force: true });
  }
  return notes;
}
