/**
 * The gateway's plugin runtime: plugin code never runs in the server process. One child process (the CLI's
 * runtime worker, `src/cli/runtime-worker.ts`) loads every enabled plugin in the `full` registration mode and keeps
 * it loaded; the server asks it what loaded (`isActive`, `loadError`) and to run connectivity checks. A plugin that
 * ends or hangs the child while loading is marked failed (`plugin-exited` / `plugin-load-timeout`) and the child is
 * started again with the remaining plugins. A restart (`autoRestart`, or a pending restart applied) replaces the
 * child: generation + 1. Services (`api.registerService`) are not started by this runtime.
 */
import type { PluginOrigin } from "../config/plugins-policy.js";
import { loadTimeLimitMs, startRuntimeChild, type RuntimeChild } from "../cli/runtime-child.js";
import { childFailure } from "../cli/runtime-check.js";
import type { ConnectivityCheckOutcome } from "../cli/runtime-jobs.js";
import type { RuntimeStatus } from "../management-client/api-types.js";

/** One plugin the runtime should load. */
export interface RuntimePluginSpec {
  id: string;
  rootDir: string;
  origin: PluginOrigin;
  /** The whole config file object. */
  config: Record<string, unknown>;
  /** `plugins.entries.<id>.config`. */
  pluginConfig: unknown;
  registerTimeoutMs?: number;
}

/** What the runtime knows about one plugin. */
export interface RuntimePluginState {
  loaded: boolean;
  loadError: string | null;
  hasConnectivityCheck: boolean;
  /** The host's shape of the loaded plugin, `null` when it did not load. */
  shape: string | null;
}

/**
 * The runtime handle the routes use.
 *
 * @example
 * ```ts
 * const runtime = createPluginRuntime({ env: process.env, cwd: process.cwd(), log: (line) => process.stderr.write(line) });
 * await runtime.restart(specs);
 * runtime.plugin("demo")?.loaded;
 * ```
 */
export interface PluginRuntime {
  status(): RuntimeStatus;
  plugin(id: string): RuntimePluginState | undefined;
  /** Replaces the child and loads `plugins` (resolves when all are loaded or failed). */
  restart(plugins: readonly RuntimePluginSpec[]): Promise<void>;
  /** Resolves when the current (re)start is done. */
  ready(): Promise<void>;
  /** Runs plugin `id`'s connectivity check in the child. */
  check(id: string, timeoutMs: number): Promise<ConnectivityCheckOutcome | { status: "failed"; message: string }>;
  close(): Promise<void>;
}

/**
 * Creates the (not yet started) plugin runtime.
 *
 * @example
 * ```ts
 * const runtime = createPluginRuntime({ env: process.env, cwd: process.cwd(), log: (line) => process.stderr.write(line) });
 * ```
 */
export function createPluginRuntime(options: { env: NodeJS.ProcessEnv; cwd: string; log: (text: string) => void }): PluginRuntime {
  let generation = 0;
  let state: RuntimeStatus["state"] = "ready";
  let loadedAt: string | null = null;
  let states = new Map<string, RuntimePluginState>();
  let child: RuntimeChild | undefined;
  let current: Promise<void> = Promise.resolve();
  let closed = false;
  const output = { write: (text: string) => options.log(text) };
  const spawn = (): RuntimeChild => startRuntimeChild({ env: options.env, cwd: options.cwd, output: output as never });

  const loadAll = async (plugins: readonly RuntimePluginSpec[], mine: number): Promise<void> => {
    const next = new Map<string, RuntimePluginState>();
    let pending = [...plugins];
    // Each pass loads the pending plugins into a fresh child; a plugin that kills or hangs the child is marked
    // failed and the pass starts again without it (the plugins loaded before it are loaded again).
    while (pending.length > 0 && !closed && mine === generation) {
      const worker = spawn();
      const previous = child;
      child = worker;
      await previous?.close();
      let failedAt = -1;
      for (let index = 0; index < pending.length; index += 1) {
        const spec = pending[index]!;
        const outcome = await worker.run(
          {
            kind: "runtime-load",
            options: {
              rootDir: spec.rootDir,
              origin: spec.origin,
              config: spec.config,
              pluginConfig: spec.pluginConfig,
              ...(spec.registerTimeoutMs !== undefined ? { registerTimeoutMs: spec.registerTimeoutMs } : {}),
            },
          },
          loadTimeLimitMs(spec.registerTimeoutMs),
        );
        if (outcome.kind === "result") {
          const report = outcome.value;
          next.set(spec.id, {
            loaded: report.loadError === undefined,
            loadError: report.loadError ?? null,
            hasConnectivityCheck: report.hasConnectivityCheck === true,
            shape: report.loadError === undefined ? report.shape : null,
          });
          continue;
        }
        next.set(spec.id, { loaded: false, loadError: childFailure(outcome, `plugin "${spec.id}"`).message, hasConnectivityCheck: false, shape: null });
        failedAt = index;
        break;
      }
      if (failedAt < 0) break;
      pending = pending.filter((_, index) => index !== failedAt);
    }
    if (mine !== generation) return;
    states = next;
    state = "ready";
    loadedAt = new Date().toISOString();
  };

  return {
    status: () => ({ state, generation, loadedAt }),
    plugin: (id) => states.get(id),
    restart(plugins) {
      generation += 1;
      const mine = generation;
      state = "loading";
      current = current.catch(() => undefined).then(() => loadAll(plugins, mine));
      return current;
    },
    ready: () => current.catch(() => undefined),
    async check(id, timeoutMs) {
      await current.catch(() => undefined);
      if (!child || !states.get(id)?.loaded) return { status: "not-loaded" };
      const outcome = await child.run({ kind: "connectivity-check", pluginId: id, timeoutMs }, timeoutMs + 2_000);
      if (outcome.kind === "result") return outcome.value;
      // The check took the child down (or never answered): everything it held is gone; mark it and say so.
      const failure = childFailure(outcome, `the connectivity check of plugin "${id}"`);
      for (const entry of states.values()) {
        entry.loaded = false;
        entry.loadError ??= "the plugin runtime stopped (a connectivity check ended it); restart the gateway's plugin runtime";
      }
      return { status: "failed", message: failure.message };
    },
    async close() {
      closed = true;
      generation += 1;
      await child?.close();
      child = undefined;
    },
  };
}
