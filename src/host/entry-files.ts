/**
 * Which files the host reads and imports for a plugin root, in one place: `package.json` (read bounded, regular
 * files only, contained), and for each entry kind the ordered list of candidate files the loader tries (built JS
 * peers first, then the declared source, then the root `index.*` fallback). {@link resolveEntryFile} walks that list
 * with `realpath` containment; the path-safety gate ({@link checkPluginFiles} in `path-safety.ts`) runs the very same
 * resolution for every entry kind, so what `plugins list` checks is exactly what the loader would import.
 */
import { statSync } from "node:fs";
import { join, resolve } from "node:path";
import { readRegularFileSync, resolveInsideRoot } from "../files/contained-file.js";

/**
 * `package.json#openclaw` fields the loader reads.
 *
 * @example
 * ```ts
 * const fields: PackageOpenClawFields = { extensions: ["./src/index.ts"], setupEntry: "./src/setup-entry.ts" };
 * ```
 */
export interface PackageOpenClawFields {
  extensions?: string[];
  runtimeExtensions?: string[];
  setupEntry?: string;
  runtimeSetupEntry?: string;
}

/** Largest `package.json` the host reads (1 MiB). */
export const PACKAGE_JSON_MAX_BYTES = 1024 * 1024;

/** A plugin's `package.json`, read by {@link readPluginPackageJson}. */
export interface PluginPackageJson {
  ok: true;
  /** `<root>/package.json`. */
  file: string;
  /** The parsed object; absent when there is no `package.json`. */
  value?: Record<string, unknown>;
  /** `openclaw` entry fields (empty without a package.json). */
  fields: PackageOpenClawFields;
  version?: string;
}

