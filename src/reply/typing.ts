/**
 * Typing-indicator callbacks for channels: start on reply, keep alive while the agent works, stop when idle, with a
 * failure breaker and a safety TTL.
 */
import type { TypingCallbacks } from "./dispatch-types.js";

/**
 * Options of `createTypingCallbacks`.
 *
 * @example
 * ```ts
 * const params: CreateTypingCallbacksParams = { start: () => sendTyping(chatId), onStartError: (e) => log.warn(e) };
 * ```
 */
export interface CreateTypingCallbacksParams {
  start: () => Promise<void>;
  stop?: () => Promise<void>;
  onStartError: (err: unknown) => void;
  onStopError?: (err: unknown) => void;
  /** Re-send `start` this often while the reply is running (default 3000 ms; 0 disables the keepalive). */
  keepaliveIntervalMs?: number;
  /** Stop the keepalive after this many consecutive `start` failures (default 2). */
  maxConsecutiveFailures?: number;
  /** Stop the indicator after this long even if the reply never goes idle (default 60 000 ms). */
  maxDurationMs?: number;
}

/**
 * Builds the `typingCallbacks` a reply dispatcher drives: `onReplyStart` calls `start` and repeats it every
 * `keepaliveIntervalMs`; `onIdle`/`onCleanup` stop the loop and call `stop` once. Errors go to `onStartError` /
 * `onStopError`, never to the caller.
 *
 * @example
 * ```ts
 * const typingCallbacks = createTypingCallbacks({
 *   start: () => bot.sendChatAction(chatId, "typing"),
 *   onStartError: (err) => runtime.error(`typing failed: ${String(err)}`),
 * });
 * ```
 */
export function createTypingCallbacks(params: CreateTypingCallbacksParams): TypingCallbacks {
  const interval = params.keepaliveIntervalMs ?? 3000;
  const maxFailures = Math.max(1, params.maxConsecutiveFailures ?? 2);
  const maxDuration = params.maxDurationMs ?? 60_000;
  let keepalive: ReturnType<typeof setInterval> | undefined;
  let ttl: ReturnType<typeof setTimeout> | undefined;
  let failures = 0;
  let active = false;

  const clearTimers = (): void => {
    if (keepalive) clearInterval(keepalive);
    if (ttl) clearTimeout(ttl);
    keepalive = undefined;
    ttl = undefined;
  };
  const fire = async (): Promise<void> => {
    try {
      await params.start();
      failures = 0;
    } catch (error) {
      failures += 1;
      params.onStartError(error);
      if (failures >= maxFailures && keepalive) {
        clearInterval(keepalive);
        keepalive = undefined;
      }
    }
  };
  const finish = (): void => {
    if (!active) return;
    active = false;
    clearTimers();
    if (!params.stop) return;
    params.stop().catch((error: unknown) => params.onStopError?.(error));
  };

  return {
    async onReplyStart() {
      if (active) return;
      active = true;
      failures = 0;
      await fire();
      if (!active) return;
      if (interval > 0 && failures < maxFailures) {
        keepalive = setInterval(() => void fire(), interval);
        keepalive.unref?.();
      }
      if (maxDuration > 0) {
        ttl = setTimeout(finish, maxDuration);
        ttl.unref?.();
      }
    },
    onIdle: finish,
    onCleanup: finish,
  };
}
