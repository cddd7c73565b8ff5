import { randomBytes } from "node:crypto";
import { rename, rm, writeFile } from "node:fs/promises";
import { renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";

function tempPathFor(file: string): string {
  return join(dirname(file), `.${basename(file)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
}

/**
 * Writes `contents` to `file` through a temporary sibling and a rename, so a reader never sees a half-written
 * file and a failed write leaves the old contents in place.
 */
export async function writeFileAtomic(file: string, contents: string): Promise<void> {
  const temp = tempPathFor(file);
  try {
    await writeFile(temp, contents, "utf8");
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/** Synchronous {@link writeFileAtomic}. */
export function writeFileAtomicSync(file: string, contents: string): void {
  const temp = tempPathFor(file);
  try {
    writeFileSync(temp, contents, "utf8");
    renameSync(temp, file);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}
