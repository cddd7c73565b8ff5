/**
 * The server's event bus (sent to clients on `GET /api/events` as server-sent events) and the pending-restart queue:
 * changes that take effect only after the plugin runtime restarts are queued with a reason (deduplicated, at most
 * {@link MAX_RESTART_REASONS}) and announced as `restart-pending`.
 */
import type { InstallProgressEvent, PendingRestart } from "../management-client/api-types.js";

/** One server event. */
export type ServerEvent =
  | { type: "install-progress"; data: InstallProgressEvent }
  | { type: "restart-pending"; data: PendingRestart }
  | { type: "runtime-restarted"; data: { generation: number } };

/** Most reasons kept in the pending-restart queue (the oldest are dropped first). */
export const MAX_RESTART_REASONS = 50;

/**
 * Event bus plus pending-restart queue.
 *
 * @example
 * ```ts
 * const bus = createEventBus();
 * const off = bus.subscribe((event) => console.log(event.type));
 * bus.requestRestart("plugin demo enabled");
 * off();
 * ```
 */
export interface EventBus {
  subscribe(listener: (event: ServerEvent) => void): () => void;
  emit(event: ServerEvent): void;
  requestRestart(reason: string): void;
  pendingRestart(): PendingRestart;
  clearRestart(): void;
  /** Number of subscribers (open event streams). */
  subscribers(): number;
}

/**
 * Creates an {@link EventBus}.
 *
 * @example
 * ```ts
 * const bus = createEventBus();
 * ```
 */
export function createEventBus(): EventBus {
  const listeners = new Set<(event: ServerEvent) => void>();
  let reasons: string[] = [];
  const bus: EventBus = {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    emit(event) {
      for (const listener of [...listeners]) {
        try {
          listener(event);
        } catch {
          // a broken stream must not stop the others
        }
      }
    },
    requestRestart(reason) {
      if (!reasons.includes(reason)) reasons = [...reasons, reason].slice(-MAX_RESTART_REASONS);
      bus.emit({ type: "restart-pending", data: bus.pendingRestart() });
    },
    pendingRestart: () => ({ required: reasons.length > 0, reasons: [...reasons] }),
    clearRestart() {
      reasons = [];
    },
    subscribers: () => listeners.size,
  };
  return bus;
}
