/**
 * Diagnostic events plugins emit and observe in-process, a process-wide enable switch, and subsystem loggers.
 */
import type { OpenClawConfig } from "../contract/config.js";

/**
 * A diagnostic event: a `type` plus any JSON-like fields; `ts` (epoch ms) is added on emit.
 *
 * @example
 * ```ts
 * const event: DiagnosticEventPayload = { type: "my-chat.reconnect", ts: Date.now(), attempt: 2 };
 * ```
 */
export interface DiagnosticEventPayload {
  type: string;
  ts: number;
  [field: string]: unknown;
}

/**
 * An event as passed to `emitDiagnosticEvent` (`ts` optional).
 *
 * @example
 * ```ts
 * const input: DiagnosticEventInput = { type: "my-chat.reconnect" };
 * ```
 */
export type DiagnosticEventInput = Omit<DiagnosticEventPayload, "ts"> & { ts?: number };

/** Shared through a global symbol so every copy of the SDK in a process (host and plugins) uses one bus. */
interface DiagnosticBus {
  listeners: Set<(event: DiagnosticEventPayload) => void>;
  enabled: boolean;
}
const BUS_KEY = Symbol.for("openclaw.plugin-sdk.diagnosticEvents");
const bus: DiagnosticBus = ((globalThis as Record<symbol, DiagnosticBus | undefined>)[BUS_KEY] ??= {
  listeners: new Set(),
  enabled: true,
});
const listeners = bus.listeners;

/**
 * Subscribes to diagnostic events; returns the unsubscribe function. A throwing listener does not stop the others.
 *
 * @example
 * ```ts
 * const off = onDiagnosticEvent((event) => { if (event.type === "my-chat.reconnect") count += 1; });
 * ```
 */
export function onDiagnosticEvent(listener: (event: DiagnosticEventPayload) => void): () => void {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

/**
 * Delivers an event to every listener (synchronously), unless diagnostics are off for the process.
 *
 * @example
 * ```ts
 * emitDiagnosticEvent({ type: "my-chat.reconnect", attempt });
 * ```
 */
export function emitDiagnosticEvent(event: DiagnosticEventInput): void {
  if (!bus.enabled) return;
  const payload = { ...event, ts: event.ts ?? Date.now() } as DiagnosticEventPayload;
  for (const listener of [...listeners]) {
    try {
      listener(payload);
    } catch {
      // a failing observer must not break the emitter or other observers
    }
  }
}

/**
 * Whether diagnostics are enabled by config (`diagnostics.enabled`, default true).
 *
 * @example
 * ```ts
 * if (isDiagnosticsEnabled(api.config)) emitDiagnosticEvent({ type: "my-chat.stats", …stats });
 * ```
 */
export function isDiagnosticsEnabled(config?: OpenClawConfig): boolean {
  return (config?.diagnostics as { enabled?: unknown } | undefined)?.enabled !== false;
}

/**
 * Turns diagnostic delivery on or off for the whole process.
 *
 * @example
 * ```ts
 * setDiagnosticsEnabledForProcess(false);
 * ```
 */
export function setDiagnosticsEnabledForProcess(enabled: boolean): void {
  bus.enabled = enabled;
}

/**
 * Whether diagnostic delivery is on for the process.
 *
 * @example
 * ```ts
 * areDiagnosticsEnabledForProcess(); // true
 * ```
 */
export function areDiagnosticsEnabledForProcess(): boolean {
  return bus.enabled;
}

/**
 * A logger whose lines are prefixed with its subsystem (`[my-chat/poller] …`).
 *
 * @example
 * ```ts
 * const log: SubsystemLogger = createSubsystemLogger("my-chat");
 * ```
 */
export interface SubsystemLogger {
  subsystem: string;
  trace: (message: string, meta?: Record<string, unknown>) => void;
  debug: (message: string, meta?: Record<string, unknown>) => void;
  info: (message: string, meta?: Record<string, unknown>) => void;
  warn: (message: string, meta?: Record<string, unknown>) => void;
  error: (message: string, meta?: Record<string, unknown>) => void;
  child: (name: string) => SubsystemLogger;
}

/**
 * A console-backed logger for `subsystem`; `debug`/`trace` print only when `OPENCLAW_VERBOSE` is set.
 *
 * @example
 * ```ts
 * const log = createSubsystemLogger("my-chat").child("poller");
 * log.info("started", { interval: 5 });
 * ```
 */
export function createSubsystemLogger(subsystem: string): SubsystemLogger {
  const prefix = `[${subsystem}]`;
  const line = (message: string, meta?: Record<string, unknown>): string =>
    meta && Object.keys(meta).length > 0 ? `${prefix} ${message} ${JSON.stringify(meta)}` : `${prefix} ${message}`;
  const verbose = (): boolean => Boolean(process.env.OPENCLAW_VERBOSE);
  return {
    subsystem,
    trace: (message, meta) => void (verbose() && console.debug(line(message, meta))),
    debug: (message, meta) => void (verbose() && console.debug(line(message, meta))),
    info: (message, meta) => console.info(line(message, meta)),
    warn: (message, meta) => console.warn(line(message, meta)),
    error: (message, meta) => console.error(line(message, meta)),
    child: (name) => createSubsystemLogger(`${subsystem}/${name}`),
  };
}
