import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve, sep } from "node:path";

/** A scratch directory for a test, with helpers to lay out files and to remove it. */
export interface TempDir {
  /** Absolute path of the directory. */
  readonly path: string;
  /**
   * Writes `files` (relative path → contents; objects are written as formatted JSON) below the directory,
   * creating parent folders. Returns the absolute paths in the same order.
   */
  write(files: Record<string, string | object>): string[];
  /** Absolute path of `relativePath` inside the directory. */
  resolve(relativePath: string): string;
  /** Removes the directory and everything in it. */
  remove(): void;
}

/**
 * Creates a fresh directory under the OS temp folder.
 *
 * @param prefix - start of the directory name, so leftovers can be traced to their test
 * @example
 * ```ts
 * const dir = createTempDir("surface-");
 * dir.write({ "src/a.ts": "export const a = 1;" });
 * dir.remove();
 * ```
 */
export function createTempDir(prefix = "openclaw-test-"): TempDir {
  const path = mkdtempSync(join(tmpdir(), prefix));
  const inside = (relativePath: string): string => {
    const target = resolve(path, relativePath);
    if (target !== path && !target.startsWith(path + sep)) {
      throw new Error(`createTempDir: "${relativePath}" points outside ${path}; use a relative path inside it.`);
    }
    return target;
  };
  return {
    path,
    resolve: inside,
    write(files) {
      return Object.entries(files).map(([relativePath, contents]) => {
        const target = inside(relativePath);
        mkdirSync(dirname(target), { recursive: true });
        writeFileSync(target, typeof contents === "string" ? contents : `${JSON.stringify(contents, null, 2)}\n`);
        return target;
      });
    },
    remove() {
      rmSync(path, { recursive: true, force: true });
    },
  };
}

/** Temp directories created for one test file, removed together (call {@link TempDirPool.removeAll} in `afterEach`). */
export interface TempDirPool {
  /** Creates a fresh directory with the pool's prefix and remembers it for removal. */
  create(): TempDir;
  /** Removes every directory created since the last call. */
  removeAll(): void;
}

/**
 * A pool of temp directories sharing a name prefix, for tests that make several and clean up after each test.
 *
 * @param prefix - start of each directory name (see {@link createTempDir})
 * @example
 * ```ts
 * const dirs = createTempDirPool("openclaw-cli-");
 * afterEach(() => dirs.removeAll());
 * const dir = dirs.create();
 * ```
 */
export function createTempDirPool(prefix?: string): TempDirPool {
  const dirs: TempDir[] = [];
  return {
    create() {
      const dir = createTempDir(prefix);
      dirs.push(dir);
      return dir;
    },
    removeAll() {
      while (dirs.length) dirs.pop()?.remove();
    },
  };
}
