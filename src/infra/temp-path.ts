/**
 * Temp file paths for downloads and scratch files: a private OpenClaw temp directory and random, filename-safe paths.
 */
import { randomUUID } from "node:crypto";
import { mkdirSync, mkdtempSync, statSync } from "node:fs";
// Its own statement: a bundle without withTempDownloadPath drops it whole (scripts/lib/build-output.test.ts).
import { rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * Options of `resolvePreferredOpenClawTmpDir`.
 *
 * @example
 * ```ts
 * resolvePreferredOpenClawTmpDir({ preferredDir: "/var/tmp/openclaw" });
 * ```
 */
export interface ResolvePreferredOpenClawTmpDirOptions {
  preferredDir?: string;
}

/**
 * The directory OpenClaw keeps temp files in: `preferredDir` (default `/tmp/openclaw` on POSIX), created with mode 0700
 * when missing; when that path is unusable (not a directory, not writable, or on Windows), a fresh private
 * `openclaw-*` directory under the OS temp dir.
 *
 * @example
 * ```ts
 * const dir = resolvePreferredOpenClawTmpDir();
 * ```
 */
export function resolvePreferredOpenClawTmpDir(options: ResolvePreferredOpenClawTmpDirOptions = {}): string {
  const preferred = options.preferredDir ?? (process.platform === "win32" ? undefined : "/tmp/openclaw");
  if (preferred) {
    try {
      mkdirSync(preferred, { recursive: true, mode: 0o700 });
      if (statSync(preferred).isDirectory()) return preferred;
    } catch {
      // fall through to a private directory under the OS temp dir
    }
  }
  return mkdtempSync(join(tmpdir(), "openclaw-"));
}

/**
 * Replaces everything but letters, digits, `.`, `_` and `-` with `_` and trims to 100 characters (never empty).
 *
 * @example
 * ```ts
 * sanitizeTempFileName("../a b.png"); // "_a_b.png"
 * ```
 */
export function sanitizeTempFileName(name: string): string {
  const cleaned = name.replace(/[^A-Za-z0-9._-]+/g, "_").replace(/^[._]+/, "_").slice(0, 100);
  return cleaned || "file";
}

/**
 * A random file path in the temp dir: `<tmpDir>/<prefix>-<now>-<uuid><.extension>`, with `prefix` and `extension`
 * made filename-safe.
 *
 * @example
 * ```ts
 * const path = buildRandomTempFilePath({ prefix: "voice", extension: "ogg" });
 * ```
 */
export function buildRandomTempFilePath(params: {
  prefix: string;
  extension?: string;
  tmpDir?: string;
  now?: number;
  uuid?: string;
}): string {
  const prefix = sanitizeTempFileName(params.prefix);
  const extension = params.extension ? `.${params.extension.replace(/^\.+/, "").replace(/[^A-Za-z0-9]+/g, "")}` : "";
  const dir = params.tmpDir ?? resolvePreferredOpenClawTmpDir();
  return join(dir, `${prefix}-${params.now ?? Date.now()}-${params.uuid ?? randomUUID()}${extension === "." ? "" : extension}`);
}

/**
 * Runs `fn` with a path inside a fresh private temp directory, and removes the directory afterwards (also on error).
 *
 * @example
 * ```ts
 * await withTempDownloadPath({ prefix: "media", fileName: "a.png" }, async (path) => { await download(url, path); });
 * ```
 */
export async function withTempDownloadPath<T>(
  params: { prefix: string; fileName?: string; tmpDir?: string },
  fn: (tmpPath: string) => Promise<T>,
): Promise<T> {
  const root = params.tmpDir ?? resolvePreferredOpenClawTmpDir();
  const dir = mkdtempSync(join(root, `${sanitizeTempFileName(params.prefix)}-`));
  try {
    return await fn(join(dir, sanitizeTempFileName(params.fileName ?? "download")));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
