/**
 * A cross-process lock on a file path: a `<path>.lock` directory created atomically, retried with backoff, and
 * taken over when older than `stale` milliseconds.
 */
import { mkdir, rm, stat } from "node:fs/promises";

/**
 * Options of `withFileLock`.
 *
 * @example
 * ```ts
 * const options: FileLockOptions = { retries: { retries: 10, factor: 2, minTimeout: 50, maxTimeout: 1000 }, stale: 30_000 };
 * ```
 */
export interface FileLockOptions {
  retries: { retries: number; factor: number; minTimeout: number; maxTimeout: number; randomize?: boolean };
  /** A lock older than this many milliseconds is considered abandoned and taken over. */
  stale: number;
}

/**
 * Runs `fn` while holding the lock on `filePath`, and always releases it. Throws an error naming the lock file when
 * it cannot be taken within the retries.
 *
 * @example
 * ```ts
 * await withFileLock(statePath, { retries: { retries: 20, factor: 1.5, minTimeout: 25, maxTimeout: 500 }, stale: 30_000 }, async () => {
 *   await writeState(statePath, next);
 * });
 * ```
 */
export async function withFileLock<T>(filePath: string, options: FileLockOptions, fn: () => Promise<T>): Promise<T> {
  const lockPath = `${filePath}.lock`;
  const { retries, factor, minTimeout, maxTimeout, randomize } = options.retries;
  for (let attempt = 0; ; attempt += 1) {
    try {
      await mkdir(lockPath);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const age = await stat(lockPath).then((info) => Date.now() - info.mtimeMs, () => 0);
      if (age > options.stale) {
        await rm(lockPath, { recursive: true, force: true });
        continue;
      }
      if (attempt >= retries) {
        throw new Error(`Could not acquire file lock ${lockPath} after ${retries + 1} attempts; another process holds it.`);
      }
      const base = Math.min(maxTimeout, minTimeout * factor ** attempt);
      await new Promise((resolve) => setTimeout(resolve, randomize ? base * (1 + Math.random()) : base));
    }
  }
  try {
    return await fn();
  } finally {
    await rm(lockPath, { recursive: true, force: true });
  }
}
