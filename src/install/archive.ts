/**
 * Safe archive extraction for `.zip`, `.tgz`, `.tar.gz` and `.tar` plugin archives.
 *
 * Every entry is checked before anything is written: a path that is absolute, has a `..` segment or a drive letter,
 * a link (symbolic or hard) whose target leaves the extraction root, a device/FIFO entry, more than
 * {@link ARCHIVE_LIMITS.maxEntries} entries or more than {@link ARCHIVE_LIMITS.maxBytes} uncompressed bytes reject
 * the whole archive (`unsafe-path`). Tar archives are read with `tar` (which also refuses to write through links),
 * zip archives with `yauzl` (which validates file names and entry sizes); zip symlinks are refused outright.
 */
import { createWriteStream } from "node:fs";
import { mkdir } from "node:fs/promises";
import { dirname, isAbsolute, join, posix, resolve } from "node:path";
import { pipeline } from "node:stream/promises";
import { installError, errorText } from "./failure.js";
import { isPathInside } from "../files/contained-file.js";
import { loadOperatorDependency } from "../vendor/load-operator-dependency.js";

/** Limits applied to every archive. */
export const ARCHIVE_LIMITS = {
  maxEntries: 50_000,
  maxBytes: 1024 * 1024 * 1024,
} as const;

/** Archive kinds by file name. */
export type ArchiveKind = "zip" | "tar" | "tgz";

/**
 * The archive kind from a file name, or undefined when the name is not an archive.
 *
 * @example
 * ```ts
 * archiveKindOf("demo-1.0.0.tgz"); // "tgz"
 * ```
 */
export function archiveKindOf(file: string): ArchiveKind | undefined {
  const lower = file.toLowerCase();
  if (lower.endsWith(".zip")) return "zip";
  if (lower.endsWith(".tgz") || lower.endsWith(".tar.gz")) return "tgz";
  if (lower.endsWith(".tar")) return "tar";
  return undefined;
}

/** Why an entry name is unsafe, or undefined. */
function unsafeName(name: string): string | undefined {
  if (name === "") return "an empty name";
  if (name.includes("\0")) return "a NUL byte";
  const normal = name.replace(/\\/g, "/");
  if (normal.startsWith("/") || isAbsolute(name) || /^[a-zA-Z]:/.test(normal)) return "an absolute path";
  if (normal.split("/").includes("..")) return "a '..' segment";
  return undefined;
}

function unsafe(archive: string, entry: string, why: string) {
  return installError("unsafe-path", `Archive ${archive} has an entry "${entry.slice(0, 300)}" with ${why}; nothing was extracted.`, {
    source: archive,
    rule: "archive entries must stay inside the extracted plugin root (no absolute paths, '..' segments, links out of the root, devices)",
    fix: "rebuild the archive from the plugin folder (npm pack, or zip/tar run inside the folder) and install it again",
  });
}

/** Checks a link target: relative to the entry's folder, it must stay under the root. */
function linkEscapes(entryPath: string, target: string, hard: boolean): boolean {
  if (target === "" || isAbsolute(target) || target.startsWith("/") || /^[a-zA-Z]:/.test(target)) return true;
  const base = hard ? "" : posix.dirname(entryPath.replace(/\\/g, "/"));
  const joined = posix.normalize(posix.join("/root", base, target.replace(/\\/g, "/")));
  return !(joined === "/root" || joined.startsWith("/root/"));
}

type TarModule = typeof import("tar");
let tarModule: TarModule | undefined;
function loadTar(): TarModule {
  tarModule ??= loadOperatorDependency<TarModule>("tar");
  return tarModule;
}

/**
 * Extracts `file` into the empty folder `dest`, after checking every entry (see the module comment). Throws
 * `unsafe-path` for a hostile archive and `archive-invalid` for one that cannot be read.
 *
 * @example
 * ```ts
 * await extractArchive("/tmp/demo.tgz", "/state/extensions/.openclaw-staging/x/stage");
 * ```
 */
