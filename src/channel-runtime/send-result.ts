/**
 * Normalised results of channel sends, as outbound callers expect them.
 */

/**
 * The raw result a channel's send function returns.
 *
 * @example
 * ```ts
 * const raw: ChannelSendRawResult = { ok: true, messageId: "m1" };
 * ```
 */
export interface ChannelSendRawResult {
  ok: boolean;
  messageId?: string | null;
  error?: string | null;
}

/**
 * A raw send result as `{ channel, ok, messageId, error }` (missing id → `""`, error text → `Error`).
 *
 * @example
 * ```ts
 * return buildChannelSendResult("my-chat", await sendText(to, text));
 * ```
 */
export function buildChannelSendResult(
  channel: string,
  result: ChannelSendRawResult,
): { channel: string; ok: boolean; messageId: string; error: Error | undefined } {
  return {
    channel,
    ok: result.ok,
    messageId: result.messageId ?? "",
    error: result.error ? new Error(result.error) : undefined,
  };
}

/**
 * The result of a send that sent nothing: `{ channel, messageId: "" }` plus `extra`.
 *
 * @example
 * ```ts
 * if (!text.trim()) return createEmptyChannelResult("my-chat");
 * ```
 */
export function createEmptyChannelResult<T extends Record<string, unknown> = Record<string, never>>(
  channel: string,
  extra?: T,
): { channel: string; messageId: string } & T {
  return { ...(extra ?? ({} as T)), channel, messageId: "" };
}

/**
 * The result with `channel` stamped on it.
 *
 * @example
 * ```ts
 * return attachChannelToResult("my-chat", { messageId: sent.id });
 * ```
 */
export function attachChannelToResult<T extends object>(channel: string, result: T): T & { channel: string } {
  return { ...result, channel };
}

/**
 * Every result with `channel` stamped on it.
 *
 * @example
 * ```ts
 * return attachChannelToResults("my-chat", sentParts);
 * ```
 */
export function attachChannelToResults<T extends object>(channel: string, results: readonly T[]): Array<T & { channel: string }> {
  return results.map((result) => attachChannelToResult(channel, result));
}
