/**
 * Archive sources: a `.zip`/`.tgz`/`.tar.gz`/`.tar` file (installed as a local archive) and `npm-pack:<file.tgz>`
 * (an `npm pack` tarball installed through the managed npm project path, recorded as an npm install with the
 * file's integrity).
 */
import { createReadStream } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { installError } from "../failure.js";
import type { InstallSourceResolver, SourceContext, StagedSource } from "../installer-api.js";
import { archiveKindOf, extractArchive, findExtractedRoot } from "../archive.js";
import { createArtifactHasher } from "../npm-registry.js";
import { looksLikePath, resolveLocalPath } from "./local.js";

async function existingFile(spec: string, path: string): Promise<number> {
  try {
    const info = await stat(path);
    if (info.isFile()) return info.size;
  } catch {
    // reported below
  }
  throw installError("source-not-found", `No archive file at ${path}.`, {
    source: spec,
    rule: "an archive install names an existing .zip, .tgz, .tar.gz or .tar file",
    fix: "check the path",
  });
}

async function extractInto(spec: string, file: string, sctx: SourceContext): Promise<string> {
  const size = await existingFile(spec, file);
  const dest = join(sctx.stagingDir, "extract");
  sctx.progress({ phase: "extract", status: "start", totalBytes: size, message: `extracting ${file}` });
  const started = performance.now();
  const { bytes } = await extractArchive(file, dest);
  sctx.progress({ phase: "extract", status: "end", bytes, elapsedMs: performance.now() - started });
  return findExtractedRoot(dest);
}

async function hashFile(file: string): Promise<{ integrity: string; shasum: string }> {
  const hasher = createArtifactHasher();
  for await (const chunk of createReadStream(file)) hasher.update(chunk as Buffer);
  return hasher.digest();
}

/**
 * Built-in resolver for local archive files.
 *
 * @example
 * ```ts
 * const staged = await archiveSource(process.cwd()).stage("./demo.zip", sctx);
 * ```
 */
export function archiveSource(cwd: string): InstallSourceResolver {
  return {
    kind: "archive",
    matches: (spec) => !spec.startsWith("npm-pack:") && archiveKindOf(spec) !== undefined && (looksLikePath(spec) || !spec.includes(":")),
    async stage(spec, sctx): Promise<StagedSource> {
      const file = resolveLocalPath(spec, cwd);
      if (sctx.request.link) {
        throw installError("option-conflict", `--link needs a plugin folder; ${file} is an archive.`, {
          source: spec,
          rule: "--link adds an existing folder to plugins.load.paths; archives are extracted into the managed root",
          fix: `openclaw plugins install ${spec} (without --link)`,
        });
      }
      const root = await extractInto(spec, file, sctx);
      const { integrity, shasum } = await hashFile(file);
      return { pluginDir: root, source: "archive", managedNpm: true, record: { spec: file, sourcePath: file, integrity, shasum } };
    },
  };
}

/**
 * Built-in resolver for `npm-pack:<file.tgz>`.
 *
 * @example
 * ```ts
 * const staged = await npmPackSource(process.cwd()).stage("npm-pack:./demo-1.0.0.tgz", sctx);
 * ```
 */
export function npmPackSource(cwd: string): InstallSourceResolver {
  return {
    kind: "npm",
    matches: (spec) => spec.startsWith("npm-pack:"),
    async stage(spec, sctx): Promise<StagedSource> {
      const file = resolveLocalPath(spec.slice("npm-pack:".length), cwd);
      const kind = archiveKindOf(file);
      if (kind !== "tgz") {
        throw installError("invalid-spec", `npm-pack: needs an npm pack tarball (.tgz); got ${file}.`, {
          source: spec,
          rule: "npm-pack:<file.tgz> installs the output of npm pack",
          fix: "run npm pack in the plugin folder and pass the .tgz it prints",
        });
      }
      const root = await extractInto(spec, file, sctx);
      let pkg: { name?: unknown; version?: unknown } = {};
      try {
        pkg = JSON.parse(await readFile(join(root, "package.json"), "utf8")) as typeof pkg;
      } catch {
        throw installError("manifest-invalid", `${file} has no readable package.json at its root; it is not an npm pack tarball.`, {
          source: spec,
          rule: "npm-pack:<file.tgz> installs the output of npm pack (package/package.json)",
          fix: "run npm pack in the plugin folder, or install a plain archive without the npm-pack: prefix",
        });
      }
      const { integrity, shasum } = await hashFile(file);
      const record: StagedSource["record"] = { spec: `npm-pack:${file}`, sourcePath: file, integrity, shasum };
      if (typeof pkg.name === "string") record.resolvedName = pkg.name;
      if (typeof pkg.version === "string") record.resolvedVersion = pkg.version;
      if (typeof pkg.name === "string" && typeof pkg.version === "string") record.resolvedSpec = `${pkg.name}@${pkg.version}`;
      return { pluginDir: root, source: "npm", managedNpm: true, record };
    },
    updateSpec: () => undefined,
  };
}