export async function extractArchive(file: string, dest: string, kind = archiveKindOf(file)): Promise<{ entries: number; bytes: number }> {
  if (kind === "zip") return extractZip(file, dest);
  if (kind === "tar" || kind === "tgz") return extractTar(file, dest);
  throw installError("invalid-spec", `${file} is not a supported archive.`, {
    source: file,
    rule: "archives are .zip, .tgz, .tar.gz or .tar",
    fix: "pass a plugin folder or one of the supported archive kinds",
  });
}

async function extractTar(file: string, dest: string): Promise<{ entries: number; bytes: number }> {
  const tar = loadTar();
  let entries = 0;
  let bytes = 0;
  let problem: Error | undefined;
  const allowed = new Set(["File", "OldFile", "ContiguousFile", "Directory", "SymbolicLink", "Link", "GNUDumpDir"]);
  const ignored = new Set(["ExtendedHeader", "GlobalExtendedHeader", "NextFileHasLongPath", "NextFileHasLongLinkpath", "OldExtendedHeader"]);
  try {
    await tar.t({
      file,
      strict: true,
      onReadEntry: (entry) => {
        if (problem) return;
        if (ignored.has(entry.type)) return;
        entries += 1;
        bytes += entry.size ?? 0;
        const why = unsafeName(entry.path);
        if (why) problem = unsafe(file, entry.path, why);
        else if (!allowed.has(entry.type)) problem = unsafe(file, entry.path, `type ${entry.type} (only files, folders and links inside the root are allowed)`);
        else if ((entry.type === "SymbolicLink" || entry.type === "Link") && linkEscapes(entry.path, entry.linkpath ?? "", entry.type === "Link")) {
          problem = unsafe(file, entry.path, `a ${entry.type === "Link" ? "hard link" : "symlink"} to "${String(entry.linkpath).slice(0, 200)}" outside the root`);
        } else if (entries > ARCHIVE_LIMITS.maxEntries) problem = unsafe(file, entry.path, `more than ${ARCHIVE_LIMITS.maxEntries} entries`);
        else if (bytes > ARCHIVE_LIMITS.maxBytes) problem = unsafe(file, entry.path, `more than ${ARCHIVE_LIMITS.maxBytes} uncompressed bytes in total`);
      },
    });
  } catch (error) {
    throw installError("archive-invalid", `Cannot read the archive ${file}: ${errorText(error)}.`, {
      source: file,
      rule: "a plugin archive must be a complete, readable tar (optionally gzip-compressed) or zip file",
      fix: "download or build the archive again",
    });
  }
  if (problem) throw problem;
  if (entries === 0) {
    throw installError("archive-invalid", `The archive ${file} is empty or not a tar archive.`, {
      source: file,
      rule: "a plugin archive must contain the plugin files",
      fix: "download or build the archive again",
    });
  }
  await mkdir(dest, { recursive: true });
  try {
    await tar.x({ file, cwd: dest, strict: true, preserveOwner: false, noChmod: false, unlink: false });
  } catch (error) {
    throw installError("archive-invalid", `Cannot extract the archive ${file}: ${errorText(error)}.`, {
      source: file,
      rule: "a plugin archive must be a complete, readable tar (optionally gzip-compressed) or zip file",
      fix: "download or build the archive again",
    });
  }
  return { entries, bytes };
}

type YauzlModule = typeof import("yauzl");
let yauzlModule: YauzlModule | undefined;
function loadYauzl(): YauzlModule {
  yauzlModule ??= loadOperatorDependency<YauzlModule>("yauzl");
  return yauzlModule;
}

