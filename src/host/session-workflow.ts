/**
 * Session workflow state shared by every plugin loaded into one host: durable next-turn injections (delivered
 * exactly once), per-run plugin context (cleared when the run ends), runtime lifecycle callbacks (reset / delete /
 * reload), agent event subscriptions, session extensions and gateway discovery services (advertised at gateway
 * start, stopped at shutdown).
 */
import { existsSync, readFileSync } from "node:fs";
import { writeFileAtomicSync } from "../files/write-file-atomic.js";
import type { PluginJsonValue } from "../contract/hook-types.js";
import type {
  GatewayDiscoveryContext,
  GatewayDiscoveryService,
  PluginAgentEventEmission,
  PluginAgentEventSubscription,
  PluginNextTurnInjection,
  PluginRuntimeLifecycle,
  PluginSessionExtension,
  PluginSessionSchedulerJob,
} from "../contract/plugin-api.js";

/**
 * A pending next-turn injection, as stored.
 *
 * @example
 * ```ts
 * const [first]: StoredNextTurnInjection[] = workflow.drainNextTurnInjections("agent:main:main");
 * ```
 */
export interface StoredNextTurnInjection {
  /** Unique id assigned at enqueue time. */
  id: string;
  pluginId: string;
  sessionKey: string;
  text: string;
  /** Optional de-duplication key: a second enqueue with the same plugin, session and key is ignored while pending. */
  key?: string;
  enqueuedAt: number;
}

/**
 * Where pending injections live. `take` must remove what it returns (that is what makes delivery exactly-once).
 *
 * @example
 * ```ts
 * const store: NextTurnInjectionStore = createMemoryInjectionStore();
 * ```
 */
export interface NextTurnInjectionStore {
  list(): StoredNextTurnInjection[];
  add(injection: StoredNextTurnInjection): void;
  /** Removes and returns every pending injection for `sessionKey`, in enqueue order. */
  take(sessionKey: string): StoredNextTurnInjection[];
}

/**
 * In-memory injection store (lost on restart; the default for tests).
 *
 * @example
 * ```ts
 * const store = createMemoryInjectionStore();
 * ```
 */
export function createMemoryInjectionStore(): NextTurnInjectionStore {
  let pending: StoredNextTurnInjection[] = [];
  return {
    list: () => [...pending],
    add: (injection) => {
      pending.push(injection);
    },
    take: (sessionKey) => {
      const taken = pending.filter((i) => i.sessionKey === sessionKey);
      pending = pending.filter((i) => i.sessionKey !== sessionKey);
      return taken;
    },
  };
}

/**
 * Durable injection store backed by one JSON file, rewritten atomically on every change, so a pending injection
 * survives a gateway restart and a delivered one is never delivered again.
 *
 * @example
 * ```ts
 * const store = createFileInjectionStore("/var/lib/openclaw/next-turn-injections.json");
 * ```
 */
export function createFileInjectionStore(file: string): NextTurnInjectionStore {
  const read = (): StoredNextTurnInjection[] => {
    if (!existsSync(file)) return [];
    try {
      const parsed = JSON.parse(readFileSync(file, "utf8")) as unknown;
      return Array.isArray(parsed) ? (parsed as StoredNextTurnInjection[]) : [];
    } catch (error) {
      throw new Error(
        `Cannot read next-turn injection store ${file}: ${(error as Error).message}. Fix or remove the file; it must contain a JSON array.`,
      );
    }
  };
  const write = (list: StoredNextTurnInjection[]) => writeFileAtomicSync(file, `${JSON.stringify(list, null, 2)}\n`);
  return {
    list: read,
    add: (injection) => write([...read(), injection]),
    take: (sessionKey) => {
      const all = read();
      const taken = all.filter((i) => i.sessionKey === sessionKey);
      if (taken.length > 0) write(all.filter((i) => i.sessionKey !== sessionKey));
      return taken;
    },
  };
}

/**
 * Options of `createSessionWorkflowHost`.
 *
 * @example
 * ```ts
 * const options: SessionWorkflowHostOptions = { injectionStore: createFileInjectionStore("/tmp/injections.json") };
 * ```
 */
