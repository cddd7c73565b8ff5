/**
 * Entry resolution and import: finds the entry file of a plugin root (main or setup entry, built JS preferred over
 * TypeScript sources), imports it (ESM `import()`; jiti, loaded lazily, only for TypeScript without a built peer)
 * and checks the shape of what it exports.
 */
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

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

/**
 * A resolved entry file.
 *
 * @example
 * ```ts
 * const entry: ResolvedEntryFile = { file: "/p/dist/index.js", kind: "main", typescript: false, declaredAs: "./src/index.ts" };
 * ```
 */
export interface ResolvedEntryFile {
  file: string;
  /** Which entry: the main extension or the setup entry. */
  kind: "main" | "setup";
  /** True when the file is TypeScript (no built JS peer exists) and needs jiti. */
  typescript: boolean;
  /** Where the path came from, for diagnostics. */
  declaredAs: string;
}

const TS_EXTENSION = /\.(?:m|c)?tsx?$/;

/**
 * Reads `package.json#openclaw` from a plugin root; `undefined` when there is no package.json.
 *
 * @example
 * ```ts
 * readPackageOpenClawFields("/plugins/demo")?.extensions; // ["./index.ts"]
 * ```
 */
export function readPackageOpenClawFields(rootDir: string): { fields: PackageOpenClawFields; version?: string } | undefined {
  const file = join(rootDir, "package.json");
  if (!existsSync(file)) return undefined;
  let pkg: unknown;
  try {
    pkg = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new Error(`${file} is not valid JSON: ${(error as Error).message}`);
  }
  const record = (typeof pkg === "object" && pkg !== null ? pkg : {}) as Record<string, unknown>;
  const openclaw = (typeof record.openclaw === "object" && record.openclaw !== null ? record.openclaw : {}) as Record<string, unknown>;
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
  return { fields, ...(typeof record.version === "string" ? { version: record.version } : {}) };
}

