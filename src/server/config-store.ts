/**
 * The server's access to the OpenClaw config file: reads through the shared reader (`readOpenClawConfig`) and
 * serialised, atomic edits. Every mutating request goes through {@link ConfigStore.update}, which runs one edit at a
 * time in this process and is tracked as an in-flight write, so a SIGINT/SIGTERM waits for it before the process ends.
 *
 * The file writer is `updateOpenClawConfig` from `src/config/config-writer.ts` (issue 13, branch wt-index) once that
 * lands; until then {@link createConfigStore} takes a writer and `gateway.ts` passes the minimal JSON writer below
 * (whole file, atomic rename), which does not follow `$include`.
 */
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { readOpenClawConfig, type OpenClawConfigFile } from "../discovery/config-file.js";
import { writeFileAtomic } from "../files/write-file-atomic.js";

/** Applies `edit` to the config object held by `configPath` and writes it atomically. */
export type ConfigWriter = (configPath: string, edit: (draft: Record<string, unknown>) => void) => Promise<void>;

/**
 * Serialised config access plus the in-flight-write count the shutdown waits on.
 *
 * @example
 * ```ts
 * const store = createConfigStore({ configPath, writer: writeConfigJson });
 * await store.update((draft) => { draft.plugins = { enabled: true }; });
 * ```
 */
export interface ConfigStore {
  readonly configPath: string;
  read(): Promise<OpenClawConfigFile>;
  /** Runs `edit` on a fresh copy of the file's object and writes it; edits run one at a time. */
  update(edit: (draft: Record<string, unknown>) => void): Promise<void>;
  /** Runs `work` as a tracked write (other state files: the catalog cache, eject records). */
  track<T>(work: () => Promise<T>): Promise<T>;
  /** Resolves when no tracked write is running. */
  idle(): Promise<void>;
}

/**
 * A writer that re-reads the file, applies `edit` and writes the whole object back as JSON (atomic rename). It refuses
 * a file that exists but cannot be used, naming the reader's error, rather than replace it.
 *
 * @example
 * ```ts
 * await writeConfigJson("/state/openclaw.json", (draft) => { draft.gateway = {}; });
 * ```
 */
export const writeConfigJson: ConfigWriter = async (configPath, edit) => {
  const file = await readOpenClawConfig(configPath);
  if (file.exists && file.diagnostics.some((d) => d.code.startsWith("config-") && d.level === "error" && d.path === "")) {
    throw new Error(file.configError ?? `the config file ${configPath} cannot be used; fix it first (openclaw plugins doctor)`);
  }
  const draft = structuredClone(file.raw);
  edit(draft);
  mkdirSync(dirname(configPath), { recursive: true });
  await writeFileAtomic(configPath, `${JSON.stringify(draft, null, 2)}\n`);
};

/**
 * Creates the store for `configPath`.
 *
 * @example
 * ```ts
 * const store = createConfigStore({ configPath: paths.configPath, writer: writeConfigJson });
 * ```
 */
export function createConfigStore(options: { configPath: string; writer: ConfigWriter }): ConfigStore {
  let chain: Promise<unknown> = Promise.resolve();
  let inFlight = 0;
  const waiters: Array<() => void> = [];
  const track = async <T>(work: () => Promise<T>): Promise<T> => {
    inFlight += 1;
    try {
      return await work();
    } finally {
      inFlight -= 1;
      if (inFlight === 0) for (const wake of waiters.splice(0)) wake();
    }
  };
  return {
    configPath: options.configPath,
    read: () => readOpenClawConfig(options.configPath),
    update(edit) {
      const next = chain.then(() => track(() => options.writer(options.configPath, edit)));
      chain = next.catch(() => undefined);
      return next;
    },
    track,
    idle: () => (inFlight === 0 ? Promise.resolve() : new Promise<void>((resolve) => waiters.push(resolve))),
  };
}

/**
 * `plugins.entries.<id>` of a draft config, created when missing (prototype names are ordinary keys).
 *
 * @example
 * ```ts
 * await store.update((draft) => { pluginEntry(draft, "demo").enabled = true; });
 * ```
 */
export function pluginEntry(draft: Record<string, unknown>, id: string): Record<string, unknown> {
  const plugins = objectAt(draft, "plugins");
  const entries = objectAt(plugins, "entries");
  return objectAt(entries, id);
}

/**
 * The object at `draft[key]`, created (own property, plain object) when missing or not an object.
 *
 * @example
 * ```ts
 * objectAt(draft, "gateway").corePlugins = { required: [], optional: [] };
 * ```
 */
export function objectAt(draft: Record<string, unknown>, key: string): Record<string, unknown> {
  const current = Object.hasOwn(draft, key) ? draft[key] : undefined;
  if (typeof current === "object" && current !== null && !Array.isArray(current)) return current as Record<string, unknown>;
  const created: Record<string, unknown> = {};
  Object.defineProperty(draft, key, { value: created, enumerable: true, writable: true, configurable: true });
  return created;
}
