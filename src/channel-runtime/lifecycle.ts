/**
 * Lifecycle helpers for long-running channel account tasks (gateway `startAccount`).
 */

/**
 * Resolves when `signal` aborts (at once if it already has), after awaiting `onAbort`. Without a signal it never
 * resolves: the task lives as long as the process. Use it to keep `startAccount` pending until the gateway stops the
 * account.
 *
 * @example
 * ```ts
 * startAccount: async (ctx) => {
 *   const client = await connect(ctx.account);
 *   await waitUntilAbort(ctx.abortSignal, () => client.close());
 * },
 * ```
 */
export function waitUntilAbort(signal?: AbortSignal, onAbort?: () => void | Promise<void>): Promise<void> {
  if (!signal) return new Promise<void>(() => undefined);
  return new Promise<void>((resolve, reject) => {
    const finish = (): void => {
      Promise.resolve()
        .then(() => onAbort?.())
        .then(() => resolve(), reject);
    };
    if (signal.aborted) finish();
    else signal.addEventListener("abort", finish, { once: true });
  });
}