/** Why a plugin's `package.json` could not be used. */
export interface PluginPackageJsonProblem {
  ok: false;
  /**
   * `entry-escapes-root` (resolves outside the plugin folder), `path-unsafe` (not a regular file, cannot be
   * resolved) or `package-json-invalid` (too large, not JSON, not an object).
   */
  code: "entry-escapes-root" | "path-unsafe" | "package-json-invalid";
  file: string;
  message: string;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function openclawFields(pkg: Record<string, unknown>): PackageOpenClawFields {
  const openclaw = isObject(pkg.openclaw) ? pkg.openclaw : {};
  const list = (value: unknown) => (Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : undefined);
  const str = (value: unknown) => (typeof value === "string" && value.trim() !== "" ? value : undefined);
  const fields: PackageOpenClawFields = {};
  const extensions = list(openclaw.extensions);
  const runtimeExtensions = list(openclaw.runtimeExtensions);
  const setupEntry = str(openclaw.setupEntry);
  const runtimeSetupEntry = str(openclaw.runtimeSetupEntry);
  if (extensions) fields.extensions = extensions;
  if (runtimeExtensions) fields.runtimeExtensions = runtimeExtensions;
  if (setupEntry) fields.setupEntry = setupEntry;
  if (runtimeSetupEntry) fields.runtimeSetupEntry = runtimeSetupEntry;
  return fields;
}

/**
 * Reads `<rootDir>/package.json`: resolved with `realpath` inside the plugin folder, regular files only, never
 * blocking, at most {@link PACKAGE_JSON_MAX_BYTES}. A missing file is fine (`value` absent). Never throws.
 *
 * @example
 * ```ts
 * const pkg = readPluginPackageJson("/plugins/demo");
 * if (pkg.ok) pkg.fields.extensions; // ["./index.ts"]
 * else console.error(pkg.message);
 * ```
 */
export function readPluginPackageJson(rootDir: string): PluginPackageJson | PluginPackageJsonProblem {
  const file = join(rootDir, "package.json");
  const read = readRegularFileSync(file, { maxBytes: PACKAGE_JSON_MAX_BYTES, rootDir, label: "package.json" });
  if (!read.ok) {
    if (read.code === "not-found") return { ok: true, file, fields: {} };
    if (read.code === "entry-escapes-root") return { ok: false, code: "entry-escapes-root", file, message: read.message };
    if (read.code === "too-large") return { ok: false, code: "package-json-invalid", file, message: read.message };
    return { ok: false, code: "path-unsafe", file, message: read.message };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(read.bytes.toString("utf8"));
  } catch (error) {
    return { ok: false, code: "package-json-invalid", file, message: `${file} is not valid JSON: ${(error as Error).message}` };
  }
  if (!isObject(parsed)) return { ok: false, code: "package-json-invalid", file, message: `${file} must contain a JSON object` };
  return {
    ok: true,
    file,
    value: parsed,
    fields: openclawFields(parsed),
    ...(typeof parsed.version === "string" ? { version: parsed.version } : {}),
  };
}

/** Which entry a plugin root is loaded through. */
export type EntryKind = "main" | "setup";

/** One file the loader may import, in the order it tries them. */
export interface EntryCandidate {
  /** Absolute path (lexical: `rootDir` joined with the declared path; not yet realpath'd). */
  file: string;
  /** The declared path this candidate stands for (`./src/index.ts`), for messages. */
  declaredAs: string;
  /** The path as written in `package.json` (or derived, for a built peer), relative to the root or absolute. */
  written: string;
  /** Where it comes from: `package.json#openclaw.runtimeExtensions[0]`, `built peer of …`, `root index fallback`. */
  origin: string;
}

/**
 * A resolved entry file.
 *
 * @example
 * ```ts
 * const entry: ResolvedEntryFile = { file: "/p/dist/index.js", real: "/p/dist/index.js", kind: "main", typescript: false, declaredAs: "./src/index.ts" };
 * ```
 */
export interface ResolvedEntryFile {
  /** The candidate path (inside the root, as declared). */
  file: string;
  /** Its `realpath`, inside the root's `realpath`: the file that is imported. */
  real: string;
  /** Which entry: the main extension or the setup entry. */
  kind: EntryKind;
  /** True when the file is TypeScript (no built JS peer exists) and needs jiti. */
  typescript: boolean;
  /** Where the path came from, for diagnostics. */
  declaredAs: string;
}

/** Why no entry file can be imported. */
export interface EntryFileProblem {
  /** `entry-not-found` (nothing exists), `entry-escapes-root` or `path-unsafe` (a candidate exists but is refused). */
  code: "entry-not-found" | "entry-escapes-root" | "path-unsafe";
  /** A sentence naming the path, what it resolves to and the fix. */
  error: string;
  /** The refused candidate, when one was refused. */
  path?: string;
}

const TS_EXTENSION = /\.(?:m|c)?tsx?$/;

function builtPeers(declared: string, runtimePeer: string | undefined, field: string): Array<{ path: string; origin: string }> {
  const peers: Array<{ path: string; origin: string }> = [];
  if (runtimePeer) peers.push({ path: runtimePeer, origin: field });
  if (TS_EXTENSION.test(declared)) {
    const stem = declared.replace(TS_EXTENSION, "");
    const origin = `built peer of ${declared}`;
    peers.push({ path: `${stem}.js`, origin }, { path: `${stem}.mjs`, origin });
    const relative = stem.replace(/^\.\//, "").replace(/^src\//, "");
    peers.push({ path: join("dist", `${relative}.js`), origin }, { path: join("dist", `${relative}.mjs`), origin });
  }
  return peers;
}

function candidatesFor(
  rootDir: string,
  declared: string,
  runtimePeer: string | undefined,
  fields: { declared: string; runtime: string },
): EntryCandidate[] {
  const out: EntryCandidate[] = [];
  for (const peer of builtPeers(declared, runtimePeer, fields.runtime)) {
    out.push({ file: resolve(rootDir, peer.path), declaredAs: declared, written: peer.path, origin: peer.origin });
  }
  out.push({ file: resolve(rootDir, declared), declaredAs: declared, written: declared, origin: fields.declared });
  return out;
}

/**
 * The files the loader tries for one entry kind, in order (the first that exists is imported): for the setup
 * entry (when `package.json#openclaw.setupEntry` is declared) `runtimeSetupEntry`, the built peers of `setupEntry`
 * (`.js`/`.mjs` beside it, `dist/<name>.js`/`.mjs`) and `setupEntry` itself; for the main entry the same for
 * `runtimeExtensions[0]` / `extensions[0]`; without `extensions`, the root `index.js`, `index.mjs` and `index.ts`
 * (with the built peers of `index.ts`). A setup kind without a declared setup entry uses the main list.
 *
 * @example
 * ```ts
 * listEntryCandidates("/p", { extensions: ["./src/index.ts"] }, "main").map((c) => c.file);
 * // ["/p/src/index.js", "/p/src/index.mjs", "/p/dist/index.js", "/p/dist/index.mjs", "/p/src/index.ts"]
 * ```
 */
export function listEntryCandidates(rootDir: string, fields: PackageOpenClawFields, kind: EntryKind): EntryCandidate[] {
  if (kind === "setup" && fields.setupEntry) {
    return candidatesFor(rootDir, fields.setupEntry, fields.runtimeSetupEntry, {
      declared: "package.json#openclaw.setupEntry",
      runtime: "package.json#openclaw.runtimeSetupEntry",
    });
  }
  const declared = fields.extensions?.[0];
  if (declared) {
    return candidatesFor(rootDir, declared, fields.runtimeExtensions?.[0], {
      declared: "package.json#openclaw.extensions[0]",
      runtime: "package.json#openclaw.runtimeExtensions[0]",
    });
  }
  const seen = new Set<string>();
  const out: EntryCandidate[] = [];
  for (const name of ["index.js", "index.mjs", "index.ts"]) {
    for (const candidate of candidatesFor(rootDir, `./${name}`, undefined, { declared: "root index fallback", runtime: "" })) {
      if (seen.has(candidate.file)) continue;
      seen.add(candidate.file);
      out.push({ ...candidate, origin: candidate.origin === "root index fallback" ? candidate.origin : `${candidate.origin} (root index fallback)` });
    }
  }
  return out;
}

/**
 * Resolves the entry file to import: walks {@link listEntryCandidates} and returns the first candidate that exists.
 * Every candidate is resolved with `realpath` and must stay inside the `realpath` of the plugin root: a candidate
 * that exists but points outside (a `../` path, an absolute path, a symlink out of the folder) or is not a regular
 * file stops the walk with a problem — it is never skipped in favour of a later one, and nothing is imported.
 *
 * @example
 * ```ts
 * resolveEntryFile("/plugins/demo", { preferSetup: false });
 * // { file: "/plugins/demo/index.js", real: "/plugins/demo/index.js", kind: "main", typescript: false, declaredAs: "./index.js" }
 * ```
 */
export function resolveEntryFile(
  rootDir: string,
  options: { preferSetup: boolean; fields?: PackageOpenClawFields | undefined; rootReal?: string | undefined },
): ResolvedEntryFile | EntryFileProblem {
  const fields = options.fields ?? {};
  const contain = options.rootReal !== undefined ? { rootReal: options.rootReal } : {};
  const kind: EntryKind = options.preferSetup && fields.setupEntry ? "setup" : "main";
  for (const candidate of listEntryCandidates(rootDir, fields, kind)) {
    const contained = resolveInsideRoot(rootDir, candidate.written, contain);
    const where = candidate.origin.startsWith("built peer") ? candidate.origin : `${candidate.origin} ${JSON.stringify(candidate.written)}`;
    if (!contained.ok) {
      if (contained.code === "not-found") continue;
      if (contained.code === "entry-escapes-root") {
        return { code: "entry-escapes-root", path: candidate.file, error: `${where}: ${contained.message}` };
      }
      return { code: "path-unsafe", path: candidate.file, error: `${where}: ${contained.message}` };
    }
    let regular = false;
    try {
      regular = statSync(contained.real).isFile();
    } catch {
      continue;
    }
    if (!regular) {
      return {
        code: "path-unsafe",
        path: candidate.file,
        error: `${where}: ${candidate.file} is not a regular file (a directory, FIFO, socket or device); replace it with a regular JavaScript file.`,
      };
    }
    return { file: candidate.file, real: contained.real, kind, typescript: TS_EXTENSION.test(contained.real), declaredAs: candidate.declaredAs };
  }
  if (kind === "setup") {
    return { code: "entry-not-found", error: `setup entry ${fields.setupEntry} (package.json#openclaw.setupEntry) does not exist in ${rootDir}` };
  }
  const declared = fields.extensions?.[0];
  if (declared) {
    return {
      code: "entry-not-found",
      error: `entry ${declared} (package.json#openclaw.extensions[0]) does not exist in ${rootDir}; build the plugin or fix the path`,
    };
  }
  return {
    code: "entry-not-found",
    error: `no entry found in ${rootDir}: add package.json#openclaw.extensions (e.g. ["./index.ts"]) or an index.js`,
  };
}