async function extractZip(file: string, dest: string): Promise<{ entries: number; bytes: number }> {
  const yauzl = loadYauzl();
  const invalid = (error: unknown) =>
    installError("archive-invalid", `Cannot read the zip archive ${file}: ${errorText(error)}.`, {
      source: file,
      rule: "a plugin archive must be a complete, readable zip file",
      fix: "download or build the archive again",
    });
  let zip: import("yauzl").ZipFile;
  try {
    zip = await new Promise((ok, ko) =>
      yauzl.open(file, { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: false, decodeStrings: true }, (error, z) =>
        error || !z ? ko(error ?? new Error("no zip")) : ok(z),
      ),
    );
  } catch (error) {
    throw invalid(error);
  }
  // First pass: check every entry; collect them.
  const list: import("yauzl").Entry[] = [];
  let bytes = 0;
  try {
    await new Promise<void>((ok, ko) => {
      zip.on("entry", (entry: import("yauzl").Entry) => {
        const name = entry.fileName;
        const why = unsafeName(name) ?? (yauzl.validateFileName(name) ? `an invalid name (${yauzl.validateFileName(name)})` : undefined);
        if (why) return ko(unsafe(file, name, why));
        const type = (entry.externalFileAttributes >>> 16) & 0o170000;
        if (type === 0o120000) return ko(unsafe(file, name, "a symlink (zip plugin archives may not contain links)"));
        if (type !== 0 && type !== 0o100000 && type !== 0o040000) return ko(unsafe(file, name, "a special file type (only files and folders are allowed)"));
        bytes += entry.uncompressedSize;
        list.push(entry);
        if (list.length > ARCHIVE_LIMITS.maxEntries) return ko(unsafe(file, name, `more than ${ARCHIVE_LIMITS.maxEntries} entries`));
        if (bytes > ARCHIVE_LIMITS.maxBytes) return ko(unsafe(file, name, `more than ${ARCHIVE_LIMITS.maxBytes} uncompressed bytes in total`));
        zip.readEntry();
      });
      zip.on("end", () => ok());
      zip.on("error", ko);
      zip.readEntry();
    });
  } catch (error) {
    zip.close();
    if (error instanceof Error && error.name === "InstallError") throw error;
    const text = errorText(error);
    // yauzl validates names itself while reading the central directory
    if (/invalid relative path|absolute path|invalid characters in fileName/i.test(text)) throw unsafe(file, text.replace(/^.*?: /, ""), "a path outside the root");
    throw invalid(error);
  }
  if (list.length === 0) {
    zip.close();
    throw installError("archive-invalid", `The zip archive ${file} is empty.`, {
      source: file,
      rule: "a plugin archive must contain the plugin files",
      fix: "download or build the archive again",
    });
  }
  // Second pass: write.
  const root = resolve(dest);
  await mkdir(root, { recursive: true });
  try {
    for (const entry of list) {
      const target = resolve(root, entry.fileName);
      if (!isPathInside(root, target) && target !== root) throw unsafe(file, entry.fileName, "a path outside the root");
      if (entry.fileName.endsWith("/")) {
        await mkdir(target, { recursive: true, mode: 0o755 });
        continue;
      }
      await mkdir(dirname(target), { recursive: true, mode: 0o755 });
      const executable = ((entry.externalFileAttributes >>> 16) & 0o111) !== 0;
      const stream = await new Promise<NodeJS.ReadableStream>((ok, ko) => zip.openReadStream(entry, (error, s) => (error || !s ? ko(error ?? new Error("no stream")) : ok(s))));
      await pipeline(stream, createWriteStream(target, { flags: "wx", mode: executable ? 0o755 : 0o644 }));
    }
  } catch (error) {
    if (error instanceof Error && error.name === "InstallError") throw error;
    throw invalid(error);
  } finally {
    zip.close();
  }
  return { entries: list.length, bytes };
}

/**
 * The plugin root inside an extracted archive: the extraction folder when it holds `openclaw.plugin.json`
 * (or `package.json` for npm packs), else its only sub-folder (`package/` in npm packs, `<name>/` in zips made from
 * a folder).
 *
 * @example
 * ```ts
 * const root = await findExtractedRoot("/stage/extract"); // "/stage/extract/package"
 * ```
 */
export async function findExtractedRoot(dir: string): Promise<string> {
  const { readdir } = await import("node:fs/promises");
  const names = (await readdir(dir, { withFileTypes: true })).filter((d) => d.name !== "__MACOSX" && d.name !== ".DS_Store");
  if (names.some((d) => d.name === "openclaw.plugin.json" || d.name === "package.json")) return dir;
  const only = names.length === 1 ? names[0] : undefined;
  if (only?.isDirectory()) return join(dir, only.name);
  return dir;
}
