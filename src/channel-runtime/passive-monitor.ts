/**
 * Passive monitors (pollers, socket listeners) that run until the account is stopped.
 */

/**
 * A started monitor that can be stopped.
 *
 * @example
 * ```ts
 * const monitor: StoppableMonitor = { stop: () => poller.close() };
 * ```
 */
export interface StoppableMonitor {
  stop: () => void | Promise<void>;
}

/**
 * Starts the monitor, keeps running until `abortSignal` fires, then awaits `stop()`. A monitor started after the
 * signal already fired is stopped at once.
 *
 * @example
 * ```ts
 * startAccount: (ctx) => runStoppablePassiveMonitor({ abortSignal: ctx.abortSignal, start: () => startPolling(ctx.account) }),
 * ```
 */
export async function runStoppablePassiveMonitor<TMonitor extends StoppableMonitor>(params: {
  abortSignal: AbortSignal;
  start: () => Promise<TMonitor>;
}): Promise<void> {
  const monitor = await params.start();
  if (!params.abortSignal.aborted) {
    await new Promise<void>((resolve) => params.abortSignal.addEventListener("abort", () => resolve(), { once: true }));
  }
  await monitor.stop();
}
