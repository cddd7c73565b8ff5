/**
 * Reading untrusted files safely: the one place where the host resolves a path that a plugin (or an operator's
 * config) named, keeps it inside the folder it belongs to, and reads it without ever blocking.
 *
 * The containment rule: a path is resolved with `realpath` (every symlink followed) and must stay inside the
 * `realpath` of its root folder. A link that points out of the root, a `../` path, or an absolute path elsewhere is
 * refused with `entry-escapes-root`, whatever the file is. Only regular files are read: a FIFO, socket or device is
 * refused (`not-regular-file`) without waiting for a writer, because the file is opened with `O_NONBLOCK` and checked
 * with `fstat` before any byte is read. Reads are bounded (`too-large`).
 */
// Two import statements on purpose: a bundle that uses only the path checks (not readRegularFileSync) then drops the
// second one whole, instead of keeping unused names for rollup to warn about (scripts/lib/build-output.test.ts).
import { lstatSync, realpathSync } from "node:fs";
import { closeSync, constants, fstatSync, openSync, readSync } from "node:fs";
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from "node:path";

/** Why a contained path or file could not be used. */
export type ContainedFileProblemCode = "not-found" | "entry-escapes-root" | "not-regular-file" | "too-large" | "read-failed";

/** A refused path: the code, the path as given and a sentence naming the path, the problem and the fix. */
export interface ContainedFileProblem {
  ok: false;
  code: ContainedFileProblemCode;
  /** The path as the caller named it. */
  path: string;
  message: string;
}

/** A path resolved inside its root. */
export interface ContainedPath {
  ok: true;
  /** The path as the caller named it (made absolute against the root). */
  path: string;
  /** `realpath` of the file. */
  real: string;
  /** `realpath` of the root folder. */
  rootReal: string;
}

/**
 * True when `target` is `root` or lies below it (both already absolute and resolved).
 *
 * @example
 * ```ts
 * isPathInside("/p", "/p/dist/index.js"); // true
 * isPathInside("/p", "/p-other/x.js"); // false
 * ```
 */
