/**
 * `createPluginRuntimeStore`: a slot a plugin keeps its runtime in between `setRuntime` (at registration) and
 * later use (tools, monitors).
 */

/**
 * Options for a shared slot (survives duplicate SDK copies in one process).
 *
 * @example
 * ```ts
 * const opts: PluginRuntimeStoreOptions = { pluginId: "my-channel", errorMessage: "my-channel runtime not initialized" };
 * ```
 */
export type PluginRuntimeStoreOptions =
  | { pluginId: string; errorMessage: string }
  | { key: string; errorMessage: string };

/**
 * A runtime slot.
 *
 * @example
 * ```ts
 * declare const store: PluginRuntimeStore<{ version: string }>;
 * store.tryGetRuntime()?.version;
 * ```
 */
export interface PluginRuntimeStore<T> {
  setRuntime(next: T): void;
  clearRuntime(): void;
  /** The runtime, or `null` when not set. */
  tryGetRuntime(): T | null;
  /** The runtime; throws `errorMessage` when it is `null` or `undefined`. */
  getRuntime(): T;
}

interface Slot {
  value: unknown;
}

const REGISTRY_SYMBOL = Symbol.for("openclaw.plugin-sdk.runtime-store.v1");

function sharedRegistry(): Map<string, Slot> {
  const holder = globalThis as unknown as Record<symbol, Map<string, Slot> | undefined>;
  let registry = holder[REGISTRY_SYMBOL];
  if (!registry) {
    registry = new Map();
    Object.defineProperty(globalThis, REGISTRY_SYMBOL, { value: registry, enumerable: false, configurable: false, writable: false });
  }
  return registry;
}

/**
 * Creates a runtime slot. A string argument (the error message) gives an **isolated** slot local to this call;
 * `{ pluginId }` or `{ key }` gives a **shared** slot, registered under a global symbol so duplicate copies of the
 * SDK in one process see the same runtime. `getRuntime()` throws only while the value is `null`/`undefined`.
 *
 * @example
 * ```ts
 * import type { PluginRuntime } from "openclaw/plugin-sdk/runtime-store";
 * import { createPluginRuntimeStore } from "openclaw/plugin-sdk/runtime-store";
 *
 * export const { setRuntime, getRuntime, tryGetRuntime } = createPluginRuntimeStore<PluginRuntime>({
 *   pluginId: "my-channel",
 *   errorMessage: "my-channel: runtime not initialized (the channel is not running in full mode)",
 * });
 * ```
 */
export function createPluginRuntimeStore<T>(errorMessage: string): PluginRuntimeStore<T>;
/**
 * Creates a **shared** runtime slot keyed by `pluginId` or `key` (one slot per key across every SDK copy in the
 * process). Throws for an empty `pluginId` / `key`.
 *
 * @example
 * ```ts
 * const store = createPluginRuntimeStore<PluginRuntime>({ key: "my-channel:runtime", errorMessage: "not ready" });
 * ```
 */
export function createPluginRuntimeStore<T>(options: PluginRuntimeStoreOptions): PluginRuntimeStore<T>;
export function createPluginRuntimeStore<T>(arg: string | PluginRuntimeStoreOptions): PluginRuntimeStore<T> {
  let slot: Slot;
  let message: string;
  if (typeof arg === "string") {
    slot = { value: null };
    message = arg;
  } else if (typeof arg === "object" && arg !== null) {
    let key: string;
    if ("pluginId" in arg) {
      if (typeof arg.pluginId !== "string" || arg.pluginId.trim() === "") {
        throw new TypeError("createPluginRuntimeStore: pluginId must be a non-empty string.");
      }
      key = `plugin:${arg.pluginId.trim()}`;
    } else if ("key" in arg) {
      if (typeof arg.key !== "string" || arg.key.trim() === "") {
        throw new TypeError("createPluginRuntimeStore: key must be a non-empty string.");
      }
      key = `key:${arg.key.trim()}`;
    } else {
      throw new TypeError("createPluginRuntimeStore: pass an error message string, { pluginId, errorMessage } or { key, errorMessage }.");
    }
    message = arg.errorMessage;
    const registry = sharedRegistry();
    let shared = registry.get(key);
    if (!shared) {
      shared = { value: null };
      registry.set(key, shared);
    }
    slot = shared;
  } else {
    throw new TypeError("createPluginRuntimeStore: pass an error message string, { pluginId, errorMessage } or { key, errorMessage }.");
  }
  if (typeof message !== "string" || message.trim() === "") message = "plugin runtime is not initialized";
  return {
    setRuntime(next: T) {
      slot.value = next;
    },
    clearRuntime() {
      slot.value = null;
    },
    tryGetRuntime() {
      return (slot.value ?? null) as T | null;
    },
    getRuntime() {
      if (slot.value === null || slot.value === undefined) throw new Error(message);
      return slot.value as T;
    },
  };
}
