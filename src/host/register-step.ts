/**
 * The time-bounded steps of a load: the entry import (a top-level `await` that never settles) and `register(api)`
 * (a returned promise that never settles). Each runs against a deadline and ends in a result object, never a
 * rejection: whatever the plugin throws — `null`, a symbol, a null-prototype object, a thenable whose `then`
 * throws — comes back as `{ outcome: "threw", error }`.
 *
 * A synchronous endless loop cannot be interrupted in-process; the CLI's runtime checks run plugins in a child
 * process for that (see docs/security.md).
 */

/** Default time `register(api)` (and the entry import) may take before the load ends in a timeout: 10 s. */
export const DEFAULT_REGISTER_TIMEOUT_MS = 10_000;

/** Largest delay `setTimeout` accepts; longer (or `Infinity`) means no deadline. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** How a bounded step ended. */
export type StepOutcome<T> =
  | { outcome: "done"; value: T }
  | { outcome: "threw"; error: unknown }
  | { outcome: "timeout"; timeoutMs: number };

/**
 * Checks a `registerTimeoutMs` value: a positive number of milliseconds (`Infinity` = no deadline). Returns the
 * value to use and, for anything else, a sentence explaining why the default is used instead.
 *
 * @example
 * ```ts
 * resolveRegisterTimeout(undefined); // { timeoutMs: 10000 }
 * resolveRegisterTimeout(-1).problem; // "registerTimeoutMs must be a positive number of milliseconds …"
 * ```
 */
export function resolveRegisterTimeout(value: unknown): { timeoutMs: number; problem?: string } {
  if (value === undefined) return { timeoutMs: DEFAULT_REGISTER_TIMEOUT_MS };
  if (typeof value === "number" && value > 0 && !Number.isNaN(value)) return { timeoutMs: value };
  let shown: string;
  try {
    shown = typeof value === "string" ? JSON.stringify(value) : String(value);
  } catch {
    shown = typeof value;
  }
  return {
    timeoutMs: DEFAULT_REGISTER_TIMEOUT_MS,
    problem: `registerTimeoutMs must be a positive number of milliseconds (Infinity for no limit), got ${shown}; using the default ${DEFAULT_REGISTER_TIMEOUT_MS} ms.`,
  };
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    value !== null &&
    (typeof value === "object" || typeof value === "function") &&
    typeof (value as { then?: unknown }).then === "function"
  );
}

/**
 * Awaits `value` when it is a promise or thenable, for at most `timeoutMs`; a plain value is `done` at once.
 * Never rejects. Reading `then` (a getter that throws) and calling it (a `then` that throws) count as `threw`.
 *
 * @example
 * ```ts
 * const outcome = await settleWithin(entry.register(api), 10_000);
 * if (outcome.outcome === "timeout") console.error(`register did not finish within ${outcome.timeoutMs} ms`);
 * ```
 */
export async function settleWithin<T>(value: T | PromiseLike<T>, timeoutMs: number): Promise<StepOutcome<T> & { async: boolean }> {
  let thenable: boolean;
  try {
    thenable = isThenable(value);
  } catch (error) {
    return { outcome: "threw", error, async: false };
  }
  if (!thenable) return { outcome: "done", value: value as T, async: false };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline =
    timeoutMs >= MAX_TIMER_MS
      ? new Promise<never>(() => {})
      : new Promise<{ outcome: "timeout"; timeoutMs: number }>((resolve) => {
          timer = setTimeout(() => resolve({ outcome: "timeout", timeoutMs }), timeoutMs);
        });
  try {
    const settled = new Promise<StepOutcome<T>>((resolve) => {
      try {
        (value as PromiseLike<T>).then(
          (result) => resolve({ outcome: "done", value: result }),
          (error: unknown) => resolve({ outcome: "threw", error }),
        );
      } catch (error) {
        resolve({ outcome: "threw", error });
      }
    });
    return { ...(await Promise.race([settled, deadline])), async: true };
  } finally {
    if (timer !== undefined) clearTimeout(timer);
  }
}

/**
 * Calls `run` (an import or `register(api)`), catching a synchronous throw, then {@link settleWithin} its result.
 *
 * @example
 * ```ts
 * const imported = await runBounded(() => import(url), 10_000);
 * ```
 */
export function runBounded<T>(run: () => T | PromiseLike<T>, timeoutMs: number): Promise<StepOutcome<T> & { async: boolean }> {
  let value: T | PromiseLike<T>;
  try {
    value = run();
  } catch (error) {
    return Promise.resolve({ outcome: "threw", error, async: false });
  }
  return settleWithin(value, timeoutMs);
}