export interface SessionWorkflowHostOptions {
  /** Where next-turn injections are kept. Default: in memory. */
  injectionStore?: NextTurnInjectionStore;
  /** Receives errors thrown by plugin callbacks (lifecycle, subscriptions, discovery). */
  onCallbackError?: (message: string, cause: unknown) => void;
}

/** A running discovery advertisement. */
interface ActiveAdvertisement {
  pluginId: string;
  id: string;
  stop(): void | Promise<void>;
}

/**
 * Result of a lifecycle fan-out: which plugin callbacks ran and which failed.
 *
 * @example
 * ```ts
 * const report: LifecycleRunReport = await workflow.resetSession("agent:main:main"); report.failed.length;
 * ```
 */
export interface LifecycleRunReport {
  ran: Array<{ pluginId: string; id: string }>;
  failed: Array<{ pluginId: string; id: string; error: string }>;
}

/**
 * Session workflow state for one host. Plugins reach it through their `api`; the host (or a test) drives it with
 * the methods below.
 *
 * @example
 * ```ts
 * const workflow: SessionWorkflowHost = createSessionWorkflowHost();
 * ```
 */
export interface SessionWorkflowHost {
  // plugin-facing
  enqueueNextTurnInjection(pluginId: string, injection: PluginNextTurnInjection): { enqueued: boolean };
  setRunContext(pluginId: string, runId: string, key: string, value: PluginJsonValue): void;
  getRunContext(pluginId: string, runId: string, key: string): PluginJsonValue | undefined;
  clearRunContext(pluginId: string, runId: string, key?: string): void;
  registerRuntimeLifecycle(pluginId: string, lifecycle: PluginRuntimeLifecycle): void;
  registerAgentEventSubscription(pluginId: string, subscription: PluginAgentEventSubscription): void;
  registerSessionExtension(pluginId: string, extension: PluginSessionExtension): void;
  registerSessionSchedulerJob(pluginId: string, job: PluginSessionSchedulerJob): void;
  registerDiscoveryService(pluginId: string, service: GatewayDiscoveryService): void;
  emitAgentEvent(pluginId: string, event: PluginAgentEventEmission): Promise<void>;
  // host-facing
  /** Removes and returns the pending injections of `sessionKey` (each is delivered exactly once). */
  drainNextTurnInjections(sessionKey: string): StoredNextTurnInjection[];
  /** Pending injections (not yet delivered). */
  pendingNextTurnInjections(): StoredNextTurnInjection[];
  /** Marks a run as ended: all plugin run context for `runId` is cleared. */
  endRun(runId: string): void;
  /** Session reset: runs every `onReset`. */
  resetSession(sessionKey?: string): Promise<LifecycleRunReport>;
  /** Session delete: runs every `onDelete`, then the cleanup of scheduler jobs bound to the session. */
  deleteSession(sessionKey?: string): Promise<LifecycleRunReport>;
  /** Plugin reload: runs every `onReload`. */
  reloadPlugins(): Promise<LifecycleRunReport>;
  /** Gateway start: advertises every discovery service with `ctx`. */
  startGateway(ctx: GatewayDiscoveryContext): Promise<LifecycleRunReport>;
  /** Gateway shutdown: stops every advertisement started by `SessionWorkflowHost.startGateway`. */
  stopGateway(): Promise<LifecycleRunReport>;
  /** Ids of discovery services currently advertised. */
  activeAdvertisements(): Array<{ pluginId: string; id: string }>;
  /** Current value of a plugin session extension for a session (its `initial()` until set). */
  getSessionExtension(namespace: string, sessionKey: string): PluginJsonValue | undefined;
  /** Sets the value of a plugin session extension for a session. */
  setSessionExtension(namespace: string, sessionKey: string, value: PluginJsonValue): void;
  /** Run context keys currently held for `runId` (all plugins). */
  runContextKeys(runId: string): string[];
}

/**
 * Creates the shared session workflow state of a host.
 *
 * @example
 * ```ts
 * const workflow = createSessionWorkflowHost();
 * workflow.enqueueNextTurnInjection("approvals", { sessionKey: "agent:main:main", text: "Approved." });
 * workflow.drainNextTurnInjections("agent:main:main").length; // 1
 * workflow.drainNextTurnInjections("agent:main:main").length; // 0
 * ```
 */