export function isPathInside(root: string, target: string): boolean {
  const rel = relative(root, target);
  return rel === "" || (rel !== ".." && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

function errnoCode(error: unknown): string | undefined {
  return typeof error === "object" && error !== null && typeof (error as { code?: unknown }).code === "string"
    ? (error as { code: string }).code
    : undefined;
}

function problem(code: ContainedFileProblemCode, path: string, message: string): ContainedFileProblem {
  return { ok: false, code, path, message };
}

/** Options of {@link resolveInsideRoot}. */
export interface ResolveInsideRootOptions {
  /**
   * Accept a path that does not exist yet (a file the caller is about to create): its deepest existing ancestor is
   * resolved with `realpath` and must stay inside the root; `real` is that ancestor's realpath plus the missing rest.
   */
  allowMissing?: boolean;
  /** `realpath` of `rootDir`, when the caller already has it (saves a resolution per call). */
  rootReal?: string;
}

/** `realpath` through libc (one system call instead of one `lstat` per path segment). */
const realpathOf = (path: string): string => realpathSync.native(path);

/** False when nothing exists at `path` (checked without throwing, which is the slow part of a miss). */
function mayExist(path: string): boolean {
  try {
    return lstatSync(path, { throwIfNoEntry: false }) !== undefined;
  } catch {
    return true; // ENOTDIR, EACCES, …: let realpath report it
  }
}

/** `realpath` of the deepest existing ancestor of `path`, plus the part below it that does not exist. */
function realpathOfExistingPrefix(path: string): string {
  const missing: string[] = [];
  let current = path;
  for (;;) {
    try {
      return join(realpathOf(current), ...missing.reverse());
    } catch (error) {
      const code = errnoCode(error);
      const parent = dirname(current);
      if ((code !== "ENOENT" && code !== "ENOTDIR") || parent === current) throw error;
      missing.push(basename(current));
      current = parent;
    }
  }
}

/**
 * Resolves `file` (absolute, or relative to `rootDir`) with `realpath` and checks that it stays inside the `realpath`
 * of `rootDir`. A missing file or root is `not-found` (unless `allowMissing`); anything resolving outside is
 * `entry-escapes-root`; a path that cannot be resolved (symlink loop, no permission) is `read-failed`.
 *
 * @example
 * ```ts
 * const r = resolveInsideRoot("/plugins/demo", "./dist/index.js");
 * if (!r.ok) console.error(r.message); else await import(pathToFileURL(r.real).href);
 * ```
 */
export function resolveInsideRoot(
  rootDir: string,
  file: string,
  options: ResolveInsideRootOptions = {},
): ContainedPath | ContainedFileProblem {
  const path = resolve(rootDir, file);
  let rootReal: string;
  try {
    rootReal = options.rootReal ?? realpathOf(rootDir);
  } catch {
    return problem("not-found", path, `plugin folder ${rootDir} does not exist.`);
  }
  // Lexical check first: `../x` is refused even when the target does not exist.
  const lexicalRoot = resolve(rootDir);
  if (!isPathInside(lexicalRoot, path) && !isPathInside(rootReal, path)) {
    return problem(
      "entry-escapes-root",
      path,
      `${file} resolves to ${path}, outside the plugin folder ${rootReal}. Keep every file a plugin names inside its own folder (no ../ or absolute paths out of it).`,
    );
  }
  if (!options.allowMissing && !mayExist(path)) return problem("not-found", path, `${path} does not exist.`);
  let real: string;
  try {
    real = options.allowMissing ? realpathOfExistingPrefix(path) : realpathOf(path);
  } catch (error) {
    const code = errnoCode(error);
    if (code === "ENOENT" || code === "ENOTDIR") return problem("not-found", path, `${path} does not exist.`);
    if (code === "ELOOP") return problem("read-failed", path, `${path} is a symlink loop; replace it with a regular file.`);
    return problem("read-failed", path, `cannot resolve ${path}: ${code ?? String(error)}.`);
  }
  if (!isPathInside(rootReal, real)) {
    return problem(
      "entry-escapes-root",
      path,
      `${path} resolves to ${real}, outside the plugin folder ${rootReal}. Keep plugin files inside the plugin folder (no symlinks or ../ paths out of it).`,
    );
  }
  return { ok: true, path, real, rootReal };
}

/** Options of {@link readRegularFileSync}. */
export interface ReadRegularFileOptions {
  /** Refuse files larger than this many bytes (`too-large`). */
  maxBytes: number;
  /** When set, the file must resolve inside this folder (see {@link resolveInsideRoot}). */
  rootDir?: string;
  /** What the file is, for messages ("plugin manifest", "config file"); default "file". */
  label?: string;
}

/** A file read by {@link readRegularFileSync}. */
export interface RegularFileContents {
  ok: true;
  /** The path as given. */
  path: string;
  /** `realpath` of the file that was read. */
  real: string;
  bytes: Buffer;
  /** `fstat` mode of the opened file. */
  mode: number;
  /** `fstat` owner of the opened file. */
  uid: number;
}

/**
 * Reads a regular file without ever blocking and without reading more than `maxBytes` (+1 to detect growth). The
 * file is opened non-blocking after `realpath` resolution (so a FIFO without a writer cannot freeze the process),
 * checked with `fstat` and then read; with `rootDir`, it must resolve inside that folder. Never throws.
 *
 * @example
 * ```ts
 * const r = readRegularFileSync("/plugins/demo/package.json", { maxBytes: 1 << 20, rootDir: "/plugins/demo" });
 * if (r.ok) JSON.parse(r.bytes.toString("utf8"));
 * ```
 */
export function readRegularFileSync(file: string, options: ReadRegularFileOptions): RegularFileContents | ContainedFileProblem {
  const label = options.label ?? "file";
  let real: string;
  if (options.rootDir !== undefined) {
    const contained = resolveInsideRoot(options.rootDir, file);
    if (!contained.ok) return contained;
    real = contained.real;
  } else {
    try {
      real = realpathSync(file);
    } catch (error) {
      const code = errnoCode(error);
      if (code === "ENOENT" || code === "ENOTDIR") return problem("not-found", file, `${label} ${file} does not exist.`);
      return problem("read-failed", file, `cannot read ${label} ${file}: ${code ?? String(error)}.`);
    }
  }
  let fd: number | undefined;
  try {
    fd = openSync(real, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOFOLLOW ?? 0));
    const stats = fstatSync(fd);
    if (stats.isDirectory()) {
      return problem("not-regular-file", file, `${label} ${file} is a directory, not a file.`);
    }
    if (!stats.isFile()) {
      return problem(
        "not-regular-file",
        file,
        `${label} ${file} is not a regular file (a FIFO, socket or device); replace it with a regular file.`,
      );
    }
    if (stats.size > options.maxBytes) {
      return problem("too-large", file, `${label} ${file} is ${stats.size} bytes; at most ${options.maxBytes} bytes are read.`);
    }
    let buffer = Buffer.allocUnsafe(stats.size + 1);
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (length > options.maxBytes) {
          return problem("too-large", file, `${label} ${file} is over ${options.maxBytes} bytes; at most that many are read.`);
        }
        const wider = Buffer.allocUnsafe(options.maxBytes + 1);
        buffer.copy(wider);
        buffer = wider;
      }
      const bytesRead = readSync(fd, buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    return { ok: true, path: file, real, bytes: buffer.subarray(0, length), mode: stats.mode, uid: stats.uid };
  } catch (error) {
    const code = errnoCode(error);
    if (code === "ENOENT" || code === "ENOTDIR") return problem("not-found", file, `${label} ${file} does not exist.`);
    if (code === "EISDIR") return problem("not-regular-file", file, `${label} ${file} is a directory, not a file.`);
    if (code === "ELOOP") return problem("read-failed", file, `${label} ${file} is a symlink loop; replace it with a regular file.`);
    return problem("read-failed", file, `cannot read ${label} ${file}: ${code ?? String(error)}.`);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