function builtPeers(rootDir: string, declared: string, runtimePeer: string | undefined): string[] {
  const peers: string[] = [];
  if (runtimePeer) peers.push(resolve(rootDir, runtimePeer));
  if (TS_EXTENSION.test(declared)) {
    const stem = declared.replace(TS_EXTENSION, "");
    peers.push(resolve(rootDir, `${stem}.js`), resolve(rootDir, `${stem}.mjs`));
    const relative = stem.replace(/^\.\//, "").replace(/^src\//, "");
    peers.push(resolve(rootDir, "dist", `${relative}.js`), resolve(rootDir, "dist", `${relative}.mjs`));
  }
  return peers;
}

/**
 * Resolves the entry file to import: the setup entry when `preferSetup` and the package declares one, else the
 * first `extensions` entry; a built JS peer (`runtimeExtensions` / `runtimeSetupEntry`, the same path with `.js`,
 * or `dist/<name>.js`) wins over a TypeScript source. Without `package.json#openclaw.extensions`, `index.js`,
 * `index.mjs` or `index.ts` in the root is used. Returns an error message when nothing exists.
 *
 * @example
 * ```ts
 * resolveEntryFile("/plugins/demo", { preferSetup: false });
 * // { file: "/plugins/demo/dist/index.js", kind: "main", typescript: false, declaredAs: "./index.ts" }
 * ```
 */
export function resolveEntryFile(
  rootDir: string,
  options: { preferSetup: boolean; fields?: PackageOpenClawFields | undefined },
): ResolvedEntryFile | { error: string } {
  const fields = options.fields ?? {};
  const attempt = (declared: string, runtimePeer: string | undefined, kind: "main" | "setup"): ResolvedEntryFile | undefined => {
    for (const peer of builtPeers(rootDir, declared, runtimePeer)) {
      if (existsSync(peer)) return { file: peer, kind, typescript: TS_EXTENSION.test(peer), declaredAs: declared };
    }
    const file = resolve(rootDir, declared);
    if (existsSync(file)) return { file, kind, typescript: TS_EXTENSION.test(file), declaredAs: declared };
    return undefined;
  };
  if (options.preferSetup && fields.setupEntry) {
    const setup = attempt(fields.setupEntry, fields.runtimeSetupEntry, "setup");
    if (setup) return setup;
    return { error: `setup entry ${fields.setupEntry} (package.json#openclaw.setupEntry) does not exist in ${rootDir}` };
  }
  const declared = fields.extensions?.[0];
  if (declared) {
    const main = attempt(declared, fields.runtimeExtensions?.[0], "main");
    if (main) return main;
    return { error: `entry ${declared} (package.json#openclaw.extensions[0]) does not exist in ${rootDir}; build the plugin or fix the path` };
  }
  for (const name of ["index.js", "index.mjs", "index.ts"]) {
    const found = attempt(`./${name}`, undefined, "main");
    if (found) return found;
  }
  return {
    error: `no entry found in ${rootDir}: add package.json#openclaw.extensions (e.g. ["./index.ts"]) or an index.js`,
  };
}

let jitiInstance: { import(id: string): Promise<unknown> } | undefined;

/**
 * Imports an entry file: native ESM `import()` for JavaScript; TypeScript through jiti (loaded on first use).
 *
 * @example
 * ```ts
 * const mod = await importEntryFile({ file: "/plugins/demo/dist/index.js", typescript: false });
 * ```
 */
export async function importEntryFile(entry: { file: string; typescript: boolean }): Promise<unknown> {
  if (!entry.typescript) return import(pathToFileURL(entry.file).href);
  if (!jitiInstance) {
    const { createJiti } = await import("jiti");
    jitiInstance = createJiti(import.meta.url, { moduleCache: true, fsCache: false });
  }
  return jitiInstance.import(entry.file);
}

/**
 * What the loader can call, extracted from an entry module.
 *
 * @example
 * ```ts
 * const found: EntryExport | undefined = extractEntryExport(await import("./index.js"), false);
 * ```
 */
export interface EntryExport {
  /** How the export was recognised. */
  form: "definition" | "function" | "activate" | "setup";
  /** The object the entry exported (definition, setup entry), when it is an object. */
  definition?: Record<string, unknown>;
  register: (api: never) => unknown;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

/**
 * Recognises an entry export: a default export with `register(api)`, with `activate(api)` (legacy), a default
 * export function, a named `register`/`activate`, or (setup entries) `{ plugin }` from `defineSetupPluginEntry`.
 *
 * @example
 * ```ts
 * extractEntryExport({ default: { id: "demo", register() {} } }, false)?.form; // "definition"
 * ```
 */
export function extractEntryExport(mod: unknown, isSetup: boolean): EntryExport | undefined {
  const candidates: unknown[] = [];
  if (isRecord(mod) && "default" in mod) {
    candidates.push(mod.default);
    // Transpiled CommonJS: { default: { default: entry } }
    if (isRecord(mod.default) && "default" in mod.default) candidates.push(mod.default.default);
  }
  candidates.push(mod);
  for (const candidate of candidates) {
    if (typeof candidate === "function") return { form: "function", register: candidate as EntryExport["register"] };
    if (!isRecord(candidate)) continue;
    if (typeof candidate.register === "function") {
      return { form: "definition", definition: candidate, register: (candidate.register as (api: never) => unknown).bind(candidate) };
    }
    if (typeof candidate.activate === "function") {
      return { form: "activate", definition: candidate, register: (candidate.activate as (api: never) => unknown).bind(candidate) };
    }
    if (isSetup && isRecord(candidate.plugin)) {
      const plugin = candidate.plugin;
      return {
        form: "setup",
        definition: candidate,
        register: ((api: { registerChannel(r: { plugin: unknown }): void }) => api.registerChannel({ plugin })) as EntryExport["register"],
      };
    }
  }
  return undefined;
}

function describeShapeValue(value: unknown): string {
  if (value === undefined) return "undefined";
  if (value === null) return "null";
  if (typeof value === "function") return "function";
  if (Array.isArray(value)) return "array";
  if (typeof value === "object") {
    const keys = Object.keys(value as object);
    return `object{${keys.slice(0, 12).map((k) => `${k}:${typeof (value as Record<string, unknown>)[k]}`).join(", ")}${keys.length > 12 ? ", …" : ""}}`;
  }
  return typeof value;
}

/**
 * A one-line summary of what a module exports, for `OPENCLAW_PLUGIN_LOAD_DEBUG=1`.
 *
 * @example
 * ```ts
 * summarizeExportShape({ default: { id: "x" }, helper() {} });
 * // "default: object{id:string}; named: helper:function"
 * ```
 */
export function summarizeExportShape(mod: unknown): string {
  if (!isRecord(mod)) return `module: ${describeShapeValue(mod)}`;
  const named = Object.keys(mod).filter((k) => k !== "default");
  return `default: ${describeShapeValue((mod as Record<string, unknown>).default)}; named: ${
    named.length > 0 ? named.map((k) => `${k}:${typeof (mod as Record<string, unknown>)[k]}`).join(", ") : "(none)"
  }`;
}