export function createSessionWorkflowHost(options: SessionWorkflowHostOptions = {}): SessionWorkflowHost {
  const store = options.injectionStore ?? createMemoryInjectionStore();
  const runContext = new Map<string, Map<string, PluginJsonValue>>();
  const lifecycles: Array<{ pluginId: string; lifecycle: PluginRuntimeLifecycle }> = [];
  const subscriptions: Array<{ pluginId: string; subscription: PluginAgentEventSubscription }> = [];
  const extensions = new Map<string, { pluginId: string; extension: PluginSessionExtension }>();
  const extensionValues = new Map<string, PluginJsonValue>();
  const schedulerJobs: Array<{ pluginId: string; job: PluginSessionSchedulerJob }> = [];
  const discovery: Array<{ pluginId: string; service: GatewayDiscoveryService }> = [];
  let active: ActiveAdvertisement[] = [];
  let counter = 0;
  const report = options.onCallbackError ?? (() => undefined);

  const ctxKey = (pluginId: string, key: string) => `${pluginId}\u0000${key}`;

  async function fanOut(
    items: Array<{ pluginId: string; id: string; call: () => unknown }>,
    label: string,
  ): Promise<LifecycleRunReport> {
    const result: LifecycleRunReport = { ran: [], failed: [] };
    for (const item of items) {
      try {
        await item.call();
        result.ran.push({ pluginId: item.pluginId, id: item.id });
      } catch (error) {
        const message = `${label} callback "${item.id}" of plugin ${item.pluginId} failed: ${(error as Error)?.message ?? String(error)}`;
        report(message, error);
        result.failed.push({ pluginId: item.pluginId, id: item.id, error: message });
      }
    }
    return result;
  }

  return {
    enqueueNextTurnInjection(pluginId, injection) {
      const sessionKey = injection.sessionKey?.trim();
      if (!sessionKey) throw new Error(`enqueueNextTurnInjection from plugin ${pluginId}: sessionKey must be a non-empty string.`);
      if (typeof injection.text !== "string" || injection.text.trim() === "") {
        throw new Error(`enqueueNextTurnInjection from plugin ${pluginId}: text must be a non-empty string.`);
      }
      if (
        injection.key !== undefined &&
        store.list().some((p) => p.pluginId === pluginId && p.sessionKey === sessionKey && p.key === injection.key)
      ) {
        return { enqueued: false };
      }
      counter += 1;
      store.add({
        id: `${Date.now().toString(36)}-${counter}`,
        pluginId,
        sessionKey,
        text: injection.text,
        ...(injection.key !== undefined ? { key: injection.key } : {}),
        enqueuedAt: Date.now(),
      });
      return { enqueued: true };
    },
    setRunContext(pluginId, runId, key, value) {
      let slot = runContext.get(runId);
      if (!slot) {
        slot = new Map();
        runContext.set(runId, slot);
      }
      slot.set(ctxKey(pluginId, key), value);
    },
    getRunContext(pluginId, runId, key) {
      return runContext.get(runId)?.get(ctxKey(pluginId, key));
    },
    clearRunContext(pluginId, runId, key) {
      const slot = runContext.get(runId);
      if (!slot) return;
      if (key !== undefined) slot.delete(ctxKey(pluginId, key));
      else for (const k of [...slot.keys()]) if (k.startsWith(`${pluginId}\u0000`)) slot.delete(k);
      if (slot.size === 0) runContext.delete(runId);
    },
    registerRuntimeLifecycle(pluginId, lifecycle) {
      lifecycles.push({ pluginId, lifecycle });
    },
    registerAgentEventSubscription(pluginId, subscription) {
      subscriptions.push({ pluginId, subscription });
    },
    registerSessionExtension(pluginId, extension) {
      const owner = extensions.get(extension.namespace);
      if (owner && owner.pluginId !== pluginId) {
        throw new Error(
          `session extension namespace "${extension.namespace}" is already owned by plugin ${owner.pluginId}; plugin ${pluginId} must use its own namespace (e.g. "${pluginId}.${extension.namespace}").`,
        );
      }
      extensions.set(extension.namespace, { pluginId, extension });
    },
    registerSessionSchedulerJob(pluginId, job) {
      schedulerJobs.push({ pluginId, job });
    },
    registerDiscoveryService(pluginId, service) {
      discovery.push({ pluginId, service });
    },
    async emitAgentEvent(pluginId, event) {
      await fanOut(
        subscriptions
          .filter(({ subscription }) => !subscription.events || subscription.events.includes(event.type))
          .map(({ pluginId: owner, subscription }) => ({
            pluginId: owner,
            id: subscription.id,
            call: () => subscription.handler({ ...event }),
          })),
        `agent event subscription (emitted by ${pluginId})`,
      );
    },
    drainNextTurnInjections: (sessionKey) => store.take(sessionKey),
    pendingNextTurnInjections: () => store.list(),
    endRun(runId) {
      runContext.delete(runId);
    },
    resetSession(sessionKey) {
      return fanOut(
        lifecycles
          .filter(({ lifecycle }) => lifecycle.onReset)
          .map(({ pluginId, lifecycle }) => ({
            pluginId,
            id: lifecycle.id,
            call: () => lifecycle.onReset?.(sessionKey !== undefined ? { sessionKey } : {}),
          })),
        "onReset",
      );
    },
    async deleteSession(sessionKey) {
      const result = await fanOut(
        lifecycles
          .filter(({ lifecycle }) => lifecycle.onDelete)
          .map(({ pluginId, lifecycle }) => ({
            pluginId,
            id: lifecycle.id,
            call: () => lifecycle.onDelete?.(sessionKey !== undefined ? { sessionKey } : {}),
          })),
        "onDelete",
      );
      const jobs = schedulerJobs.filter(({ job }) => job.cleanup && (sessionKey === undefined || job.sessionKey === sessionKey));
      const cleanup = await fanOut(
        jobs.map(({ pluginId, job }) => ({ pluginId, id: job.id, call: () => job.cleanup?.() })),
        "scheduler job cleanup",
      );
      for (const key of [...extensionValues.keys()]) if (sessionKey === undefined || key.endsWith(`\u0000${sessionKey}`)) extensionValues.delete(key);
      return { ran: [...result.ran, ...cleanup.ran], failed: [...result.failed, ...cleanup.failed] };
    },
    reloadPlugins() {
      return fanOut(
        lifecycles
          .filter(({ lifecycle }) => lifecycle.onReload)
          .map(({ pluginId, lifecycle }) => ({ pluginId, id: lifecycle.id, call: () => lifecycle.onReload?.() })),
        "onReload",
      );
    },
    async startGateway(ctx) {
      const result: LifecycleRunReport = { ran: [], failed: [] };
      for (const { pluginId, service } of discovery) {
        if (active.some((a) => a.pluginId === pluginId && a.id === service.id)) continue;
        try {
          const handle = await service.advertise({ ...ctx, txt: { ...ctx.txt } });
          active.push({ pluginId, id: service.id, stop: () => handle?.stop?.() });
          result.ran.push({ pluginId, id: service.id });
        } catch (error) {
          const message = `discovery service "${service.id}" of plugin ${pluginId} failed to advertise: ${(error as Error)?.message ?? String(error)}`;
          report(message, error);
          result.failed.push({ pluginId, id: service.id, error: message });
        }
      }
      return result;
    },
    async stopGateway() {
      const stopping = active;
      active = [];
      return fanOut(
        stopping.map((a) => ({ pluginId: a.pluginId, id: a.id, call: () => a.stop() })),
        "discovery stop",
      );
    },
    activeAdvertisements: () => active.map(({ pluginId, id }) => ({ pluginId, id })),
    getSessionExtension(namespace, sessionKey) {
      const key = `${namespace}\u0000${sessionKey}`;
      if (extensionValues.has(key)) return extensionValues.get(key);
      return extensions.get(namespace)?.extension.initial?.();
    },
    setSessionExtension(namespace, sessionKey, value) {
      extensionValues.set(`${namespace}\u0000${sessionKey}`, value);
    },
    runContextKeys(runId) {
      return [...(runContext.get(runId)?.keys() ?? [])].map((k) => k.replace("\u0000", ":"));
    },
  };
}
