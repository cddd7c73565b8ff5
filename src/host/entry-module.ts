/**
 * Entry import and shape: imports the resolved entry file (ESM `import()`; jiti, loaded lazily, only for TypeScript
 * without a built peer) and recognises what it exports. Which file is imported, and whether it may be, is decided
 * in `entry-files.ts` and `path-safety.ts`. Everything here touches plugin-controlled objects (getters, proxies),
 * so callers run it inside a `try` and turn a throw into a `loadError`.
 */
import { pathToFileURL } from "node:url";

let jitiInstance: { import(id: string): Promise<unknown> } | undefined;

/**
 * Imports an entry file: native ESM `import()` for JavaScript; TypeScript through jiti (loaded on first use). Give
 * it the `realpath` that passed the containment check, so the file imported is the file that was checked.
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

/** Identity fields of an entry definition, read once (a getter runs once, and only here). */
export interface EntryIdentity {
  id?: string;
  name?: string;
  description?: string;
  version?: string;
  kind?: string;
}

/**
 * Reads `id`, `name`, `description`, `version` and `kind` from an entry definition, keeping strings only. A getter
 * that throws propagates (the loader turns it into `entry-shape-invalid`).
 *
 * @example
 * ```ts
 * readEntryIdentity({ id: "demo", name: 3 }); // { id: "demo" }
 * ```
 */
export function readEntryIdentity(definition: Record<string, unknown> | undefined): EntryIdentity {
  const identity: EntryIdentity = {};
  if (!definition) return identity;
  for (const field of ["id", "name", "description", "version", "kind"] as const) {
    const value = definition[field];
    if (typeof value === "string") identity[field] = value;
  }
  return identity;
}
