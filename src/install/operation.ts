/**
 * One running operation: emits progress events, times each phase and honours the abort signal between phases.
 */
import type { InstallOperation, InstallPhase, InstallProgressEvent, InstallProgressListener } from "./installer-api.js";
import { installError } from "./failure.js";

/** A running operation's progress/timing helper. */
export interface OperationRun {
  readonly operation: InstallOperation;
  readonly timings: Partial<Record<InstallPhase, number>>;
  spec?: string;
  pluginId?: string;
  /** Runs `fn` as `phase`: `start`/`end` events, elapsed time added to `timings`. */
  phase<T>(phase: InstallPhase, fn: () => Promise<T> | T, message?: string): Promise<T>;
  /** Emits one event (operation, spec and plugin id filled in). */
  emit(event: Omit<InstallProgressEvent, "operation" | "spec">): void;
  /** Throws `aborted` when the signal fired. */
  checkAborted(): void;
}

/**
 * Creates the helper for one operation.
 *
 * @example
 * ```ts
 * const run = createOperationRun("install", { onProgress: console.log });
 * await run.phase("resolve", () => parse(spec));
 * ```
 */
export function createOperationRun(
  operation: InstallOperation,
  options: { onProgress?: InstallProgressListener | undefined; signal?: AbortSignal | undefined; spec?: string },
): OperationRun {
  const timings: Partial<Record<InstallPhase, number>> = {};
  const run: OperationRun = {
    operation,
    timings,
    ...(options.spec !== undefined ? { spec: options.spec } : {}),
    emit(event) {
      if (!options.onProgress) return;
      const full: InstallProgressEvent = { operation, ...event };
      if (run.spec !== undefined) full.spec = run.spec;
      if (full.pluginId === undefined && run.pluginId !== undefined) full.pluginId = run.pluginId;
      try {
        options.onProgress(full);
      } catch {
        // a listener must not break the operation
      }
    },
    checkAborted() {
      if (options.signal?.aborted) {
        throw installError("aborted", `The ${operation} was aborted; nothing was changed.`, {
          ...(run.spec !== undefined ? { source: run.spec } : {}),
          rule: "an aborted operation rolls back",
          fix: `run the ${operation} again`,
        });
      }
    },
    async phase(phase, fn, message) {
      run.checkAborted();
      const started = performance.now();
      run.emit({ phase, status: "start", ...(message !== undefined ? { message } : {}) });
      try {
        return await fn();
      } finally {
        const elapsedMs = performance.now() - started;
        timings[phase] = (timings[phase] ?? 0) + elapsedMs;
        run.emit({ phase, status: "end", elapsedMs });
      }
    },
  };
  return run;
}
