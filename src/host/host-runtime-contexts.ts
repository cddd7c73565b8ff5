/**
 * `runtime.channel.runtimeContexts` for the in-process host: an in-memory registry keyed by channel, account and
 * capability, with watchers and abort-signal disposal.
 */
import type { ChannelRuntimeContextEvent, ChannelRuntimeContextKey, ChannelRuntimeContextRegistry } from "../contract/runtime.js";

interface Watcher {
  channelId?: string;
  accountId?: string | null;
  capability?: string;
  onEvent: (event: ChannelRuntimeContextEvent) => void;
}

function keyOf(key: ChannelRuntimeContextKey): string {
  return JSON.stringify([key.channelId, key.accountId ?? "", key.capability]);
}

function checkKey(method: string, key: ChannelRuntimeContextKey): void {
  if (typeof key?.channelId !== "string" || key.channelId === "" || typeof key.capability !== "string" || key.capability === "") {
    throw new TypeError(`runtime.channel.runtimeContexts.${method}: channelId and capability must be non-empty strings (got ${JSON.stringify(key)}).`);
  }
}

/**
 * Creates an empty runtime-context registry.
 *
 * @example
 * ```ts
 * const contexts = createRuntimeContextRegistry();
 * contexts.register({ channelId: "my-channel", capability: "client", context: {} });
 * ```
 */
export function createRuntimeContextRegistry(): ChannelRuntimeContextRegistry {
  const entries = new Map<string, { key: ChannelRuntimeContextKey; context: unknown; token: object }>();
  const watchers = new Set<Watcher>();
  const notify = (event: ChannelRuntimeContextEvent) => {
    for (const watcher of [...watchers]) {
      if (watcher.channelId !== undefined && watcher.channelId !== event.key.channelId) continue;
      if (watcher.capability !== undefined && watcher.capability !== event.key.capability) continue;
      if (watcher.accountId !== undefined && (watcher.accountId ?? undefined) !== event.key.accountId) continue;
      watcher.onEvent(event);
    }
  };
  const publicKey = (key: ChannelRuntimeContextKey) => ({
    channelId: key.channelId,
    capability: key.capability,
    ...(key.accountId ? { accountId: key.accountId } : {}),
  });
  return {
    register(params) {
      checkKey("register", params);
      const id = keyOf(params);
      const token = {};
      const key = { channelId: params.channelId, accountId: params.accountId ?? null, capability: params.capability };
      entries.set(id, { key, context: params.context, token });
      notify({ type: "registered", key: publicKey(key), context: params.context });
      let disposed = false;
      const dispose = () => {
        if (disposed) return;
        disposed = true;
        params.abortSignal?.removeEventListener("abort", dispose);
        if (entries.get(id)?.token !== token) return; // replaced by a newer registration
        entries.delete(id);
        notify({ type: "unregistered", key: publicKey(key) });
      };
      if (params.abortSignal?.aborted) dispose();
      else params.abortSignal?.addEventListener("abort", dispose, { once: true });
      return { dispose };
    },
    get<T = unknown>(params: ChannelRuntimeContextKey): T | undefined {
      checkKey("get", params);
      return entries.get(keyOf(params))?.context as T | undefined;
    },
    watch(params) {
      const watcher: Watcher = { ...params };
      watchers.add(watcher);
      return () => {
        watchers.delete(watcher);
      };
    },
  };
}
