/**
 * Atomic file writes through npm's `write-file-atomic`: the data goes to a temporary sibling, is fsync'ed, gets the
 * old file's mode and owner, and is renamed over the target, so a reader never sees a half-written file and a failed
 * write leaves the old contents in place (the temporary file is removed, also on exit signals).
 *
 * The target is resolved with `realpath` first: writing through a symlink updates the file it points to and the
 * link stays a link. Callers that must keep writes inside a folder check the resolved target first (see
 * `resolveInsideRoot`).
 *
 * Temporary names: `<real target>.<unsigned 32-bit number>` (write-file-atomic), and, from this package's earlier
 * hand-written helper, `.<name>.<pid>.<8 hex digits>.tmp`. A process killed mid-write can leave either behind;
 * {@link removeOrphanTempFiles} removes exactly those names.
 */
import { lstatSync, readdirSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { basename, dirname, join } from "node:path";
import type writeFileAtomicModule from "write-file-atomic";

/** Loaded on first write, so importing a subpath that bundles this file loads no third-party code. */
let library: typeof writeFileAtomicModule | undefined;
function writeFileAtomicLib(): typeof writeFileAtomicModule {
  library ??= createRequire(import.meta.url)("write-file-atomic") as typeof writeFileAtomicModule;
  return library;
}

/**
 * Writes `contents` (UTF-8) to `file` atomically, keeping the existing file's mode and owner.
 *
 * @example
 * ```ts
 * await writeFileAtomic("/plugins/demo/openclaw.plugin.json", `${JSON.stringify(manifest, null, 2)}\n`);
 * ```
 */
export async function writeFileAtomic(file: string, contents: string, options: WriteFileAtomicOptions = {}): Promise<void> {
  await writeFileAtomicLib()(file, contents, { encoding: "utf8", ...(options.mode !== undefined ? { mode: options.mode } : {}) });
}

/** Options of {@link writeFileAtomic}. */
export interface WriteFileAtomicOptions {
  /** Mode for the written file; when absent an existing file keeps its mode and a new one gets the umask default. */
  mode?: number;
}

/**
 * Synchronous {@link writeFileAtomic}.
 *
 * @example
 * ```ts
 * writeFileAtomicSync("/state/next-turn.json", "[]\n");
 * ```
 */
export function writeFileAtomicSync(file: string, contents: string): void {
  writeFileAtomicLib().sync(file, contents, { encoding: "utf8" });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function processAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * True when `name` (a bare file name in the target's folder) is a temporary file an interrupted atomic write of
 * `target` left: `<target>.<digits>` with a value below 2^32 (write-file-atomic) or `.<target>.<pid>.<8 hex>.tmp`
 * (the earlier helper). Nothing else matches.
 *
 * @example
 * ```ts
 * isOrphanTempName("openclaw.plugin.json", ".openclaw.plugin.json.4242.0a1b2c3d.tmp"); // true
 * isOrphanTempName("openclaw.plugin.json", "openclaw.plugin.json.bak"); // false
 * ```
 */
export function isOrphanTempName(target: string, name: string): boolean {
  const t = escapeRegExp(target);
  const library = new RegExp(`^${t}\\.(\\d{1,10})$`).exec(name);
  if (library) return Number(library[1]) < 2 ** 32;
  return new RegExp(`^\\.${t}\\.\\d{1,10}\\.[0-9a-f]{8}\\.tmp$`).test(name);
}

/**
 * Removes the orphan temporary files of `file` (see {@link isOrphanTempName}) from its folder: regular files only,
 * never a symlink or folder, and never one whose recorded process (earlier helper's names) is still running.
 * Returns the removed paths. Never throws.
 *
 * @example
 * ```ts
 * removeOrphanTempFiles("/plugins/demo/openclaw.plugin.json"); // ["/plugins/demo/openclaw.plugin.json.1234567"]
 * ```
 */
export function removeOrphanTempFiles(file: string): string[] {
  const dir = dirname(file);
  const target = basename(file);
  const removed: string[] = [];
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return removed;
  }
  for (const name of names) {
    if (!isOrphanTempName(target, name)) continue;
    const pid = /^\..*\.(\d+)\.[0-9a-f]{8}\.tmp$/.exec(name)?.[1];
    if (pid !== undefined && processAlive(Number(pid))) continue;
    const path = join(dir, name);
    try {
      if (!lstatSync(path).isFile()) continue;
      rmSync(path, { force: true });
      removed.push(path);
    } catch {
      // gone already or not removable: leave it
    }
  }
  return removed;
}
