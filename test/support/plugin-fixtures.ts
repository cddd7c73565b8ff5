/**
 * Test plugins, archives (good and hostile), git repositories over `file://`, and an in-memory plugin index for the
 * installer's unit tests (the SQLite index needs Node >= 22.5; the CLI end-to-end tests use the real one on Node 24).
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { PluginInstallRecord } from "../../src/state/install-record.js";
import type { PersistedRegistry, PluginIndex } from "../../src/state/plugin-index-api.js";

const require = createRequire(import.meta.url);

/** Options of {@link writePlugin}. */
export interface FixturePlugin {
  id: string;
  version?: string;
  /** package.json name (default: the id). */
  packageName?: string;
  dependencies?: Record<string, string>;
  /** package.json `openclaw.compat.pluginApi`. */
  pluginApi?: string;
  /** Leave out openclaw.plugin.json. */
  noManifest?: boolean;
  /** Extra files. */
  files?: Record<string, string>;
}

/**
 * Writes a minimal native plugin (manifest with configSchema, package.json, index.js) into `dir`.
 *
 * @example
 * ```ts
 * writePlugin(join(tmp, "demo"), { id: "demo", version: "1.0.0" });
 * ```
 */
export function writePlugin(dir: string, plugin: FixturePlugin): string {
  mkdirSync(dir, { recursive: true });
  const version = plugin.version ?? "1.0.0";
  if (!plugin.noManifest) {
    writeFileSync(join(dir, "openclaw.plugin.json"), `${JSON.stringify({ id: plugin.id, name: plugin.id, version, configSchema: { type: "object", properties: {} } }, null, 2)}\n`);
  }
  const pkg: Record<string, unknown> = {
    name: plugin.packageName ?? plugin.id,
    version,
    type: "module",
    main: "index.js",
    openclaw: { extensions: ["./index.js"], ...(plugin.pluginApi ? { compat: { pluginApi: plugin.pluginApi } } : {}) },
  };
  if (plugin.dependencies) pkg.dependencies = plugin.dependencies;
  writeFileSync(join(dir, "package.json"), `${JSON.stringify(pkg, null, 2)}\n`);
  writeFileSync(join(dir, "index.js"), `export default { id: ${JSON.stringify(plugin.id)}, register() {} };\n`);
  for (const [name, text] of Object.entries(plugin.files ?? {})) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

/**
 * `tar` (optionally gzip) of `dir`'s contents; `prefix` puts them under one top folder (`package/` like npm pack).
 *
 * @example
 * ```ts
 * await makeTar(pluginDir, join(tmp, "demo.tgz"), { gzip: true, prefix: "package" });
 * ```
 */
export async function makeTar(dir: string, out: string, options: { gzip?: boolean; prefix?: string; entries?: string[]; preservePaths?: boolean } = {}): Promise<string> {
  const createTar = (require("tar") as { c: unknown }).c as (options: Record<string, unknown>, files: string[]) => Promise<void>;
  const cwd = options.prefix ? dirname(dir) : dir;
  const entries = options.entries ?? (options.prefix ? [dir.slice(dirname(dir).length + 1)] : ["."]);
  if (options.prefix && options.prefix !== entries[0]) {
    // tar the folder under its own name, then rename through the `prefix` transform
    await createTar({ file: out, cwd, gzip: options.gzip === true, portable: true, onWriteEntry: (entry: { path: string }) => { entry.path = entry.path.replace(/^[^/]+/, options.prefix!); } }, entries);
    return out;
  }
  await createTar({ file: out, cwd, gzip: options.gzip === true, portable: true, preservePaths: options.preservePaths === true }, entries);
  return out;
}

/**
 * A zip of `dir`'s files (`prefix/` before each name when given), built with yazl.
 *
 * @example
 * ```ts
 * await makeZip(pluginDir, join(tmp, "demo.zip"));
 * ```
 */
export async function makeZip(dir: string, out: string, options: { prefix?: string; extra?: Record<string, string> } = {}): Promise<string> {
  const yazl = require("yazl") as typeof import("yazl");
  const { createWriteStream, readdirSync, statSync } = await import("node:fs");
  const zip = new yazl.ZipFile();
  const walk = (rel: string) => {
    for (const name of readdirSync(join(dir, rel))) {
      const path = rel ? `${rel}/${name}` : name;
      if (statSync(join(dir, path)).isDirectory()) walk(path);
      else zip.addBuffer(readFileSync(join(dir, path)), options.prefix ? `${options.prefix}/${path}` : path);
    }
  };
  walk("");
  for (const [name, text] of Object.entries(options.extra ?? {})) zip.addBuffer(Buffer.from(text), name);
  zip.end();
  await new Promise<void>((resolve, reject) => {
    zip.outputStream.pipe(createWriteStream(out)).on("close", () => resolve()).on("error", reject);
  });
  return out;
}

/**
 * A zip whose entry `aa/evil.txt` is renamed `../evil.txt` in place (yazl refuses to write such a name; the bytes are
 * patched in both headers, so the archive stays otherwise valid).
 *
 * @example
 * ```ts
 * await makeTraversalZip(pluginDir, join(tmp, "evil.zip"));
 * ```
 */
export async function makeTraversalZip(dir: string, out: string): Promise<string> {
  await makeZip(dir, out, { extra: { "aa/evil.txt": "pwned" } });
  const bytes = readFileSync(out);
  const from = Buffer.from("aa/evil.txt");
  const to = Buffer.from("../evil.txt");
  let at = bytes.indexOf(from);
  while (at >= 0) {
    to.copy(bytes, at);
    at = bytes.indexOf(from, at + 1);
  }
  writeFileSync(out, bytes);
  return out;
}

/**
 * A `.tgz` holding a plugin plus a symlink `escape -> <target>` (outside the root).
 *
 * @example
 * ```ts
 * await makeSymlinkTar(pluginDir, join(tmp, "link.tgz"), "/etc/passwd");
 * ```
 */
export async function makeSymlinkTar(dir: string, out: string, target: string): Promise<string> {
  symlinkSync(target, join(dir, "escape"));
  return makeTar(dir, out, { gzip: true });
}

/**
 * A `.tgz` with an entry `../evil.txt` (written with tar's `preservePaths`).
 *
 * @example
 * ```ts
 * await makeTraversalTar(join(tmp, "work"), join(tmp, "evil.tgz"));
 * ```
 */
export async function makeTraversalTar(workDir: string, out: string): Promise<string> {
  const inner = join(workDir, "inner");
  writePlugin(inner, { id: "evil-tar" });
  writeFileSync(join(workDir, "evil.txt"), "pwned");
  const createTar = (require("tar") as { c: unknown }).c as (options: Record<string, unknown>, files: string[]) => Promise<void>;
  await createTar({ file: out, cwd: inner, gzip: true, preservePaths: true }, ["openclaw.plugin.json", "package.json", "../evil.txt"]);
  return out;
}

/**
 * A git repository at `dir` holding a plugin, with one commit per version and a tag `v<version>` each.
 *
 * @example
 * ```ts
 * const { url, commits } = makeGitRepo(join(tmp, "repo"), "demo-git", ["1.0.0", "1.1.0"]);
 * ```
 */
export function makeGitRepo(dir: string, id: string, versions: string[]): { url: string; commits: string[] } {
  mkdirSync(dir, { recursive: true });
  const git = (...args: string[]) => execFileSync("git", args, { cwd: dir, encoding: "utf8", env: { ...process.env, GIT_AUTHOR_NAME: "t", GIT_AUTHOR_EMAIL: "t@e.test", GIT_COMMITTER_NAME: "t", GIT_COMMITTER_EMAIL: "t@e.test" } }).trim();
  git("init", "--quiet", "--initial-branch=main");
  const commits: string[] = [];
  for (const version of versions) {
    writePlugin(dir, { id, version });
    git("add", "-A");
    git("commit", "--quiet", "-m", `v${version}`);
    git("tag", `v${version}`);
    commits.push(git("rev-parse", "HEAD"));
  }
  return { url: `file://${dir}`, commits };
}

/**
 * An in-memory {@link PluginIndex} for unit tests (same contract as the SQLite index, records copied in and out).
 *
 * @example
 * ```ts
 * const index = createMemoryIndex();
 * await installPlugin({ spec: dir }, { paths, openIndex: () => index, withLock: (_d, fn) => fn() });
 * ```
 */
export function createMemoryIndex(): PluginIndex & { closed: number } {
  const records = new Map<string, PluginInstallRecord>();
  let registry: PersistedRegistry | undefined;
  const index = {
    path: ":memory:",
    schemaVersion: 1,
    closed: 0,
    listRecords: () => [...records.values()].map((r) => structuredClone(r)),
    getRecord: (id: string) => (records.has(id) ? structuredClone(records.get(id)!) : undefined),
    putRecord: (record: PluginInstallRecord) => void records.set(record.pluginId, structuredClone(record)),
    removeRecord: (id: string) => records.delete(id),
    transaction: <T>(fn: () => T): T => {
      const saved = new Map(records);
      try {
        return fn();
      } catch (error) {
        records.clear();
        for (const [k, v] of saved) records.set(k, v);
        throw error;
      }
    },
    readRegistry: () => registry,
    writeRegistry: (value: PersistedRegistry) => {
      registry = value;
    },
    close: () => {
      index.closed += 1;
    },
  };
  return index;
}
