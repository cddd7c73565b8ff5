/**
 * The server's access to the OpenClaw config file: reads through the shared reader (`readOpenClawConfig`) and
 * serialised, atomic edits. Every mutating request goes through {@link ConfigStore.update}, which runs one edit at a
 * time in this process and is tracked as an in-flight write, so a SIGINT/SIGTERM waits for it before the process ends.
 *
 * The writer is the shared config writer (`updateOpenClawConfig`, src/config/config-writer.ts) under the state lock,
 * passed in by `gateway.ts` (`installer-adapter.ts`): it follows `$include`, writes atomically and creates the file on
 * the first write.
 */
import { readOpenClawConfig, type OpenClawConfigFile } from "../discovery/config-file.js";

/** Applies `edit` to the config object held by `configPath` and writes it atomically. */
export type ConfigWriter = (configPath: string, edit: (draft: Record<string, unknown>) => void) => Promise<void>;

/**
 * Serialised config access plus the in-flight-write count the shutdown waits on.
 *
 * @example
 * ```ts
 * const store = createConfigStore({ configPath, writer });
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
 * Creates the store for `configPath`.
 *
 * @example
 * ```ts
 * const store = createConfigStore({ configPath: paths.configPath, writer });
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
