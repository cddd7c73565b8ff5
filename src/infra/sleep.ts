/**
 * Abortable sleep.
 */

/**
 * Resolves after `ms` milliseconds (negative or non-finite values count as 0); rejects with the signal's reason when
 * `signal` aborts first.
 *
 * @example
 * ```ts
 * await sleep(1000, ctx.abortSignal);
 * ```
 */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  const delay = Number.isFinite(ms) && ms > 0 ? Math.min(ms, 2_147_483_647) : 0;
  return new Promise<void>((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason ?? new Error("sleep aborted"));
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal!.reason ?? new Error("sleep aborted"));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, delay);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
